//! Month mentions widened by what is written right around them: a day in
//! words after the month ("Payable May one", "Record April Eight", "on
//! June four when shareholders met"; wire notices write them so, and the
//! month rule alone gave the month `1987-05` where the text names a day),
//! and the wire's "end-June" in front of it.

use std::sync::LazyLock;

use claimdex_model::TimexType;
use regex::Regex;

use crate::calendar::{date, fmt_date};
use crate::lexicon::{month_number, parse_amount, Amount};
use crate::rules::{re, Cand};

/// A day number in words right after the month, and what follows it.
static DAY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^[ \t]+(?P<d>(?:twenty|thirty)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\b(?P<next>[ \t]*(?:[A-Za-z]+|[0-9]{4}|[[:punct:]]))?",
    )
});

/// What may follow such a day: the end of the line or sentence, a year,
/// or a word that starts a clause or another field of a notice. A noun
/// ("in March two companies merged") means the number counts something.
const NEXT: &[&str] = &[
    "record", "reuter", "to", "and", "from", "through", "until", "unless", "for", "at", "when",
    "as", "note", "it", "that", "by", "on", "in", "with", "under", "but", "or", "will", "was",
    "were", "instead", "whether", "shr", "if",
];

/// Widens a month-only mention to the day in words after it.
pub(crate) fn spelled_days(text: &str, kept: &mut Vec<Cand>) {
    let mut widened: Vec<(usize, usize)> = Vec::new();
    for c in kept.iter_mut() {
        // Cheap tests first: a month value, a space and a letter after.
        if c.ty != TimexType::Date {
            continue;
        }
        let Some(year) = c.value.as_deref().and_then(month_value_year) else {
            continue;
        };
        let Some(after) = text.get(c.end..) else {
            continue;
        };
        if !after.starts_with([' ', '\t'])
            || !after[1..].starts_with(|ch: char| ch.is_ascii_alphabetic())
        {
            continue;
        }
        let Some(word) = text.get(c.start..c.end) else {
            continue;
        };
        // A capitalised full month name: "may one" is the modal.
        if !word.starts_with(|ch: char| ch.is_ascii_uppercase())
            || word.len() < 3
            || !word.bytes().all(|b| b.is_ascii_alphabetic())
        {
            continue;
        }
        let Some(m) = month_number(word) else {
            continue;
        };
        let Some(cap) = DAY.captures(after) else {
            continue;
        };
        let next = cap
            .name("next")
            .map(|n| n.as_str().trim().to_ascii_lowercase())
            .unwrap_or_default();
        let fits = next.is_empty()
            || next.starts_with(|ch: char| ch.is_ascii_digit())
            || matches!(next.as_str(), "." | "," | ";" | ":" | ")" | "\n" | "\r")
            || NEXT.contains(&next.as_str());
        if !fits {
            continue;
        }
        let Some(d) = cap.name("d") else {
            continue;
        };
        let day = match parse_amount(&d.as_str().to_ascii_lowercase().replace('-', " ")) {
            Some(Amount::Exact { whole, half: false }) => whole,
            _ => continue,
        };
        let Ok(day) = i64::try_from(day) else {
            continue;
        };
        // "July three 1987": the year written after the day wins.
        let (year, len) = match cap.name("next") {
            Some(n) if next.len() == 4 && next.bytes().all(|b| b.is_ascii_digit()) => {
                (next.parse().unwrap_or(year), n.end())
            }
            _ => (year, d.end()),
        };
        if let Some(v) = date(year, i64::from(m), day).and_then(fmt_date) {
            c.end += len;
            c.value = Some(v);
            widened.push((c.start, c.end));
        }
    }
    if widened.is_empty() {
        return;
    }
    // The year now inside "July three 1987" was a mention of its own.
    kept.retain(|c| {
        !widened
            .iter()
            .any(|&(s, e)| s <= c.start && c.end <= e && (s, e) != (c.start, c.end))
    });
}

/// "end-June", "End-January": the modifier joins the month's span (the
/// month rule reads "end of June" but not the hyphenated wire form); the
/// value stays the month, as for "the end of June".
pub(crate) fn hyphenated_end(text: &str, kept: &mut [Cand]) {
    for c in kept.iter_mut() {
        let Some(head) = c.start.checked_sub(4).and_then(|s| text.get(s..c.start)) else {
            continue;
        };
        if !head.eq_ignore_ascii_case("end-") || c.ty != TimexType::Date {
            continue;
        }
        if text.get(c.start..c.end).and_then(month_number).is_none() {
            continue;
        }
        let open = c
            .start
            .checked_sub(5)
            .and_then(|s| text.get(s..c.start - 4))
            .is_none_or(|ch| !ch.starts_with(|x: char| x.is_ascii_alphanumeric() || x == '-'));
        if open {
            c.start -= 4;
        }
    }
}

/// The year of a month value ("1987-05").
fn month_value_year(v: &str) -> Option<i64> {
    let (y, m) = v.split_once('-')?;
    (y.len() == 4 && m.len() == 2 && m.bytes().all(|b| b.is_ascii_digit()))
        .then(|| y.parse().ok())
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn widen(text: &str, month: &str, value: &str) -> Option<String> {
        let start = text.find(month)?;
        let mut kept = vec![Cand {
            start,
            end: start + month.len(),
            ty: TimexType::Date,
            value: Some(value.to_string()),
        }];
        spelled_days(text, &mut kept);
        let c = kept.first()?;
        Some(format!("{} {}", &text[c.start..c.end], c.value.as_deref()?))
    }

    #[test]
    fn days_in_words_after_a_month() {
        let w = widen("Payable May one\nRecord", "May", "1987-05");
        assert_eq!(w.as_deref(), Some("May one 1987-05-01"));
        let w = widen("on June twenty-four when", "June", "1987-06");
        assert_eq!(w.as_deref(), Some("June twenty-four 1987-06-24"));
        let w = widen("Record April Eight.", "April", "1987-04");
        assert_eq!(w.as_deref(), Some("April Eight 1987-04-08"));
        let w = widen("rights expire July three 1988, or", "July", "1987-07");
        assert_eq!(w.as_deref(), Some("July three 1988 1988-07-03"));
    }

    #[test]
    fn hyphenated_end_joins_the_month() {
        let text = "to end-June, year-end-May and send-July";
        let mut kept: Vec<Cand> = ["June", "May", "July"]
            .iter()
            .filter_map(|w| {
                let at = text.find(w)?;
                Some(Cand {
                    start: at,
                    end: at + w.len(),
                    ty: TimexType::Date,
                    value: Some("1987-06".into()),
                })
            })
            .collect();
        hyphenated_end(text, &mut kept);
        let spans: Vec<&str> = kept.iter().map(|c| &text[c.start..c.end]).collect();
        assert_eq!(spans, ["end-June", "May", "July"]);
    }

    #[test]
    fn counts_and_bad_days_stay_months() {
        let w = widen("In March two companies merged", "March", "1987-03");
        assert_eq!(w.as_deref(), Some("March 1987-03"));
        let w = widen("due February thirty-one.", "February", "1987-02");
        assert_eq!(w.as_deref(), Some("February 1987-02"));
        let w = widen("in May one-for-two", "May", "1987-05");
        assert_eq!(w.as_deref(), Some("May 1987-05"));
    }
}
