//! Property tests: the stage never panics, every span lies on char
//! boundaries inside the text with start <= end, and pathological inputs
//! (thousands of marks, one quote over a whole megabyte) stay linear.

use std::time::{Duration, Instant};

use claimdex_model::{Block, BlockKind, Document, SourceFormat, Span};
use proptest::prelude::*;

fn check(text: &str, blocks: Vec<Block>) {
    let mut doc = Document::new("p", "-", SourceFormat::Text, text.to_string());
    doc.blocks = blocks;
    for q in claimdex_quotes::extract_all(&doc) {
        let mut spans = vec![q.span];
        spans.extend(q.speaker_span);
        for s in spans {
            assert!(s.start <= s.end, "{s:?}");
            assert!(s.end <= text.len(), "{s:?}");
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        }
    }
}

/// Text made of words, spaces, newlines and every kind of quote mark.
fn quotey() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\"".to_string()),
        Just("'".to_string()),
        Just("‘".to_string()),
        Just("’".to_string()),
        Just("«".to_string()),
        Just("»".to_string()),
        Just("''".to_string()),
        Just(" said ".to_string()),
        Just(" he ".to_string()),
        Just(", ".to_string()),
        Just(". ".to_string()),
        Just("\n".to_string()),
        Just(" Donald Trump ".to_string()),
        Just("<a href=\"x\">".to_string()),
        Just("(D-Ore.)".to_string()),
        "[a-zA-Zé ]{0,8}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn never_panics_on_quotey_text(text in quotey()) {
        check(&text, Vec::new());
    }

    #[test]
    fn never_panics_on_any_text(text in "\\PC{0,300}") {
        check(&text, Vec::new());
    }

    #[test]
    fn tolerates_bad_blocks(text in quotey(), cuts in prop::collection::vec((0usize..400, 0usize..400), 0..6)) {
        // Blocks that overlap, run backwards, split chars or pass the end
        // must not make the stage panic.
        let blocks = cuts
            .into_iter()
            .map(|(a, b)| Block { kind: BlockKind::Paragraph, span: Span::new(a, b) })
            .collect();
        check(&text, blocks);
    }
}

#[test]
fn thousands_of_marks_stay_fast() {
    let text = "“a” ” “ \" ' ‘ ’ said he, “b".repeat(20_000);
    let t = Instant::now();
    check(&text, Vec::new());
    assert!(t.elapsed() < Duration::from_secs(20), "{:?}", t.elapsed());
}

#[test]
fn one_quote_over_a_megabyte_stays_fast() {
    let mut text = String::from("Trump said, “");
    while text.len() < 1_000_000 {
        text.push_str("we will win and win again, ");
    }
    text.push_str("” he said.");
    let t = Instant::now();
    let doc = Document::new("big", "-", SourceFormat::Text, text.clone());
    let qs = claimdex_quotes::extract(&doc);
    assert_eq!(qs.len(), 1);
    assert!(t.elapsed() < Duration::from_secs(20), "{:?}", t.elapsed());
    check(&text, Vec::new());
}

#[test]
fn many_short_lines_with_unclosed_quotes_stay_fast() {
    let text = "He said: “open\n".repeat(50_000);
    let t = Instant::now();
    check(&text, Vec::new());
    assert!(t.elapsed() < Duration::from_secs(20), "{:?}", t.elapsed());
}
