//! Quotes stage: finds direct quotations and attributes them to speakers.
//!
//! Owns: quote-mark pairing, attribution frames, speaker resolution.
//! Must not depend on readers, other extractors, the index or the CLI.
#![deny(missing_docs)]

use claimdex_model::{Document, Quote};

/// Finds every quotation in `doc`, in text order, spans in bytes. Uses the
/// document's blocks (paragraphs) and sentences.
pub fn extract(doc: &Document) -> Vec<Quote> {
    let _ = doc;
    Vec::new()
}
