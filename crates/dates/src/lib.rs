//! Dates stage: finds temporal expressions (TIMEX3 dates, times, durations,
//! sets) and normalises them against the publication date.
//!
//! Owns: date grammar, calendar arithmetic (through jiff), TIMEX3 values.
//! Must not depend on readers, other extractors, the index or the CLI.
//!
//! The grammar is a set of regex rules (see `rules.rs`), each with a
//! handler that checks the match and computes the TIMEX3 type and value;
//! overlapping candidates are resolved longest-first, as TimeML spans
//! take the longest expression ("the past two months", not "two months").
//! For speed, one pass of all rules as a single alternation finds the
//! regions worth searching, and a set of the rules' cores (each matches
//! where its rule does, without the optional words around it, so that
//! the set's automaton stays small) picks the rules to run there.
//!
//! Conventions (TimeBank's where it is consistent):
//! - signal words stay outside the span ("over the past year", "only two
//!   days", "its fourth quarter"), except a sentence-initial "Within",
//!   which heads a fronted time adverbial ("Within six months, …");
//! - relative dates take the nearest occurrence, leaning to the past
//!   unless the governing verb or the sentence looks ahead; a verb form
//!   only the past has, or a modal, in the expression's own clause picks
//!   an occurrence up to most of a year away ("bought … in February");
//! - decades are `198`, centuries `19`, quarters `2025-Q3`, weeks
//!   `2025-W44`, seasons `2025-SU`;
//! - in a document about quarterly results, "a year ago" is the same
//!   quarter a year earlier (the year after "the nine months", the same
//!   fiscal quarter after a fiscal one), and "the quarter" is the last one
//!   named; a results report's comparisons mean the quarter it reports
//!   (all of this in `report.rs`); a period "ended Oct. 31" ended on or
//!   before the anchor;
//! - a bare "the week" is `2025-WXX` (a week of the story, not
//!   necessarily the publication week); "the previous Friday" counts
//!   back from the day last named; other weekdays stay anchored on the
//!   publication date (anchoring them on the story's last date lost far
//!   more than it won on TimeBank);
//! - "Friday evening" is a TIME (`…TEV`); "Friday night/morning" stay
//!   the day's date, as TimeBank mostly writes them;
//! - amounts per unit ("$2 million a year", "15 mln dlrs annually") are
//!   not sets and not tagged; frequencies ("twice a year", "paid
//!   annually") are sets;
//! - "the week ended Feb. 22" is a seven-day stretch (`P1W`, as "the year
//!   ended Sept. 30" is `P1Y`) beside the day; a split year ("1986/87",
//!   "the 2004-05 season") is one mention named by the year it ends in,
//!   as "fiscal 1987" is; in a range ("March 11-26", "11-26 March",
//!   "1987-1991") each end is a mention;
//! - "currently", "already", bare "years"/"decades" and "decades-long"
//!   are not tagged: too often figurative or without a point in time.
#![deny(missing_docs)]

mod calendar;
mod dayword;
mod lexicon;
mod names;
mod report;
mod rules;
mod sport;

use std::sync::LazyLock;

use claimdex_model::{DateMention, Span};
use jiff::civil::Date;
use regex::Regex;
use regex_automata::{Input, PatternSet};

use crate::rules::{re, Cand, Ctx, RULES, RULE_SET, SCANNER};

/// Finds every temporal expression in `text`, in text order, spans in
/// bytes; relative expressions are resolved against `anchor` (the
/// publication date) when given.
pub fn extract(text: &str, anchor: Option<Date>) -> Vec<DateMention> {
    static QUARTER: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\bquarter"));
    // A document that reports quarterly results compares quarters: "a
    // year ago" there means the same quarter last year.
    static RESULTS: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?i)\b(?:a\s+share|net\s+income|net\s+loss|per\s+share)\b"));
    let quarters = QUARTER.find_iter(text).take(2).count();
    let quarterly = quarters >= 2 || (quarters == 1 && RESULTS.is_match(text));
    let regions = regions(text);
    // Which rules match in which region, then each rule over all of its
    // regions in turn: running one automaton at a time keeps its states
    // in the CPU cache, where interleaving two dozen of them thrashes it.
    let mut work: Vec<(usize, usize)> = Vec::new();
    let mut matched = PatternSet::new(RULE_SET.pattern_len());
    for (r, &(ws, we)) in regions.iter().enumerate() {
        matched.clear();
        let Some(slice) = text.get(ws..we) else {
            continue;
        };
        RULE_SET.which_overlapping_matches(&Input::new(slice), &mut matched);
        work.extend(matched.iter().map(|i| (i.as_usize(), r)));
    }
    work.sort_unstable();
    let mut cands: Vec<Cand> = Vec::new();
    for (i, r) in work {
        let (Some(rule), Some(&(ws, we))) = (RULES.get(i), regions.get(r)) else {
            continue;
        };
        let Some(slice) = text.get(ws..we) else {
            continue;
        };
        let ctx = Ctx {
            text: slice,
            full: text,
            base: ws,
            anchor,
            quarterly,
        };
        for c in rule.re.captures_iter(slice) {
            if let Some(mut cand) = (rule.handler)(&ctx, &c) {
                cand.start += ws;
                cand.end += ws;
                // A blank line ends every expression ("1,428,000\n\nyears"
                // in a table is two cells).
                if cand.end <= text.len()
                    && text.is_char_boundary(cand.start)
                    && text.is_char_boundary(cand.end)
                    && !crosses_blank_line(&text[cand.start..cand.end])
                {
                    cands.push(cand);
                }
            }
        }
    }
    let mut kept = resolve(cands);
    names::drop_titles(text, &mut kept);
    sport::drop_match_halves(text, &mut kept);
    dayword::spelled_days(text, &mut kept);
    dayword::hyphenated_end(text, &mut kept);
    resolve_anaphora(text, anchor, &mut kept);
    conjoined_days(text, &mut kept);
    day_ranges(text, &mut kept);
    split_years(text, &mut kept);
    week_ended(text, &mut kept);
    kept.into_iter()
        .map(|c| DateMention {
            span: Span::new(c.start, c.end),
            timex_type: c.ty,
            value: c.value,
        })
        .collect()
}

