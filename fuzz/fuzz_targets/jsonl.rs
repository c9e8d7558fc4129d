//! JSONL reader: any bytes give documents or skip reasons, never a panic
//! or a hang; documents then go through the whole pipeline.
#![no_main]

use std::path::PathBuf;

use claimdex_ingest::read::{read_jsonl, Item};
use claimdex_model::SourceFormat;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let (reader, opts) = common::reader(data);
    for item in read_jsonl(reader, PathBuf::from("fuzz.jsonl"), opts) {
        if let Item::Doc(doc) = item {
            // Text records are never empty; an HTML page may be, when it
            // has a title or date but no article (it then makes no claims).
            assert!(doc.format == SourceFormat::Html || !doc.text.trim().is_empty());
            common::pipeline(*doc);
        }
    }
});
