//! `claimdex ingest`: extract documents and write their claims into the
//! index, skipping unchanged documents and committing in batches.

use std::collections::HashMap;
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, PoisonError};

use anyhow::{Context, Result};
use claimdex_index::{ClaimIndex, Upsert};
use claimdex_model::contract::{content_hash, DocRecord};
use serde::Serialize;

use crate::args::IngestArgs;
use crate::pipeline::{self, Decision, Summary};

/// The tantivy writer's memory budget: bounded whatever the corpus size.
const WRITER_MEMORY: usize = 128 * 1024 * 1024;

#[derive(Default, Serialize)]
struct IngestCounts {
    new: u64,
    changed: u64,
    unchanged: u64,
    commits: u64,
}

#[derive(Serialize)]
struct Report<'a> {
    index: String,
    #[serde(flatten)]
    counts: &'a IngestCounts,
    #[serde(flatten)]
    summary: &'a Summary,
}

pub fn run(args: IngestArgs) -> Result<ExitCode> {
    let index = ClaimIndex::open_or_create(&args.index).with_context(|| {
        format!(
            "cannot open or create the index at {}",
            args.index.display()
        )
    })?;
    let mut writer = index.writer(WRITER_MEMORY)?;
    let mut summary = Summary::new(args.report.is_some());
    let mut counts = IngestCounts::default();
    let mut since_commit = 0usize;
    let commit_every = args.commit_every.max(1);
    // Decisions are taken on the worker threads.
    let lookup_error = Mutex::new(None);
    let skipped_unchanged = AtomicU64::new(0);
    // Indexed hashes of the documents sent to extraction, by id, so the
    // writer does not repeat the lookup (`upsert_known`). A document whose
    // lookup failed is absent and is looked up again by `upsert`.
    let looked_up: Mutex<HashMap<String, Option<String>>> = Mutex::new(HashMap::new());
    let result = pipeline::run(
        &args.input,
        &mut summary,
        |doc| match index.doc_hash(&doc.id) {
            Ok(Some(hash)) if hash == content_hash(&doc.text) => {
                skipped_unchanged.fetch_add(1, Ordering::Relaxed);
                Decision::Skip
            }
            Ok(indexed) => {
                looked_up
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .insert(doc.id.clone(), indexed);
                Decision::Extract
            }
            Err(err) => {
                lookup_error
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .get_or_insert(err);
                Decision::Extract
            }
        },
        // The contract records are built on the workers, with the parts the
        // index keeps for `claimdex show`.
        |ex| {
            Ok(DocRecord::from_extraction(
                &ex,
                claimdex_index::RECORD_PARTS,
            ))
        },
        |record, _| {
            let known = looked_up
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .remove(&record.doc.id);
            let outcome = match known {
                Some(indexed) => writer.upsert_known(&record, indexed)?,
                None => writer.upsert(&record)?,
            };
            match outcome {
                Upsert::New => counts.new += 1,
                Upsert::Changed => counts.changed += 1,
                Upsert::Unchanged => counts.unchanged += 1,
            }
            since_commit += 1;
            if since_commit >= commit_every {
                writer.commit()?;
                counts.commits += 1;
                since_commit = 0;
            }
            Ok(())
        },
    );
    counts.unchanged += skipped_unchanged.into_inner();
    // Whatever happened, what was written so far is committed whole.
    writer.commit()?;
    counts.commits += 1;
    result?;
    if let Some(err) = lookup_error
        .into_inner()
        .unwrap_or_else(PoisonError::into_inner)
    {
        eprintln!("claimdex: warning: could not check indexed versions ({err}); documents were re-extracted");
    }
    if !args.input.quiet {
        eprintln!(
            "claimdex: {} read ({} new, {} changed, {} unchanged), {} written to {}; {}{}; {}",
            pipeline::counted(summary.documents, "document"),
            counts.new,
            counts.changed,
            counts.unchanged,
            pipeline::counted(summary.claims, "claim"),
            args.index.display(),
            summary.skipped_line(),
            summary.passed_over_note(),
            summary.rate_line()
        );
    }
    if let Some(path) = &args.report {
        let report = Report {
            index: args.index.display().to_string(),
            counts: &counts,
            summary: &summary,
        };
        let json = serde_json::to_string_pretty(&report)?;
        std::fs::write(path, json)
            .with_context(|| format!("cannot write the report to {}", path.display()))?;
    }
    Ok(if summary.skipped_total() > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
