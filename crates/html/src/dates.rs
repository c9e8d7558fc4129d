//! Calendar dates from the strings pages carry: ISO 8601 / RFC 3339 in
//! metadata, dates in URL paths, and human-written dates in bylines.

use jiff::civil::Date;
use regex::Regex;
use std::sync::LazyLock;

fn re(s: &str) -> Regex {
    Regex::new(s).unwrap_or_else(|e| unreachable!("static regex {s}: {e}"))
}

/// First `YYYY-MM-DD` (or `/` or `.` separated) in a string.
static ISO: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?:^|[^\d])((?:19|20)\d\d)([-/.])(\d{1,2})([-/.])(\d{1,2})(?:[^\d]|$)"));
/// A compact `YYYYMMDD` at the start (some meta tags).
static COMPACT: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*((?:19|20)\d\d)(\d\d)(\d\d)(?:\D|$)"));
/// Date parts of a URL path.
static URL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"[/_-]((?:19|20)\d\d)(?:[/_-](0?[1-9]|1[0-2])[/_-](0?[1-9]|[12]\d|3[01])|(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01]))(?:[/_.-]|$)",
    )
});
/// Month-name dates: "October 28, 2025", "Oct. 28 2025", "28 October 2025", "28. Oktober 2025".
static HUMAN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:(\d{1,2})(?:st|nd|rd|th|\.)?\s+(?:de\s+)?([[:alpha:]]{3,10})\.?,?\s+(?:de\s+)?((?:19|20)\d\d)|([[:alpha:]]{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d))\b",
    )
});
/// Numeric day-first or month-first dates: "02.01.2020", "1/2/2020".
static NUMERIC: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(\d{1,2})([./])(\d{1,2})[./]((?:19|20)\d\d)\b"));

/// A date from an ISO 8601 / RFC 3339 string (time and zone ignored: the
/// page's own calendar date is what it was published on).
pub(crate) fn iso_date(s: &str) -> Option<Date> {
    if let Some(c) = ISO.captures(s) {
        if c[2] == c[4] {
            return ymd(&c[1], &c[3], &c[5]);
        }
    }
    let c = COMPACT.captures(s)?;
    ymd(&c[1], &c[2], &c[3])
}

/// A date from a URL path such as `/2025/10/28/` or `-20251028-`.
pub(crate) fn url_date(url: &str) -> Option<Date> {
    // Only the path: hosts and query strings hold ids that look like dates.
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let path = rest.find('/').map_or("", |i| &rest[i..]);
    let path = path.split(['?', '#']).next().unwrap_or("");
    URL.captures_iter(path).find_map(|c| {
        let (m, d) = match (c.get(2), c.get(3)) {
            (Some(m), Some(d)) => (m, d),
            _ => (c.get(4)?, c.get(5)?),
        };
        ymd(&c[1], m.as_str(), d.as_str())
    })
}

/// A human-written date ("Oct. 28, 2025", "28 October 2025", "28.10.2025").
pub(crate) fn human_date(s: &str) -> Option<Date> {
    for c in HUMAN.captures_iter(s) {
        let (d, m, y) = if let Some(d) = c.get(1) {
            (d.as_str(), c.get(2), c.get(3))
        } else {
            (c.get(5).map_or("", |m| m.as_str()), c.get(4), c.get(6))
        };
        let (Some(m), Some(y)) = (m, y) else { continue };
        let Some(month) = month_number(m.as_str()) else {
            continue;
        };
        if let Some(date) = ymd(y.as_str(), &month.to_string(), d) {
            return Some(date);
        }
    }
    if let Some(d) = iso_date(s) {
        return Some(d);
    }
    let c = NUMERIC.captures(s)?;
    let (a, b) = (&c[1], &c[3]);
    if &c[2] == "/" {
        // Slashes: month first unless that cannot be a month.
        ymd(&c[4], a, b).or_else(|| ymd(&c[4], b, a))
    } else {
        ymd(&c[4], b, a)
    }
}

