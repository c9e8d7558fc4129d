//! The claimdex query language: free text plus fielded filters.
//!
//! ```text
//! deficit "trillion dollars" speaker:yellen kind:figure unit:USD value:>1e9
//! value:[60 TO 95]  value:60..95  date:2020..2024  published:>=2023-05
//! source:reuters  title:budget  url:example.com
//! ```
//!
//! Fielded terms become [`SearchRequest`] filters, always combined with AND
//! whatever their position; everything else is free text for tantivy's
//! parser (phrases in quotes, `AND`/`OR`/`NOT`, parentheses, `text:` for the
//! claim text alone). Range fields (`value`, `date`, `published`) take `>x`,
//! `>=x`, `<x`, `<=x`, `[a TO b]` (inclusive), `{a TO b}` (exclusive),
//! `a..b`, `a..`, `..b` or a single value; `*` leaves a side open. Dates
//! are `YYYY`, `YYYY-MM` or `YYYY-MM-DD` and stand for the whole period, so
//! `date:2020..2024` runs from 2020-01-01 to 2024-12-31 and `date:>2020`
//! starts on 2021-01-01. Values take `1e9`, `1,500`, `2.5bn`, `3m`, `4k`.
//!
//! Repeating a range field narrows it (`value:>5 value:<10`); repeating
//! another field is an error, as is negating or OR-ing a fielded term.

use std::fmt;

use claimdex_model::ClaimKind;
use jiff::civil::Date;

use crate::SearchRequest;

/// Field names the language knows.
pub const FIELDS: &[&str] = &[
    "speaker",
    "kind",
    "unit",
    "value",
    "date",
    "published",
    "source",
    "title",
    "url",
];

/// A query that cannot be understood, with the byte range of the bad part.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryError {
    /// The whole query.
    pub input: String,
    /// First byte of the offending part.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for QueryError {
    /// The message, then the query with carets under the bad part.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let before = self.input.get(..self.start).unwrap_or("").chars().count();
        let width = self
            .input
            .get(self.start..self.end)
            .unwrap_or("")
            .chars()
            .count()
            .max(1);
        write!(
            f,
            "bad query: {}\n  {}\n  {}{}",
            self.message,
            self.input.replace(['\n', '\r', '\t'], " "),
            " ".repeat(before),
            "^".repeat(width)
        )
    }
}

impl std::error::Error for QueryError {}

/// A whitespace-separated piece of the query, with its byte range.
struct Piece<'a> {
    text: &'a str,
    start: usize,
}

/// Splits on whitespace outside `"…"`, `[…]` and `{…}`.
fn pieces(input: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    let mut close: Option<char> = None;
    for (i, c) in input.char_indices() {
        if let Some(want) = close {
            if c == want {
                close = None;
            }
            continue;
        }
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                out.push(Piece {
                    text: &input[s..i],
                    start: s,
                });
            }
            continue;
        }
        if start.is_none() {
            start = Some(i);
        }
        close = match c {
            '"' => Some('"'),
            '[' => Some(']'),
            '{' => Some('}'),
            _ => None,
        };
    }
    if let Some(s) = start {
        out.push(Piece {
            text: &input[s..],
            start: s,
        });
    }
    out
}

/// `name:value` with an alphabetic name, else `None`.
fn split_field(text: &str) -> Option<(&str, &str)> {
    let colon = text.find(':')?;
    let name = &text[..colon];
    let value = &text[colon + 1..];
    (!name.is_empty() && name.chars().all(|c| c.is_ascii_alphabetic() || c == '_'))
        .then_some((name, value))
}

/// One side of a range: the value and whether it is included.
type Side<T> = Option<(T, bool)>;

