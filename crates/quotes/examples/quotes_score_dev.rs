//! Runs the quotes stage over a PolNeAR-style JSONL file (`{doc_id, text}`)
//! and prints predictions in the scorer's plain format, code-point offsets:
//!
//! `cargo run --release -p claimdex-quotes --example quotes_score_dev -- GOLD > pred.jsonl`
//! `python3 /work/shared/eval/quotes/score.py GOLD pred.jsonl`
//!
//! Documents get one paragraph block per line, as the ingest stage would.

use std::io::{BufRead, Write};

use claimdex_model::{Block, BlockKind, Document, OffsetMap, SourceFormat};

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
        let v: serde_json::Value = serde_json::from_str(&line)?;
        let id = v["doc_id"].clone();
        let text = v["text"].as_str().unwrap_or("").to_string();
        let mut doc = Document::new(id.to_string(), "-", SourceFormat::JsonlText, text);
        doc.blocks = claimdex_quotes::line_spans(&doc.text)
            .into_iter()
            .map(|span| Block {
                kind: BlockKind::Paragraph,
                span,
            })
            .collect();
        let quotes = claimdex_quotes::extract(&doc);
        let map = OffsetMap::new(&doc.text);
        let qs: Vec<serde_json::Value> = quotes
            .iter()
            .map(|q| {
                serde_json::json!({
                    "start": map.to_char(q.span.start),
                    "end": map.to_char(q.span.end),
                    "kind": q.kind.as_str(),
                    "speaker": q.speaker,
                    "speaker_start": q.speaker_span.map(|s| map.to_char(s.start)),
                    "speaker_end": q.speaker_span.map(|s| map.to_char(s.end)),
                })
            })
            .collect();
        writeln!(out, "{}", serde_json::json!({"doc_id": id, "quotes": qs}))?;
    }
    Ok(())
}