/// Disjoint byte ranges of `text` where some rule may match: each match
/// of the combined scanner (which already holds any modifiers in front),
/// with room after it for a longer alternative of another rule, widened to
/// whitespace so that word boundaries inside a region are the document's
/// own. Handlers read their context from the whole document, so regions
/// stay tight: their total size is what the rule set has to scan.
fn regions(text: &str) -> Vec<(usize, usize)> {
    // The longest continuation seen beyond a scanner match ("the fiscal
    // 1986 fourth quarter" after "the fiscal 1986") is under 30 bytes.
    const AFTER: usize = 40;
    let bytes = text.as_bytes();
    // Widening is bounded so that text without spaces stays linear; the
    // bound only matters for tokens longer than WIDEN bytes.
    const WIDEN: usize = 32;
    let widen_left = |mut i: usize| {
        let floor = i.saturating_sub(WIDEN);
        while i > floor && !(bytes[i - 1].is_ascii_whitespace() && text.is_char_boundary(i)) {
            i -= 1;
        }
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let widen_right = |mut i: usize| {
        let ceil = (i + WIDEN).min(bytes.len());
        while i < ceil && !(bytes[i].is_ascii_whitespace() && text.is_char_boundary(i)) {
            i += 1;
        }
        while !text.is_char_boundary(i) {
            i += 1;
        }
        i
    };
    let mut out: Vec<(usize, usize)> = Vec::new();
    for m in SCANNER.find_iter(text) {
        let s = widen_left(m.start());
        let e = widen_right((m.end() + AFTER).min(bytes.len()));
        match out.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

/// Back references: "that year" ("later that year") and "the following
/// year/month" mean the last year or month the text named explicitly, when
/// there is one, not the publication date; "the same month" is the month
/// last named (`same_month_year`); "the previous Friday" counts
/// from the day last named; quarters are `report::Quarters`' (named
/// quarters first, then the quarter a results report reports).
fn resolve_anaphora(text: &str, anchor: Option<Date>, cands: &mut [Cand]) {
    let mut quarters = report::Quarters::new(anchor);
    let mut refs = Refs::default();
    // Where the mention before ended: a span grown backwards stops there.
    let mut prev_end = 0;
    for c in cands.iter_mut() {
        let mut t = String::with_capacity(c.end.saturating_sub(c.start));
        for w in text.get(c.start..c.end).unwrap_or("").split_whitespace() {
            if !t.is_empty() {
                t.push(' ');
            }
            t.push_str(w);
        }
        t.make_ascii_lowercase();
        let quarter = quarters.refer(text, c, &t, prev_end);
        prev_end = c.end;
        if !quarter {
            other_reference(text, anchor, c, &t, &mut refs);
        }
        quarters.report(text, c);
    }
    months_of_that_year(text, cands);
}

/// The year "the same month" (month `m`, last named in year `y`) is in,
/// from the words after it (`after`): "of 1986", "in 1985" name it; "last
/// year", "a year ago", "the year before" mean the year before the last
/// month `m` up to the anchor (the month named may be the comparand
/// itself: "in January 1986 ... against 80,000 in the same month last
/// year"); nothing after means month `m` of year `y`.
fn same_month_year(after: &str, y: i64, m: i64, anchor: Option<Date>) -> i64 {
    static YEAR_AFTER: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)^\s+(?:(?:of\s+)?last\s+year|a\s+year\s+(?:earlier|ago|before)|the\s+(?:year\s+before|previous\s+year|prior\s+year)|(?:of|in|for)\s+(\d{4}))\b",
        )
    });
    let Some(c) = YEAR_AFTER.captures(after) else {
        return y;
    };
    if let Some(n) = c.get(1) {
        return n.as_str().parse().unwrap_or(y);
    }
    match anchor {
        Some(a) => {
            let ay = i64::from(a.year());
            let latest = if m <= i64::from(a.month()) {
                ay
            } else {
                ay - 1
            };
            latest - 1
        }
        None => y - 1,
    }
}