/// A parsed range, before conversion to inclusive bounds.
struct Range<'a> {
    lo: Option<(&'a str, bool)>,
    hi: Option<(&'a str, bool)>,
}

/// Parses the range syntaxes; `None` when `v` is none of them.
fn parse_range(v: &str) -> Option<Range<'_>> {
    let open = |s: &str| s.is_empty() || s == "*";
    for (op, lo, incl) in [
        (">=", true, true),
        ("<=", false, true),
        (">", true, false),
        ("<", false, false),
    ] {
        if let Some(rest) = v.strip_prefix(op) {
            let side = Some((rest.trim(), incl));
            return Some(if lo {
                Range { lo: side, hi: None }
            } else {
                Range { lo: None, hi: side }
            });
        }
    }
    let first = v.chars().next()?;
    if first == '[' || first == '{' {
        let last = v.chars().last()?;
        if v.len() < 2 || !(last == ']' || last == '}') {
            return None;
        }
        let inner = &v[1..v.len() - 1];
        let (a, b) = inner.split_once(" TO ")?;
        let (a, b) = (a.trim(), b.trim());
        return Some(Range {
            lo: (!open(a)).then_some((a, first == '[')),
            hi: (!open(b)).then_some((b, last == ']')),
        });
    }
    if let Some((a, b)) = v.split_once("..") {
        let (a, b) = (a.trim(), b.trim());
        return Some(Range {
            lo: (!open(a)).then_some((a, true)),
            hi: (!open(b)).then_some((b, true)),
        });
    }
    Some(Range {
        lo: Some((v, true)),
        hi: Some((v, true)),
    })
}

/// Parses a figure value: `1e9`, `1,500`, `2.5bn`, `3m`, `4k`, `1.2 trillion`.
pub fn parse_value(s: &str) -> Option<f64> {
    let s: String = s
        .trim()
        .chars()
        .filter(|c| *c != ',' && *c != '_' && *c != '$')
        .collect::<String>()
        .to_lowercase();
    let scales: [(&str, f64); 10] = [
        ("trillion", 1e12),
        ("billion", 1e9),
        ("million", 1e6),
        ("thousand", 1e3),
        ("bn", 1e9),
        ("tn", 1e12),
        ("t", 1e12),
        ("b", 1e9),
        ("m", 1e6),
        ("k", 1e3),
    ];
    let (num, scale) = scales
        .iter()
        .find_map(|(suffix, scale)| {
            s.strip_suffix(suffix)
                .filter(|n| n.trim().parse::<f64>().is_ok())
                .map(|n| (n.trim().to_string(), *scale))
        })
        .unwrap_or((s.trim_end_matches('%').to_string(), 1.0));
    let v = num.parse::<f64>().ok()? * scale;
    v.is_finite().then_some(v)
}

/// The first and last day of a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` period.
pub fn parse_period(s: &str) -> Option<(Date, Date)> {
    let parts: Vec<&str> = s.trim().split('-').collect();
    let num = |p: &str, len: usize| -> Option<i16> {
        (p.len() == len && p.chars().all(|c| c.is_ascii_digit()))
            .then(|| p.parse().ok())
            .flatten()
    };
    match parts.as_slice() {
        [y] => {
            let y = num(y, 4)?;
            Some((Date::new(y, 1, 1).ok()?, Date::new(y, 12, 31).ok()?))
        }
        [y, m] => {
            let (y, m) = (num(y, 4)?, num(m, 2)?);
            let first = Date::new(y, i8::try_from(m).ok()?, 1).ok()?;
            Some((first, first.last_of_month()))
        }
        [y, m, d] => {
            let (y, m, d) = (num(y, 4)?, num(m, 2)?, num(d, 2)?);
            let day = Date::new(y, i8::try_from(m).ok()?, i8::try_from(d).ok()?).ok()?;
            Some((day, day))
        }
        _ => None,
    }
}

/// Narrows `slot` (a lower bound if `lower`) to `v`.
fn narrow<T: PartialOrd + Copy>(slot: &mut Option<T>, v: T, lower: bool) {
    *slot = Some(match *slot {
        Some(old) if (lower && old > v) || (!lower && old < v) => old,
        _ => v,
    });
}

struct Parser<'a> {
    input: &'a str,
    req: SearchRequest,
}

impl<'a> Parser<'a> {
    fn err(&self, start: usize, len: usize, message: impl Into<String>) -> QueryError {
        QueryError {
            input: self.input.to_string(),
            start,
            end: start + len,
            message: message.into(),
        }
    }

    fn set_once(
        &self,
        slot: &mut Option<String>,
        value: &str,
        name: &str,
        p: &Piece<'_>,
    ) -> Result<(), QueryError> {
        let v = value.trim_matches('"').trim();
        if v.is_empty() {
            return Err(self.err(p.start, p.text.len(), format!("{name}: needs a value")));
        }
        if slot
            .as_deref()
            .is_some_and(|old| !old.eq_ignore_ascii_case(v))
        {
            return Err(self.err(
                p.start,
                p.text.len(),
                format!("{name}: given twice; a claim has one {name}"),
            ));
        }
        *slot = Some(v.to_string());
        Ok(())
    }

