//! Property tests: the extractor never panics, its spans lie on character
//! boundaries inside the text, and every value it emits is well formed.

use claimdex_dates::{extract, parse_date, timex_start_date};
use jiff::civil::Date;
use proptest::prelude::*;

/// Text built from date-ish pieces so the grammar is really exercised.
fn datey() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("February 30".to_string()),
        Just("the 99999s".to_string()),
        Just("year 0".to_string()),
        Just("in 0000".to_string()),
        Just("99999999999999999999 years ago".to_string()),
        Just("last week".to_string()),
        Just("Oct. 28, 2025".to_string()),
        Just("the 19th century".to_string()),
        Just("3 p.m. ET Thursday".to_string()),
        Just("Q5 2025".to_string()),
        Just("13/45/2025".to_string()),
        Just("é—ü 日本".to_string()),
        // Tense cues that look around the expression, across quotes and
        // clause ends, next to multi-byte text.
        Just("had been due to expire Friday evening".to_string()),
        Just("since March and were planning to".to_string()),
        Just("Monday and Tuesday nights".to_string()),
        Just("4 in the morning,'' he said; «in January»".to_string()),
        Just("by mid afternoon — “until Thursday”".to_string()),
        // Rules that look back or ahead of a mention in the whole text
        // (session 4): spans that grow backwards, asides, conjoined days.
        Just("the day before".to_string()),
        Just("then current".to_string()),
        Just("10:35 a.m. (0735 GMT) Friday".to_string()),
        Just("April 24 and 25.".to_string()),
        Just("the previous Friday".to_string()),
        Just("the week of March 6".to_string()),
        Just("quarter ended Oct. 31".to_string()),
        Just("Easter week".to_string()),
        Just("in the years".to_string()),
        Just("would be redeemed in".to_string()),
        Just("it's the eighth day of".to_string()),
        Just("the same period last year's quarter".to_string()),
        (0u32..100_000).prop_map(|n| n.to_string()),
        "[a-zA-Z .,'-]{0,12}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..12).prop_map(|v| v.join(" "))
}

fn anchor() -> impl Strategy<Value = Option<Date>> {
    prop_oneof![
        Just(None),
        Just(Date::new(1, 1, 1).ok()),
        Just(Date::new(9999, 12, 31).ok()),
        (1i16..=9999, 1i8..=12, 1i8..=28).prop_map(|(y, m, d)| Date::new(y, m, d).ok()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn spans_are_valid(text in datey(), a in anchor()) {
        let found = extract(&text, a);
        let mut last_start = 0;
        for m in &found {
            prop_assert!(m.span.start < m.span.end);
            prop_assert!(m.span.end <= text.len());
            prop_assert!(text.is_char_boundary(m.span.start));
            prop_assert!(text.is_char_boundary(m.span.end));
            prop_assert!(m.span.start >= last_start);
            last_start = m.span.start;
            if let Some(v) = &m.value {
                // Calendar values must name real days.
                if v.len() == 10 && v.as_bytes()[4] == b'-' && v.as_bytes()[7] == b'-' {
                    prop_assert!(v.parse::<Date>().is_ok(), "bad date value {v}");
                }
            }
        }
        // No two mentions overlap.
        for w in found.windows(2) {
            prop_assert!(w[0].span.end <= w[1].span.start);
        }
    }

    #[test]
    fn parsers_never_panic(s in any::<String>()) {
        let _ = parse_date(&s);
        let _ = timex_start_date(&s);
        let _ = claimdex_dates::find_publication_date(&s);
    }
}

#[test]
fn impossible_dates_have_no_value() {
    let text = "It was February 30, 2025, and 2025-02-30.";
    let a = Date::new(2025, 10, 28).ok();
    for m in extract(text, a) {
        if let Some(v) = &m.value {
            assert!(!v.contains("02-30"), "impossible value {v}");
        }
    }
}
