//! The tantivy schema: one document per claim plus one per indexed document.
//!
//! Field names are part of the on-disk format; [`build_schema`] is compared
//! with the stored schema on open so an index from another version is
//! reported instead of being misread.

use tantivy::schema::{
    DateOptions, DateTimePrecision, Field, IndexRecordOption, NumericOptions, Schema,
    TextFieldIndexing, TextOptions, STORED, STRING,
};
use tantivy::tokenizer::{LowerCaser, RawTokenizer, TextAnalyzer, TokenizerManager};

/// Tokenizer of exact-match keyword fields: the whole value, lowercased, so
/// `--speaker "donald trump"` and `--unit usd` match regardless of case.
pub(crate) const RAW_LOWER: &str = "claimdex_raw_lower";

/// `entry` value of claim documents.
pub(crate) const ENTRY_CLAIM: &str = "claim";
/// `entry` value of per-document bookkeeping entries.
pub(crate) const ENTRY_DOC: &str = "doc";

/// Handles of every field, resolved once.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Fields {
    /// `claim` or `doc`: which kind of entry this is.
    pub entry: Field,
    /// Claim id (claims only).
    pub claim_id: Field,
    /// Document id (both entry kinds; the delete key of a document).
    pub doc_id: Field,
    /// Content hash of the document version (doc entries only).
    pub content_hash: Field,
    /// Number of claims of the document (doc entries only).
    pub claim_count: Field,
    /// Claim text, English-stemmed full text.
    pub text: Field,
    /// Claim kinds (`figure`, `date`, `quote`).
    pub kind: Field,
    /// Speaker, tokenized (matches "trump" in "Donald Trump").
    pub speaker: Field,
    /// Speaker, whole and lowercased; fast column keeps the original case.
    pub speaker_exact: Field,
    /// Document title, English-stemmed full text.
    pub title: Field,
    /// Where the document was read from, tokenized.
    pub source: Field,
    /// Document URL, tokenized.
    pub url: Field,
    /// Figure values (and range upper bounds), multi-valued.
    pub value: Field,
    /// Figure units, whole and lowercased; fast column keeps the case.
    pub unit: Field,
    /// One term per figure value, scoped by the figure's unit (see
    /// [`unit_value_term`]), so a unit and a value range match the same
    /// figure.
    pub unit_value: Field,
    /// When the claimed event happened (midnight UTC, seconds precision).
    pub event_date: Field,
    /// Publication date of the document.
    pub published: Field,
    /// Near-duplicate grouping key (see `group`), claims only.
    pub group: Field,
    /// The stored claim with its document metadata and mentions, as JSON.
    pub payload: Field,
    /// The document's sentences and claim spans, as JSON (doc entries
    /// only), for showing a claim in context.
    pub context: Field,
}

fn keyword(fast: bool, stored: bool) -> TextOptions {
    let mut o = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(RAW_LOWER)
            .set_index_option(IndexRecordOption::Basic),
    );
    if fast {
        // The fast column keeps the value as written (for stats output).
        o = o.set_fast("raw");
    }
    if stored {
        o = o.set_stored();
    }
    o
}

/// A tokenized, unstored text field indexed with `record` postings.
///
/// Positions cost a posting entry per token on every claim; only fields
/// that phrase queries must match keep them (claim text, speaker).
fn tokenized(tokenizer: &str, record: IndexRecordOption) -> TextOptions {
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(tokenizer)
            .set_index_option(record),
    )
}

fn date_field() -> DateOptions {
    DateOptions::default()
        .set_indexed()
        .set_fast()
        .set_precision(DateTimePrecision::Seconds)
}

