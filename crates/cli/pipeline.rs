//! The document pipeline shared by `extract` and `ingest`: read inputs in
//! order, analyse and extract in parallel batches, hand results back in
//! input order, and keep the tally for the summary.

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::time::Instant;

use anyhow::Result;
use claimdex_ingest::read::{read_inputs, Item, ReadOptions};
use claimdex_model::{Document, Extraction};
use rayon::prelude::*;
use serde::Serialize;

use crate::args::InputArgs;

/// Documents analysed in parallel at a time. Bounds memory: at most this
/// many documents (each capped by `--max-doc-bytes`) are held at once.
const BATCH: usize = 64;

/// What a run did, for the summary line and `--report`.
#[derive(Debug, Default, Serialize)]
pub struct Summary {
    /// Documents read.
    pub documents: u64,
    /// Bytes of document text read.
    pub bytes: u64,
    /// Documents extracted (not skipped as unchanged).
    pub extracted: u64,
    /// Claims produced.
    pub claims: u64,
    /// Items skipped, by reason.
    pub skipped: BTreeMap<&'static str, u64>,
    /// Files passed over because their kind is not supported.
    pub unsupported_files: u64,
    /// Records holding no document (WARC requests, metadata, non-HTML
    /// responses), passed over, by kind.
    pub records_passed_over: BTreeMap<&'static str, u64>,
    /// Every skipped item, when a report was asked for.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub skipped_items: Vec<SkippedItem>,
    /// Wall time in seconds.
    pub elapsed_seconds: f64,
    #[serde(skip)]
    started: Option<Instant>,
    #[serde(skip)]
    keep_items: bool,
}

/// One skipped input, for the report.
#[derive(Debug, Serialize)]
pub struct SkippedItem {
    /// The reason category.
    pub reason: &'static str,
    /// The full message (path, line, reason).
    pub message: String,
}

impl Summary {
    /// A fresh tally; `keep_items` keeps every skipped item for a report.
    pub fn new(keep_items: bool) -> Self {
        Summary {
            started: Some(Instant::now()),
            keep_items,
            ..Summary::default()
        }
    }

    /// Number of skipped items.
    pub fn skipped_total(&self) -> u64 {
        self.skipped.values().sum()
    }

    /// Closes the tally.
    pub fn finish(&mut self) {
        self.elapsed_seconds = self
            .started
            .map(|s| s.elapsed().as_secs_f64())
            .unwrap_or(0.0);
    }

    /// "12 skipped (3 binary, 9 bad record)".
    pub fn skipped_line(&self) -> String {
        if self.skipped.is_empty() {
            return "none skipped".to_string();
        }
        let parts: Vec<String> = self
            .skipped
            .iter()
            .map(|(k, v)| format!("{v} {k}"))
            .collect();
        format!("{} skipped ({})", self.skipped_total(), parts.join(", "))
    }

    /// Throughput as "N docs/s, M MB/s".
    pub fn rate_line(&self) -> String {
        let secs = self.elapsed_seconds.max(1e-9);
        format!(
            "{:.1}s, {:.0} docs/s, {:.2} MB/s",
            self.elapsed_seconds,
            self.documents as f64 / secs,
            self.bytes as f64 / 1e6 / secs
        )
    }
}

/// What to do with a document before extraction.
pub enum Decision {
    /// Analyse and extract it.
    Extract,
    /// Leave it out (e.g. unchanged since the last ingest).
    Skip,
}

/// Reads every input, decides per document, extracts the chosen ones in
/// parallel batches and passes each extraction to `sink` in input order.
pub fn run(
    input: &InputArgs,
    summary: &mut Summary,
    mut decide: impl FnMut(&Document) -> Decision,
    mut sink: impl FnMut(Extraction, &mut Summary) -> Result<()>,
) -> Result<()> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(input.jobs.unwrap_or(0))
        .build()?;
    let progress = Progress::new(!input.quiet && stderr_is_terminal());
    let opts = ReadOptions {
        max_doc_bytes: input.max_doc_bytes,
    };
    let published = input.published;
    let mut batch: Vec<Document> = Vec::with_capacity(BATCH);
    let mut flush = |batch: &mut Vec<Document>, summary: &mut Summary| -> Result<()> {
        let docs = std::mem::take(batch);
        let extractions: Vec<Extraction> = pool.install(|| {
            docs.into_par_iter()
                .map(|mut doc| {
                    claimdex_ingest::analyze(&mut doc, published);
                    claimdex_ingest::extract(doc)
                })
                .collect()
        });
        progress.update(summary);
        for ex in extractions {
            summary.extracted += 1;
            summary.claims += ex.claims.len() as u64;
            sink(ex, summary)?;
        }
        Ok(())
    };
    for item in read_inputs(input.inputs.clone(), opts) {
        match item {
            Item::Doc(doc) => {
                summary.documents += 1;
                summary.bytes += doc.text.len() as u64;
                if let Decision::Extract = decide(&doc) {
                    batch.push(*doc);
                    if batch.len() >= BATCH {
                        flush(&mut batch, summary)?;
                    }
                }
            }
            Item::Skip(reason) => {
                // Keep stdout and stderr in step for a reader watching both.
                if !batch.is_empty() {
                    flush(&mut batch, summary)?;
                }
                let message = reason.to_string();
                progress.println(&format!("claimdex: skipped {message}"));
                *summary.skipped.entry(reason.category()).or_default() += 1;
                if summary.keep_items {
                    summary.skipped_items.push(SkippedItem {
                        reason: reason.category(),
                        message,
                    });
                }
            }
            Item::Unsupported(_) => summary.unsupported_files += 1,
            Item::Passed(what) => *summary.records_passed_over.entry(what).or_default() += 1,
        }
    }
    flush(&mut batch, summary)?;
    progress.finish();
    summary.finish();
    Ok(())
}

/// A spinner on stderr with documents, megabytes and rates; only on a
/// terminal and without `--quiet`.
struct Progress {
    bar: Option<indicatif::ProgressBar>,
}

impl Progress {
    fn new(show: bool) -> Self {
        let bar = show.then(|| {
            let bar = indicatif::ProgressBar::new_spinner();
            let style = indicatif::ProgressStyle::with_template("{spinner} {pos} docs {msg} [{elapsed_precise}]")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner());
            bar.set_style(style);
            bar.enable_steady_tick(std::time::Duration::from_millis(200));
            bar
        });
        Progress { bar }
    }

    fn update(&self, summary: &Summary) {
        if let Some(bar) = &self.bar {
            let secs = summary.started.map(|s| s.elapsed().as_secs_f64()).unwrap_or(0.0).max(1e-9);
            bar.set_position(summary.documents);
            bar.set_message(format!(
                "{:.1} MB, {:.0} docs/s, {:.2} MB/s, {} claims, {} skipped",
                summary.bytes as f64 / 1e6,
                summary.documents as f64 / secs,
                summary.bytes as f64 / 1e6 / secs,
                summary.claims,
                summary.skipped_total()
            ));
        }
    }

    /// Prints a line above the spinner (or plainly when there is none).
    fn println(&self, line: &str) {
        match &self.bar {
            Some(bar) => bar.println(line),
            None => eprintln!("{line}"),
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// Whether decorations (colour, progress) may go to stderr.
pub fn stderr_is_terminal() -> bool {
    std::io::stderr().is_terminal()
}