fn ymd(y: &str, m: &str, d: &str) -> Option<Date> {
    let y: i16 = y.parse().ok()?;
    let m: i8 = m.parse().ok()?;
    let d: i8 = d.parse().ok()?;
    Date::new(y, m, d).ok()
}

/// Month names and abbreviations in the languages news pages most often use.
fn month_number(word: &str) -> Option<u8> {
    let w = word.to_lowercase();
    let w = w.trim_end_matches('.');
    const MONTHS: [&[&str]; 12] = [
        &[
            "january", "jan", "januar", "janvier", "enero", "gennaio", "janeiro", "januari", "ene",
        ],
        &[
            "february",
            "feb",
            "februar",
            "février",
            "fevrier",
            "febrero",
            "febbraio",
            "fevereiro",
            "februari",
            "févr",
            "fév",
        ],
        &[
            "march", "mar", "märz", "maerz", "mars", "marzo", "março", "maart", "marts", "mär",
        ],
        &["april", "apr", "avril", "abril", "aprile", "avr", "abr"],
        &["may", "mai", "mayo", "maggio", "maio", "mei", "maj"],
        &["june", "jun", "juni", "juin", "junio", "giugno", "junho"],
        &[
            "july", "jul", "juli", "juillet", "julio", "luglio", "julho", "juil",
        ],
        &["august", "aug", "août", "aout", "agosto", "augustus", "ago"],
        &[
            "september",
            "sep",
            "sept",
            "septembre",
            "septiembre",
            "settembre",
            "setembro",
            "set",
        ],
        &[
            "october", "oct", "oktober", "octobre", "octubre", "ottobre", "outubro", "okt", "out",
        ],
        &["november", "nov", "novembre", "noviembre", "novembro"],
        &[
            "december",
            "dec",
            "dezember",
            "décembre",
            "decembre",
            "diciembre",
            "dicembre",
            "dezembro",
            "dic",
            "dez",
            "déc",
        ],
    ];
    MONTHS
        .iter()
        .position(|names| names.contains(&w))
        .map(|i| i as u8 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn iso() {
        assert_eq!(
            iso_date("2025-10-28T09:00:00-04:00"),
            Some(date(2025, 10, 28))
        );
        assert_eq!(iso_date("2025/10/28"), Some(date(2025, 10, 28)));
        assert_eq!(iso_date("20251028"), Some(date(2025, 10, 28)));
        assert_eq!(iso_date("2025-13-28"), None);
        assert_eq!(iso_date("Tuesday"), None);
    }

    #[test]
    fn url() {
        assert_eq!(
            url_date("https://x.com/2025/10/28/story"),
            Some(date(2025, 10, 28))
        );
        assert_eq!(
            url_date("https://x.com/news/2025-10-28-story.html"),
            Some(date(2025, 10, 28))
        );
        assert_eq!(
            url_date("https://x.com/a/20251028/story"),
            Some(date(2025, 10, 28))
        );
        assert_eq!(url_date("https://x.com/a/story-12345678"), None);
        assert_eq!(url_date("https://2025.x.com/?d=2025/10/28"), None);
        assert_eq!(
            url_date("https://x.jp/0215/ori_200215_7568645051.html"),
            None
        );
    }

    #[test]
    fn human() {
        assert_eq!(
            human_date("Published Oct. 28, 2025 at 9am"),
            Some(date(2025, 10, 28))
        );
        assert_eq!(human_date("28 October 2025"), Some(date(2025, 10, 28)));
        assert_eq!(
            human_date("Updated: 3rd March 2024"),
            Some(date(2024, 3, 3))
        );
        assert_eq!(human_date("28. Oktober 2025"), Some(date(2025, 10, 28)));
        assert_eq!(human_date("28.10.2025 kl. 10"), Some(date(2025, 10, 28)));
        assert_eq!(human_date("10/28/2025"), Some(date(2025, 10, 28)));
        assert_eq!(human_date("in the 2025 season"), None);
    }
}