/// "in May, June and September of that year": months listed right before
/// "of that year" (already resolved) are months of that year, not of the
/// year the anchor gives them.
fn months_of_that_year(text: &str, cands: &mut [Cand]) {
    for i in 1..cands.len() {
        let Some(year) = cands.get(i).and_then(|c| {
            let t = text.get(c.start..c.end)?;
            let y = c.value.as_deref()?;
            let of = text.get(..c.start)?.ends_with(" of ");
            (of && t.eq_ignore_ascii_case("that year") && y.len() == 4).then(|| y.to_string())
        }) else {
            continue;
        };
        let mut next_start = cands[i].start - " of ".len();
        for j in (0..i).rev() {
            let c = &mut cands[j];
            let gap = text.get(c.end..next_start).unwrap_or("x");
            if !matches!(gap, "" | ", " | " and " | ", and " | " or " | ", or ") {
                break;
            }
            let Some(v) = c.value.as_deref() else {
                break;
            };
            // Only a bare month ("2004-05"): days and seasons keep theirs.
            let month = text
                .get(c.start..c.end)
                .is_some_and(|t| lexicon::names_month(&t.to_ascii_lowercase()))
                && v.len() == 7
                && v.as_bytes().get(4) == Some(&b'-');
            if !month {
                break;
            }
            c.value = Some(format!("{year}{}", &v[4..]));
            next_start = c.start;
        }
    }
}

/// What the back references other than quarters remember of the mentions
/// read so far.
#[derive(Default)]
struct Refs {
    /// The last year named as a year ("1995").
    last_year: Option<String>,
    /// The year of any explicit date ("June 3, 1995" as well as "1995").
    last_any_year: Option<i64>,
    /// The last year written out, alone or in a date ("April 1989"); a
    /// bare month ("in May") names none.
    last_written_year: Option<String>,
    /// The month of any explicit date or month.
    last_month: Option<(i64, i64)>,
    /// The last calendar day named ("Friday", "Oct. 27", "yesterday").
    last_day: Option<String>,
}

/// One mention `c` (text `t`, lower case) against the years, months and
/// days named before it (see `resolve_anaphora`); notes what it names.
fn other_reference(text: &str, anchor: Option<Date>, c: &mut Cand, t: &str, refs: &mut Refs) {
    let digits = |v: &str| !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit());
    let Refs {
        last_year,
        last_any_year,
        last_written_year,
        last_month,
        last_day,
    } = refs;
    match t {
        "that year"
        | "the end of that year"
        | "the beginning of that year"
        | "the start of that year" => {
            // The year last written, whether alone ("1989") or in a date
            // ("April 1989 ... of that year").
            if let Some(y) = last_written_year.clone().or_else(|| last_year.clone()) {
                c.value = Some(y);
            }
        }
        "later that year" | "earlier that year" => {
            if let Some(y) = last_any_year.and_then(calendar::fmt_year) {
                c.value = Some(y);
            }
        }
        "the following year" => {
            if let Some(y) = last_any_year.and_then(|y| calendar::fmt_year(y + 1)) {
                c.value = Some(y);
            }
        }
        "the morning" | "the afternoon" | "the evening" => {
            if let (Some(d), Some(v)) = (&last_day, c.value.as_mut()) {
                if let Some(code) = v.get(10..) {
                    *v = format!("{d}{code}");
                }
            }
        }
        _ if last_day.is_some() && story_weekday(t).is_some() => {
            // "the previous Friday": the one before the day last named.
            let from = last_day.as_deref().and_then(|d| d.parse::<Date>().ok());
            if let (Some((back, wd)), Some(from)) = (story_weekday(t), from) {
                let cur = calendar::iso_weekday(from);
                let days = if back {
                    -(cur - wd - 1).rem_euclid(7) - 1
                } else {
                    (wd - cur - 1).rem_euclid(7) + 1
                };
                if let Some(d) = calendar::add_days(from, days).and_then(calendar::fmt_date) {
                    *last_day = Some(d.clone());
                    c.value = Some(d);
                }
            }
        }
        "current" if then_before(text, c.start) => {
            // "the then current price": current as of a past time.
            c.start -= "then ".len();
            c.value = Some("PAST_REF".into());
        }
        "the same month" => {
            // "the same month last year", "the same month of 1986": the
            // month last named, in the year that follows, else its own.
            if let Some((y, m)) = *last_month {
                let after = text.get(c.end..).unwrap_or("");
                let y = same_month_year(after, y, m, anchor);
                if let Some(v) = calendar::fmt_month(y, m) {
                    c.value = Some(v);
                }
            }
        }
        "the following month" => {
            if let Some(v) =
                last_month.and_then(|(y, m)| calendar::fmt_month(y + m / 12, m % 12 + 1))
            {
                c.value = Some(v);
            }
        }
        _ => {
            if let Some((at, shift)) = c
                .value
                .as_deref()
                .filter(|v| is_day(v))
                .and_then(|_| day_before_after(text, c.start))
            {
                // "the day before last Tuesday's hearing".
                let d = c.value.as_deref().and_then(|v| v.parse::<Date>().ok());
                if let Some(v) = d
                    .and_then(|d| calendar::add_days(d, shift))
                    .and_then(calendar::fmt_date)
                {
                    c.start = at;
                    c.value = Some(v);
                }
            }
            if let Some(d) = c.value.as_deref().and_then(|v| v.get(..10)) {
                if is_day(d) {
                    *last_day = Some(d.to_string());
                }
            }
            let explicit = t.bytes().any(|b| b.is_ascii_digit())
                || ["first", "second", "third", "fourth"]
                    .iter()
                    .any(|w| t.contains(w));
            let named_month = lexicon::names_month(t);
            let Some(v) = c.value.as_deref() else {
                return;
            };
            if explicit && v.len() == 4 && digits(v) {
                *last_year = Some(v.to_string());
            }
            let written = t
                .as_bytes()
                .windows(4)
                .any(|w| w.iter().all(u8::is_ascii_digit));
            if let Some(y) = v.get(..4).filter(|y| written && digits(y)) {
                *last_written_year = Some(y.to_string());
            }
            if explicit || named_month {
                let y = v
                    .get(..4)
                    .filter(|y| digits(y))
                    .and_then(|y| y.parse().ok());
                if let Some(y) = y {
                    *last_any_year = Some(y);
                }
                let m = v
                    .get(5..7)
                    .filter(|m| digits(m))
                    .and_then(|m| m.parse().ok());
                if let (Some(y), Some(m)) = (y, m) {
                    if v.as_bytes().get(4) == Some(&b'-') {
                        *last_month = Some((y, m));
                    }
                }
            }
        }
    }
}

