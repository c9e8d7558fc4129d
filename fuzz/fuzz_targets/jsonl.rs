//! JSONL reader: any bytes give documents or skip reasons, never a panic
//! or a hang; documents then go through the whole pipeline.
#![no_main]

use std::io::{BufReader, Cursor};
use std::path::PathBuf;

use claimdex_ingest::read::{read_jsonl, Item, ReadOptions};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let reader = Box::new(BufReader::new(Cursor::new(data.to_vec())));
    let opts = ReadOptions {
        max_doc_bytes: 1 << 16,
    };
    for item in read_jsonl(reader, PathBuf::from("fuzz.jsonl"), opts) {
        if let Item::Doc(doc) = item {
            // Found by this target: `html` records whose page had a title
            // but no text became empty documents (fixed in read.rs).
            assert!(!doc.text.trim().is_empty());
            common::pipeline(*doc);
        }
    }
});
