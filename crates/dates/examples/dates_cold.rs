//! One cold pass of the dates stage (regex compilation and lazy-DFA
//! state building included), as one `claimdex extract` run pays it: reads
//! JSONL records (`text` per line) from stdin up to `DATES_COLD_MB` MB
//! (default 4) and runs `extract` once over each. Meant for exact
//! instruction counts:
//!
//! `gzip -dc news.jsonl.gz | valgrind --tool=callgrind
//! --toggle-collect='claimdex_dates::*' target/release/examples/dates_cold`
use std::io::BufRead;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mb: usize = std::env::var("DATES_COLD_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(4);
    let limit = mb * 1_000_000;
    let mut docs = Vec::new();
    let mut total = 0;
    for line in std::io::stdin().lock().lines() {
        let line = line?;
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&line) else {
            continue;
        };
        if let Some(t) = v.get("text").and_then(|t| t.as_str()) {
            total += t.len();
            docs.push(t.to_string());
        }
        if total >= limit {
            break;
        }
    }
    // Further passes (`DATES_COLD_REPS`, default 1) are warm: the
    // difference of two counts is the cost of a warm pass.
    let reps: usize = std::env::var("DATES_COLD_REPS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1);
    let anchor = jiff::civil::Date::new(2025, 10, 28).ok();
    let t = std::time::Instant::now();
    let mut found = 0;
    for _ in 0..reps {
        found = docs
            .iter()
            .map(|d| claimdex_dates::extract(d, anchor).len())
            .sum();
    }
    let secs = t.elapsed().as_secs_f64() / reps as f64;
    println!(
        "dates cold: {} docs, {:.2} MB, {found} mentions, {:.3} s, {:.1} MB/s",
        docs.len(),
        total as f64 / 1e6,
        secs,
        total as f64 / 1e6 / secs
    );
    Ok(())
}