/// Where "day" starts and the shift in days when "the day before " or
/// "the day after " (or a sentence opening "Day after ") comes right before
/// byte `start`; "two days before" and "a day after" are durations and
/// signals, so only "the" or nothing may precede "day".
fn day_before_after(text: &str, start: usize) -> Option<(usize, i64)> {
    let mut from = start.saturating_sub(24);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = text.get(from..start)?;
    let trimmed = before.trim_end();
    if trimmed.len() == before.len() {
        return None;
    }
    let ends = |phrase: &str| {
        trimmed
            .len()
            .checked_sub(phrase.len())
            .and_then(|i| trimmed.get(i..))
            .is_some_and(|tail| tail.eq_ignore_ascii_case(phrase))
    };
    let (len, shift) = if ends("day before") {
        (10, -1)
    } else if ends("day after") {
        (9, 1)
    } else {
        return None;
    };
    let day_at = trimmed.len() - len;
    let head = trimmed.get(..day_at)?;
    if head
        .chars()
        .next_back()
        .is_some_and(|ch| !ch.is_whitespace())
    {
        // "Monday before", "holiday after": "day" ends another word.
        return None;
    }
    let prev = head
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("");
    if !(prev.is_empty()
        || prev.eq_ignore_ascii_case("the")
        || prev.ends_with(['.', ',', ';', ':']))
    {
        return None;
    }
    Some((from + day_at, shift))
}

/// "the previous Friday" → (true, 5), "the following Monday" → (false, 1):
/// a weekday counted from the day the story is on.
fn story_weekday(t: &str) -> Option<(bool, i64)> {
    let (back, rest) = if let Some(rest) = t.strip_prefix("the previous ") {
        (true, rest)
    } else {
        (false, t.strip_prefix("the following ")?)
    };
    if rest.len() < 6 || !rest.ends_with("day") || rest.contains(' ') {
        return None;
    }
    lexicon::weekday_number(rest).map(|wd| (back, i64::from(wd)))
}

/// "April 24 and 25", "March 3 or 4": the second day shares the first
/// one's month and year, and is a mention of its own (as TimeBank tags
/// it). Only when the number ends the phrase (a punctuation mark or the
/// end of the line follows), so that "May 5 and 6 others" stays a count.
fn conjoined_days(text: &str, cands: &mut Vec<Cand>) {
    static NEXT_DAY: LazyLock<Regex> =
        LazyLock::new(|| re(r"^\s+(?:and|or|to|through)\s+(?P<d>\d{1,2})(?:\s*[.,;:)]|\s*$)"));
    let mut added: Vec<Cand> = Vec::new();
    for (i, c) in cands.iter().enumerate() {
        let Some(v) = c.value.as_deref().filter(|v| is_day(v)) else {
            continue;
        };
        let mut cut = (c.end + 24).min(text.len());
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let Some(after) = text.get(c.end..cut) else {
            continue;
        };
        if !after.starts_with(char::is_whitespace) {
            continue;
        }
        let Some(m) = NEXT_DAY.captures(after).and_then(|m| m.name("d")) else {
            continue;
        };
        let mention = text.get(c.start..c.end).unwrap_or("").to_ascii_lowercase();
        if !lexicon::names_month(&mention) {
            continue;
        }
        let (start, end) = (c.end + m.start(), c.end + m.end());
        if cands.get(i + 1).is_some_and(|n| n.start < end) {
            continue;
        }
        let day = m.as_str().parse::<i64>().ok();
        let y = v.get(..4).and_then(|y| y.parse::<i64>().ok());
        let mo = v.get(5..7).and_then(|mo| mo.parse::<i64>().ok());
        if let (Some(y), Some(mo), Some(d)) = (y, mo, day) {
            push_day(&mut added, (start, end), y, mo, d);
        }
    }
    merge_added(cands, added);
}

