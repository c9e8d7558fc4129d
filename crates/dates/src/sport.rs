//! Halves of a match: in a match report "the second half" is the second
//! 45 minutes, not the second half of the year (`…-H2`). Sports pages are
//! a large part of today's news; TimeBank has none, so this only removes
//! what the year rule would get wrong there.

use std::sync::LazyLock;

use regex::Regex;

use crate::rules::{re, Cand};

/// Words of a match report. Two different ones make a document a match
/// report: one alone ("coach", "goals", "penalty") is common in business
/// news, and financial halves ("growth in the second half") must stay.
static SPORT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(half[\s-]time|full[\s-]time|scored|scoring|goals?|penalty|penalties|striker|referee|kick-off|midfield(?:er)?|wickets?|innings|touchline|sin-bin|hat-trick|equaliser|own\s+goal|injury\s+time|extra\s+time|semi-final|quarter-final|try-line|coach|match|\d{1,2}-\d{1,2}\s+(?:win|victory|defeat|draw|lead))\b",
    )
});

/// Drops "the first/second half" in a document that reads as a match
/// report.
pub(crate) fn drop_match_halves(text: &str, kept: &mut Vec<Cand>) {
    // Most mentions fail on the length or the last word, without a copy.
    let is_half = |c: &Cand| {
        text.get(c.start..c.end).is_some_and(|s| {
            if !(14..=40).contains(&s.len()) || !s.ends_with("half") {
                return false;
            }
            let mut w = s.split_ascii_whitespace();
            w.next().is_some_and(|x| x.eq_ignore_ascii_case("the"))
                && w.next().is_some_and(|x| {
                    x.eq_ignore_ascii_case("first") || x.eq_ignore_ascii_case("second")
                })
                && w.next() == Some("half")
                && w.next().is_none()
        })
    };
    if !kept.iter().any(is_half) || !match_report(text) {
        return;
    }
    kept.retain(|c| !is_half(c));
}

fn match_report(text: &str) -> bool {
    let mut first: Option<String> = None;
    for m in SPORT.find_iter(text) {
        let w = m.as_str().to_ascii_lowercase();
        match &first {
            None => first = Some(w),
            Some(f) if *f != w => return true,
            Some(_) => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn match_reports_need_two_different_cues() {
        assert!(match_report("He scored twice before half-time."));
        assert!(!match_report(
            "Sales rose; the coach said the coach was happy."
        ));
        assert!(!match_report("Growth will pick up in the second half."));
    }
}
