//! Prints the quotes the stage finds in the text on stdin (one paragraph
//! per line), for eyeballing rules: `echo '…' | cargo run --example debug_quotes`.

use std::io::Read;

use claimdex_model::{Document, SourceFormat};

fn main() -> std::io::Result<()> {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text)?;
    let doc = Document::new("stdin", "-", SourceFormat::Text, text);
    for q in claimdex_quotes::extract_all(&doc) {
        println!(
            "{:?} {:?} speaker={:?} mention={:?}",
            q.kind,
            q.span.slice(&doc.text),
            q.speaker,
            q.speaker_span.map(|s| s.slice(&doc.text))
        );
    }
    Ok(())
}