    fn value_range(&mut self, value: &str, p: &Piece<'_>) -> Result<(), QueryError> {
        let bad = |s: &Self, what: &str| {
            s.err(
                p.start,
                p.text.len(),
                format!("value: {what} (write e.g. value:>1e9, value:[60 TO 95] or value:60..95)"),
            )
        };
        let r = parse_range(value).ok_or_else(|| bad(self, "cannot read this range"))?;
        let side = |s: Option<(&str, bool)>| -> Result<Side<f64>, ()> {
            match s {
                None => Ok(None),
                Some((t, incl)) => parse_value(t).map(|v| Some((v, incl))).ok_or(()),
            }
        };
        let lo = side(r.lo).map_err(|_| bad(self, "not a number"))?;
        let hi = side(r.hi).map_err(|_| bad(self, "not a number"))?;
        if lo.is_none() && hi.is_none() {
            return Err(bad(self, "the range is open on both sides"));
        }
        if let Some((v, incl)) = lo {
            let v = if incl { v } else { v.next_up() };
            narrow(&mut self.req.min_value, v, true);
        }
        if let Some((v, incl)) = hi {
            let v = if incl { v } else { v.next_down() };
            narrow(&mut self.req.max_value, v, false);
        }
        Ok(())
    }

    fn date_range(&mut self, name: &str, value: &str, p: &Piece<'_>) -> Result<(), QueryError> {
        let bad = |s: &Self, what: &str| {
            s.err(
                p.start,
                p.text.len(),
                format!(
                    "{name}: {what} (dates are YYYY, YYYY-MM or YYYY-MM-DD, e.g. {name}:2020..2024 or {name}:>=2023-05)"
                ),
            )
        };
        let r = parse_range(value).ok_or_else(|| bad(self, "cannot read this range"))?;
        let period = |s: &str| parse_period(s).ok_or(());
        // A lower bound includes its period from the first day, or starts
        // after its last day; an upper bound is the mirror image.
        let lo = match r.lo {
            None => None,
            Some((t, incl)) => {
                let (first, last) = period(t).map_err(|_| bad(self, "not a date"))?;
                Some(if incl {
                    Some(first)
                } else {
                    last.tomorrow().ok()
                })
            }
        };
        let hi = match r.hi {
            None => None,
            Some((t, incl)) => {
                let (first, last) = period(t).map_err(|_| bad(self, "not a date"))?;
                Some(if incl {
                    Some(last)
                } else {
                    first.yesterday().ok()
                })
            }
        };
        if lo.is_none() && hi.is_none() {
            return Err(bad(self, "the range is open on both sides"));
        }
        let (from, to) = if name == "date" {
            (&mut self.req.from, &mut self.req.to)
        } else {
            (&mut self.req.published_from, &mut self.req.published_to)
        };
        // A bound past the calendar's end matches nothing; keep the
        // calendar's extreme so the search stays well-formed.
        if let Some(d) = lo {
            narrow(from, d.unwrap_or(Date::MAX), true);
        }
        if let Some(d) = hi {
            narrow(to, d.unwrap_or(Date::MIN), false);
        }
        Ok(())
    }

    fn field(&mut self, name: &str, value: &str, p: &Piece<'_>) -> Result<(), QueryError> {
        let lname = name.to_ascii_lowercase();
        match lname.as_str() {
            "speaker" | "unit" | "source" | "title" | "url" => {
                let mut slot = match lname.as_str() {
                    "speaker" => self.req.speaker.take(),
                    "unit" => self.req.unit.take(),
                    "source" => self.req.source.take(),
                    "title" => self.req.title.take(),
                    _ => self.req.url.take(),
                };
                let r = self.set_once(&mut slot, value, &lname, p);
                match lname.as_str() {
                    "speaker" => self.req.speaker = slot,
                    "unit" => self.req.unit = slot,
                    "source" => self.req.source = slot,
                    "title" => self.req.title = slot,
                    _ => self.req.url = slot,
                }
                r
            }
            "kind" => {
                let k = ClaimKind::parse(value.trim_matches('"')).ok_or_else(|| {
                    self.err(
                        p.start,
                        p.text.len(),
                        format!("kind: unknown kind {value:?} (expected figure, date or quote)"),
                    )
                })?;
                if self.req.kind.is_some_and(|old| old != k) {
                    return Err(self.err(
                        p.start,
                        p.text.len(),
                        "kind: given twice with different kinds",
                    ));
                }
                self.req.kind = Some(k);
                Ok(())
            }
            "value" => self.value_range(value, p),
            "date" | "published" => self.date_range(&lname, value, p),
            _ => Err(self.err(
                p.start,
                name.len(),
                format!(
                    "unknown field {name:?} (known: {}, text)",
                    FIELDS.join(", ")
                ),
            )),
        }
    }
}

