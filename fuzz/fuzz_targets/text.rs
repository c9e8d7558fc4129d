//! Text pipeline: bytes → decode → analyze → extract → contract JSON.
#![no_main]

use claimdex_model::{Document, SourceFormat};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = claimdex_ingest::decode::decode(data) {
        if text.trim().is_empty() {
            return;
        }
        let format = if data.first() == Some(&b'#') {
            SourceFormat::Markdown
        } else {
            SourceFormat::Text
        };
        common::pipeline(Document::new("fuzz", "fuzz", format, text));
    }
});
