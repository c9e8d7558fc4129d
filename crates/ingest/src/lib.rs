//! Ingest stage of claimdex: inputs → documents → structure → sentences →
//! extractors → claims.
//!
//! # Brief overview
//! - [`read::read_inputs`] streams [`read::Item`]s (documents or skip
//!   reasons) from files, directories, JSONL and stdin.
//! - [`analyze`] gives a document its structure (blocks, metadata) and its
//!   sentences.
//! - [`extract`] runs the figures, dates and quotes extractors over an
//!   analysed document and builds its claims: an [`Extraction`].
//!
//! Must not depend on the index or the CLI. Does IO only in [`read`] and
//! [`warc`].
#![deny(missing_docs)]

pub mod claims;
pub mod decode;
pub mod error;
pub mod read;
pub mod sentences;
pub mod structure;
pub mod warc;

use claimdex_model::{Document, Extraction, Sentence};
use jiff::civil::Date;

pub use error::SkipReason;

/// Gives `doc` its blocks (unless a reader made them), metadata found in
/// the text, and sentences. `fallback_published` anchors documents whose
/// input and text name no publication date.
pub fn analyze(doc: &mut Document, fallback_published: Option<Date>) {
    structure::detect(doc);
    if doc.published.is_none() {
        doc.published = claimdex_dates::find_publication_date(&doc.text).or(fallback_published);
    }
    let text = doc.text.as_str();
    let mut sentences = Vec::new();
    for (index, block) in doc.blocks.iter().enumerate() {
        let within = structure::content_span(text, block);
        for span in sentences::segment(text, within) {
            sentences.push(Sentence { span, block: index });
        }
    }
    doc.sentences = sentences;
}

/// Runs every extractor over an analysed document and builds its claims.
pub fn extract(doc: Document) -> Extraction {
    let figures = claimdex_figures::extract(&doc.text);
    let dates = claimdex_dates::extract(&doc.text, doc.published);
    let quotes = claimdex_quotes::extract(&doc);
    let claims = claims::build(&doc, &figures, &dates, &quotes);
    Extraction {
        doc,
        figures,
        dates,
        quotes,
        claims,
    }
}
