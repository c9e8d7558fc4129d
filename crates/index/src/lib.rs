//! The index stage of claimdex: stores extracted claims in a tantivy index
//! and searches them.
//!
//! Input is the output-contract record [`DocRecord`] (code-point offsets,
//! claims with citations); search hits carry the same record types, so the
//! CLI prints them as they are.
//!
//! Layout: one tantivy document per claim (full-text claim text, kinds,
//! speaker, figure values and units, event and publication dates, the stored
//! claim as JSON) plus one bookkeeping entry per indexed document (id,
//! content hash, claim count, and its sentences for showing a claim in
//! context when the record carries them). Re-ingesting an unchanged document is detected
//! from the hash alone; a changed one has all its entries deleted by
//! `doc_id` and rewritten.
//!
//! ```no_run
//! # fn main() -> Result<(), claimdex_index::IndexError> {
//! use claimdex_index::{ClaimIndex, SearchRequest};
//! let index = ClaimIndex::open_or_create(std::path::Path::new("idx"))?;
//! let mut writer = index.writer(64 << 20)?;
//! # let records: Vec<claimdex_model::contract::DocRecord> = Vec::new();
//! for rec in &records {
//!     writer.upsert(rec)?;
//! }
//! writer.commit()?;
//! let hits = index.search(&SearchRequest::text("unemployment rate"))?;
//! # let _ = hits; Ok(()) }
//! ```
#![deny(missing_docs)]

mod context;
mod dates;
mod error;
mod export;
mod group;
pub mod query;
mod schema;
mod search;
mod stats;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use claimdex_model::contract::{
    ClaimRecord, DateRecord, DocMeta, DocRecord, FigureRecord, Include, QuoteRecord,
};
use serde::{Deserialize, Serialize};
use tantivy::directory::error::LockError;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{DateTime, Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

pub use context::ClaimContext;
pub use error::IndexError;
pub use export::ClaimRow;
pub use search::{Hit, SearchRequest, SortBy};
pub use stats::{ClaimIter, Count, IndexStats};

use schema::{Fields, ENTRY_CLAIM, ENTRY_DOC};

/// The optional parts of a [`DocRecord`] the index uses: records built with
/// them (`DocRecord::from_extraction(&ex, claimdex_index::RECORD_PARTS)`)
/// keep their sentences for [`ClaimIndex::claim_context`].
pub const RECORD_PARTS: Include = Include {
    text: true,
    sentences: true,
};

/// tantivy's per-thread minimum writer arena (`MEMORY_BUDGET_NUM_BYTES_MIN`).
const MIN_BUDGET_PER_THREAD: usize = 15_000_000;
/// tantivy's maximum number of indexing threads.
const MAX_THREADS: usize = 8;

/// An opened index directory.
pub struct ClaimIndex {
    dir: PathBuf,
    index: Index,
    reader: IndexReader,
    fields: Fields,
}

/// What [`ClaimWriter::upsert`] did with a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Upsert {
    /// The document was not in the index; its claims were added.
    New,
    /// The document was indexed with another content hash; its old claims
    /// were deleted and the new ones added.
    Changed,
    /// The same document id with the same content hash is already indexed;
    /// nothing was written.
    Unchanged,
}

/// The JSON stored with each claim: everything a hit prints.
#[derive(Deserialize)]
pub(crate) struct StoredClaim {
    pub claim: ClaimRecord,
    pub doc: DocMeta,
    pub figures: Vec<FigureRecord>,
    pub dates: Vec<DateRecord>,
    pub quotes: Vec<QuoteRecord>,
}

/// [`StoredClaim`] as written: borrowed, so building a claim's payload
/// clones nothing.
#[derive(Serialize)]
struct StoredClaimRef<'a> {
    claim: &'a ClaimRecord,
    doc: &'a DocMeta,
    figures: &'a [&'a FigureRecord],
    dates: &'a [&'a DateRecord],
    quotes: &'a [&'a QuoteRecord],
}

fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> IndexError + '_ {
    move |source| IndexError::Io {
        path: path.to_path_buf(),
        source,
    }
}

