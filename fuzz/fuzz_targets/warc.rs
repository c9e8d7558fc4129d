//! WARC reader: any bytes give documents, passed-over records or skip
//! reasons, never a panic or a hang; documents then go through the whole
//! pipeline. (Decompression is flate2's business, not fuzzed here.)
#![no_main]

use std::path::PathBuf;

use claimdex_ingest::read::Item;
use claimdex_ingest::warc::WarcReader;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let (reader, opts) = common::reader(data);
    let mut n = 0usize;
    for item in WarcReader::new(reader, PathBuf::from("fuzz.warc"), opts) {
        n += 1;
        // Every item consumes input: more items than bytes means a loop.
        assert!(n <= data.len() + 1, "reader does not advance");
        if let Item::Doc(doc) = item {
            common::pipeline(*doc);
        }
    }
});
