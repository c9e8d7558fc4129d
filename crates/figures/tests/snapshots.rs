//! Snapshot of the figures found in hand-written tricky sentences
//! (`tests/fixtures/tricky.txt`, one case per line). Review changes by eye
//! and accept them with `cargo insta accept` or `INSTA_UPDATE=always`.

use std::fmt::Write;

#[test]
fn tricky_sentences() {
    let fixture = include_str!("fixtures/tricky.txt");
    let mut out = String::new();
    for line in fixture.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let _ = writeln!(out, "> {line}");
        for f in claimdex_figures::extract(line) {
            let _ = write!(
                out,
                "  [{}] value={:?} unit={:?} kind={}",
                f.span.slice(line),
                f.value,
                f.unit,
                f.kind.as_str()
            );
            if let Some(m) = f.value_max {
                let _ = write!(out, " max={m:?}");
            }
            if let Some(q) = &f.qualifier {
                let _ = write!(out, " qualifier={q:?} cmp={:?}", f.comparator);
            }
            if let Some(m) = &f.measured {
                let _ = write!(out, " measured={m:?}");
            }
            out.push('\n');
        }
    }
    insta::assert_snapshot!(out);
}