impl ClaimIndex {
    /// Opens the index in `dir`, creating the directory and an empty index
    /// if there is none.
    pub fn open_or_create(dir: &Path) -> Result<Self, IndexError> {
        std::fs::create_dir_all(dir).map_err(io_err(dir))?;
        if dir.join("meta.json").exists() {
            return Self::open(dir);
        }
        let index = Index::create_in_dir(dir, schema::build_schema())?;
        Self::from_index(dir, index)
    }

    /// Opens an existing index; [`IndexError::NotFound`] if `dir` holds none.
    pub fn open(dir: &Path) -> Result<Self, IndexError> {
        if !dir.join("meta.json").is_file() {
            return Err(IndexError::NotFound {
                dir: dir.to_path_buf(),
            });
        }
        let index = Index::open_in_dir(dir)?;
        if index.schema() != schema::build_schema() {
            return Err(IndexError::SchemaMismatch {
                dir: dir.to_path_buf(),
            });
        }
        Self::from_index(dir, index)
    }

    fn from_index(dir: &Path, index: Index) -> Result<Self, IndexError> {
        schema::register_tokenizers(index.tokenizers());
        let fields =
            Fields::resolve(&index.schema()).ok_or_else(|| IndexError::SchemaMismatch {
                dir: dir.to_path_buf(),
            })?;
        // Manual reloads: the writer reloads after each commit, so a search
        // right after `commit()` sees the new claims (the default policy
        // reloads asynchronously).
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(ClaimIndex {
            dir: dir.to_path_buf(),
            index,
            reader,
            fields,
        })
    }

    /// The index directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Picks up commits made by other processes since open (commits by this
    /// index's own writer are picked up automatically).
    pub fn reload(&self) -> Result<(), IndexError> {
        Ok(self.reader.reload()?)
    }

    /// Opens the single writer of this index with about
    /// `memory_budget_bytes` of indexing memory (raised to tantivy's
    /// minimum of 15 MB per thread when smaller).
    ///
    /// [`IndexError::Locked`] if another writer, in this or another process,
    /// holds the lock.
    pub fn writer(&self, memory_budget_bytes: usize) -> Result<ClaimWriter<'_>, IndexError> {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        // One indexing thread per two cores: the extraction workers feeding
        // the writer use the rest, and each thread flushes its own segment
        // per commit (fewer, larger segments cost less to finish and search).
        let threads = (memory_budget_bytes / MIN_BUDGET_PER_THREAD)
            .clamp(1, (cores / 2).clamp(1, MAX_THREADS));
        let budget = memory_budget_bytes.max(threads * MIN_BUDGET_PER_THREAD);
        let writer = match self.index.writer_with_num_threads(threads, budget) {
            Ok(w) => w,
            Err(tantivy::TantivyError::LockFailure(LockError::LockBusy, _)) => {
                return Err(IndexError::Locked {
                    dir: self.dir.clone(),
                })
            }
            Err(e) => return Err(e.into()),
        };
        Ok(ClaimWriter {
            index: self,
            writer,
            pending: HashMap::new(),
        })
    }

    /// The content hash of the indexed version of `doc_id`, if indexed.
    pub fn doc_hash(&self, doc_id: &str) -> Result<Option<String>, IndexError> {
        let Some(doc) = self.doc_entry(doc_id)? else {
            return Ok(None);
        };
        Ok(doc
            .get_first(self.fields.content_hash)
            .and_then(|v| v.as_str())
            .map(str::to_string))
    }

    /// The stored bookkeeping entry of `doc_id`, if indexed.
    fn doc_entry(&self, doc_id: &str) -> Result<Option<TantivyDocument>, IndexError> {
        let searcher = self.reader.searcher();
        let term = |field, value: &str| -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_text(field, value),
                IndexRecordOption::Basic,
            ))
        };
        // Only the document entry, not the document's claims: one stored
        // document is read, however many claims it has.
        let q = BooleanQuery::new(vec![
            (Occur::Must, term(self.fields.doc_id, doc_id)),
            (Occur::Must, term(self.fields.entry, ENTRY_DOC)),
        ]);
        let found = searcher.search(&q, &tantivy::collector::DocSetCollector)?;
        match found.into_iter().next() {
            Some(addr) => Ok(Some(searcher.doc(addr)?)),
            None => Ok(None),
        }
    }

    /// The sentences around `hit`'s claim and the ids of the other claims
    /// near it; `None` when its document was indexed without its sentences
    /// (a record without text or sentences).
    pub fn claim_context(&self, hit: &Hit) -> Result<Option<ClaimContext>, IndexError> {
        let Some(doc) = self.doc_entry(&hit.doc.id)? else {
            return Ok(None);
        };
        let Some(json) = doc.get_first(self.fields.context).and_then(|v| v.as_str()) else {
            return Ok(None);
        };
        let ctx: context::DocContext =
            serde_json::from_str(json).map_err(|e| IndexError::Corrupt(e.to_string()))?;
        Ok(Some(ctx.around(
            &hit.claim.id,
            hit.claim.start,
            hit.claim.end,
        )))
    }

    /// The ids of all indexed documents with their content hashes and claim
    /// counts, sorted by id.
    pub fn documents(&self) -> Result<Vec<(String, String, u64)>, IndexError> {
        let searcher = self.reader.searcher();
        let q = TermQuery::new(
            Term::from_field_text(self.fields.entry, ENTRY_DOC),
            IndexRecordOption::Basic,
        );
        let addrs = searcher.search(&q, &tantivy::collector::DocSetCollector)?;
        let mut out = Vec::with_capacity(addrs.len());
        for addr in addrs {
            let doc: TantivyDocument = searcher.doc(addr)?;
            let s = |f| {
                doc.get_first(f)
                    .and_then(|v| v.as_str())
                    .unwrap_or_default()
                    .to_string()
            };
            let n = doc
                .get_first(self.fields.claim_count)
                .and_then(|v| v.as_u64())
                .unwrap_or(0);
            out.push((s(self.fields.doc_id), s(self.fields.content_hash), n));
        }
        out.sort();
        Ok(out)
    }
}

