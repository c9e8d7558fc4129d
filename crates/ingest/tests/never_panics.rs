//! Property tests over the whole ingest pipeline: for arbitrary input text,
//! analysis and extraction never panic, every span lies on the text, and
//! the contract record's code-point offsets slice to the reported text.

use claimdex_model::contract::{DocRecord, Include};
use claimdex_model::{Document, SourceFormat};
use proptest::prelude::*;

fn check(text: String) -> Result<(), TestCaseError> {
    let mut doc = Document::new("p", "p", SourceFormat::Text, text);
    claimdex_ingest::analyze(&mut doc, jiff::civil::Date::new(2025, 10, 28).ok());
    for b in &doc.blocks {
        prop_assert!(
            doc.text.get(b.span.start..b.span.end).is_some(),
            "block {:?}",
            b
        );
    }
    for s in &doc.sentences {
        prop_assert!(
            doc.text.get(s.span.start..s.span.end).is_some(),
            "sentence {:?}",
            s
        );
        prop_assert!(doc.blocks[s.block].span.contains(s.span));
    }
    let ex = claimdex_ingest::extract(doc);
    let rec = DocRecord::from_extraction(
        &ex,
        Include {
            text: true,
            sentences: true,
        },
    );
    let chars: Vec<char> = ex.doc.text.chars().collect();
    let slice = |s: usize, e: usize| -> Option<String> {
        (s <= e && e <= chars.len()).then(|| chars[s..e].iter().collect())
    };
    for f in &rec.figures {
        prop_assert_eq!(slice(f.start, f.end), Some(f.text.clone()));
        prop_assert!(f.value.is_none_or(f64::is_finite));
    }
    for d in &rec.dates {
        prop_assert_eq!(slice(d.start, d.end), Some(d.text.clone()));
    }
    for q in &rec.quotes {
        prop_assert_eq!(slice(q.start, q.end), Some(q.text.clone()));
        if let (Some(s), Some(e)) = (q.speaker_start, q.speaker_end) {
            prop_assert!(slice(s, e).is_some());
        }
    }
    for c in &rec.claims {
        prop_assert_eq!(slice(c.start, c.end), Some(c.text.clone()));
        for &i in &c.figures {
            prop_assert!(i < rec.figures.len());
        }
        for &i in &c.dates {
            prop_assert!(i < rec.dates.len());
        }
        for &i in &c.quotes {
            prop_assert!(i < rec.quotes.len());
        }
    }
    Ok(())
}

/// Text built from pieces that exercise every stage.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\"".to_string()),
        Just("’".to_string()),
        Just(" said ".to_string()),
        Just("Trump".to_string()),
        Just(" she ".to_string()),
        Just("$".to_string()),
        Just("%".to_string()),
        Just(" billion ".to_string()),
        Just("1,000.5".to_string()),
        Just("1e999".to_string()),
        Just("99999999999999999999999999999".to_string()),
        Just("February 30, 2024".to_string()),
        Just("the 99999s".to_string()),
        Just("last week".to_string()),
        Just("U.S.".to_string()),
        Just(". ".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("- ".to_string()),
        Just("| a |".to_string()),
        Just("1. ".to_string()),
        Just("?".to_string()),
        Just("Last Updated on October 28, 2025\n".to_string()),
        "[a-zA-Z0-9 ]{0,12}",
        "\\PC{0,6}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_unicode_never_panics(text in "\\PC{0,400}") {
        check(text)?;
    }

    #[test]
    fn newsy_text_never_panics(text in newsy()) {
        check(text)?;
    }
}

#[test]
fn pathological_inputs() {
    let cases = [
        String::new(),
        "\n\n\n".to_string(),
        "“".repeat(5000),
        "\"".repeat(5001),
        "9".repeat(10_000),
        "$$$$ %%%% 1e999 ½ ¼".to_string(),
        format!("“{}", "word ".repeat(20_000)),
        "٣٤٥ ١٢٣ percent ٪".to_string(),
    ];
    for text in cases {
        check(text).unwrap();
    }
}
