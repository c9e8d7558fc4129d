//! Scale benchmark of the claim index (run by hand, not in CI).
//!
//! ```text
//! claimdex extract --format jsonl ../shared/data/corpus/news.jsonl.gz > /tmp/recs.jsonl
//! cargo run --release -p claimdex-index --example bench -- build /tmp/idx /tmp/recs.jsonl 1000000
//! cargo run --release -p claimdex-index --example bench -- query /tmp/idx
//! cargo run --release -p claimdex-index --example bench -- export /tmp/idx
//! ```
//!
//! `build` repeats the records with new ids (`id#k`) until at least the
//! given number of claims is indexed. `query` derives a fixed list of 200
//! queries (free text, speaker, figure range, date range, mixed) from the
//! index with a fixed seed, runs it once to warm up, then times each query
//! and prints p50/p90/p99 and the peak RSS of the process.
//!
//! Measured 2026-11-27 on the shared 2-core box (load average 8-12, so
//! wall times are inflated), news.jsonl.gz ×10 extracted with
//! `--include text,sentences` = 212,680 documents, 1,057,530 claims,
//! 666.5 MB on disk (with each document's sentences kept for `show`;
//! +23% over the same index without them: 56.8 → 69.8 MB at ×1):
//! - build: 137 s (7.7k claims/s), peak RSS 795 MB (256 MB writer budget)
//! - 200 queries, top 10, warm: p50 0.19 ms, p90 8.0 ms, p99 14 ms, max
//!   24 ms; peak RSS 212 MB (free text p50 5.8 ms, speaker 0.11, unit+value
//!   0.18, date range 0.13, mixed 1.6)
//! - `claimdex export` (the CLI, not this example): 5.8 s wall, 4.1 s CPU
//!   for all claims (182k claims/s wall, ≈255k claims per CPU-second; was
//!   ≈116k per CPU-second before rows were decoded straight from the store)

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::time::Instant;

use claimdex_index::{query, ClaimIndex};
use claimdex_model::contract::DocRecord;

type Res<T> = Result<T, Box<dyn std::error::Error>>;

fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

fn build(dir: &Path, jsonl: &Path, want: usize) -> Res<()> {
    let file = std::fs::File::open(jsonl)?;
    let mut recs: Vec<DocRecord> = Vec::new();
    for line in BufReader::new(file).lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        recs.push(serde_json::from_str(&line)?);
    }
    let per_pass: usize = recs.iter().map(|r| r.claims.len()).sum();
    let passes = want.div_ceil(per_pass.max(1)).max(1);
    println!(
        "{} documents, {per_pass} claims per pass, {passes} passes",
        recs.len()
    );
    let index = ClaimIndex::open_or_create(dir)?;
    let mut writer = index.writer(256 << 20)?;
    let t = Instant::now();
    let mut claims = 0usize;
    for k in 0..passes {
        for rec in &recs {
            let mut r = rec.clone();
            if k > 0 {
                let suffix = format!("#{k}");
                r.doc.id.push_str(&suffix);
                for c in &mut r.claims {
                    c.id.push_str(&suffix);
                    c.citation.doc_id.push_str(&suffix);
                }
            }
            claims += r.claims.len();
            writer.upsert(&r)?;
        }
        writer.commit()?;
    }
    writer.finish()?;
    let secs = t.elapsed().as_secs_f64();
    println!(
        "indexed {claims} claims in {secs:.1} s ({:.0} claims/s), peak RSS {:.0} MB",
        claims as f64 / secs,
        peak_rss_mb()
    );
    Ok(())
}

/// A small deterministic generator (xorshift) so the query list is fixed.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[(self.next() % v.len() as u64) as usize]
    }
}

