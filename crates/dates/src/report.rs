//! Results reports name the quarter they report ("the fourth quarter ended
//! Sept. 30", "the fiscal first quarter", "posted third-quarter net
//! income"), and their comparisons mean that quarter: "a year earlier",
//! "the year-ago period" and "the corresponding period last year" are the
//! same quarter a year before, "the latest period" and "this quarter's
//! loss" the quarter itself, "the 1989 period" that year's quarter of the
//! kind. Without a named quarter those resolve against the calendar quarter
//! before the publication date (the rules' default); a fiscal quarter need
//! not be that one.

use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;

use crate::calendar::{fmt_quarter, quarter_of};
use crate::rules::{re, Cand};

/// How many quarters before the publication date's a report's quarter may
/// lie: a report covers the quarter just closed (calendar or fiscal), so
/// anything a year back or more is a comparison ("the 1988 second
/// quarter"), not the report's own.
const REPORT_WINDOW: i64 = 3;

/// Re-reads, in text order, the comparisons of a results report against
/// the last quarter the text says it reports (see the module docs); a
/// fiscal quarter is named only to report it.
/// Mentions that name their quarter are never changed.
pub(crate) fn resolve_reported_quarter(text: &str, anchor: Option<Date>, cands: &mut [Cand]) {
    let Some(anchor) = anchor else {
        return;
    };
    let current = i64::from(anchor.year()) * 4 + quarter_of(anchor) - 1;
    // The quarter reported, as a quarter index (year * 4 + quarter - 1).
    let mut reported: Option<i64> = None;
    // Whether the mention before was a stretch of six or nine months: "the
    // 1988 period" right after "the first nine months" is that stretch.
    let mut after_months = false;
    for c in cands.iter_mut() {
        let months_before = std::mem::replace(
            &mut after_months,
            matches!(c.value.as_deref(), Some("P6M" | "P9M")),
        );
        let Some(v) = c.value.as_deref() else {
            continue;
        };
        let quarter = quarter_index(v);
        let year = v.len() == 4 && v.bytes().all(|b| b.is_ascii_digit());
        if quarter.is_none() && !(year && reported.is_some()) {
            // Only quarters, and "the 1989 period" (a year), change here.
            continue;
        }
        let t = lowered(text.get(c.start..c.end).unwrap_or(""));
        if names_quarter(&t) {
            if let Some(q) = quarter {
                if (current - REPORT_WINDOW..=current).contains(&q)
                    && !is_comparison(&t)
                    && (t.contains("fiscal") || reports(text, c.start, c.end, q < current))
                {
                    reported = Some(q);
                }
            }
            continue;
        }
        let Some(r) = reported else {
            continue;
        };
        let new = if quarter.is_some() && is_comparison(&t) {
            Some(r - 4)
        } else if quarter.is_some() && is_report_period(&t, text.get(c.end..).unwrap_or("")) {
            Some(r)
        } else if !months_before {
            year_period(&t).map(|y| y * 4 + r.rem_euclid(4))
        } else {
            None
        };
        if let Some(v) = new.and_then(|q| fmt_quarter(q.div_euclid(4), q.rem_euclid(4) + 1)) {
            c.value = Some(v);
        }
    }
}

/// `s` with runs of whitespace as one space, in lower case.
fn lowered(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&w.to_ascii_lowercase());
    }
    out
}

/// `YYYY-Qn` as a quarter index.
fn quarter_index(v: &str) -> Option<i64> {
    let (y, q) = v.split_once("-Q")?;
    if y.len() != 4 || q.len() != 1 {
        return None;
    }
    let (y, q): (i64, i64) = (y.parse().ok()?, q.parse().ok()?);
    (1..=4).contains(&q).then_some(y * 4 + q - 1)
}

/// Whether the mention names its quarter ("third-quarter", "the fiscal
/// first quarter", "Q3") rather than pointing at one.
fn names_quarter(t: &str) -> bool {
    [
        "first", "second", "third", "fourth", "1st", "2nd", "3rd", "4th",
    ]
    .iter()
    .any(|w| t.contains(w))
        || t.split(|ch: char| !ch.is_ascii_alphanumeric())
            .any(|w| matches!(w, "q1" | "q2" | "q3" | "q4"))
}

