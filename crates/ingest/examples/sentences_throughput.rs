//! Throughput of [`claimdex_ingest::sentences::segment`] on a JSONL(.gz) news
//! corpus read at run time (nothing is copied into the repository).
//!
//! ```text
//! cargo run --release -p claimdex-ingest --example sentences_throughput -- \
//!     /work/shared/data/corpus/news.jsonl.gz [ROUNDS] [--dump N]
//! ```
//! Blocks are approximated by splitting each text on blank lines, as the
//! ingest stage calls `segment` once per block. `--dump N` prints the
//! sentences of the first N documents instead of timing.

use std::io::{BufRead, BufReader, Read};
use std::time::Instant;

use claimdex_ingest::sentences::segment;
use claimdex_model::Span;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args
        .first()
        .cloned()
        .unwrap_or_else(|| "/work/shared/data/corpus/news.jsonl.gz".into());
    let dump = args
        .iter()
        .position(|a| a == "--dump")
        .and_then(|k| args.get(k + 1))
        .and_then(|v| v.parse::<usize>().ok());
    let rounds: usize = args.get(1).and_then(|v| v.parse().ok()).unwrap_or(5);

    let file = std::fs::File::open(&path)?;
    let reader: Box<dyn Read> = if path.ends_with(".gz") {
        Box::new(flate2::read::GzDecoder::new(file))
    } else {
        Box::new(file)
    };
    let mut texts = Vec::new();
    for line in BufReader::new(reader).lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let value: serde_json::Value = serde_json::from_str(&line)?;
        if let Some(text) = value.get("text").and_then(|t| t.as_str()) {
            texts.push(text.to_owned());
        }
    }
    let blocks: Vec<Vec<Span>> = texts.iter().map(|t| blocks(t)).collect();

    if let Some(n) = dump {
        for (text, spans) in texts.iter().zip(&blocks).take(n) {
            for block in spans {
                for s in segment(text, *block) {
                    println!("{}", s.slice(text).replace('\n', "⏎"));
                }
                println!("--");
            }
            println!("==========");
        }
        return Ok(());
    }

    let bytes: usize = texts.iter().map(String::len).sum();
    let mut sentences = 0usize;
    let mut best = f64::MAX;
    let mut best_cpu = f64::MAX;
    for _ in 0..rounds {
        let t0 = Instant::now();
        let c0 = thread_cpu_seconds();
        sentences = 0;
        for (text, spans) in texts.iter().zip(&blocks) {
            for block in spans {
                sentences += segment(text, *block).len();
            }
        }
        best = best.min(t0.elapsed().as_secs_f64());
        if let (Some(c0), Some(c1)) = (c0, thread_cpu_seconds()) {
            best_cpu = best_cpu.min(c1 - c0);
        }
    }
    let mb = bytes as f64 / 1e6;
    print!(
        "{} docs, {mb:.1} MB, {sentences} sentences, {} blocks; best of {rounds}: wall {best:.3} s = {:.0} MB/s",
        texts.len(),
        blocks.iter().map(Vec::len).sum::<usize>(),
        mb / best
    );
    if best_cpu < f64::MAX {
        // On a shared machine the on-CPU time says more than the wall clock.
        print!(", on-CPU {best_cpu:.3} s = {:.0} MB/s", mb / best_cpu);
    }
    println!();
    Ok(())
}

/// Time this thread has spent on a CPU (Linux `/proc/thread-self/schedstat`).
fn thread_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

/// Blank-line separated blocks of `text`.
fn blocks(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for (k, _) in text.match_indices("\n\n") {
        out.push(Span::new(start, k));
        start = k + 2;
    }
    out.push(Span::new(start, text.len()));
    out
}
