//! Quarters in a document that talks about quarters, in one pass in text
//! order, in two steps per mention:
//!
//! 1. **Named quarter.** "The quarter", "that quarter", "the 1988 quarter"
//!    and "the 1988 period" refer back to the last quarter the text named
//!    explicitly ("the third quarter", "1989-Q3"), not to the publication
//!    date. A year-ago comparison ("a year earlier", "year-ago") right
//!    after "the six/nine months" is the year (no quarter holds nine
//!    months), after a named *fiscal* quarter that quarter a year before;
//!    "the corresponding period last year" and "last year's quarter" grow
//!    to one span and are the named quarter a year before.
//! 2. **Reported quarter.** A results report names the quarter it reports
//!    ("the fourth quarter ended Sept. 30", "the fiscal first quarter",
//!    "posted third-quarter net income"), and its comparisons mean that
//!    quarter: "a year earlier", "the year-ago period" and "the
//!    corresponding period last year" are the same quarter a year before,
//!    "the latest period" and "this quarter's loss" the quarter itself,
//!    "the 1989 period" that year's quarter of the kind. A reported quarter
//!    need not be the last one named (a report also names comparisons:
//!    "the 1988 second quarter"), so where both steps apply, this one has
//!    the last word.
//!
//! Without a named quarter these resolve against the calendar quarter
//! before the publication date (the rules' default); a fiscal quarter need
//! not be that one. Mentions that name their quarter are never changed.

use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;

use crate::calendar::{fmt_quarter, fmt_year, quarter_of};
use crate::rules::{re, Cand};

/// How many quarters before the publication date's a report's quarter may
/// lie: a report covers the quarter just closed (calendar or fiscal), so
/// anything a year back or more is a comparison ("the 1988 second
/// quarter"), not the report's own.
const REPORT_WINDOW: i64 = 3;

/// The quarters seen so far in one document (see the module docs); feed
/// it every mention in text order: [`Quarters::refer`] first, then the
/// other back references, then [`Quarters::report`].
pub(crate) struct Quarters {
    /// The publication date's quarter, as a quarter index.
    current: Option<i64>,
    /// The last quarter named explicitly (`1989-Q3`).
    named: Option<String>,
    /// Whether that quarter was named as a fiscal one.
    fiscal: bool,
    /// The quarter reported, as a quarter index (year * 4 + quarter - 1).
    reported: Option<i64>,
    /// Whether the mention before was a stretch of six or nine months
    /// ("For the nine months, net rose … from $5 million a year earlier").
    after_months: bool,
    /// The same, for the mention being read.
    months_before: bool,
}

impl Quarters {
    /// No quarter seen yet; `anchor` is the publication date.
    pub(crate) fn new(anchor: Option<Date>) -> Self {
        Quarters {
            current: anchor.map(|a| i64::from(a.year()) * 4 + quarter_of(a) - 1),
            named: None,
            fiscal: false,
            reported: None,
            after_months: false,
            months_before: false,
        }
    }

    /// Step 1 for the mention `c`, whose text is `t` (lower case, single
    /// spaces); `prev_end` is where the mention before ended, since a span
    /// grown backwards stops there. Returns whether `c` refers to a quarter
    /// (then no other back reference applies); notes `c` as the last named
    /// quarter when it names one.
    pub(crate) fn refer(&mut self, text: &str, c: &mut Cand, t: &str, prev_end: usize) -> bool {
        self.months_before = std::mem::replace(
            &mut self.after_months,
            matches!(c.value.as_deref(), Some("P6M" | "P9M")),
        );
        let quarter_value = c.value.as_deref().is_some_and(is_quarter);
        let named = self.named.as_deref();
        // The named quarter `years` years later.
        let shifted = |years: i64| -> Option<String> {
            let q = named?;
            let y = q.get(..4)?.parse::<i64>().ok()?;
            Some(format!("{}{}", fmt_year(y + years)?, q.get(4..)?))
        };
        if self.months_before && quarter_value && is_year_ago(t) {
            // The same six or nine months a year before: the year.
            if let Some(v) = c.value.as_mut() {
                v.truncate(4);
            }
        } else if self.fiscal && named.is_some() && quarter_value && is_year_ago(t) {
            // A fiscal quarter need not be the calendar quarter before
            // the publication date that the rules assumed.
            if let Some(v) = shifted(-1) {
                c.value = Some(v);
            }
        } else if t == "last year" && named.is_some() {
            if let Some((s, e)) = year_ago_period(text, c.start, c.end) {
                if s >= prev_end
                    && named
                        .and_then(|q| q.get(..4)?.parse::<i64>().ok())
                        .is_some()
                {
                    c.start = s;
                    c.end = e;
                    c.value = shifted(-1);
                }
            }
        } else if t == "the quarter" || t == "that quarter" {
            if let Some(q) = named {
                c.value = Some(q.to_string());
            }
        } else if (is_year_quarter(t) || (is_year_period(t) && !self.months_before))
            && named.is_some()
        {
            if let (Some(y), Some(q)) = (t.get(4..8), named) {
                c.value = Some(format!("{y}{}", q.get(4..).unwrap_or("")));
            }
        } else {
            let explicit = t.bytes().any(|b| b.is_ascii_digit())
                || ["first", "second", "third", "fourth"]
                    .iter()
                    .any(|w| t.contains(w));
            if let Some(v) = c.value.as_deref().filter(|v| explicit && is_quarter(v)) {
                self.named = Some(v.to_string());
                self.fiscal = t.contains("fiscal");
            }
            return false;
        }
        true
    }

