// Shared checks: what every reader and the pipeline promise whatever the
// input.

use std::io::{BufRead, BufReader, Cursor};

use claimdex_ingest::read::ReadOptions;
use claimdex_model::{Document, Span};

/// The fuzz input as a reader, with read options whose document cap
/// (64 KiB) generated inputs can reach, so the too-large paths are fuzzed
/// too. Not every target reads through a reader.
#[allow(dead_code)]
pub fn reader(data: &[u8]) -> (Box<dyn BufRead>, ReadOptions) {
    let reader = Box::new(BufReader::new(Cursor::new(data.to_vec())));
    let opts = ReadOptions {
        max_doc_bytes: 1 << 16,
        ..ReadOptions::default()
    };
    (reader, opts)
}

/// A span lies inside `text`, in order, on character boundaries.
pub fn check_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end,
        "{what}: start {} > end {}",
        span.start,
        span.end
    );
    assert!(
        span.end <= text.len(),
        "{what}: end {} past {}",
        span.end,
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start),
        "{what}: start {} splits a char",
        span.start
    );
    assert!(
        text.is_char_boundary(span.end),
        "{what}: end {} splits a char",
        span.end
    );
}

/// Full pipeline over one document: analysis, extraction, contract JSON.
pub fn pipeline(mut doc: Document) {
    claimdex_ingest::analyze(&mut doc, None);
    let text = doc.text.clone();
    for b in &doc.blocks {
        check_span(&text, b.span, "block");
    }
    for s in &doc.sentences {
        check_span(&text, s.span, "sentence");
    }
    let ex = claimdex_ingest::extract(doc);
    for f in &ex.figures {
        check_span(&text, f.span, "figure");
    }
    for d in &ex.dates {
        check_span(&text, d.span, "date");
    }
    for q in &ex.quotes {
        check_span(&text, q.span, "quote");
    }
    for c in &ex.claims {
        check_span(&text, c.span, "claim");
    }
    let record = claimdex_model::contract::DocRecord::from_extraction(
        &ex,
        claimdex_model::contract::Include::default(),
    );
    let _ = serde_json::to_string(&record);
}
