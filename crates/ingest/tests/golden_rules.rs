//! The English "Golden Rules" of sentence segmentation (pySBD, MIT; see
//! `fixtures/golden_rules_en.README.md`), scored the way
//! `shared/eval/sentences/score.py` scores them: a case is right when the
//! list of stripped sentence strings equals the gold list exactly.

use claimdex_ingest::sentences::segment;
use claimdex_model::Span;
use serde::Deserialize;

#[derive(Deserialize)]
struct Case {
    id: u32,
    rule: String,
    text: String,
    sentences: Vec<String>,
}

/// pySBD reaches 47/48, NLTK punkt 27/48.
const REQUIRED: usize = 46;

#[test]
fn golden_rules_en() {
    let raw = include_str!("fixtures/golden_rules_en.jsonl");
    let cases: Vec<Case> = raw
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("fixture line is valid JSON"))
        .collect();
    assert_eq!(cases.len(), 48, "fixture holds the 48 English cases");
    let mut correct = 0;
    for case in &cases {
        let spans = segment(&case.text, Span::new(0, case.text.len()));
        let got: Vec<&str> = spans
            .iter()
            .map(|s| s.slice(&case.text).trim())
            .filter(|s| !s.is_empty())
            .collect();
        let want: Vec<&str> = case
            .sentences
            .iter()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .collect();
        if got == want {
            correct += 1;
        } else {
            println!(
                "FAIL {} {}\n  gold: {want:?}\n  got:  {got:?}",
                case.id, case.rule
            );
        }
    }
    println!("golden rules: {correct}/{} correct", cases.len());
    assert!(
        correct >= REQUIRED,
        "golden rules: {correct}/{} correct, need {REQUIRED}",
        cases.len()
    );
}
