//! Dev scorer input: reads an eval gold JSONL (`aeb_dev.jsonl` or
//! `htmldate_dev.jsonl`), parses each page and prints one
//! `{"doc": {...}}` line per page for `eval/html/score.py --pred-format claimdex`.
//!
//! usage: cargo run --release --example html_score_dev -- GOLD.jsonl > pred.jsonl

use std::io::{BufRead, Read, Write};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let gold = std::env::args()
        .nth(1)
        .ok_or("usage: score_dev GOLD.jsonl")?;
    let dir = std::path::Path::new(&gold)
        .parent()
        .unwrap_or(std::path::Path::new("."));
    let out = std::io::stdout();
    let mut out = out.lock();
    let t0 = std::time::Instant::now();
    let (mut pages, mut bytes) = (0usize, 0usize);
    for line in std::io::BufReader::new(std::fs::File::open(&gold)?).lines() {
        let g: serde_json::Value = serde_json::from_str(&line?)?;
        let id = g["id"].as_str().unwrap_or_default().to_string();
        let path = dir.join(g["html_path"].as_str().unwrap_or_default());
        let mut raw = Vec::new();
        flate2::read::GzDecoder::new(std::fs::File::open(&path)?).read_to_end(&mut raw)?;
        let url = g["url"].as_str();
        pages += 1;
        bytes += raw.len();
        let p = claimdex_html::parse_page(&raw, url);
        let doc = serde_json::json!({"doc": {
            "id": id, "text": p.text, "title": p.title, "author": p.author,
            "published": p.published.map(|d| d.to_string()), "url": p.url,
            "site": p.site, "lang": p.lang,
            "warnings": p.warnings.iter().map(|w| w.to_string()).collect::<Vec<_>>(),
        }});
        writeln!(out, "{doc}")?;
    }
    let s = t0.elapsed().as_secs_f64();
    eprintln!(
        "{pages} pages, {:.1} MB in {s:.2}s: {:.0} pages/s, {:.1} MB/s",
        bytes as f64 / 1e6,
        pages as f64 / s,
        bytes as f64 / 1e6 / s
    );
    Ok(())
}
