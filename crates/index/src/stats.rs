//! Corpus statistics and streaming over all claims.

use std::collections::HashMap;
use std::path::Path;

use tantivy::collector::Count as CountCollector;
use tantivy::columnar::StrColumn;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::store::StoreReader;
use tantivy::{DocId, Searcher, SegmentReader, TantivyDocument, Term};

use crate::schema::{ENTRY_CLAIM, ENTRY_DOC};
use crate::search::decode;
use crate::{dates, ClaimIndex, Hit, IndexError};

/// A value and how many claims have it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Count {
    /// The value (a kind, speaker or unit as written).
    pub value: String,
    /// Number of claims.
    pub claims: u64,
}

/// What an index holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndexStats {
    /// Indexed documents (including those without claims).
    pub documents: u64,
    /// Indexed claims.
    pub claims: u64,
    /// Claims per kind (a claim may have several kinds), most first.
    pub claims_by_kind: Vec<Count>,
    /// The most frequent speakers, most first (at most `TOP`).
    pub top_speakers: Vec<Count>,
    /// The most frequent figure units, most first (at most `TOP`).
    pub top_units: Vec<Count>,
    /// Earliest and latest publication date (`YYYY-MM-DD`) of documents.
    pub published_range: Option<(String, String)>,
    /// Earliest and latest event date of claims.
    pub event_range: Option<(String, String)>,
    /// Size of the index directory in bytes.
    pub bytes_on_disk: u64,
    /// Number of index segments (many segments slow searches down).
    pub segments: usize,
}

/// How many speakers and units [`IndexStats`] lists.
pub const TOP: usize = 20;

/// Counts, per value, the alive docs of a segment that have it (once per doc).
fn count_column(
    reader: &SegmentReader,
    col: Option<StrColumn>,
    into: &mut HashMap<String, u64>,
) -> Result<(), IndexError> {
    let Some(col) = col else { return Ok(()) };
    let mut per_ord: HashMap<u64, u64> = HashMap::new();
    let mut ords = Vec::new();
    for doc in reader.doc_ids_alive() {
        ords.clear();
        ords.extend(col.term_ords(doc));
        ords.sort_unstable();
        ords.dedup();
        for &o in &ords {
            *per_ord.entry(o).or_default() += 1;
        }
    }
    let mut s = String::new();
    for (ord, n) in per_ord {
        if col
            .ord_to_str(ord, &mut s)
            .map_err(|e| IndexError::Corrupt(e.to_string()))?
        {
            *into.entry(s.clone()).or_default() += n;
        }
    }
    Ok(())
}

fn top(map: HashMap<String, u64>, n: usize) -> Vec<Count> {
    let mut v: Vec<Count> = map
        .into_iter()
        .map(|(value, claims)| Count { value, claims })
        .collect();
    v.sort_by(|a, b| b.claims.cmp(&a.claims).then_with(|| a.value.cmp(&b.value)));
    v.truncate(n);
    v
}

fn widen(range: &mut Option<(i64, i64)>, v: i64) {
    *range = Some(match *range {
        Some((lo, hi)) => (lo.min(v), hi.max(v)),
        None => (v, v),
    });
}

fn dir_size(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|it| {
            it.filter_map(Result::ok)
                .filter_map(|e| e.metadata().ok())
                .filter(|m| m.is_file())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0)
}

impl ClaimIndex {
    fn count_entries(&self, searcher: &Searcher, entry: &str) -> Result<u64, IndexError> {
        let q = TermQuery::new(
            Term::from_field_text(self.fields.entry, entry),
            IndexRecordOption::Basic,
        );
        Ok(searcher.search(&q, &CountCollector)? as u64)
    }

    /// Statistics of the committed index.
    pub fn stats(&self) -> Result<IndexStats, IndexError> {
        let searcher = self.reader.searcher();
        let mut kinds = HashMap::new();
        let mut speakers = HashMap::new();
        let mut units = HashMap::new();
        let mut published = None;
        let mut events = None;
        for reader in searcher.segment_readers() {
            let ff = reader.fast_fields();
            count_column(reader, ff.str("kind")?, &mut kinds)?;
            count_column(reader, ff.str("speaker_exact")?, &mut speakers)?;
            count_column(reader, ff.str("unit")?, &mut units)?;
            for (name, range) in [("published", &mut published), ("event_date", &mut events)] {
                let col = ff.date(name)?;
                for doc in reader.doc_ids_alive() {
                    for v in col.values_for_doc(doc) {
                        widen(range, v.into_timestamp_secs());
                    }
                }
            }
        }
        let fmt =
            |r: Option<(i64, i64)>| r.map(|(a, b)| (dates::format_secs(a), dates::format_secs(b)));
        Ok(IndexStats {
            documents: self.count_entries(&searcher, ENTRY_DOC)?,
            claims: self.count_entries(&searcher, ENTRY_CLAIM)?,
            claims_by_kind: top(kinds, usize::MAX),
            top_speakers: top(speakers, TOP),
            top_units: top(units, TOP),
            published_range: fmt(published),
            event_range: fmt(events),
            bytes_on_disk: dir_size(&self.dir),
            segments: searcher.segment_readers().len(),
        })
    }

    /// Streams every committed claim (in index order, not sorted), reading
    /// one stored block at a time so memory stays bounded however large the
    /// index.
    pub fn claims(&self) -> ClaimIter {
        ClaimIter {
            searcher: self.reader.searcher(),
            fields: self.fields,
            segment: 0,
            store: None,
            alive: Vec::new(),
            pos: 0,
        }
    }
}

/// Iterator over all claims of an index snapshot; see [`ClaimIndex::claims`].
pub struct ClaimIter {
    searcher: Searcher,
    fields: crate::schema::Fields,
    segment: usize,
    store: Option<StoreReader>,
    alive: Vec<DocId>,
    pos: usize,
}

impl Iterator for ClaimIter {
    type Item = Result<Hit, IndexError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(store) = &self.store {
                while self.pos < self.alive.len() {
                    let id = self.alive[self.pos];
                    self.pos += 1;
                    let doc: TantivyDocument = match store.get(id) {
                        Ok(d) => d,
                        Err(e) => return Some(Err(e.into())),
                    };
                    // Document entries have no payload: skip them.
                    if doc.get_first(self.fields.payload).is_none() {
                        continue;
                    }
                    return Some(decode(&self.fields, &doc).map(Hit::from));
                }
            }
            let reader = self.searcher.segment_readers().get(self.segment)?;
            self.segment += 1;
            match reader.get_store_reader(4) {
                Ok(s) => self.store = Some(s),
                Err(e) => return Some(Err(IndexError::Corrupt(e.to_string()))),
            }
            self.alive = reader.doc_ids_alive().collect();
            self.pos = 0;
        }
    }
}
