//! Runs the extractor over a figures JSONL file (`{"id","text",…}` per
//! line) and prints `claimdex extract`-shaped lines with code-point
//! offsets, for `shared/eval/figures/score.py --pred-format claimdex`.
//!
//! Usage: `cargo run --release --example figures_score_dev -- GOLD.jsonl > pred.jsonl`

use std::io::{BufRead, BufReader, Write};

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| {
        eprintln!("usage: score_dev GOLD.jsonl");
        std::process::exit(2)
    });
    let file = std::fs::File::open(&path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(1)
    });
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for line in BufReader::new(file).lines() {
        let Ok(line) = line else { continue };
        let Ok(rec) = serde_json::from_str::<serde_json::Value>(&line) else {
            continue;
        };
        let id = rec["id"].clone();
        let text = rec["text"].as_str().unwrap_or("");
        // Byte offset -> code point, counted incrementally (figures come in
        // text order, so this stays linear).
        let mut at = (0usize, 0usize);
        let mut cp = |b: usize| {
            if b < at.0 {
                at = (0, 0);
            }
            at.1 += text.get(at.0..b).map(|s| s.chars().count()).unwrap_or(0);
            at.0 = b;
            at.1
        };
        let figs: Vec<serde_json::Value> = claimdex_figures::extract(text)
            .into_iter()
            .map(|f| {
                let (start, end) = (cp(f.span.start), cp(f.span.end));
                serde_json::json!({
                    "start": start,
                    "end": end,
                    "text": f.span.slice(text),
                    "value": f.value,
                    "value_max": f.value_max,
                    "unit": f.unit,
                    "kind": f.kind.as_str(),
                    "qualifier": f.qualifier,
                    "measured": f.measured,
                })
            })
            .collect();
        let obj = serde_json::json!({"doc": {"id": id, "text": text}, "figures": figs});
        let _ = writeln!(out, "{obj}");
    }
}
