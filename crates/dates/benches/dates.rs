//! Throughput of the dates stage alone, in MB of document text per second
//! on one core. Reads a few MB of news from
//! `../shared/data/corpus/news.jsonl.gz` (through `gzip -dc`, at run time;
//! the corpus is never copied into the repository) or, when it is not
//! there, generates text from a template.
//!
//! `cargo bench -p claimdex-dates` (set `DATES_BENCH_MB` to change the
//! size, `DATES_BENCH_REPS` the passes over it per timed run).

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Instant;

fn corpus(limit: usize) -> Vec<String> {
    let candidates = [
        "../../../shared/data/corpus/news.jsonl.gz",
        "../../shared/data/corpus/news.jsonl.gz",
        "/work/shared/data/corpus/news.jsonl.gz",
    ];
    let Some(path) = candidates.iter().find(|p| std::path::Path::new(p).exists()) else {
        return Vec::new();
    };
    let Ok(mut child) = Command::new("gzip")
        .args(["-dc", path])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
    else {
        return Vec::new();
    };
    let mut docs = Vec::new();
    let mut total = 0;
    if let Some(out) = child.stdout.take() {
        for line in BufReader::new(out).lines().map_while(Result::ok) {
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
    }
    let _ = child.kill();
    let _ = child.wait();
    docs
}

fn generated(limit: usize) -> Vec<String> {
    let para = "WASHINGTON, Oct. 28 (Reuters) - The Senate voted on Tuesday to extend the \
program for six months, after talks collapsed last week. Revenue in the third quarter rose \
8% from a year earlier, the company said in a filing dated 2025-10-28. Analysts expect \
growth to slow next year and in the 2030s; the plant, built in the 1980s, will close by \
3 p.m. ET Thursday. Prices have fallen over the past two years. ";
    let mut docs = Vec::new();
    let mut total = 0;
    while total < limit {
        let d = para.repeat(8);
        total += d.len();
        docs.push(d);
    }
    docs
}

/// CPU seconds this thread has used (Linux, 100 Hz ticks), so that the
/// rate means "on one core" even on a loaded machine; `None` elsewhere.
fn cpu_secs() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    // Fields after the parenthesised command name; utime and stime are
    // fields 14 and 15 of the line.
    let rest = stat.rsplit_once(')')?.1;
    let f: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = f.get(11)?.parse().ok()?;
    let stime: f64 = f.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

fn main() {
    let mb: usize = std::env::var("DATES_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(4);
    let limit = mb * 1_000_000;
    // Each timed run goes over the documents `reps` times, so that a run
    // lasts long enough for the 10 ms granularity of the CPU clock.
    let reps: usize = std::env::var("DATES_BENCH_REPS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(4);
    let mut docs = corpus(limit);
    let source = if docs.is_empty() {
        docs = generated(limit);
        "generated"
    } else {
        "news.jsonl.gz"
    };
    let bytes: usize = docs.iter().map(String::len).sum();
    let anchor = jiff::civil::Date::new(2025, 10, 28).ok();
    // Warm the lazily compiled regexes outside the timing.
    let _ = claimdex_dates::extract("last week", anchor);
    let mut rates = Vec::new();
    let mut cpu_rates = Vec::new();
    let mut found = 0;
    for _ in 0..3 {
        let t = Instant::now();
        let c0 = cpu_secs();
        for _ in 0..reps {
            found = 0;
            for d in &docs {
                found += claimdex_dates::extract(d, anchor).len();
            }
        }
        let secs = t.elapsed().as_secs_f64();
        let done = (bytes * reps) as f64 / 1e6;
        rates.push(done / secs);
        if let (Some(a), Some(b)) = (c0, cpu_secs()) {
            cpu_rates.push(done / (b - a).max(0.01));
        }
    }
    cpu_rates.sort_by(f64::total_cmp);
    if let Some(r) = cpu_rates.get(1) {
        println!("dates: median {r:.1} MB per CPU-second (wall-clock rates below)");
    }
    rates.sort_by(f64::total_cmp);
    println!(
        "dates: {source}, {} docs, {:.1} MB, {found} mentions; median {:.1} MB/s (min {:.1}, max {:.1})",
        docs.len(),
        bytes as f64 / 1e6,
        rates[1],
        rates[0],
        rates[2]
    );
}