/// Adds a DATE mention at `span` for day `d` of month `mo` of year `y`,
/// when that day exists ("April 31" adds nothing).
fn push_day(added: &mut Vec<Cand>, (start, end): (usize, usize), y: i64, mo: i64, d: i64) {
    if let Some(value) = calendar::date(y, mo, d).and_then(calendar::fmt_date) {
        added.push(Cand {
            start,
            end,
            ty: claimdex_model::TimexType::Date,
            value: Some(value),
        });
    }
}

/// Merges the mentions a pass added into `cands`, keeping text order.
fn merge_added(cands: &mut Vec<Cand>, added: Vec<Cand>) {
    if !added.is_empty() {
        cands.extend(added);
        cands.sort_by_key(|c| (c.start, c.end));
    }
}

/// "March 11-26", "11-26 March": a range of days in one month. The day
/// written without its month shares the other's month and year and is a
/// mention of its own, as "April 24 and 25" is (see `conjoined_days`),
/// so that the range's first day is known. Only a range that runs forward
/// (first day before the second), with the hyphen or dash between the two
/// numbers and nothing else: "May 5 - 6 people" and "12-6 March" are not
/// ranges.
fn day_ranges(text: &str, cands: &mut Vec<Cand>) {
    static AFTER: LazyLock<Regex> = LazyLock::new(|| re(r"^(?:-|–)(?P<d>\d{1,2})"));
    static BEFORE: LazyLock<Regex> = LazyLock::new(|| re(r"(?P<d>\d{1,2})(?:-|–)$"));
    // A number that goes on ("11-26.5", "3-1/2", "12-30-87") or a code
    // ("A12-26") is not a day.
    let part_of_more = |ch: Option<char>, next: Option<char>| match ch {
        Some(ch) if ch.is_alphanumeric() || matches!(ch, '-' | '/' | '$' | '–') => true,
        Some('.' | ',' | ':') => next.is_some_and(|n| n.is_ascii_digit()),
        _ => false,
    };
    let mut added: Vec<Cand> = Vec::new();
    for (i, c) in cands.iter().enumerate() {
        // Most days have no dash beside them: checked first, as it is cheap.
        let dash = |s: Option<&str>| s.is_some_and(|s| s == "-" || s == "–");
        let beside = dash(text.get(c.end..c.end + 1))
            || dash(text.get(c.end..c.end + 3))
            || dash(text.get(c.start.saturating_sub(1)..c.start))
            || dash(text.get(c.start.saturating_sub(3)..c.start));
        let Some(v) = c.value.as_deref().filter(|v| beside && is_day(v)) else {
            continue;
        };
        let Some(mention) = text.get(c.start..c.end) else {
            continue;
        };
        if !lexicon::names_month(&mention.to_ascii_lowercase()) {
            continue;
        }
        let (Some(y), Some(mo), Some(day)) = (
            v.get(..4).and_then(|y| y.parse::<i64>().ok()),
            v.get(5..7).and_then(|mo| mo.parse::<i64>().ok()),
            v.get(8..10).and_then(|d| d.parse::<i64>().ok()),
        ) else {
            continue;
        };
        let day_first = mention.starts_with(|ch: char| ch.is_ascii_digit());
        let found = if day_first {
            let mut from = c.start.saturating_sub(8);
            while !text.is_char_boundary(from) {
                from -= 1;
            }
            text.get(from..c.start)
                .and_then(|b| BEFORE.captures(b))
                .and_then(|m| m.name("d"))
                .map(|m| (from + m.start(), from + m.end()))
                .filter(|&(s, _)| {
                    let mut back = text.get(..s).unwrap_or("").chars().rev();
                    let (ch, prev) = (back.next(), back.next());
                    // "1.5-6": the dot then comes after a digit.
                    !part_of_more(ch, prev)
                })
                .filter(|&(s, _)| i == 0 || cands.get(i - 1).is_some_and(|p| p.end <= s))
        } else {
            let mut cut = (c.end + 8).min(text.len());
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            text.get(c.end..cut)
                .and_then(|a| AFTER.captures(a))
                .and_then(|m| m.name("d"))
                .map(|m| (c.end + m.start(), c.end + m.end()))
                .filter(|&(_, e)| {
                    let mut on = text.get(e..).unwrap_or("").chars();
                    let (ch, next) = (on.next(), on.next());
                    !part_of_more(ch, next)
                })
                .filter(|&(_, e)| cands.get(i + 1).is_none_or(|n| n.start >= e))
        };
        let Some((start, end)) = found else {
            continue;
        };
        let Some(other) = text.get(start..end).and_then(|d| d.parse::<i64>().ok()) else {
            continue;
        };
        let forward = if day_first { other < day } else { other > day };
        if !forward {
            continue;
        }
        push_day(&mut added, (start, end), y, mo, other);
    }
    merge_added(cands, added);
}