/// The schema of a claimdex index.
pub(crate) fn build_schema() -> Schema {
    use IndexRecordOption::{Basic, WithFreqs, WithFreqsAndPositions};
    let mut b = Schema::builder();
    b.add_text_field("entry", STRING);
    b.add_text_field("claim_id", STRING | STORED);
    b.add_text_field("doc_id", STRING | STORED);
    b.add_text_field("content_hash", STORED);
    b.add_u64_field("claim_count", NumericOptions::default().set_stored());
    // Not stored: the stored claim (payload) holds the text.
    b.add_text_field("text", tokenized("en_stem", WithFreqsAndPositions));
    b.add_text_field("kind", STRING | tantivy::schema::FAST);
    b.add_text_field("speaker", tokenized("default", WithFreqsAndPositions));
    b.add_text_field("speaker_exact", keyword(true, false));
    // The title is repeated on every claim of its document: frequencies
    // for BM25, no positions (a quoted phrase still matches claim text and
    // speaker; the title only adds a weak boost).
    b.add_text_field("title", tokenized("en_stem", WithFreqs));
    // Source and URL are only ever filtered on by their words.
    b.add_text_field("source", tokenized("default", Basic));
    b.add_text_field("url", tokenized("default", Basic));
    b.add_f64_field("value", NumericOptions::default().set_indexed().set_fast());
    b.add_text_field("unit", keyword(true, false));
    b.add_text_field("unit_value", STRING);
    b.add_date_field("event_date", date_field());
    b.add_date_field("published", date_field());
    b.add_text_field("group", STRING | tantivy::schema::FAST);
    b.add_text_field("payload", STORED);
    b.add_text_field("context", STORED);
    b.build()
}

impl Fields {
    /// Resolves the handles in `schema`; `None` if a field is missing.
    pub(crate) fn resolve(schema: &Schema) -> Option<Fields> {
        let f = |name: &str| schema.get_field(name).ok();
        Some(Fields {
            entry: f("entry")?,
            claim_id: f("claim_id")?,
            doc_id: f("doc_id")?,
            content_hash: f("content_hash")?,
            claim_count: f("claim_count")?,
            text: f("text")?,
            kind: f("kind")?,
            speaker: f("speaker")?,
            speaker_exact: f("speaker_exact")?,
            title: f("title")?,
            source: f("source")?,
            url: f("url")?,
            value: f("value")?,
            unit: f("unit")?,
            unit_value: f("unit_value")?,
            event_date: f("event_date")?,
            published: f("published")?,
            group: f("group")?,
            payload: f("payload")?,
            context: f("context")?,
        })
    }
}

/// The `unit_value` term of a figure value in `unit`: the lowercased unit,
/// a separator below every printable character, and the value as 16 hex
/// digits of its order-preserving `u64` form. Terms of one unit are
/// contiguous and sorted by value, so a term range is a value range within
/// the unit.
pub(crate) fn unit_value_term(unit: &str, value: f64) -> String {
    // `+ 0.0` turns -0.0 into 0.0: both must sort as zero.
    format!(
        "{}\u{1}{:016x}",
        unit.trim().to_lowercase(),
        tantivy::f64_to_u64(value + 0.0)
    )
}

/// Registers claimdex's custom tokenizers (tantivy does not persist them).
pub(crate) fn register_tokenizers(manager: &TokenizerManager) {
    manager.register(
        RAW_LOWER,
        TextAnalyzer::builder(RawTokenizer::default())
            .filter(LowerCaser)
            .build(),
    );
}

#[cfg(test)]
mod tests {
    use super::unit_value_term;

    #[test]
    fn unit_value_terms_sort_by_value_within_a_unit() {
        let values = [
            f64::NEG_INFINITY,
            -1e9,
            -2.5,
            -0.0,
            0.0,
            5.0,
            1e11,
            f64::INFINITY,
        ];
        let terms: Vec<String> = values.iter().map(|&v| unit_value_term("USD", v)).collect();
        for pair in terms.windows(2) {
            assert!(pair[0] <= pair[1], "{pair:?}");
        }
        assert_eq!(terms[3], terms[4], "-0 and 0 are the same value");
        assert!(terms.iter().all(|t| t.starts_with("usd\u{1}")));
        // Another unit's terms never fall inside this unit's range.
        let other = unit_value_term("USD/share", 1.0);
        assert!(other > terms[terms.len() - 1]);
    }
}
