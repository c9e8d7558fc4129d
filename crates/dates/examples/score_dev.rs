//! Runs the dates extractor over a TempEval-style JSONL file (`doc_id`,
//! `dct`, `text` per line) and prints one claimdex-shaped record per
//! document, offsets in code points, for `eval/dates/score.py`.
//!
//! Usage: `cargo run --release -p claimdex-dates --example score_dev -- GOLD.jsonl > pred.jsonl`
use std::io::{BufRead, Write};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: score_dev GOLD.jsonl")?;
    let file = std::io::BufReader::new(std::fs::File::open(path)?);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for line in file.lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let doc: serde_json::Value = serde_json::from_str(&line)?;
        let id = doc["doc_id"].as_str().unwrap_or_default().to_string();
        let text = doc["text"].as_str().unwrap_or_default().to_string();
        let anchor = doc["dct"]
            .as_str()
            .and_then(|s| s.parse::<jiff::civil::Date>().ok());
        let mentions = claimdex_dates::extract(&text, anchor);
        // Byte offset -> code point offset.
        let cp = |b: usize| text[..b].chars().count();
        let dates: Vec<serde_json::Value> = mentions
            .iter()
            .map(|m| {
                serde_json::json!({
                    "start": cp(m.span.start),
                    "end": cp(m.span.end),
                    "text": &text[m.span.start..m.span.end],
                    "type": m.timex_type.as_str(),
                    "value": m.value,
                })
            })
            .collect();
        let rec = serde_json::json!({"doc": {"id": id, "published": doc["dct"]}, "dates": dates});
        writeln!(out, "{rec}")?;
    }
    Ok(())
}