/// "the week ended February 22", "the week to March 9", "the week
/// starting April 6": a stretch of seven days that ends (or starts) on the
/// day named, which need not be a calendar week, so a duration (`P1W`) as
/// "the year ended Sept. 30" is `P1Y` (TimeBank); the day stays a mention
/// of its own and places the claim. A plain "the week" is otherwise
/// `WXX`, a week of the story.
fn week_ended(text: &str, cands: &mut [Cand]) {
    static LINK: LazyLock<Regex> = LazyLock::new(|| {
        re(r"(?i)^\s+(?:ended|ending|to|through|starting|beginning|begun)\s+(?:on\s+)?$")
    });
    for i in 1..cands.len() {
        let (head, tail) = cands.split_at_mut(i);
        let (Some(week), Some(day)) = (head.last_mut(), tail.first()) else {
            continue;
        };
        if !week.value.as_deref().is_some_and(|v| v.ends_with("-WXX"))
            || !day.value.as_deref().is_some_and(is_day)
        {
            continue;
        }
        let named = text
            .get(week.start..week.end)
            .is_some_and(|t| t.to_ascii_lowercase().ends_with("week"));
        if named
            && text
                .get(week.end..day.start)
                .is_some_and(|between| LINK.is_match(between))
        {
            week.ty = claimdex_model::TimexType::Duration;
            week.value = Some("P1W".into());
        }
    }
}

/// "1987-1991", "the 1979-81 base": the last year of a range of years is
/// a mention of its own, as the second day of "April 24 and 25" is; the
/// first year is found by the year rule (which takes a split year such as
/// "1986/87" whole).
fn split_years(text: &str, cands: &mut Vec<Cand>) {
    let mut added: Vec<Cand> = Vec::new();
    for (i, c) in cands.iter().enumerate() {
        let Some(y) = c
            .value
            .as_deref()
            .filter(|v| v.len() == 4 && text.get(..c.end).is_some_and(|t| t.ends_with(v)))
            .and_then(|v| v.parse::<i64>().ok())
        else {
            continue;
        };
        let Some((len, y2)) = text
            .get(c.end..)
            .and_then(|after| rules::split_year_end(after, y))
            .filter(|&(_, y2)| y2 > y + 1)
        else {
            continue;
        };
        let digits = len
            - text
                .get(c.end..)
                .and_then(|a| a.chars().next())
                .map_or(1, char::len_utf8);
        let (start, end) = (c.end + len - digits, c.end + len);
        if cands.get(i + 1).is_some_and(|n| n.start < end) {
            continue;
        }
        added.push(Cand {
            start,
            end,
            ty: claimdex_model::TimexType::Date,
            value: calendar::fmt_year(y2),
        });
    }
    merge_added(cands, added);
}

/// Whether `v` is a calendar day, `YYYY-MM-DD`.
fn is_day(v: &str) -> bool {
    v.len() == 10
        && v.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        })
}

/// Whether `s` holds an empty line (a paragraph or table-cell break).
fn crosses_blank_line(s: &str) -> bool {
    let b = s.as_bytes();
    b.iter().enumerate().any(|(i, &c)| {
        c == b'\n'
            && b[i + 1..]
                .iter()
                .find(|&&x| !matches!(x, b' ' | b'\t' | b'\r'))
                .is_some_and(|&x| x == b'\n')
    })
}

/// Whether the word "then" and one space come right before byte `start`.
fn then_before(text: &str, start: usize) -> bool {
    let Some(head) = start.checked_sub(5).and_then(|i| text.get(..i)) else {
        return false;
    };
    text.get(head.len()..start)
        .is_some_and(|w| w.eq_ignore_ascii_case("then "))
        && !head.ends_with(|ch: char| ch.is_alphanumeric())
}

/// Keeps the longest candidates that do not overlap (ties: the earlier
/// rule, then the earlier start), in text order.
fn resolve(mut cands: Vec<Cand>) -> Vec<Cand> {
    let order: Vec<usize> = {
        let mut idx: Vec<usize> = (0..cands.len()).collect();
        idx.sort_by(|&a, &b| {
            let (ca, cb) = (&cands[a], &cands[b]);
            (cb.end - cb.start)
                .cmp(&(ca.end - ca.start))
                .then(ca.start.cmp(&cb.start))
                .then(a.cmp(&b))
        });
        idx
    };
    let mut kept: Vec<usize> = Vec::new();
    // Accepted spans by start; they never overlap, so only the nearest
    // neighbours of a new span can collide with it.
    let mut taken: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    for i in order {
        let c = &cands[i];
        let before = taken.range(..=c.start).next_back();
        let after = taken.range(c.start..).next();
        let clash =
            before.is_some_and(|(_, &e)| e > c.start) || after.is_some_and(|(&s, _)| s < c.end);
        if clash {
            continue;
        }
        taken.insert(c.start, c.end);
        kept.push(i);
    }
    kept.sort_by_key(|&i| (cands[i].start, cands[i].end));
    kept.into_iter()
        .map(|i| std::mem::replace(&mut cands[i], placeholder()))
        .collect()
}

fn placeholder() -> Cand {
    Cand {
        start: 0,
        end: 0,
        ty: claimdex_model::TimexType::Date,
        value: None,
    }
}