fn make_queries(index: &ClaimIndex) -> Res<Vec<String>> {
    let stats = index.stats()?;
    // Sample claim texts for realistic words: every 97th claim of the
    // first 200k.
    let mut texts = Vec::new();
    for (i, hit) in index.claims().take(200_000).enumerate() {
        if i % 97 == 0 {
            texts.push(hit?.claim.text);
        }
    }
    let words: Vec<Vec<String>> = texts
        .iter()
        .map(|t| {
            t.split(|c: char| !c.is_alphabetic())
                .filter(|w| w.len() > 3)
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
        })
        .filter(|w: &Vec<String>| w.len() >= 3)
        .collect();
    let speakers: Vec<String> = stats.top_speakers.iter().map(|c| c.value.clone()).collect();
    let units: Vec<String> = stats.top_units.iter().map(|c| c.value.clone()).collect();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut out = Vec::new();
    for i in 0..200 {
        let w = rng.pick(&words);
        let a = &w[(rng.next() % w.len() as u64) as usize];
        let b = &w[(rng.next() % w.len() as u64) as usize];
        let q = match i % 5 {
            0 => format!("{a} {b}"),
            1 if !speakers.is_empty() => {
                let s = rng.pick(&speakers);
                let last = s.split_whitespace().last().unwrap_or(s);
                format!("speaker:\"{}\"", last.replace('"', ""))
            }
            2 if !units.is_empty() => {
                let u = rng.pick(&units);
                let lo = 10f64.powi((rng.next() % 7) as i32);
                format!(
                    "unit:\"{}\" value:[{lo} TO {}]",
                    u.replace('"', ""),
                    lo * 100.0
                )
            }
            3 => {
                let y = 1985 + rng.next() % 25;
                format!("date:{y}..{}", y + 1 + rng.next() % 3)
            }
            _ => {
                if rng.next().is_multiple_of(2) {
                    format!("\"{a} {b}\" kind:figure")
                } else {
                    format!("{a} value:>1000 published:<=2005")
                }
            }
        };
        out.push(q);
    }
    Ok(out)
}

fn run_queries(dir: &Path) -> Res<()> {
    let t = Instant::now();
    let index = ClaimIndex::open(dir)?;
    println!("opened in {:.1} ms", t.elapsed().as_secs_f64() * 1e3);
    let queries = make_queries(&index)?;
    let mut file = std::fs::File::create(dir.join("bench_queries.txt"))?;
    for q in &queries {
        writeln!(file, "{q}")?;
    }
    let reqs: Vec<_> = queries
        .iter()
        .map(|q| query::parse(q).map_err(|e| e.to_string()))
        .collect::<Result<_, _>>()?;
    for r in &reqs {
        index.search(r)?;
    }
    let mut lat = Vec::new();
    let mut found = 0usize;
    for r in &reqs {
        let t = Instant::now();
        found += index.search(r)?.len();
        lat.push(t.elapsed().as_secs_f64() * 1e3);
    }
    let mut sorted = lat.clone();
    sorted.sort_by(f64::total_cmp);
    let p = |q: f64| sorted[((sorted.len() - 1) as f64 * q).round() as usize];
    println!(
        "{} queries (top 10), {found} hits: p50 {:.2} ms, p90 {:.2} ms, p99 {:.2} ms, max {:.2} ms; peak RSS {:.0} MB",
        reqs.len(),
        p(0.5),
        p(0.9),
        p(0.99),
        p(1.0),
        peak_rss_mb()
    );
    for kind in 0..5 {
        let mut v: Vec<f64> = lat.iter().skip(kind).step_by(5).copied().collect();
        v.sort_by(f64::total_cmp);
        println!(
            "  class {kind} ({}): p50 {:.2} ms, max {:.2} ms",
            ["free text", "speaker", "unit+value", "date range", "mixed"][kind],
            v[v.len() / 2],
            v[v.len() - 1]
        );
    }
    Ok(())
}

fn export(dir: &Path) -> Res<()> {
    let index = ClaimIndex::open(dir)?;
    let t = Instant::now();
    let mut sink = std::io::sink();
    let mut n = 0usize;
    for hit in index.claims() {
        let hit = hit?;
        serde_json::to_writer(&mut sink, &hit.claim)?;
        n += 1;
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "exported {n} claims in {secs:.2} s ({:.0} claims/s), peak RSS {:.0} MB",
        n as f64 / secs,
        peak_rss_mb()
    );
    let s = index.stats()?;
    println!(
        "stats: {} docs, {} claims, {} segments, {:.0} MB on disk",
        s.documents,
        s.claims,
        s.segments,
        s.bytes_on_disk as f64 / 1e6
    );
    Ok(())
}

fn main() -> Res<()> {
    let args: Vec<String> = std::env::args().collect();
    match args.get(1).map(String::as_str) {
        Some("build") if args.len() >= 4 => {
            let want = args
                .get(4)
                .and_then(|n| n.parse().ok())
                .unwrap_or(1_000_000);
            build(Path::new(&args[2]), Path::new(&args[3]), want)
        }
        Some("query") if args.len() >= 3 => run_queries(Path::new(&args[2])),
        Some("export") if args.len() >= 3 => export(Path::new(&args[2])),
        _ => Err("usage: bench build DIR RECORDS.jsonl [CLAIMS] | query DIR | export DIR".into()),
    }
}
