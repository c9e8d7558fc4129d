//! Times the figures stage over news text, for quick checks on a busy
//! machine (criterion is the reference, see `benches/figures.rs`).
//!
//! Usage: `throughput CORPUS.jsonl.gz MB ROUNDS [docs]`; prints bytes, figures and
//! MB/s of wall time. Run it under `perf stat -e task-clock` to get CPU time
//! on a loaded box.

use std::io::{BufRead, BufReader};
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().unwrap_or_default();
    let mb: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(4);
    let rounds: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(3);
    // `docs`: one call per document, as the pipeline makes them; by default
    // one call over the whole text (its token buffer is then tens of MB,
    // and fresh pages cost ~10 % of the time).
    let per_doc = args.next().as_deref() == Some("docs");
    let mut docs: Vec<String> = Vec::new();
    let mut text = String::new();
    if let Ok(f) = std::fs::File::open(&path) {
        let r = BufReader::new(flate2::read::MultiGzDecoder::new(f));
        for line in r.lines().map_while(Result::ok) {
            if let Ok(v) = serde_json::from_str::<serde_json::Value>(&line) {
                if let Some(t) = v["text"].as_str() {
                    docs.push(t.to_string());
                    text.push_str(t);
                    text.push_str("\n\n");
                }
            }
            if text.len() >= mb << 20 {
                break;
            }
        }
    }
    let t0 = Instant::now();
    let mut n = 0;
    for _ in 0..rounds {
        if per_doc {
            for d in &docs {
                n += claimdex_figures::extract(std::hint::black_box(d)).len();
            }
        } else {
            n += claimdex_figures::extract(std::hint::black_box(&text)).len();
        }
    }
    let secs = t0.elapsed().as_secs_f64();
    let total = (text.len() * rounds) as f64 / 1e6;
    println!(
        "bytes={} rounds={rounds} figures={} wall={secs:.3}s {:.1} MB/s",
        text.len(),
        n / rounds.max(1),
        total / secs
    );
}