/// Parses one absolute calendar date written the way news writes them
/// ("October 28, 2025", "Oct. 28, 2025", "28 October 2025", "2025-10-28",
/// "10/28/2025"), e.g. from a "Last Updated on …" line. `None` when the
/// string holds no complete, valid date.
pub fn parse_date(s: &str) -> Option<Date> {
    static FULL: LazyLock<Regex> = LazyLock::new(|| {
        re(&format!(
            r"(?i)\b(?:(?P<m1>{m})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{m}),?\s+(?P<y2>\d{{4}})|(?P<y3>\d{{4}})-(?P<m3>\d{{1,2}})-(?P<d3>\d{{1,2}})|(?P<m4>\d{{1,2}})/(?P<d4>\d{{1,2}})/(?P<y4>\d{{4}}))\b",
            m = lexicon::MONTH
        ))
    });
    for c in FULL.captures_iter(s) {
        let num = |n: &str| -> Option<i64> { c.name(n)?.as_str().parse().ok() };
        let parsed = if c.name("y1").is_some() {
            let m = i64::from(lexicon::month_number(c.name("m1")?.as_str())?);
            calendar::date(num("y1")?, m, num("d1")?)
        } else if c.name("y2").is_some() {
            let m = i64::from(lexicon::month_number(c.name("m2")?.as_str())?);
            calendar::date(num("y2")?, m, num("d2")?)
        } else if c.name("y3").is_some() {
            calendar::date(num("y3")?, num("m3")?, num("d3")?)
        } else {
            calendar::date(num("y4")?, num("m4")?, num("d4")?)
        };
        if parsed.is_some() {
            return parsed;
        }
    }
    None
}

/// Finds the publication date a document states about itself: a
/// "Last Updated on …", "Published …", "Updated: …", "Posted …" or
/// "Date: …" line near the top, else a dateline with a full date
/// ("WASHINGTON, Oct. 28, 2025 (Reuters) -"). `None` when none is found.
pub fn find_publication_date(text: &str) -> Option<Date> {
    static META: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?im)^(?u:\W){0,3}(?:last\s+updated|updated|published|posted|first\s+published|date(?:d)?|released)\b(?:\s+on)?\s*:?\s*(?P<rest>(?u:.){0,80})",
        )
    });
    static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
        re(&format!(
            r"(?m)^[A-Z][A-Za-z .'-]{{1,40}},\s+(?:[A-Z][a-z]+,\s+)?(?P<rest>(?:{m})\s+\d{{1,2}},?\s+\d{{4}})",
            m = lexicon::MONTH
        ))
    });
    // Only the head of the document: a date deep in the body is content.
    let mut cut = text.len().min(3000);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &text[..cut];
    for c in META.captures_iter(head) {
        if let Some(d) = c.name("rest").and_then(|m| parse_date(m.as_str())) {
            return Some(d);
        }
    }
    for c in DATELINE.captures_iter(head) {
        if let Some(d) = c.name("rest").and_then(|m| parse_date(m.as_str())) {
            return Some(d);
        }
    }
    None
}