/// "a year earlier", "year-ago", "the quarter a year ago", "the
/// corresponding period last year", "last year's quarter": the same stretch
/// a year before.
fn is_comparison(t: &str) -> bool {
    [
        "year ago",
        "year earlier",
        "year before",
        "year-ago",
        "year-earlier",
        "year-before",
        "prior-year",
    ]
    .iter()
    .any(|w| t.contains(w))
        || t.ends_with("last year")
        || t.starts_with("last year's")
}

/// "the latest period", "the latest quarter", and "this quarter" with a
/// result of its own ("this quarter's loss"): the quarter being reported.
fn is_report_period(t: &str, after: &str) -> bool {
    matches!(t, "the latest period" | "the latest quarter")
        || (t == "this quarter" && (after.starts_with("'s ") || after.starts_with("’s ")))
}

/// The year of "the 1989 period".
fn year_period(t: &str) -> Option<i64> {
    let y = t.strip_prefix("the ")?.strip_suffix(" period")?;
    (y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))
        .then(|| y.parse().ok())
        .flatten()
}

/// Whether the named quarter at `[start, end)` is one the text reports
/// results for: "… ended Sept. 30" after it, "reported", "posted" or
/// "earned" before it
/// in its sentence ("reported a 47% decline in fourth-quarter earnings"),
/// or, for a quarter already closed on the calendar, a result named right
/// after it ("third-quarter net income"). A current quarter with only a
/// result noun is usually a forecast ("a fourth-quarter charge").
fn reports(text: &str, start: usize, end: usize, closed: bool) -> bool {
    static ENDED: LazyLock<Regex> = LazyLock::new(|| re(r"^\s+ended\b"));
    static REPORTED: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\b(?:reported|posted|earned)\b"));
    static RESULT: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)^[\s-]+(?:net|earnings|profit|loss|losses|results|sales|revenue|revenues|income|operating)\b",
        )
    });
    let after = text.get(end..).unwrap_or("");
    if ENDED.is_match(after) || (closed && RESULT.is_match(after)) {
        return true;
    }
    REPORTED.is_match(sentence_head(text, start))
}

/// Up to 160 bytes of the sentence before byte `start`.
fn sentence_head(text: &str, start: usize) -> &str {
    let mut from = start.saturating_sub(160);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = text.get(from..start).unwrap_or("");
    let cut = before
        .char_indices()
        .rev()
        .find(|&(i, ch)| {
            ch == '\n'
                || ((ch == '.' || ch == '?' || ch == '!')
                    && before[i + 1..].starts_with(char::is_whitespace))
        })
        .map_or(0, |(i, ch)| i + ch.len_utf8());
    before.get(cut..).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quarter_indices() {
        assert_eq!(quarter_index("1989-Q4"), Some(1989 * 4 + 3));
        assert_eq!(quarter_index("1989-Q5"), None);
        assert_eq!(quarter_index("1989-QX"), None);
        assert_eq!(quarter_index("1989"), None);
    }

    #[test]
    fn report_cues() {
        let t = "Acme reported a drop in fourth-quarter profit.";
        let s = t.find("fourth").unwrap();
        assert!(reports(t, s, s + 14, false));
        let t = "Costs will bring a fourth-quarter loss. Acme posted it.";
        let s = t.find("fourth").unwrap();
        assert!(!reports(t, s, s + 14, false));
        assert!(reports(t, s, s + 14, true));
        let t = "Net rose in the quarter. For the third quarter ended Sept. 30, it fell.";
        let s = t.find("the third").unwrap();
        assert!(reports(t, s, s + 17, false));
    }

    #[test]
    fn phrases() {
        assert!(is_comparison("the corresponding period last year"));
        assert!(is_comparison("last year's quarter"));
        assert!(!is_comparison("the latest period"));
        assert!(is_report_period("this quarter", "'s loss"));
        assert!(!is_report_period("this quarter", " will be weak"));
        assert_eq!(year_period("the 1989 period"), Some(1989));
        assert_eq!(year_period("the period"), None);
        assert!(names_quarter("the fiscal first quarter"));
        assert!(!names_quarter("the quarter"));
    }
}
