//! Snapshot of the extractor over hand-written tricky sentences, one case a
//! line, all anchored on Tuesday 2025-10-28. Review changes by eye.

use claimdex_dates::extract;
use jiff::civil::Date;

#[test]
fn tricky_sentences() {
    let out = run(include_str!("fixtures/tricky.txt"));
    insta::assert_snapshot!(out);
}

/// A second fixture of the same kind (kept apart so that two people can
/// add cases at once without colliding at the end of one file).
#[test]
fn more_tricky_sentences() {
    let out = run(include_str!("fixtures/tricky_more.txt"));
    insta::assert_snapshot!(out);
}

fn run(fixture: &str) -> String {
    let anchor = Date::new(2025, 10, 28).ok();
    let mut out = String::new();
    for line in fixture.lines().filter(|l| !l.trim().is_empty()) {
        out.push_str(line);
        out.push('\n');
        for m in extract(line, anchor) {
            out.push_str(&format!(
                "  {:?} {} {}\n",
                m.span.slice(line),
                m.timex_type.as_str(),
                m.value.as_deref().unwrap_or("-")
            ));
        }
    }
    out
}
