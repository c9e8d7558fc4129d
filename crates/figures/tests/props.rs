//! Property tests: the extractor never panics, and every figure's span is
//! inside the text, on char boundaries, with start <= end; values are
//! finite or absent.

use proptest::prelude::*;

fn check(text: &str) {
    let figs = claimdex_figures::extract(text);
    let mut last = 0;
    for f in &figs {
        let s = f.span;
        assert!(s.start <= s.end, "{s:?} in {text:?}");
        assert!(s.end <= text.len(), "{s:?} in {text:?}");
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        assert!(s.start >= last, "figures out of order in {text:?}");
        last = s.start;
        if let Some(v) = f.value {
            assert!(v.is_finite(), "{v} in {text:?}");
        }
        if let Some(v) = f.value_max {
            assert!(v.is_finite(), "{v} in {text:?}");
        }
    }
}

/// Pieces that exercise the grammar: digits in several scripts, signs,
/// separators, scale and unit words.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9]{1,12}",
        "[0-9]{1,3}(,[0-9]{3}){0,3}(\\.[0-9]{1,3})?",
        Just("$".to_string()),
        Just("$$$$".to_string()),
        Just("1e999".to_string()),
        Just("-".to_string()),
        Just("–".to_string()),
        Just("%".to_string()),
        Just("½".to_string()),
        Just("٣٤".to_string()),
        Just("१२".to_string()),
        Just("\u{202f}".to_string()),
        Just("million".to_string()),
        Just("bn".to_string()),
        Just("over".to_string()),
        Just("more than".to_string()),
        Just("between".to_string()),
        Just("and".to_string()),
        Just("a".to_string()),
        Just("half".to_string()),
        Just("two thirds".to_string()),
        Just("twenty-five".to_string()),
        Just("times more".to_string()),
        Just("tons".to_string()),
        Just("km/h".to_string()),
        Just("US$".to_string()),
        Just("per".to_string()),
        Just("of GDP".to_string()),
        Just("^".to_string()),
        Just("/".to_string()),
        Just(".".to_string()),
        Just("\n".to_string()),
        Just(" ".to_string()),
        "\\PC{0,3}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn never_panics_on_any_unicode(s in "\\PC{0,80}") {
        check(&s);
    }

    #[test]
    fn never_panics_on_number_soup(parts in prop::collection::vec(piece(), 0..24)) {
        let text = parts.join(" ");
        check(&text);
        let tight = parts.concat();
        check(&tight);
    }
}

#[test]
fn huge_numbers_are_absent_not_infinite() {
    let digits = "7".repeat(10_000);
    check(&digits);
    let f = claimdex_figures::extract(&digits);
    assert!(f.iter().all(|f| f.value.is_none()));
    for t in [
        "1e999",
        "1.5^99999",
        "$1e400 billion",
        "9x10^999",
        "$$$$",
        "1,0,0,0",
    ] {
        check(t);
    }
}
