//! Fast streaming of claims as flat rows, for `claimdex export`.
//!
//! Reads each stored block once, in index order, and decodes only the parts
//! of the stored claim a row needs, borrowing its strings from the stored
//! JSON instead of building a whole [`Hit`] per claim.

use std::borrow::Cow;

use claimdex_model::contract::{ClaimRecord, DateRecord, FigureRecord};
use serde::{Deserialize, Serialize};
use tantivy::schema::Value;
use tantivy::TantivyDocument;

use crate::{ClaimIndex, Hit, IndexError};

/// One claim as a flat row: the columns of `claimdex export`, lists as
/// arrays. Fields are in alphabetical order, which is the key order of the
/// JSON it serialises to.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ClaimRow<'a> {
    /// Claim id.
    pub claim_id: &'a str,
    /// The values of the claim's temporal expressions.
    pub date_values: Vec<Option<&'a str>>,
    /// Document id.
    pub doc_id: &'a str,
    /// One past the claim's last code point.
    pub end: usize,
    /// When the claimed event happened.
    pub event_date: Option<&'a str>,
    /// The claim's figures as written.
    pub figure_texts: Vec<&'a str>,
    /// The claim's figure units.
    pub figure_units: Vec<&'a str>,
    /// The claim's figure values.
    pub figure_values: Vec<Option<f64>>,
    /// Claim kinds.
    pub kinds: Vec<&'a str>,
    /// 0-based paragraph of the claim.
    pub paragraph: usize,
    /// Publication date of the document.
    pub published: Option<&'a str>,
    /// 0-based sentence of the claim.
    pub sentence: usize,
    /// Where the document was read from.
    pub source: &'a str,
    /// The speaker, for quotes.
    pub speaker: Option<&'a str>,
    /// First code point of the claim.
    pub start: usize,
    /// The statement.
    pub text: &'a str,
    /// Document title.
    pub title: Option<&'a str>,
    /// Document URL.
    pub url: Option<&'a str>,
}

/// Builds a [`ClaimRow`] from a claim (`$claim`: its `id`, `kind`, `text`,
/// `citation`, …), its document id and its figures and dates.
///
/// A macro rather than a function: a row is made from two differently typed
/// sources with the same field names, a search [`Hit`]'s model records
/// (`String`s) and the borrowed stored payload (`Cow<str>`s), and `&*` and
/// `as_deref` read both alike, so the field list is written once without a
/// trait of eighteen accessors.
macro_rules! claim_row {
    ($claim:expr, $doc_id:expr, $figures:expr, $dates:expr) => {{
        let c = $claim;
        ClaimRow {
            claim_id: &*c.id,
            date_values: $dates.iter().map(|d| d.value.as_deref()).collect(),
            doc_id: &*$doc_id,
            end: c.end,
            event_date: c.event_date.as_deref(),
            figure_texts: $figures.iter().map(|f| &*f.text).collect(),
            figure_units: $figures.iter().map(|f| &*f.unit).collect(),
            figure_values: $figures.iter().map(|f| f.value).collect(),
            kinds: c.kind.iter().map(|k| &**k).collect(),
            paragraph: c.citation.paragraph,
            published: c.citation.published.as_deref(),
            sentence: c.citation.sentence,
            source: &*c.citation.source,
            speaker: c.speaker.as_deref(),
            start: c.start,
            text: &*c.text,
            title: c.citation.title.as_deref(),
            url: c.citation.url.as_deref(),
        }
    }};
}

impl<'a> ClaimRow<'a> {
    /// The row of a search hit.
    pub fn of_hit(h: &'a Hit) -> Self {
        claim_row!(&h.claim, h.doc.id, h.figures, h.dates)
    }

    /// The row of a claim of an extraction, given its document's id and the
    /// claim's own figures and dates (in the claim's order).
    pub fn of_claim(
        claim: &'a ClaimRecord,
        doc_id: &'a str,
        figures: &[&'a FigureRecord],
        dates: &[&'a DateRecord],
    ) -> Self {
        claim_row!(claim, doc_id, figures, dates)
    }
}

// The parts of the stored claim (`StoredClaim`) a row needs; everything
// else is skipped by the parser without being allocated.
#[derive(Deserialize)]
struct RowPayload<'a> {
    #[serde(borrow)]
    claim: RowClaim<'a>,
    #[serde(borrow)]
    doc: RowDoc<'a>,
    #[serde(borrow)]
    figures: Vec<RowFigure<'a>>,
    #[serde(borrow)]
    dates: Vec<RowDate<'a>>,
}

#[derive(Deserialize)]
struct RowClaim<'a> {
    #[serde(borrow)]
    id: Cow<'a, str>,
    #[serde(borrow)]
    kind: Vec<Cow<'a, str>>,
    start: usize,
    end: usize,
    #[serde(borrow)]
    text: Cow<'a, str>,
    #[serde(borrow)]
    speaker: Option<Cow<'a, str>>,
    #[serde(borrow)]
    event_date: Option<Cow<'a, str>>,
    #[serde(borrow)]
    citation: RowCitation<'a>,
}

#[derive(Deserialize)]
struct RowCitation<'a> {
    #[serde(borrow)]
    source: Cow<'a, str>,
    #[serde(borrow)]
    url: Option<Cow<'a, str>>,
    #[serde(borrow)]
    title: Option<Cow<'a, str>>,
    #[serde(borrow)]
    published: Option<Cow<'a, str>>,
    paragraph: usize,
    sentence: usize,
}

#[derive(Deserialize)]
struct RowDoc<'a> {
    #[serde(borrow)]
    id: Cow<'a, str>,
}

#[derive(Deserialize)]
struct RowFigure<'a> {
    #[serde(borrow)]
    text: Cow<'a, str>,
    value: Option<f64>,
    #[serde(borrow)]
    unit: Cow<'a, str>,
}

#[derive(Deserialize)]
struct RowDate<'a> {
    #[serde(borrow)]
    value: Option<Cow<'a, str>>,
}

impl RowPayload<'_> {
    fn row(&self) -> ClaimRow<'_> {
        claim_row!(&self.claim, self.doc.id, self.figures, self.dates)
    }
}

impl ClaimIndex {
    /// Calls `f` with every committed claim as a [`ClaimRow`], in index
    /// order, reading each stored block once; returns how many claims were
    /// visited. Memory stays bounded by one stored block and one row. Stops
    /// at the first error `f` returns.
    pub fn for_each_row<E: From<IndexError>>(
        &self,
        mut f: impl FnMut(&ClaimRow<'_>) -> Result<(), E>,
    ) -> Result<u64, E> {
        let searcher = self.reader.searcher();
        let mut n = 0u64;
        for reader in searcher.segment_readers() {
            let store = reader
                .get_store_reader(1)
                .map_err(|e| IndexError::Corrupt(e.to_string()))?;
            for doc in store.iter::<TantivyDocument>(reader.alive_bitset()) {
                let doc = doc.map_err(IndexError::from)?;
                // Document entries have no payload: skip them.
                let Some(json) = doc.get_first(self.fields.payload).and_then(|v| v.as_str()) else {
                    continue;
                };
                let payload: RowPayload<'_> =
                    serde_json::from_str(json).map_err(|e| IndexError::Corrupt(e.to_string()))?;
                f(&payload.row())?;
                n += 1;
            }
        }
        Ok(n)
    }
}
