//! Snapshot of how [`segment`] splits a fixture of tricky news sentences
//! (`fixtures/sentences_tricky.txt`, written for claimdex). Review changes
//! with `cargo insta review` or `INSTA_UPDATE=always` and read the diff.

use std::fmt::Write;

use claimdex_ingest::sentences::segment;
use claimdex_model::Span;

#[test]
fn tricky_sentences() {
    let fixture = include_str!("fixtures/sentences_tricky.txt");
    let mut report = String::new();
    for line in fixture.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let text = line.replace("\\n", "\n");
        let spans = segment(&text, Span::new(0, text.len()));
        let _ = writeln!(report, "{line}");
        for span in spans {
            let _ = writeln!(report, "  | {}", span.slice(&text).replace('\n', "\\n"));
        }
    }
    insta::assert_snapshot!(report);
}
