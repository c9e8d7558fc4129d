//! Times html5ever parsing alone over a gold set (profiling aid).
use std::io::{BufRead, Read};
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let gold = std::env::args().nth(1).ok_or("usage")?;
    let dir = std::path::Path::new(&gold)
        .parent()
        .unwrap_or(std::path::Path::new("."));
    let mut pages = Vec::new();
    for line in std::io::BufReader::new(std::fs::File::open(&gold)?).lines() {
        let g: serde_json::Value = serde_json::from_str(&line?)?;
        let path = dir.join(g["html_path"].as_str().unwrap_or_default());
        let mut raw = Vec::new();
        flate2::read::GzDecoder::new(std::fs::File::open(&path)?).read_to_end(&mut raw)?;
        pages.push(String::from_utf8_lossy(&raw).into_owned());
    }
    let mode = std::env::args().nth(2).unwrap_or_default();
    let t0 = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..3 {
        for p in &pages {
            match mode.as_str() {
                "parse" => n += scraper::Html::parse_document(p).tree.nodes().count(),
                "full" => n += claimdex_html::parse_page(p.as_bytes(), None).text.len(),
                _ => n += p.len(),
            }
        }
    }
    let s = t0.elapsed().as_secs_f64();
    eprintln!(
        "{mode}: {} pages x3 {:.0} pages/s wall ({n})",
        pages.len(),
        3.0 * pages.len() as f64 / s
    );
    Ok(())
}