fn is_connector(s: &str) -> bool {
    matches!(s, "AND" | "OR" | "&&" | "||")
}

/// Parses `input` into `base` (the request built from command-line flags):
/// fielded terms set filters, the rest becomes `base.text`.
pub fn parse_into(input: &str, base: SearchRequest) -> Result<SearchRequest, QueryError> {
    let mut p = Parser { input, req: base };
    let all = pieces(input);
    let fielded: Vec<Option<(&str, &str)>> = all
        .iter()
        .map(|piece| {
            let t = piece.text.trim_start_matches('+');
            split_field(t).filter(|(name, _)| !name.eq_ignore_ascii_case("text"))
        })
        .collect();
    let mut free: Vec<&str> = Vec::new();
    for (i, piece) in all.iter().enumerate() {
        if let Some((name, value)) = fielded[i] {
            let prev = i.checked_sub(1).map(|j| all[j].text);
            let next = all.get(i + 1).map(|n| n.text);
            if prev.is_some_and(|t| matches!(t, "OR" | "||"))
                || next.is_some_and(|t| matches!(t, "OR" | "||"))
            {
                return Err(p.err(
                    piece.start,
                    piece.text.len(),
                    "a field filter cannot be OR-ed: filters always apply to every result",
                ));
            }
            if prev.is_some_and(|t| matches!(t, "NOT" | "!")) {
                return Err(p.err(
                    piece.start,
                    piece.text.len(),
                    "a field filter cannot be negated",
                ));
            }
            if value.is_empty() {
                return Err(p.err(
                    piece.start,
                    piece.text.len(),
                    format!("{name}: needs a value"),
                ));
            }
            p.field(name, value, piece)?;
            continue;
        }
        if piece.text.starts_with(['-', '!']) && split_field(&piece.text[1..]).is_some() {
            return Err(p.err(
                piece.start,
                piece.text.len(),
                "a field filter cannot be negated",
            ));
        }
        // A connector right next to a removed filter would dangle.
        let neighbour_filtered =
            |j: Option<usize>| j.and_then(|j| fielded.get(j)).is_some_and(Option::is_some);
        if is_connector(piece.text)
            && (neighbour_filtered(i.checked_sub(1)) || neighbour_filtered(Some(i + 1)))
        {
            continue;
        }
        free.push(piece.text);
    }
    let text = free.join(" ");
    p.req.text = if p.req.text.trim().is_empty() {
        text
    } else if text.is_empty() {
        p.req.text
    } else {
        format!("({}) AND ({text})", p.req.text)
    };
    Ok(p.req)
}