/// The first calendar day a TIMEX3 date value covers: "2024" → 2024-01-01,
/// "2025-10" → 2025-10-01, "2025-W44" → that week's Monday, "2025-Q3" →
/// 2025-07-01, "2025-H2" → 2025-07-01, "2025-SU" → 2025-06-01, "198" →
/// 1980-01-01, "19" → 1900-01-01, "2025-10-28T15:00" → 2025-10-28. `None`
/// for durations, sets, vague references and anything unparseable.
pub fn timex_start_date(value: &str) -> Option<Date> {
    let v = value.trim();
    let date_part = v.split('T').next().unwrap_or(v);
    let parts: Vec<&str> = date_part.split('-').collect();
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let first = *parts.first()?;
    if !digits(first) {
        return None;
    }
    let n: i64 = first.parse().ok()?;
    let y = match first.len() {
        4 => n,
        3 => n * 10,
        2 => n * 100,
        _ => return None,
    };
    if first.len() < 4 {
        return if parts.len() == 1 {
            calendar::date(y, 1, 1)
        } else {
            None
        };
    }
    match parts.get(1).copied() {
        None => calendar::date(y, 1, 1),
        Some(p) if digits(p) => {
            let m: i64 = p.parse().ok()?;
            match parts.get(2).copied() {
                None => calendar::date(y, m, 1),
                Some(d) if digits(d) => calendar::date(y, m, d.parse().ok()?),
                Some(_) => calendar::date(y, m, 1),
            }
        }
        Some(p) if p.starts_with('W') && digits(&p[1..]) => {
            let w: i8 = p[1..].parse().ok()?;
            let wd = jiff::civil::ISOWeekDate::new(
                i16::try_from(y).ok()?,
                w,
                jiff::civil::Weekday::Monday,
            )
            .ok()?;
            Some(wd.date())
        }
        Some(p) if p.starts_with('Q') && digits(&p[1..]) => {
            let q: i64 = p[1..].parse().ok()?;
            (1..=4)
                .contains(&q)
                .then(|| calendar::date(y, (q - 1) * 3 + 1, 1))
                .flatten()
        }
        Some("H1") => calendar::date(y, 1, 1),
        Some("H2") => calendar::date(y, 7, 1),
        Some("SP") => calendar::date(y, 3, 1),
        Some("SU") => calendar::date(y, 6, 1),
        Some("FA") => calendar::date(y, 9, 1),
        Some("WI") => calendar::date(y, 1, 1),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i16, m: i8, day: i8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    fn run(text: &str, anchor: Date) -> Vec<(String, &'static str, String)> {
        extract(text, Some(anchor))
            .into_iter()
            .map(|m| {
                (
                    m.span.slice(text).to_string(),
                    m.timex_type.as_str(),
                    m.value.unwrap_or_default(),
                )
            })
            .collect()
    }

    #[test]
    fn last_named_month_just_gone_is_a_year_back() {
        // In January, "last December" is the December of two calendar
        // years back: the one just gone would be "last month".
        let got = run("Sales beat last December's.", d(2026, 1, 15));
        assert_eq!(got[0].2, "2024-12");
        let got = run("Sales beat last November's.", d(2026, 1, 15));
        assert_eq!(got[0].2, "2025-11");
    }

    #[test]
    fn parse_date_forms() {
        let want = Some(d(2025, 10, 28));
        assert_eq!(parse_date("October 28, 2025"), want);
        assert_eq!(parse_date("Oct. 28, 2025"), want);
        assert_eq!(parse_date("28 October 2025"), want);
        assert_eq!(parse_date("2025-10-28"), want);
        assert_eq!(parse_date("10/28/2025"), want);
        assert_eq!(parse_date("Last Updated on October 28, 2025"), want);
        assert_eq!(parse_date("February 30, 2025"), None);
        assert_eq!(parse_date("October 2025"), None);
    }

    #[test]
    fn publication_date() {
        let want = Some(d(2025, 10, 28));
        assert_eq!(
            find_publication_date("Last Updated on October 28, 2025\nBody."),
            want
        );
        assert_eq!(
            find_publication_date("Title\nPublished: 2025-10-28 10:00\nBody"),
            want
        );
        assert_eq!(
            find_publication_date(
                "WASHINGTON, Oct. 28, 2025 (Reuters) - The Senate voted on Tuesday."
            ),
            want
        );
        assert_eq!(find_publication_date("Nothing here."), None);
    }

    #[test]
    fn start_dates() {
        assert_eq!(timex_start_date("2024"), Some(d(2024, 1, 1)));
        assert_eq!(timex_start_date("2025-W44"), Some(d(2025, 10, 27)));
        assert_eq!(timex_start_date("198"), Some(d(1980, 1, 1)));
        assert_eq!(timex_start_date("2025-Q3"), Some(d(2025, 7, 1)));
        assert_eq!(timex_start_date("2025-10-28T15:00"), Some(d(2025, 10, 28)));
        assert_eq!(timex_start_date("P6M"), None);
        assert_eq!(timex_start_date("PRESENT_REF"), None);
        assert_eq!(timex_start_date("2025-02-30"), None);
    }

    #[test]
    fn relative_expressions() {
        let a = d(2025, 10, 28); // a Tuesday
        let got = run("He left yesterday and returns next week.", a);
        assert_eq!(
            got,
            vec![
                ("yesterday".into(), "DATE", "2025-10-27".into()),
                ("next week".into(), "DATE", "2025-W45".into()),
            ]
        );
        let got = run("Sales fell last year but rose two years ago.", a);
        assert_eq!(got[0].2, "2024");
        assert_eq!(got[1], ("two years ago".into(), "DATE", "2023".into()));
        let got = run("The talks ended on Friday.", a);
        assert_eq!(got[0], ("Friday".into(), "DATE", "2025-10-24".into()));
        let got = run("The talks will resume on Friday.", a);
        assert_eq!(got[0], ("Friday".into(), "DATE", "2025-10-31".into()));
    }

    #[test]
    fn the_quarter_refers_back() {
        let a = d(1989, 11, 2);
        let got = run(
            "Profit rose in the fiscal first quarter. In the quarter, sales fell. That year was 1987, and that year ended badly.",
            a,
        );
        assert_eq!(got[0].2, "1989-Q1");
        assert_eq!(got[1], ("the quarter".into(), "DATE", "1989-Q1".into()));
        assert_eq!(got[4], ("that year".into(), "DATE", "1987".into()));
    }

    #[test]
    fn long_text_without_spaces_is_linear() {
        let text = "2024 a week,".repeat(40_000);
        let t = std::time::Instant::now();
        let _ = extract(&text, Some(d(2025, 10, 28)));
        assert!(t.elapsed().as_secs() < 20, "took {:?}", t.elapsed());
    }

    #[test]
    fn nothing_spans_a_blank_line() {
        let a = d(2025, 10, 28);
        assert!(run("Shares 1,428,000\n\nyears 2 Net loss", a).is_empty());
        assert!(run("Revenue 4287\n \n1st half", a).is_empty());
        // A single line break inside a sentence is fine.
        let got = run("It rose over the past\ntwo years.", a);
        assert_eq!(got[0].0, "the past\ntwo years");
    }

    #[test]
    fn no_anchor_means_no_relative_value() {
        let got = extract("It happened yesterday, in 2024.", None);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].value, None);
        assert_eq!(got[1].value.as_deref(), Some("2024"));
    }
}
