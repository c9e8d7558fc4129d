//! Throughput of the figures stage alone, in MB/s of text.
//!
//! Reads the shared news corpus at run time (`CLAIMDEX_CORPUS`, default
//! `../shared/data/corpus/news.jsonl.gz` from the workspace root; it is
//! never copied into the repository). Without it, falls back to generated
//! sentences so `cargo bench --no-run` and offline runs still work.

use std::io::{BufRead, BufReader};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

/// About `target` bytes of news text, joined by blank lines.
fn corpus(target: usize) -> String {
    let root = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/corpus/news.jsonl.gz"
    );
    let path = std::env::var("CLAIMDEX_CORPUS").unwrap_or_else(|_| root.to_string());
    let mut out = String::new();
    if let Ok(f) = std::fs::File::open(&path) {
        let r = BufReader::new(flate2::read::MultiGzDecoder::new(f));
        for line in r.lines().map_while(Result::ok) {
            if let Ok(v) = serde_json::from_str::<serde_json::Value>(&line) {
                if let Some(t) = v["text"].as_str() {
                    out.push_str(t);
                    out.push_str("\n\n");
                }
            }
            if out.len() >= target {
                return out;
            }
        }
    }
    let filler = [
        "Revenue rose 12.5% to $3.4 billion, while costs fell by about 200 mln dlrs.",
        "The ministry said more than 130,000 tons of grain were shipped in 2024.",
        "Officials met on Tuesday to discuss the plan with local leaders and unions.",
        "Around two thirds of the 1,200 workers voted for the deal, up from 48 pct.",
    ];
    let mut i = 0;
    while out.len() < target {
        out.push_str(filler[i % filler.len()]);
        out.push(' ');
        i += 1;
    }
    out
}

fn bench(c: &mut Criterion) {
    let text = corpus(4 << 20);
    let mut g = c.benchmark_group("figures");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(10);
    g.bench_function("extract", |b| {
        b.iter(|| claimdex_figures::extract(std::hint::black_box(&text)))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