/// Parses `input` into a fresh request (default limit, relevance order).
pub fn parse(input: &str) -> Result<SearchRequest, QueryError> {
    parse_into(input, SearchRequest::default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn ok(q: &str) -> SearchRequest {
        match parse(q) {
            Ok(r) => r,
            Err(e) => panic!("{q}: {e}"),
        }
    }

    #[test]
    fn fields_become_filters() {
        let r = ok("deficit speaker:\"Janet Yellen\" kind:quote unit:USD value:>1e9");
        assert_eq!(r.text, "deficit");
        assert_eq!(r.speaker.as_deref(), Some("Janet Yellen"));
        assert_eq!(r.kind, Some(ClaimKind::Quote));
        assert_eq!(r.unit.as_deref(), Some("USD"));
        assert_eq!(r.min_value, Some(1e9f64.next_up()));
        assert_eq!(r.max_value, None);
    }

    #[test]
    fn ranges() {
        let r = ok("value:[60 TO 95]");
        assert_eq!((r.min_value, r.max_value), (Some(60.0), Some(95.0)));
        let r = ok("value:60..95");
        assert_eq!((r.min_value, r.max_value), (Some(60.0), Some(95.0)));
        let r = ok("value:[* TO 2.5bn]");
        assert_eq!((r.min_value, r.max_value), (None, Some(2.5e9)));
        let r = ok("value:>=5 value:<=10 value:<8");
        assert_eq!(
            (r.min_value, r.max_value),
            (Some(5.0), Some(8f64.next_down()))
        );
        let r = ok("value:1,500");
        assert_eq!((r.min_value, r.max_value), (Some(1500.0), Some(1500.0)));
        let r = ok("date:2020..2024");
        assert_eq!(
            (r.from, r.to),
            (Some(date(2020, 1, 1)), Some(date(2024, 12, 31)))
        );
        let r = ok("date:>2020");
        assert_eq!((r.from, r.to), (Some(date(2021, 1, 1)), None));
        let r = ok("published:<2023-03");
        assert_eq!(
            (r.published_from, r.published_to),
            (None, Some(date(2023, 2, 28)))
        );
        let r = ok("published:2024-02");
        assert_eq!(
            (r.published_from, r.published_to),
            (Some(date(2024, 2, 1)), Some(date(2024, 2, 29)))
        );
        let r = ok("date:{2020 TO 2022}");
        assert_eq!(
            (r.from, r.to),
            (Some(date(2021, 1, 1)), Some(date(2021, 12, 31)))
        );
    }

    #[test]
    fn free_text_is_kept() {
        let r = ok("\"labour market\" AND (jobs OR wages) -strike");
        assert_eq!(r.text, "\"labour market\" AND (jobs OR wages) -strike");
        // A connector next to a filter is dropped with it.
        let r = ok("deficit AND speaker:trump");
        assert_eq!(r.text, "deficit");
        assert_eq!(r.speaker.as_deref(), Some("trump"));
        let r = ok("text:deficit");
        assert_eq!(r.text, "text:deficit");
        let r = parse_into(
            "wages",
            SearchRequest {
                text: "jobs".into(),
                ..SearchRequest::default()
            },
        )
        .unwrap_or_default();
        assert_eq!(r.text, "(jobs) AND (wages)");
    }

    #[test]
    fn errors_point_at_the_bad_part() {
        let cases = [
            ("deficit kind:foo", "kind:foo", "unknown kind"),
            ("value:>lots", "value:>lots", "not a number"),
            ("date:2020..20x4", "date:2020..20x4", "not a date"),
            ("date:2020-13", "date:2020-13", "not a date"),
            ("wages colour:red", "colour", "unknown field"),
            ("speaker:a speaker:b", "speaker:b", "given twice"),
            ("jobs OR speaker:x", "speaker:x", "OR-ed"),
            ("-speaker:x", "-speaker:x", "negated"),
            ("NOT kind:quote", "kind:quote", "negated"),
            ("value:..", "value:..", "open on both"),
            ("unit:", "unit:", "needs a value"),
            ("value:[1 TO", "value:[1 TO", "cannot read"),
        ];
        for (q, part, msg) in cases {
            let e = match parse(q) {
                Err(e) => e,
                Ok(r) => panic!("{q}: parsed as {r:?}"),
            };
            assert_eq!(&q[e.start..e.end], part, "{q}");
            assert!(e.message.contains(msg), "{q}: {}", e.message);
            let shown = e.to_string();
            assert!(shown.contains('^'), "{shown}");
        }
    }

    #[test]
    fn values_and_periods() {
        assert_eq!(parse_value("2.5bn"), Some(2.5e9));
        assert_eq!(parse_value("$1.2 trillion"), Some(1.2e12));
        assert_eq!(parse_value("4k"), Some(4000.0));
        assert_eq!(parse_value("5%"), Some(5.0));
        assert_eq!(parse_value("1e999"), None);
        assert_eq!(parse_value("m"), None);
        assert_eq!(
            parse_period("2023-02"),
            Some((date(2023, 2, 1), date(2023, 2, 28)))
        );
        assert_eq!(parse_period("23"), None);
        assert_eq!(parse_period("2023-1-1"), None);
    }
}