/// The single writer of an index. Nothing it writes is visible, or
/// durable, before [`ClaimWriter::commit`]; dropping it without a commit
/// (or a crash) leaves the previous commit as the index state.
pub struct ClaimWriter<'a> {
    index: &'a ClaimIndex,
    writer: IndexWriter,
    /// Content hashes upserted by this writer, committed or not, so a
    /// document upserted twice before a commit is still seen as unchanged.
    pending: HashMap<String, String>,
}

impl ClaimWriter<'_> {
    /// Adds or replaces a document and its claims; see [`Upsert`].
    ///
    /// A record built with [`RECORD_PARTS`] (its text and sentences) also
    /// keeps its sentences for [`ClaimIndex::claim_context`]; the text
    /// itself is not stored.
    pub fn upsert(&mut self, rec: &DocRecord) -> Result<Upsert, IndexError> {
        let previous = match self.pending.get(rec.doc.id.as_str()) {
            Some(h) => Some(h.clone()),
            None => self.index.doc_hash(&rec.doc.id)?,
        };
        self.upsert_over(rec, previous)
    }

    /// [`ClaimWriter::upsert`] for a caller that already looked up the
    /// indexed version: `indexed` is what [`ClaimIndex::doc_hash`] returned
    /// for the record's id while this writer was open (no other writer can
    /// commit meanwhile). Saves the second lookup; a document upserted by
    /// this writer since still counts from its pending version.
    pub fn upsert_known(
        &mut self,
        rec: &DocRecord,
        indexed: Option<String>,
    ) -> Result<Upsert, IndexError> {
        let previous = match self.pending.get(rec.doc.id.as_str()) {
            Some(h) => Some(h.clone()),
            None => indexed,
        };
        self.upsert_over(rec, previous)
    }

    /// Writes `rec` over the `previous` content hash of its id.
    fn upsert_over(
        &mut self,
        rec: &DocRecord,
        previous: Option<String>,
    ) -> Result<Upsert, IndexError> {
        let id = rec.doc.id.as_str();
        let hash = rec.doc.content_hash.as_str();
        let outcome = match previous {
            Some(h) if h == hash => return Ok(Upsert::Unchanged),
            Some(_) => {
                // Deletes apply to everything added before this opstamp:
                // the old claims and the old document entry.
                self.writer
                    .delete_term(Term::from_field_text(self.index.fields.doc_id, id));
                Upsert::Changed
            }
            None => Upsert::New,
        };
        let f = &self.index.fields;
        let published = rec
            .doc
            .published
            .as_deref()
            .and_then(dates::parse_contract_date);
        let mut entry = TantivyDocument::new();
        entry.add_text(f.entry, ENTRY_DOC);
        entry.add_text(f.doc_id, id);
        entry.add_text(f.content_hash, hash);
        entry.add_u64(f.claim_count, rec.claims.len() as u64);
        if let Some(p) = published {
            entry.add_date(f.published, DateTime::from_timestamp_secs(p));
        }
        if let Some(ctx) = context::DocContext::of_record(rec) {
            let json =
                serde_json::to_string(&ctx).map_err(|e| IndexError::Corrupt(e.to_string()))?;
            entry.add_text(f.context, json);
        }
        self.writer.add_document(entry)?;
        let mut meta = rec.doc.clone();
        meta.text = None;
        for claim in &rec.claims {
            let doc = claim_document(f, rec, &meta, claim, published)?;
            self.writer.add_document(doc)?;
        }
        self.pending.insert(id.to_string(), hash.to_string());
        Ok(outcome)
    }

    /// Publishes and persists everything upserted since the last commit,
    /// whole or nothing (tantivy renames `meta.json` atomically), and makes
    /// it visible to this index's searches.
    pub fn commit(&mut self) -> Result<(), IndexError> {
        self.writer.commit()?;
        self.index.reader.reload()?;
        Ok(())
    }

    /// Waits for merges to finish and releases the lock.
    pub fn finish(self) -> Result<(), IndexError> {
        self.writer.wait_merging_threads()?;
        Ok(())
    }
}