    /// Step 2 for the mention `c`, after every other back reference: a
    /// comparison in a results report against the last quarter the text
    /// says it reports; a fiscal quarter is named only to report it.
    pub(crate) fn report(&mut self, text: &str, c: &mut Cand) {
        let Some(current) = self.current else {
            return;
        };
        let Some(v) = c.value.as_deref() else {
            return;
        };
        let quarter = quarter_index(v);
        let year = v.len() == 4 && v.bytes().all(|b| b.is_ascii_digit());
        if quarter.is_none() && !(year && self.reported.is_some()) {
            // Only quarters, and "the 1989 period" (a year), change here.
            return;
        }
        let t = lowered(text.get(c.start..c.end).unwrap_or(""));
        if names_quarter(&t) {
            if let Some(q) = quarter {
                if (current - REPORT_WINDOW..=current).contains(&q)
                    && !is_comparison(&t)
                    && (t.contains("fiscal") || reports(text, c.start, c.end, q < current))
                {
                    self.reported = Some(q);
                }
            }
            return;
        }
        let Some(r) = self.reported else {
            return;
        };
        let new = if quarter.is_some() && is_comparison(&t) {
            Some(r - 4)
        } else if quarter.is_some() && is_report_period(&t, text.get(c.end..).unwrap_or("")) {
            Some(r)
        } else if !self.months_before {
            year_period(&t).map(|y| y * 4 + r.rem_euclid(4))
        } else {
            None
        };
        if let Some(v) = new.and_then(|q| fmt_quarter(q.div_euclid(4), q.rem_euclid(4) + 1)) {
            c.value = Some(v);
        }
    }
}

/// Whether `v` is a quarter value (`1989-Q3`, `1989-QX`).
fn is_quarter(v: &str) -> bool {
    v.len() == 7 && v.as_bytes().get(5) == Some(&b'Q')
}

/// The span of "the corresponding period last year" or "last year's
/// quarter" around a "last year" at `[start, end)`, if the text has one.
fn year_ago_period(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
        re(r"(?i)\bthe\s+(?:corresponding|comparable|same|like)\s+(?:period|quarter)\s+(?:of\s+)?$")
    });
    static AFTER: LazyLock<Regex> = LazyLock::new(|| re(r"^'s\s+(?:quarter|period)\b"));
    let mut from = start.saturating_sub(48);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    if let Some(m) = text.get(from..start).and_then(|b| BEFORE.find(b)) {
        return Some((from + m.start(), end));
    }
    let mut to = (end + 16).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let m = text.get(end..to).and_then(|a| AFTER.find(a))?;
    Some((start, end + m.end()))
}

/// "a year ago", "a year earlier", "year-ago", "the year-earlier period":
/// a comparison with the year before.
fn is_year_ago(t: &str) -> bool {
    [
        "year ago",
        "year earlier",
        "year before",
        "year-ago",
        "year-earlier",
    ]
    .iter()
    .any(|w| t.contains(w))
}

/// "the 1988 period": in a report on a quarter, that year's quarter.
fn is_year_period(t: &str) -> bool {
    t.len() == "the 1988 period".len() && year_period(t).is_some()
}

/// "the 1988 quarter": a year and "quarter" with no ordinal.
fn is_year_quarter(t: &str) -> bool {
    t.len() == "the 1988 quarter".len()
        && t.starts_with("the ")
        && t.ends_with(" quarter")
        && t.get(4..8)
            .is_some_and(|y| y.bytes().all(|b| b.is_ascii_digit()))
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
