//! The document pipeline shared by `extract` and `ingest`: a reader thread,
//! extraction workers and an ordered writer, joined by bounded channels so
//! that reading, extracting and writing overlap.
//!
//! ```text
//! reader thread ──jobs──► N workers ──results──► writer (this thread)
//!   read                    parse HTML, decide,     reorder by sequence
//!                           analyse, extract,       number, sink, tally
//!                           render
//! ```
//!
//! Every input item gets a sequence number; the writer hands items to the
//! sink strictly in that order, so `extract` prints documents in input
//! order and the index receives them in a deterministic order. A permit
//! per item in flight (taken by the reader, returned by the writer) bounds
//! what is held at once: at most [`WINDOW_PER_WORKER`] items per worker,
//! whatever the corpus size, and no barrier between batches.

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc::{channel, sync_channel, Receiver, Sender, SyncSender};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::time::Instant;

use anyhow::Result;
use claimdex_ingest::read::{read_inputs, Item, Page, ReadOptions};
use claimdex_ingest::SkipReason;
use claimdex_model::{Document, Extraction};
use jiff::civil::Date;
use serde::Serialize;

use crate::args::InputArgs;

/// Items in flight (read, not yet written) per worker. Bounds memory: at
/// most this many documents (each capped by `--max-doc-bytes`) and their
/// rendered output are held per worker; large enough that one slow
/// document does not starve the other workers.
const WINDOW_PER_WORKER: usize = 64;

/// Chunks of documents queued for the workers, per worker.
const QUEUE_PER_WORKER: usize = 2;

/// Documents per chunk, at most; a chunk also ends at [`CHUNK_BYTES`] of
/// text, so that one chunk of long documents does not hold up the others.
const CHUNK_DOCS: usize = 8;

/// Text bytes per chunk beyond which the chunk is sent.
const CHUNK_BYTES: usize = 64 * 1024;