/// Builds the tantivy document of one claim.
fn claim_document(
    f: &Fields,
    rec: &DocRecord,
    meta: &DocMeta,
    claim: &ClaimRecord,
    published: Option<i64>,
) -> Result<TantivyDocument, IndexError> {
    // Out-of-range indexes (a malformed record) are skipped, not a panic.
    fn pick<'r, T>(idx: &[usize], all: &'r [T]) -> Vec<&'r T> {
        idx.iter().filter_map(|&i| all.get(i)).collect()
    }
    let figures: Vec<&FigureRecord> = pick(&claim.figures, &rec.figures);
    let dates_: Vec<&DateRecord> = pick(&claim.dates, &rec.dates);
    let quotes: Vec<&QuoteRecord> = pick(&claim.quotes, &rec.quotes);
    let mut d = TantivyDocument::new();
    d.add_text(f.entry, ENTRY_CLAIM);
    d.add_text(f.claim_id, &claim.id);
    d.add_text(f.doc_id, &rec.doc.id);
    d.add_text(f.text, &claim.text);
    for k in &claim.kind {
        d.add_text(f.kind, k);
    }
    if let Some(s) = claim.speaker.as_deref().filter(|s| !s.trim().is_empty()) {
        d.add_text(f.speaker, s);
        d.add_text(f.speaker_exact, s.trim());
    }
    if let Some(t) = &rec.doc.title {
        d.add_text(f.title, t);
    }
    d.add_text(f.source, &rec.doc.source);
    if let Some(u) = &rec.doc.url {
        d.add_text(f.url, u);
    }
    for fig in &figures {
        let unit = fig.unit.trim();
        for v in [fig.value, fig.value_max].into_iter().flatten() {
            if v.is_finite() {
                d.add_f64(f.value, v);
                if !unit.is_empty() {
                    d.add_text(f.unit_value, schema::unit_value_term(unit, v));
                }
            }
        }
        if !fig.unit.trim().is_empty() {
            d.add_text(f.unit, fig.unit.trim());
        }
    }
    if let Some(e) = claim
        .event_date
        .as_deref()
        .and_then(dates::parse_contract_date)
    {
        d.add_date(f.event_date, DateTime::from_timestamp_secs(e));
    }
    if let Some(p) = published {
        d.add_date(f.published, DateTime::from_timestamp_secs(p));
    }
    for key in group::keys(claim, figures.iter().copied(), quotes.iter().copied()) {
        d.add_text(f.group, key);
    }
    let stored = StoredClaimRef {
        claim,
        doc: meta,
        figures: &figures,
        dates: &dates_,
        quotes: &quotes,
    };
    let json = serde_json::to_string(&stored).map_err(|e| IndexError::Corrupt(e.to_string()))?;
    d.add_text(f.payload, json);
    Ok(d)
}