/// Progress is redrawn every this many items.
const PROGRESS_EVERY: u64 = 64;

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
    /// Warnings about documents that were read all the same (e.g. an HTML
    /// page cut at the size cap), by kind.
    pub warnings: BTreeMap<&'static str, u64>,
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

    /// Counts a skipped item and prints it.
    fn record_skip(&mut self, category: &'static str, message: String, progress: &Progress) {
        progress.println(&format!("claimdex: skipped {message}"));
        *self.skipped.entry(category).or_default() += 1;
        if self.keep_items {
            self.skipped_items.push(SkippedItem {
                reason: category,
                message,
            });
        }
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

    /// What was passed over without being an error, for the summary line:
    /// "; 3 files of unsupported type, 40 records (38 warc request, 2 warc
    /// metadata) passed over; 1 warning" (empty when nothing was).
    pub fn passed_over_note(&self) -> String {
        let mut passed = Vec::new();
        if self.unsupported_files > 0 {
            passed.push(format!(
                "{} of unsupported type",
                counted(self.unsupported_files, "file")
            ));
        }
        if !self.records_passed_over.is_empty() {
            let total: u64 = self.records_passed_over.values().sum();
            let parts: Vec<String> = self
                .records_passed_over
                .iter()
                .map(|(k, v)| format!("{v} {k}"))
                .collect();
            passed.push(format!("{total} records ({})", parts.join(", ")));
        }
        let mut note = String::new();
        if !passed.is_empty() {
            note = format!("; {} passed over", passed.join(", "));
        }
        if !self.warnings.is_empty() {
            let total: u64 = self.warnings.values().sum();
            let parts: Vec<String> = self
                .warnings
                .iter()
                .map(|(kind, n)| format!("{n} {}", kind.replace('_', " ")))
                .collect();
            note.push_str(&format!(
                "; {} ({})",
                counted(total, "warning"),
                parts.join(", ")
            ));
        }
        note
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

/// One input item on its way to the writer.
enum Slot<T> {
    /// A document extracted and rendered.
    Extracted {
        bytes: u64,
        claims: u64,
        out: Result<T>,
    },
    /// A document read but not extracted ([`Decision::Skip`]).
    Unextracted { bytes: u64 },
    /// Extraction panicked on this document (a bug, not an input error):
    /// reported like a skipped item so that the batch goes on.
    Failed { message: String },
    /// An input that could not be read.
    Skip(SkipReason),
    /// A file of an unsupported kind.
    Unsupported,
    /// A record holding no document.
    Passed(&'static str),
    /// A warning about a document read all the same.
    Warning {
        /// A stable code to count it by.
        kind: &'static str,
        /// The warning, with its source.
        message: String,
    },
}

/// Consecutive documents for one worker. Documents travel in small chunks
/// so that the threads synchronise once per chunk, not once per document.
type Chunk = Vec<(u64, Input)>;

/// What a worker gets: a document, or an HTML page to parse first.
enum Input {
    Doc(Box<Document>),
    Page(Box<Page>),
}

/// What the writer gets for one input item: its slot, then warnings about
/// it (each a [`Slot::Warning`], already prefixed with its source).
type Outcome<T> = (Slot<T>, Vec<Slot<T>>);

/// Bounds the items in flight: the reader may start item `seq` only while
/// `seq < written + size`, where `written` counts the items the writer has
/// passed on.
struct Window {
    size: u64,
    state: Mutex<WindowState>,
    moved: Condvar,
}

struct WindowState {
    written: u64,
    /// The writer has stopped (done or failed): nobody waits any more.
    closed: bool,
}

impl Window {
    fn new(size: u64) -> Self {
        Window {
            size,
            state: Mutex::new(WindowState {
                written: 0,
                closed: false,
            }),
            moved: Condvar::new(),
        }
    }

    fn lock(&self) -> MutexGuard<'_, WindowState> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Whether item `seq` may start now.
    fn is_open_for(&self, seq: u64) -> bool {
        let state = self.lock();
        state.closed || seq < state.written + self.size
    }

    /// Waits until item `seq` may start; false when the writer has stopped.
    fn enter(&self, seq: u64) -> bool {
        let mut state = self.lock();
        while !state.closed && seq >= state.written + self.size {
            state = self
                .moved
                .wait(state)
                .unwrap_or_else(PoisonError::into_inner);
        }
        !state.closed
    }

    fn advance(&self, written: u64) {
        self.lock().written = written;
        self.moved.notify_all();
    }

    fn close(&self) {
        self.lock().closed = true;
        self.moved.notify_all();
    }
}

/// Reads every input; parses HTML pages, decides per document, analyses,
/// extracts and renders the chosen ones on `--jobs` worker threads; and
/// passes each rendering to `sink` in input order on the calling thread.
pub fn run<T: Send>(
    input: &InputArgs,
    summary: &mut Summary,
    decide: impl Fn(&Document) -> Decision + Sync,
    render: impl Fn(Extraction) -> Result<T> + Sync,
    mut sink: impl FnMut(T, &mut Summary) -> Result<()>,
) -> Result<()> {
    let workers = match input.jobs {
        Some(n) if n > 0 => n,
        _ => std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    let progress = Progress::new(!input.quiet && stderr_is_terminal(), input.quiet);
    let opts = ReadOptions {
        max_doc_bytes: input.max_doc_bytes,
        // Pages are parsed on the workers, not on the reader thread.
        defer_html: true,
    };
    let inputs = input.inputs.clone();
    let published = input.published;
    let render = &render;
    let decide = &decide;

    let window = Window::new((WINDOW_PER_WORKER * workers) as u64);
    let (job_tx, job_rx) = sync_channel::<Chunk>(QUEUE_PER_WORKER * workers);
    let (result_tx, result_rx) = channel::<Vec<(u64, Outcome<T>)>>();
    // Shared by the workers only: when the last of them stops, the queue
    // closes and a reader blocked on it wakes up.
    let job_rx = Arc::new(Mutex::new(job_rx));

    std::thread::scope(|scope| {
        let reader_results = result_tx.clone();
        let window = &window;
        scope.spawn(move || read_all(inputs, opts, window, job_tx, reader_results));
        for _ in 0..workers {
            let jobs = Arc::clone(&job_rx);
            let results = result_tx.clone();
            scope.spawn(move || loop {
                let next = jobs.lock().unwrap_or_else(PoisonError::into_inner).recv();
                let Ok(chunk) = next else {
                    return;
                };
                let done = chunk
                    .into_iter()
                    .map(|(seq, input)| (seq, extract_one(input, published, decide, render)))
                    .collect();
                if results.send(done).is_err() {
                    return;
                }
            });
        }
        drop(job_rx);
        // The writer's own copy would keep the results channel open.
        drop(result_tx);
        let written = write_in_order(result_rx, window, summary, &progress, &mut sink);
        // Wakes a reader waiting for room when the sink failed; otherwise
        // it has finished already.
        window.close();
        written
    })?;
    progress.finish();
    summary.finish();
    Ok(())
}

/// The reader thread: numbers the input items, sends documents and pages
/// to the workers in chunks and everything else straight to the writer.
/// Returns early once the writer or the workers have stopped.
fn read_all<T>(
    inputs: Vec<String>,
    opts: ReadOptions,
    window: &Window,
    jobs: SyncSender<Chunk>,
    results: Sender<Vec<(u64, Outcome<T>)>>,
) {
    let mut chunk: Chunk = Vec::with_capacity(CHUNK_DOCS);
    let mut chunk_bytes = 0usize;
    for (seq, item) in (0u64..).zip(read_inputs(inputs, opts)) {
        if !window.is_open_for(seq) {
            // The writer may be waiting for a document still held here.
            if !chunk.is_empty() && jobs.send(std::mem::take(&mut chunk)).is_err() {
                return;
            }
            chunk_bytes = 0;
            if !window.enter(seq) {
                return;
            }
        }
        let slot = match item {
            Item::Doc(doc) => {
                chunk_bytes += doc.text.len();
                chunk.push((seq, Input::Doc(doc)));
                None
            }
            Item::Page(page) => {
                chunk_bytes += page.len();
                chunk.push((seq, Input::Page(page)));
                None
            }
            Item::Skip(reason) => Some(Slot::Skip(reason)),
            Item::Unsupported(_) => Some(Slot::Unsupported),
            Item::Passed(what) => Some(Slot::Passed(what)),
            Item::Warning {
                source,
                kind,
                message,
            } => Some(Slot::Warning {
                kind,
                message: format!("{source}: {message}"),
            }),
        };
        if let Some(slot) = slot {
            if results.send(vec![(seq, (slot, Vec::new()))]).is_err() {
                return;
            }
            continue;
        }
        if chunk.len() >= CHUNK_DOCS || chunk_bytes >= CHUNK_BYTES {
            if jobs.send(std::mem::take(&mut chunk)).is_err() {
                return;
            }
            chunk_bytes = 0;
        }
    }
    if !chunk.is_empty() {
        let _ = jobs.send(chunk);
    }
}

/// Parses (a page), decides, analyses, extracts and renders one input on
/// a worker.
fn extract_one<T>(
    input: Input,
    published: Option<Date>,
    decide: &impl Fn(&Document) -> Decision,
    render: &impl Fn(Extraction) -> Result<T>,
) -> Outcome<T> {
    let source = match &input {
        Input::Doc(doc) => doc.source.clone(),
        Input::Page(page) => page.source().to_string(),
    };
    // An extractor bug must not take the batch down: the input is reported
    // like a skipped item and the others go on.
    let done = catch_unwind(AssertUnwindSafe(|| {
        let (mut doc, warnings) = match input {
            Input::Doc(doc) => (*doc, Vec::new()),
            Input::Page(page) => page.parse(),
        };
        let warnings: Vec<Slot<T>> = warnings
            .into_iter()
            .map(|w| Slot::Warning {
                kind: w.kind(),
                message: format!("{}: {w}", doc.source),
            })
            .collect();
        let bytes = doc.text.len() as u64;
        if let Decision::Skip = decide(&doc) {
            return (Slot::Unextracted { bytes }, warnings);
        }
        claimdex_ingest::analyze(&mut doc, published);
        let ex = claimdex_ingest::extract(doc);
        let claims = ex.claims.len() as u64;
        let out = render(ex);
        (Slot::Extracted { bytes, claims, out }, warnings)
    }));
    done.unwrap_or_else(|panic| {
        let message = format!("{source}: extraction failed: {}", panic_text(&*panic));
        (Slot::Failed { message }, Vec::new())
    })
}

/// The writer: puts the workers' results back into input order, hands them
/// to `sink` and keeps the tally.
fn write_in_order<T>(
    results: Receiver<Vec<(u64, Outcome<T>)>>,
    window: &Window,
    summary: &mut Summary,
    progress: &Progress,
    sink: &mut impl FnMut(T, &mut Summary) -> Result<()>,
) -> Result<()> {
    let mut pending: BTreeMap<u64, Outcome<T>> = BTreeMap::new();
    let mut next = 0u64;
    for done in results {
        pending.extend(done);
        let before = next;
        while let Some((slot, warnings)) = pending.remove(&next) {
            next += 1;
            emit(slot, summary, progress, sink)?;
            for warning in warnings {
                emit(warning, summary, progress, sink)?;
            }
            if next.is_multiple_of(PROGRESS_EVERY) {
                progress.update(summary);
            }
        }
        if next != before {
            window.advance(next);
        }
    }
    Ok(())
}

fn emit<T>(
    slot: Slot<T>,
    summary: &mut Summary,
    progress: &Progress,
    sink: &mut impl FnMut(T, &mut Summary) -> Result<()>,
) -> Result<()> {
    match slot {
        Slot::Extracted { bytes, claims, out } => {
            summary.documents += 1;
            summary.bytes += bytes;
            summary.extracted += 1;
            summary.claims += claims;
            sink(out?, summary)?;
        }
        Slot::Unextracted { bytes } => {
            summary.documents += 1;
            summary.bytes += bytes;
        }
        Slot::Failed { message } => {
            summary.documents += 1;
            summary.record_skip("extraction failed", message, progress);
        }
        Slot::Skip(reason) => summary.record_skip(reason.category(), reason.to_string(), progress),
        Slot::Unsupported => summary.unsupported_files += 1,
        Slot::Passed(what) => *summary.records_passed_over.entry(what).or_default() += 1,
        Slot::Warning { kind, message } => {
            progress.warn(&format!("claimdex: warning: {message}"));
            *summary.warnings.entry(kind).or_default() += 1;
        }
    }
    Ok(())
}

/// The message of a caught panic.
fn panic_text(panic: &(dyn std::any::Any + Send)) -> &str {
    panic
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| panic.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("panic")
}

/// A spinner on stderr with documents, megabytes and rates; only on a
/// terminal and without `--quiet`.
struct Progress {
    bar: Option<indicatif::ProgressBar>,
    /// `--quiet`: warnings are counted but not printed one by one.
    quiet: bool,
}

impl Progress {
    fn new(show: bool, quiet: bool) -> Self {
        let bar = show.then(|| {
            let bar = indicatif::ProgressBar::new_spinner();
            let style = indicatif::ProgressStyle::with_template(
                "{spinner} {pos} docs {msg} [{elapsed_precise}]",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner());
            bar.set_style(style);
            bar.enable_steady_tick(std::time::Duration::from_millis(200));
            bar
        });
        Progress { bar, quiet }
    }

    fn update(&self, summary: &Summary) {
        if let Some(bar) = &self.bar {
            let secs = summary
                .started
                .map(|s| s.elapsed().as_secs_f64())
                .unwrap_or(0.0)
                .max(1e-9);
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

    /// Prints a warning line unless `--quiet` asked for errors only.
    fn warn(&self, line: &str) {
        if !self.quiet {
            self.println(line);
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// "1 document", "2 documents": a count with its noun, for summaries.
pub fn counted(n: u64, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Whether decorations (colour, progress) may go to stderr.
pub fn stderr_is_terminal() -> bool {
    std::io::stderr().is_terminal()
}
