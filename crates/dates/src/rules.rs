//! The grammar: one regex per family of temporal expressions, each with a
//! handler that turns a match into a candidate mention (span, TIMEX3 type
//! and value). Candidates are then resolved longest-first.

use std::sync::LazyLock;

use regex_automata::{meta, nfa::thompson::WhichCaptures, MatchKind};

use claimdex_model::TimexType;
use jiff::civil::{Date, Weekday};
use regex::{Captures, Regex};

use crate::calendar::*;
use crate::lexicon::*;

/// A possible mention before overlaps are resolved.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Cand {
    pub start: usize,
    pub end: usize,
    pub ty: TimexType,
    pub value: Option<String>,
}

/// Whether the sentence around a mention talks about the future, which
/// decides whether "Friday" or "Feb. 1" is the next or the last one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Future,
}

/// What every rule may look at.
pub(crate) struct Ctx<'t> {
    /// The region being matched (a window of the document); match offsets
    /// are relative to it.
    pub text: &'t str,
    /// The whole document, for sentence-level context.
    pub full: &'t str,
    /// Where `text` starts in `full`.
    pub base: usize,
    pub anchor: Option<Date>,
    /// The document reports quarterly results, so "a year ago" means the
    /// same quarter a year before.
    pub quarterly: bool,
}

impl<'t> Ctx<'t> {
    /// Up to 200 bytes of the document after region offset `i`: context
    /// checks look past the region (so regions can stay tight), but never
    /// far, so that they stay cheap.
    fn after(&self, i: usize) -> &'t str {
        let s = (self.base + i).min(self.full.len());
        let mut e = (s + 200).min(self.full.len());
        while !self.full.is_char_boundary(e) {
            e -= 1;
        }
        self.full.get(s..e).unwrap_or("")
    }

    /// Up to 200 bytes of the document before region offset `i`.
    fn before(&self, i: usize) -> &'t str {
        let e = (self.base + i).min(self.full.len());
        let mut s = e.saturating_sub(200);
        while !self.full.is_char_boundary(s) {
            s += 1;
        }
        self.full.get(s..e).unwrap_or("")
    }

    /// Byte range in the whole document of the sentence holding `[start,
    /// end)` (offsets in the region): a cheap scan for sentence-final
    /// punctuation or a line break, bounded in length.
    fn sentence_range(&self, start: usize, end: usize) -> (usize, usize) {
        let (start, end) = (start + self.base, end + self.base);
        let text = self.full;
        let bytes = text.as_bytes();
        let mut s = start.min(bytes.len());
        let lo = start.saturating_sub(400);
        while s > lo {
            let b = bytes[s - 1];
            if b == b'\n'
                || ((b == b'.' || b == b'?' || b == b'!') && s < start && bytes[s] == b' ')
            {
                break;
            }
            s -= 1;
        }
        let mut e = end.min(bytes.len());
        let hi = (end + 400).min(bytes.len());
        while e < hi {
            let b = bytes[e];
            if b == b'\n'
                || ((b == b'.' || b == b'?' || b == b'!')
                    && e + 1 < bytes.len()
                    && bytes[e + 1] == b' ')
            {
                break;
            }
            e += 1;
        }
        while s < start && !text.is_char_boundary(s) {
            s += 1;
        }
        while e > end && !text.is_char_boundary(e) {
            e -= 1;
        }
        (s, e)
    }

    /// The tense of the sentence holding `[start, end)`.
    pub(crate) fn tense(&self, start: usize, end: usize) -> Tense {
        self.tense_of(start, end, false).0
    }

    /// The tense of the sentence holding `[start, end)`, and whether a
    /// verb or marker next to the expression says so (rather than the
    /// default lean to the past).
    pub(crate) fn tense_cue(&self, start: usize, end: usize) -> (Tense, bool) {
        self.tense_of(start, end, true)
    }

    /// The tense and, when `strength` is asked for, whether it is stated
    /// next to the expression (the strength costs extra word scans).
    fn tense_of(&self, start: usize, end: usize, strength: bool) -> (Tense, bool) {
        static FUTURE: LazyLock<Regex> = LazyLock::new(|| {
            re(
                r"(?i)\b(?:will|won't|shall|'ll|going\s+to|scheduled|expected\s+to|expects?\s+to|plans?\s+to|planning\s+(?:to|for)|preparing\s+for|preparations\s+for|is\s+to|are\s+to|intends?\s+to|upcoming|next|due\s+to|set\s+(?:for|to)|as\s+(?:soon|early)\s+as)\b",
            )
        });
        // A past-tense verb right next to the expression governs it, even
        // when another clause of the sentence looks ahead.
        static LOCAL_PAST: LazyLock<Regex> = LazyLock::new(|| {
            re(
                r"(?i)\b(?:said|says|was|were|had|did|told|left|met|won|lost|rose|fell|took|gave|came|went|sold|bought|made|held|began|ended|closed|[a-z]{2,}ed)\b",
            )
        });
        // A modal, a limit, a schedule, or the present tense of a verb of
        // scheduled events ("the leaders meet Monday", "the show opens
        // Thursday", "the season begins Aug. 1": news reports those ahead);
        // a plan in a past-tense story ("a protest planned for the
        // weekend", "the meeting, to be held on December 9") too: "planned"
        // alone would read as a past form.
        static LOCAL_FUTURE: LazyLock<Regex> = LazyLock::new(|| {
            re(
                r"(?i)\b(?:will|'ll|shall|as\s+(?:soon|early)\s+as|until|by|effective|scheduled|due|postponed|deferred|meet|meets|begins|resume|resumes|convene|convenes|reconvene|reconvenes|arrives|departs|opens|(?:plans?|planned|planning|intends?|intended|expected|slated|likely|set)\s+to|(?:planned|slated|set)\s+for|to\s+(?:start|begin|open|resume|reopen|take\s+place|be\s+held)\s+(?:in|on))\b",
            )
        });
        // "by"/"until" look ahead, unless a past verb already frames the
        // limit ("had filed reports by Wednesday", "until Thursday, they
        // had not …").
        static UNTIL: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\b(?:until|by)\b"));
        // A modal or a schedule right before the expression.
        static STRONG_FUTURE: LazyLock<Regex> = LazyLock::new(|| {
            re(
                r"(?i)\b(?:will|'ll|shall|would|scheduled|slated|(?:expected|planned|set)\s+to|to\s+(?:start|begin|open|resume|reopen|take\s+place|be\s+held)\s+(?:in|on))\b",
            )
        });
        // "had been due to expire Friday", "had been scheduled for …": a
        // plan seen from the past, so the time is past too.
        static PAST_PLAN: LazyLock<Regex> = LazyLock::new(|| {
            re(r"(?i)\bhad\s+been\s+(?:due|scheduled|set|slated|expected|planned)\b")
        });
        // "… on Saturday and were planning to …": a plan, so ahead.
        static PLAN_AFTER: LazyLock<Regex> = LazyLock::new(|| {
            re(
                r"(?i)^[\s,;.'`]*(?:and\s+)?(?:was|were|is|are)\s+(?:planning|going|expected|scheduled|set)\s+to\b",
            )
        });
        let text = self.full;
        let (start, end) = (start + self.base, end + self.base);
        let before = clause_tail(window_before(text, start, 30));
        let after = clause_head(window_after(text, end, 25));
        let plan_window = window_before(text, start, 48);
        if contains_ci(plan_window, b"been") && PAST_PLAN.is_match(clause_tail(plan_window)) {
            return (Tense::Past, true);
        }
        // A past form a few words further away still governs the
        // expression's own clause ("since he was rescued off the coast in
        // late November", "In January, the firm brought in"). Scanned only
        // when needed: most expressions are settled before.
        let near = || {
            (
                clause_tail(window_before(text, start, 50)),
                clause_head(window_after(text, end, 30)),
            )
        };
        if LOCAL_FUTURE.is_match(before) {
            let only_until = !LOCAL_FUTURE.is_match(&UNTIL.replace_all(before, ""));
            // "Until Thursday, they had not …": the clause opens with it.
            static OPENS: LazyLock<Regex> =
                LazyLock::new(|| re(r"(?i)^[\s,;:`'(]*(?:until|by)\s+$"));
            let opens = OPENS.is_match(before);
            // "extended its deadline until Tuesday" still looks ahead.
            static EXTEND: LazyLock<Regex> = LazyLock::new(|| {
                re(r"(?i)\b(?:extended|postponed|delayed|deferred|adjourned|continued)\b")
            });
            let past_frame = strong_past(before)
                || (local_past(&LOCAL_PAST, before) && !EXTEND.is_match(before))
                || (opens && strong_past(after));
            if !(only_until && past_frame) {
                return (Tense::Future, STRONG_FUTURE.is_match(before));
            }
        }
        // "since March": the start of a stretch that reaches today.
        let last_word = before
            .trim_end()
            .rsplit(|ch: char| !ch.is_ascii_alphabetic())
            .next();
        if last_word.is_some_and(|w| w.eq_ignore_ascii_case("since"))
            && before.ends_with(char::is_whitespace)
        {
            return (Tense::Past, true);
        }
        if contains_ci(after, b" to") && PLAN_AFTER.is_match(after) {
            return (Tense::Future, false);
        }
        if local_past(&LOCAL_PAST, before) || local_past(&LOCAL_PAST, after) {
            return (
                Tense::Past,
                strength && (strong_past(before) || strong_past(after)),
            );
        }
        // "would" looks ahead from the time of the report ("said the
        // father would be traveling to Miami Thursday") when it comes
        // before the expression; after it, it is usually the reported
        // speech of a past event ("told them Wednesday he would fight").
        static WOULD: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\bwould\b"));
        let (s, e) = self.sentence_range(start - self.base, end - self.base);
        let future = FUTURE.is_match(text.get(s..e).unwrap_or(""))
            || text.get(s..start).is_some_and(|head| WOULD.is_match(head));
        if !future && !strength {
            // Past either way; the scan below only adds the strength.
            return (Tense::Past, false);
        }
        // … which a future elsewhere in the sentence does not.
        let (near_before, near_after) = near();
        if (strong_past(near_before) || strong_past(near_after))
            && !FUTURE.is_match(near_before)
            && !FUTURE.is_match(near_after)
        {
            return (Tense::Past, true);
        }
        if future {
            (Tense::Future, false)
        } else {
            (Tense::Past, false)
        }
    }
}

/// Whether `past` (a pattern of past forms, "-ed" words among them)
/// matches in `s` on a word that is a past form: "United States",
/// "hundred" and "indeed" end in "ed" without being verbs, and present
/// forms such as "need" or "proceed" do too.
fn local_past(past: &Regex, s: &str) -> bool {
    const NOT_PAST: [&str; 13] = [
        "united", "hundred", "indeed", "need", "speed", "proceed", "succeed", "exceed", "red",
        "bed", "feed", "seed", "breed",
    ];
    past.find_iter(s)
        .any(|m| !NOT_PAST.iter().any(|w| w.eq_ignore_ascii_case(m.as_str())))
}

/// Whether `hay` contains `needle` (lower-case ASCII), ignoring ASCII case.
fn contains_ci(hay: &str, needle: &[u8]) -> bool {
    let Some((&first, rest)) = needle.split_first() else {
        return true;
    };
    let h = hay.as_bytes();
    h.iter().enumerate().any(|(i, &c)| {
        c.to_ascii_lowercase() == first
            && h.get(i + 1..i + 1 + rest.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(rest))
    })
}

/// Up to `n` bytes of `text` before byte `i`, on a character boundary.
fn window_before(text: &str, i: usize, n: usize) -> &str {
    let i = i.min(text.len());
    let mut lo = i.saturating_sub(n);
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    text.get(lo..i).unwrap_or("")
}

/// Up to `n` bytes of `text` after byte `i`, on a character boundary.
fn window_after(text: &str, i: usize, n: usize) -> &str {
    let i = i.min(text.len());
    let mut hi = (i + n).min(text.len());
    while !text.is_char_boundary(hi) {
        hi -= 1;
    }
    text.get(i..hi).unwrap_or("")
}

/// The start of `s` up to the end of its clause: a semicolon or a quote
/// mark (the reporting verb after a quotation, "… Thursday,'' Castro
/// said", does not date what was quoted).
fn clause_head(s: &str) -> &str {
    let b = s.as_bytes();
    let cut = b.iter().enumerate().position(|(i, &c)| {
        c == b';'
            || c == b'"'
            || (c == b'\'' && b.get(i + 1) == Some(&b'\''))
            // U+201D RIGHT DOUBLE QUOTATION MARK
            || (c == 0xE2 && b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0x9D))
    });
    // Every cut is at an ASCII byte or the first byte of a character.
    cut.and_then(|i| s.get(..i)).unwrap_or(s)
}

/// Whether `s` holds a verb form that only the past has: a past auxiliary
/// or irregular past ("was", "rose", "took"), or a form shared with the
/// participle ("bought", "announced") that no auxiliary or "to" governs
/// ("to be announced", "has sold" are not past events).
fn strong_past(s: &str) -> bool {
    // A plain word scan: this runs for most expressions a rule resolves
    // against the tense, where a regex call per window cost more.
    let is_aux = |w: &[u8]| {
        matches!(
            w,
            b"has"
                | b"have"
                | b"had"
                | b"having"
                | b"be"
                | b"been"
                | b"being"
                | b"is"
                | b"are"
                | b"was"
                | b"were"
                | b"to"
                | b"will"
                | b"would"
                | b"get"
                | b"gets"
                | b"got"
        )
    };
    let mut prev = [0u8; 8];
    let mut prev_len = 0;
    for w in s
        .as_bytes()
        .split(|b| !(b.is_ascii_alphabetic() || *b == b'\''))
        .filter(|w| !w.is_empty())
    {
        // Every listed word is 2 to 10 letters long and starts with one of
        // these letters: most words are passed over without a copy.
        let candidate = (2..=10).contains(&w.len())
            && matches!(
                w[0].to_ascii_lowercase(),
                b'a' | b'b'
                    | b'c'
                    | b'd'
                    | b'f'
                    | b'g'
                    | b'h'
                    | b'i'
                    | b'k'
                    | b'l'
                    | b'm'
                    | b'n'
                    | b'r'
                    | b's'
                    | b't'
                    | b'w'
            );
        if !candidate {
            prev_len = 0;
            continue;
        }
        let mut buf = [0u8; 12];
        let word: &[u8] = if w.len() <= buf.len() {
            for (d, c) in buf.iter_mut().zip(w) {
                *d = c.to_ascii_lowercase();
            }
            &buf[..w.len()]
        } else {
            b""
        };
        let simple = matches!(
            word,
            b"was"
                | b"were"
                | b"had"
                | b"did"
                | b"rose"
                | b"fell"
                | b"took"
                | b"gave"
                | b"came"
                | b"went"
                | b"began"
                | b"grew"
                | b"ago"
        );
        let shared = matches!(
            word,
            b"bought"
                | b"brought"
                | b"sold"
                | b"told"
                | b"won"
                | b"met"
                | b"lost"
                | b"announced"
                | b"introduced"
                | b"changed"
                | b"named"
                | b"signed"
                | b"agreed"
                | b"launched"
                | b"started"
                | b"arrested"
                | b"killed"
                | b"died"
                | b"resigned"
        );
        if simple || (shared && !is_aux(&prev[..prev_len])) {
            return true;
        }
        prev_len = word.len().min(prev.len());
        prev[..prev_len].copy_from_slice(&word[..prev_len]);
    }
    false
}

/// The end of `s` from the start of its last clause: after the last
/// semicolon or sentence end (". " before a capital), so that a marker in
/// the previous sentence does not set the tense of this one.
fn clause_tail(s: &str) -> &str {
    let b = s.as_bytes();
    let mut i = b.len();
    while i > 0 {
        i -= 1;
        // A period before the expression itself (only spaces between)
        // or before a capital ends a sentence; "Oct. 5" does not.
        let boundary = b[i] == b';'
            || (b[i] == b'.'
                && b.get(i + 1).is_some_and(|c| c.is_ascii_whitespace())
                && b[i + 1..]
                    .iter()
                    .find(|c| !c.is_ascii_whitespace())
                    .is_none_or(|c| c.is_ascii_uppercase()));
        if boundary {
            return &s[i + 1..];
        }
    }
    s
}

/// Compiles a pattern with ASCII word boundaries and digits, which keep
/// the regex crate on its fast DFA paths for non-ASCII text too.
pub(crate) fn re(pattern: &str) -> Regex {
    // ASCII mode: every pattern is ASCII, and Unicode case folding and
    // classes would multiply the automaton's states for nothing.
    let p = format!("(?-u){pattern}");
    match regex::RegexBuilder::new(&p)
        .dfa_size_limit(32 << 20)
        .build()
    {
        Ok(r) => r,
        // The patterns are constants; a failure here is a programming
        // error caught by the unit tests, never caused by input.
        Err(e) => panic!("bad date pattern {pattern}: {e}"),
    }
}

fn fill(p: &str) -> String {
    p.replace("{MONTH}", MONTH)
        .replace("{WEEKDAY}", WEEKDAY)
        .replace("{NUM}", NUM)
        .replace("{UNIT}", UNIT)
}

fn g<'h>(c: &Captures<'h>, name: &str) -> Option<&'h str> {
    c.name(name).map(|m| m.as_str())
}

fn lower(c: &Captures<'_>, name: &str) -> String {
    g(c, name).map(|s| s.to_lowercase()).unwrap_or_default()
}

fn words(s: &str) -> String {
    // Built in one buffer: handlers call this for every capture group.
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(w.chars().flat_map(char::to_lowercase));
    }
    out
}

fn capitalised(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

fn cand(start: usize, end: usize, ty: TimexType, value: Option<String>) -> Option<Cand> {
    (start < end).then_some(Cand {
        start,
        end,
        ty,
        value,
    })
}

fn whole(c: &Captures<'_>, ty: TimexType, value: Option<String>) -> Option<Cand> {
    let m = c.get(0)?;
    cand(m.start(), m.end(), ty, value)
}

/// Picks the year for a month (and day) named without one: the nearest
/// occurrence, leaning to the past unless the sentence is about the future.
/// `strong` says whether a verb or modal next to the expression states the
/// tense ("bought … in February", "will fly … in December"); then the
/// other direction is penalised by most of a year, so a month eight months
/// back is preferred to one two months ahead.
fn infer_year(
    anchor: Date,
    m: i64,
    d: Option<i64>,
    tense: impl FnOnce() -> Tense,
    strong: impl FnOnce() -> bool,
) -> Option<i64> {
    let y = i64::from(anchor.year());
    let day = d.unwrap_or(15).min(28);
    // The nearest occurrence wins; the sentence's tense tips the balance
    // by penalising the other direction (tuned on the visible TimeBank
    // data: news leans to the past), by most of a year when stated.
    // Days from the anchor to the date in the year before, this year and
    // the year after (calendar arithmetic once; the choices below only
    // weigh these numbers).
    let diffs =
        [y - 1, y, y + 1].map(|cy| Some((i64::from((date(cy, m, day)? - anchor).get_days()), cy)));
    let pick = |tense: Tense, (future_bias, past_bias): (i64, i64)| {
        diffs
            .iter()
            .flatten()
            .map(|&(diff, cy)| {
                let cost = match (tense, diff >= 0) {
                    (Tense::Future, false) => -diff + future_bias,
                    (Tense::Future, true) => diff,
                    (Tense::Past, true) => diff + past_bias,
                    (Tense::Past, false) => -diff,
                };
                (cost, cy)
            })
            .min()
            .map(|(_, cy)| cy)
    };
    const WEAK: (i64, i64) = (90, 120);
    const FIRM: (i64, i64) = (240, 240);
    // Reading the tense off the sentence costs regex and word scans: a
    // month near the anchor gets the same year whatever the tense, so it
    // is only read when the answer depends on it.
    let past = pick(Tense::Past, WEAK);
    if [
        pick(Tense::Future, WEAK),
        pick(Tense::Past, FIRM),
        pick(Tense::Future, FIRM),
    ]
    .iter()
    .all(|v| *v == past)
    {
        return past;
    }
    let tense = tense();
    let weak = pick(tense, WEAK);
    if weak == pick(tense, FIRM) || !strong() {
        weak
    } else {
        pick(tense, FIRM)
    }
}

/// The weekday `wd` nearest to the anchor in the direction the text points.
fn resolve_weekday(anchor: Date, wd: i64, rel: &str, tense: Tense) -> Option<Date> {
    let cur = iso_weekday(anchor);
    let back = (cur - wd).rem_euclid(7);
    let fwd = (wd - cur).rem_euclid(7);
    match rel {
        "last" | "this past" => add_days(anchor, -(if back == 0 { 7 } else { back })),
        "next" | "coming" | "this coming" => add_days(anchor, if fwd == 0 { 7 } else { fwd }),
        "this" => add_days(anchor, fwd),
        _ => match tense {
            Tense::Future => add_days(anchor, fwd),
            Tense::Past => add_days(anchor, -back),
        },
    }
}

const PARTS: &[(&str, &str)] = &[
    ("morning", "MO"),
    ("afternoon", "AF"),
    ("evening", "EV"),
    ("night", "NI"),
];

fn part_code(p: &str) -> Option<&'static str> {
    let p = p
        .trim()
        .trim_start_matches("mid-")
        .trim_start_matches("mid");
    PARTS.iter().find(|(w, _)| *w == p).map(|(_, c)| *c)
}

// ---------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------

type Handler = fn(&Ctx<'_>, &Captures<'_>) -> Option<Cand>;

/// All rule patterns in one alternation, without captures: one fast pass
/// over the document finds the regions where some rule may match, and
/// only those regions are searched, by the rules that match there.
pub(crate) static SCANNER: LazyLock<Regex> = LazyLock::new(|| re(&scanner_pattern()));

/// A rule's pattern with its groups unnamed, so that rules can be joined
/// into one alternation (their group names repeat).
fn uncaptured(p: &str) -> String {
    static NAMES: LazyLock<Regex> = LazyLock::new(|| re(r"\(\?P<[A-Za-z0-9_]+>"));
    NAMES.replace_all(&fill(p), "(?:").into_owned()
}

/// The scanner's alternation. Consecutive rules that open with a word
/// boundary share one `\b` in front (`\bA|\bB` is `\b(?:A|B)`, same
/// order, same matches): the closures the lazy DFA computes for its
/// states then hold one word-boundary assertion where they held one per
/// rule, which on the first pass over 4 MB of news (states built on first
/// sight) saves ~15 % of the scanner's instructions.
fn scanner_pattern() -> String {
    let mut alternatives: Vec<String> = Vec::new();
    let mut bounded: Vec<String> = Vec::new();
    for (p, _) in RULE_PATTERNS {
        let p = uncaptured(p);
        let (flags, rest) = match p.strip_prefix("(?i)") {
            Some(rest) => ("i", rest),
            None => ("", p.as_str()),
        };
        if let Some(rest) = rest.strip_prefix(r"\b") {
            // The flags stay scoped to the rule's own group.
            bounded.push(format!("(?{flags}:{rest})"));
        } else {
            if !bounded.is_empty() {
                alternatives.push(format!(r"\b(?:{})", bounded.join("|")));
                bounded.clear();
            }
            alternatives.push(format!("(?:{p})"));
        }
    }
    if !bounded.is_empty() {
        alternatives.push(format!(r"\b(?:{})", bounded.join("|")));
    }
    alternatives.join("|")
}

pub(crate) struct Rule {
    pub re: Regex,
    pub handler: Handler,
}

fn rule(p: &str, handler: Handler) -> Rule {
    Rule {
        re: re(&fill(p)),
        handler,
    }
}

/// The rules as a set (pattern `i` is rule `i`, searched for by its
/// [`SET_CORES`] entry), to learn which rules match in a region. Built with `regex_automata`
/// (what `regex::RegexSet` wraps) to turn off the search for a literal
/// prefilter: 22 patterns with optional, case-insensitive prefixes yield
/// none worth having, and looking costs ~15 M instructions per process.
pub(crate) static RULE_SET: LazyLock<meta::Regex> = LazyLock::new(|| {
    let pats: Vec<String> = (0..RULE_PATTERNS.len())
        .filter_map(set_pattern)
        .map(|p| format!("(?-u){p}"))
        .collect();
    let config = meta::Config::new()
        .match_kind(MatchKind::All)
        .which_captures(WhichCaptures::None)
        .auto_prefilter(false)
        .hybrid_cache_capacity(64 << 20);
    match meta::Builder::new().configure(config).build_many(&pats) {
        Ok(s) => s,
        // Constant patterns, checked by the unit tests.
        Err(e) => panic!("bad date pattern set: {e}"),
    }
});

/// What the rule set searches for rule `i`: its core when it has one.
fn set_pattern(i: usize) -> Option<String> {
    let core = SET_CORES.get(i).copied().filter(|c| !c.is_empty());
    core.or_else(|| RULE_PATTERNS.get(i).map(|(p, _)| *p))
        .map(fill)
}

pub(crate) static RULES: LazyLock<Vec<Rule>> =
    LazyLock::new(|| RULE_PATTERNS.iter().map(|(p, h)| rule(p, *h)).collect());

/// For the rule set only: per rule (same order as [`RULE_PATTERNS`]), a
/// shorter pattern that matches somewhere in a text exactly when the rule
/// does, or `""` for the rule's own. Optional words in front ("the",
/// "last", "about") or behind (", 2025") change where a rule's match
/// starts and ends but not whether it matches, as long as the part kept
/// opens with a word boundary that the dropped words leave true (they end
/// in a space or hyphen). Without them the set's automaton keeps far fewer
/// threads alive, so it has fewer, cheaper states to build on first sight.
const SET_CORES: &[&str] = &[
    r"(?i)\b{MONTH}\s+\d{1,2}(?:st|nd|rd|th)?\b",
    r"(?i)\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}",
    "",
    "",
    r"(?i)\b{MONTH}",
    r"\b\d{4}\b",
    r"(?i)\b(?:nineteen[\s-](?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|two\s+thousand(?:(?:\s+and)?[\s-](?:one|two|three|four|five|six|seven|eight|nine|ten))?)\b",
    "",
    r"(?i)\b(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty[\s-]first)[\s-]+century\b",
    r"(?i)\b(?:first|second|third|fourth|1st|2nd|3rd|4th|final)[\s-]+(?:fiscal[\s-]+)?(?:quarter|half)s?\b",
    r"(?i)\bQ[1-4]\b",
    "",
    r"(?i)\b(?:this\s+past|the\s+(?:past|last|previous|prior|current|coming|next|following|latest|same|full|entire|whole|early|late)|last|this|next|past|coming|previous|current|that|the)\s+(?:fiscal\s+year|year|month|week|weekend|quarter|decade|century|period|day|spring|summer|fall|autumn|winter|morning|afternoon|evening|night)\b",
    r"(?i)\byear(?:[\s-]end|'s\s+end)\b",
    r"(?i)\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\b",
    r"(?i)\b(?:today|yesterday|tomorrow|tonight|mid[\s-]?(?:morning|afternoon))\b",
    r"(?i)\b{NUM}(?:\s+(?:to|or|-)\s+{NUM})?(?:\s+(?:more|additional|straight|consecutive|full|long|extra|successive))?(?:\s+|\s*-\s*){UNIT}\b",
    r"(?i)\b(?:days|weeks|months|years|decades|centuries|quarters|(?:hour|day|week|month|year)-long)\b",
    "",
    "",
    r"(?i)\b(?:\d{1,2}(?:[:.]\d{2})?\s*(?:a\.\s?m\.?|p\.\s?m\.?|am\b|pm\b)|\d{1,2}:\d{2}\s*(?:GMT|UTC|hours|hrs|local\s+time)\b|(?:noon|midnight|midday)\b)",
    r"\b(?:Thanksgiving(?:\s+Day)?|Christmas(?:\s+Day|\s+Eve)?|New\s+Year's(?:\s+Day|\s+Eve)?|Independence\s+Day|Labor\s+Day|Memorial\s+Day|Election\s+Day|Veterans\s+Day|Easter(?:\s+Sunday)?|Halloween|Valentine's\s+Day|Presidents'?\s+Day|Columbus\s+Day|Boxing\s+Day|Good\s+Friday)\b",
    r"(?i)\b(?:year-earlier|year-ago|year-before|prior-year)\b",
    "",
];

const RULE_PATTERNS: &[(&str, Handler)] = &[
    // Month day[, year], with an optional weekday in front.
    (
        r"(?i)\b(?:(?P<wd>{WEEKDAY}),?\s+)?(?P<m>{MONTH})\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?\b(?:(?:,\s*|\s+)(?P<y>\d{4})\b)?",
        month_day,
    ),
    // Day month [year].
    (
        r"(?i)\b(?:(?P<wd>{WEEKDAY}),?\s+)?(?:the\s+)?(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{MONTH})(?:,?\s+(?P<y>\d{4})\b)?",
        month_day,
    ),
    // ISO and numeric dates.
    (r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b", numeric_date),
    (
        r"\b(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}|\d{2})\b",
        numeric_date,
    ),
    // Month [year], with modifiers.
    (
        r"(?i)\b(?:(?P<mod>early|late|mid|the\s+(?:end|beginning|start|middle)\s+of|end\s+of|beginning\s+of|this\s+past|last|this|next|coming|each|every)[\s-]+)?(?P<m>{MONTH})(?:,?\s+(?:of\s+)?(?P<y>\d{4})\b|\s+(?P<rel>this|last|next)\s+year\b)?",
        month_only,
    ),
    // Years, with modifiers.
    (
        r"(?i)\b(?:(?P<pre>(?:the\s+)?(?:the\b|early|late|mid|end\s+of|end-|start-|beginning\s+of|start\s+of|middle\s+of|first\s+half\s+of|second\s+half\s+of|(?:last|latter)\s+half\s+of|fiscal(?:\s+year)?|calendar(?:\s+year)?|the\s+year|FY|post|pre|summer\s+of|spring\s+of|fall\s+of|autumn\s+of|winter\s+of)[\s-]*))?\b(?P<y>\d{4})\b(?P<post>\s+(?:period|quarter))?",
        year,
    ),
    // Spelled years.
    (
        r"(?i)\b(?:(?P<pre>the\s+year\s+)|(?P<season>(?:the\s+)?(?:spring|summer|fall|autumn|winter)\s+of\s+)|(?P<m>{MONTH})\s+)?(?P<y>nineteen[\s-](?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|two\s+thousand(?:(?:\s+and)?[\s-](?:one|two|three|four|five|six|seven|eight|nine|ten))?)\b",
        spelled,
    ),
    // Decades.
    (
        r"(?i)(?:\b(?P<the>the)\s+)?(?:\b(?P<mod>early|mid|late)[\s-]+)?(?:\b(?P<d4>\d{3})0'?s\b|'(?P<d2>\d)0'?s\b|\b(?P<dw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b)",
        decade,
    ),
    // Centuries.
    (
        r"(?i)\b(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?P<n>\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty[\s-]first)[\s-]+century\b",
        century,
    ),
    // Quarters and halves.
    (
        r"(?i)\b(?:its\s+)?(?P<det>(?:the|this|a|this\s+year's|last\s+year's|next\s+year's)\s+)?(?P<mods>(?:(?:\d{4}|fiscal|year-earlier|year-ago|comparable|latest|current|same|flat|calendar|financial)[\s-]+)*)(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final)(?P<sep>[\s-]+)(?:fiscal[\s-]+)?(?P<kind>quarter|half)(?P<pl>s)?\b(?:\s+of\s+(?:fiscal\s+|the\s+)?(?P<y2>\d{4}|this\s+year|last\s+year|next\s+year|the\s+year|fiscal\s+\d{4}))?",
        quarter,
    ),
    (
        r"(?i)\b(?:(?P<y1>\d{4})\s+)?Q(?P<q>[1-4])\b(?:\s+(?P<y>\d{4})\b|\s+'(?P<yy>\d{2})\b)?",
        q_code,
    ),
    (r"\bFY\s?'?(?P<y>\d{4}|\d{2})\b", fiscal_code),
    // Relative units: "last week", "this year", "the past year", "early next month".
    (
        r"(?i)\b(?P<pre>(?:early|late|earlier|later|mid|the\s+(?:end|beginning|start|middle|rest|remainder|first\s+half|second\s+half)\s+of|end\s+of|beginning\s+of)[\s-]+)?(?P<rel>this\s+past|the\s+(?:past|last|previous|prior|current|coming|next|following|latest|same|full|entire|whole|early|late)|last|this|next|past|coming|previous|current|that|the)\s+(?P<u>fiscal\s+year|year|month|week|weekend|quarter|decade|century|period|day|spring|summer|fall|autumn|winter|morning|afternoon|evening|night)\b",
        relative_unit,
    ),
    (
        r"(?i)\b(?:(?P<the>the\s+)?year[\s-]end|(?:the\s+)?year's\s+end)\b",
        year_end,
    ),
    // Weekdays.
    (
        r"(?i)\b(?:(?P<rel>last|next|this|early|late|earlier|later|coming|this\s+past|the\s+previous|the\s+following|each|every)\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?P<pl>s)?\b(?:\s+(?P<part>morning|afternoon|evening|night)(?P<ppl>s)?\b)?",
        weekday,
    ),
    // Today, yesterday, tomorrow, tonight.
    (
        r"(?i)\b(?:(?:(?P<mod>early|late|earlier|later|mid-?afternoon|mid-?morning|mid-?day)\s+)?(?P<w>today|yesterday|tomorrow|tonight)\b(?:\s+(?P<part>morning|afternoon|evening|night))?|(?P<mid>mid[\s-]?(?:morning|afternoon))\b)",
        deictic_day,
    ),
    // Durations, and "N units ago".
    (
        r"(?i)\b(?P<pre>(?:(?:about|around|approximately|roughly|nearly|almost|more\s+than|less\s+than|fewer\s+than|at\s+(?:least|most)|up\s+to|over|under|within|only|just|barely|some|no\s+(?:more|less)\s+than|well\s+over|as\s+(?:long|many|much|little)\s+as|each\s+of|all|another|every|each)\s+)*(?:the\s+)?(?:(?:past|last|next|first|coming|previous|final|latest|following|remaining|initial|prior|same|better\s+part\s+of(?:\s+the)?|better\s+part\s+of\s+a)\s+)?)(?P<num>{NUM})(?:\s+(?:to|or|-)\s+(?P<num2>{NUM}))?(?P<more>\s+(?:more|additional|straight|consecutive|full|long|extra|successive))?(?P<sep>\s+|\s*-\s*)(?P<unit>{UNIT})\b(?P<old>-old)?(?P<half>\s+and\s+a\s+half\b)?(?P<post>\s+(?:(?:or\s+so\s+)?(?:ago|earlier)|before|from\s+now|hence|or\s+so))?",
        duration,
    ),
    // Bare plural units: "for years", "recent months", "the coming weeks".
    (
        r"(?i)\b(?P<pre>(?:the\s+)?(?:past|last|next|coming|recent|previous|ensuing|following)\s+)?(?:(?P<u>days|weeks|months|years|decades|centuries|quarters)|(?P<one>hour|day|week|month|year)-long)\b(?P<post>\s+(?:ago|earlier))?",
        vague_units,
    ),
    // Vague references to the present, past and future.
    (
        r"(?i)\b(?:now|nowadays|these\s+days|at\s+present|presently|(?:more\s+)?recently|(?:the\s+)?(?:near|distant|immediate)\s+future|the\s+future|the\s+past|the\s+(?:near|short|long)\s+term|current(?P<acc>\s+accounts?|\s+affairs|\s+events|\s+price|\s+prices|ly)?|formerly|a\s+while|a\s+later\s+date)\b",
        vague_ref,
    ),
    // Sets.
    (
        r"(?i)\b(?:(?P<q>every|each|per)\s+(?P<other>other\s+)?(?P<u>day|week|month|year|quarter|hour|minute|morning|afternoon|evening|night|summer|winter|spring|fall|weekend|season)|(?P<adv>daily|weekly|monthly|yearly|hourly|biweekly|nightly|annually|semi-?annually))\b",
        set_expr,
    ),
    // Times of day.
    (
        r"(?i)\b(?:(?P<pre>about|around|at\s+about|approximately|shortly\s+after|shortly\s+before|just\s+after|just\s+before)\s+)?(?:(?P<h>\d{1,2})(?:[:.](?P<mi>\d{2}))?\s*(?P<ap>a\.\s?m\.?|p\.\s?m\.?|am\b|pm\b)|(?P<h24>\d{1,2}):(?P<mi24>\d{2})\s*(?P<z24>GMT|UTC|hours|hrs|local\s+time)\b|(?P<noon>noon|midnight|midday)\b)(?P<tz>\s+(?:[ECMP][SD]?T|GMT|UTC|BST|CET|CEST|JST|IST|AEST|AEDT)\b|\s+local\s+time\b)?(?P<when>(?:,?\s+|\s+on\s+)(?:(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|(?P<dw>today|yesterday|tomorrow)|(?P<m>{MONTH})\s+(?P<d>\d{1,2}))\b)?",
        time_of_day,
    ),
    // Holidays.
    (
        r"\b(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his)\s+)?(?P<h>Thanksgiving(?:\s+Day)?|Christmas(?:\s+Day|\s+Eve)?|New\s+Year's(?:\s+Day|\s+Eve)?|Independence\s+Day|Labor\s+Day|Memorial\s+Day|Election\s+Day|Veterans\s+Day|Easter(?:\s+Sunday)?|Halloween|Valentine's\s+Day|Presidents'?\s+Day|Columbus\s+Day|Boxing\s+Day|Good\s+Friday)\b",
        holiday,
    ),
    // "year-earlier", "the year-ago quarter".
    (
        r"(?i)\b(?P<the>the\s+)?(?:comparable\s+|same\s+|corresponding\s+)?(?P<adj>year-earlier|year-ago|year-before|prior-year)(?P<noun>\s+(?:(?P<ord>first|second|third|fourth)\s+)?(?:period|quarter|nine\s+months|six\s+months|month|year))?\b",
        year_ago,
    ),
    // "Today is the eighth day of the strike", "It's the second day of
    // the offensive": the day the story is told.
    (
        r"(?i)\b(?:today\s+is|it's|it\s+is)\s+(?P<x>the\s+(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th))\s+day)\s+of\b",
        ordinal_day,
    ),
];

fn ordinal_day(ctx: &Ctx<'_>, c: &Captures<'_>) -> Option<Cand> {
    let x = c.name("x")?;
    let v = ctx.anchor.and_then(fmt_date);
    cand(x.start(), x.end(), TimexType::Date, v)
}

fn month_day(ctx: &Ctx<'_>, c: &Captures<'_>) -> Option<Cand> {
    let mname = g(c, "m")?;
    if !capitalised(mname) {
        return None;
    }
    // A bare abbreviation without a period ("Jan 5") is fine; a weekday
    // abbreviation needs its period (the pattern requires it).
    let m = i64::from(month_number(mname)?);
    let d: i64 = g(c, "d")?.parse().ok()?;
    if !(1..=31).contains(&d) {
        return None;
    }
    let start = c.get(0)?.start();
    let end = c.get(0)?.end();
    if let Some(y) = g(c, "y") {
        let y: i64 = y.parse().ok()?;
        // An invalid date ("February 30") is still a mention, but no value.
        let v = date(y, m, d).and_then(fmt_date);
        return cand(start, end, TimexType::Date, v);
    }
    let value = ctx.anchor.and_then(|a| {
        let y = if let Some(y) = ended_year(ctx, start, a, m, d) {
            y
        } else if let Some(wd) = g(c, "wd").and_then(weekday_number) {
            // With a weekday, pick the nearby year where they agree.
            let base = i64::from(a.year());
            [base, base + 1, base - 1]
                .into_iter()
                .find(|y| date(*y, m, d).is_some_and(|x| iso_weekday(x) == i64::from(wd)))
                .unwrap_or(base)
        } else {
            infer_year(
                a,
                m,
                Some(d),
                || ctx.tense(start, end),
                || ctx.tense_cue(start, end).1,
            )?
        };
        date(y, m, d).and_then(fmt_date)
    });
    cand(start, end, TimexType::Date, value)
}

/// "the quarter ended Oct. 31", "the fiscal year ended Jan. 31": a period
/// that has ended, so its last day is on or before the anchor, however far
/// back (a report names the period just closed, or the one a year before).
/// `None` when the date does not follow "ended".
fn ended_year(ctx: &Ctx<'_>, start: usize, anchor: Date, m: i64, d: i64) -> Option<i64> {
    let before = ctx.before(start).trim_end();
    let word = before.rsplit(|ch: char| !ch.is_ascii_alphabetic()).next()?;
    if !word.eq_ignore_ascii_case("ended") || before.len() == ctx.before(start).len() {
        return None;
    }
    let y = i64::from(anchor.year());
    [y, y - 1]
        .into_iter()
        .find(|&y| date(y, m, d).is_some_and(|x| x <= anchor))
}

/// The year of the date in "… ended Oct. 31" or "… ended Oct. 31, 1988"
/// right after region offset `end`, read as [`ended_year`] does.
fn ended_after(ctx: &Ctx<'_>, end: usize, anchor: Date) -> Option<i64> {
    static ENDED: LazyLock<Regex> = LazyLock::new(|| {
        re(&fill(
            r"^\s+ended\s+(?P<m>{MONTH})\s+(?P<d>\d{1,2})\b(?:,\s*(?P<y>\d{4})\b)?",
        ))
    });
    let after = ctx.after(end);
    if !after.trim_start().as_bytes().starts_with(b"ended") {
        return None;
    }
    let c = ENDED.captures(after)?;
    if let Some(y) = g(&c, "y") {
        return y.parse().ok();
    }
    let m = i64::from(month_number(g(&c, "m")?)?);
    let d: i64 = g(&c, "d")?.parse().ok()?;
    let y = i64::from(anchor.year());
    [y, y - 1]
        .into_iter()
        .find(|&y| date(y, m, d).is_some_and(|x| x <= anchor))
}

/// The day in "… ended Oct. 31" or "… ended Oct. 31, 1988" right after
/// region offset `end`, on or before the anchor when no year is given (see
/// [`ended_after`]).
fn ended_on(ctx: &Ctx<'_>, end: usize, anchor: Date) -> Option<Date> {
    static ENDED: LazyLock<Regex> = LazyLock::new(|| {
        re(&fill(
            r"^\s+ended\s+(?P<m>{MONTH})\s+(?P<d>\d{1,2})\b(?:,\s*(?P<y>\d{4})\b)?",
        ))
    });
    let c = ENDED.captures(ctx.after(end))?;
    let m = i64::from(month_number(g(&c, "m")?)?);
    let d: i64 = g(&c, "d")?.parse().ok()?;
    if let Some(y) = g(&c, "y") {
        return date(y.parse().ok()?, m, d);
    }
    let y = i64::from(anchor.year());
    [y, y - 1]
        .into_iter()
        .filter_map(|y| date(y, m, d))
        .find(|&x| x <= anchor)
}

fn numeric_date(_ctx: &Ctx<'_>, c: &Captures<'_>) -> Option<Cand> {
    let ys = g(c, "y")?;
    let mut y: i64 = ys.parse().ok()?;
    if ys.len() == 2 {
        y += if y < 50 { 2000 } else { 1900 };
    }
    let m: i64 = g(c, "m")?.parse().ok()?;
    let d: i64 = g(c, "d")?.parse().ok()?;
    let v = date(y, m, d)?;
    whole(c, TimexType::Date, fmt_date(v))
}

fn month_only(ctx: &Ctx<'_>, c: &Captures<'_>) -> Option<Cand> {
    let mname = g(c, "m")?;
    if !capitalised(mname) {
        return None;
    }
    let m = i64::from(month_number(mname)?);
    let modifier = words(g(c, "mod").unwrap_or(""));
    static DAY_FOLLOWS: LazyLock<Regex> = LazyLock::new(|| re(r"^\s+\d{1,2}\b"));
    if DAY_FOLLOWS.is_match(ctx.after(c.name("m")?.end())) {
        // "last Oct. 23": the day rule takes "Oct. 23".
        return None;
    }
    // Alone, short abbreviations are too often names ("Jan"), and "May"
    // right after a capitalised word is usually a name or the verb.
    let has_year = g(c, "y").is_some() || g(c, "rel").is_some();
    if !has_year && modifier.is_empty() && mname.len() <= 3 && !mname.eq_ignore_ascii_case("may") {
        return None;
    }
    if mname == "May" && !has_year && modifier.is_empty() {
        let after = ctx.after(c.get(0)?.end());
        let next_word: String = after
            .trim_start()
            .chars()
            .take_while(|ch| ch.is_alphabetic())
            .collect();
        if !next_word.is_empty() && next_word.chars().all(char::is_lowercase) {
            // "May be", "May have": the modal verb; but after a
            // preposition of time it is the month ("in May that …").
            let prev_word = ctx
                .before(c.get(0)?.start())
                .split_whitespace()
                .next_back()
                .unwrap_or("")
                .to_ascii_lowercase();
            let ok = matches!(
                next_word.as_str(),
                "and" | "or" | "to" | "through" | "until"
            ) || matches!(
                prev_word.as_str(),
                "in" | "since" | "until" | "till" | "by" | "during" | "from" | "through"
            );
            if !ok {
                return None;
            }
        }
    }
    if mname == "March" && !has_year && modifier.is_empty() {
        // "the annual March for Life", "a March on Washington": the noun.
        let next_word = ctx
            .after(c.get(0)?.end())
            .split_whitespace()
            .next()
            .unwrap_or("");
        // Quotes around a title do not count ("the ``March of …").
        let before = ctx.before(c.get(0)?.start());
        let before = before.trim_end_matches(['`', '\'', '"', '\u{201c}', '\u{2018}']);
        let prev_word = before
            .split_whitespace()
            .next_back()
            .unwrap_or("")
            .to_ascii_lowercase();
        if matches!(prev_word.as_str(), "the" | "a" | "an" | "annual")
            && matches!(next_word, "for" | "of" | "on" | "against" | "to")
        {
            return None;
        }
    }
    if modifier == "each" || modifier == "every" {
        return whole(c, TimexType::Set, Some(format!("XXXX-{m:02}")));
    }
    let (start, end) = (c.get(0)?.start(), c.get(0)?.end());
    if let Some(y) = g(c, "y") {
        let y: i64 = y.parse().ok()?;
        return cand(start, end, TimexType::Date, fmt_month(y, m));
    }
    let value = ctx.anchor.and_then(|a| {
        let ay = i64::from(a.year());
        let am = i64::from(a.month());
        let y = match (lower(c, "rel").as_str(), modifier.as_str()) {
            ("last", _) => ay - 1,
            ("next", _) => ay + 1,
            ("this", _) => ay,
            // "last February" in March: the month just gone would be
            // "last month", so naming it means the one a year before.
            (_, "last") if m == am - 1 => ay - 1,
            (_, "last") if am == 1 && m == 12 => ay - 2,
            (_, "last" | "this past") => {
                if m < am {
                    ay
                } else {
                    ay - 1
                }
            }
            (_, "next" | "coming") => {
                if m > am {
                    ay
                } else {
                    ay + 1
                }
            }
            (_, "this") => ay,
            _ => infer_year(
                a,
                m,
                None,
                || ctx.tense(start, end),
                || ctx.tense_cue(start, end).1,
            )?,
        };
        fmt_month(y, m)
    });
    cand(start, end, TimexType::Date, value)
}

/// Words right after a number that make it a count, not a year.
fn count_noun_follows(after: &str) -> bool {
    static COUNT: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)^\s*(?:%|percent|per\s+cent|shares|people|persons|employees|workers|troops|soldiers|tons|tonnes|points|feet|foot|meters|metres|miles|kilometers|km|units|jobs|cars|vehicles|acres|members|cases|deaths|times|votes|pages|barrels|yards|dollars|pounds|yen|marks|francs|euros|rubles|hours|days|stores|homes|houses|students|words|calories|degrees|plants|flights|passengers|companies|firms|banks|patients|children|men|women|rooms|beds|seats|copies|items|acres|square|sq|mm|cm|kg|lb|lbs|mph|ft|[A-Za-z]+-(?:year|month|day)|to\s+\d)\b",
        )
    });
    COUNT.is_match(after)
}

/// The second year of a split or ranged year right after year `y`
/// ("/87" in "1986/87", "-05" in "2004-05", "-1991" in "1987-1991"):
/// the bytes it takes and its year. Only a forward pair at most ten years
/// apart with nothing numeric after it, so that "1986-10-31", "1700-1800
/// tonnes" and "1986/87/88" are not pairs.
pub(crate) fn split_year_end(after: &str, y: i64) -> Option<(usize, i64)> {
    let sep = after.chars().next()?;
    if !matches!(sep, '/' | '-' | '\u{2013}') {
        return None;
    }
    let rest = after.get(sep.len_utf8()..)?;
    let n = rest.bytes().take_while(u8::is_ascii_digit).count();
    let digits: i64 = rest.get(..n)?.parse().ok()?;
    let y2 = match n {
        2 => {
            let y2 = y - y.rem_euclid(100) + digits;
            if y2 <= y {
                y2 + 100
            } else {
                y2
            }
        }
        4 => digits,
        _ => return None,
    };
    if !(1..=10).contains(&(y2 - y)) {
        return None;
    }
    let tail = rest.get(n..)?;
    let mut on = tail.chars();
    let goes_on = match on.next() {
        Some(ch) if ch.is_alphanumeric() || matches!(ch, '/' | '-' | '%' | '\u{2013}') => true,
        Some('.' | ',' | ':') => on.next().is_some_and(|c| c.is_ascii_digit()),
        _ => false,
    };
    if goes_on {
        return None;
    }
    Some((sep.len_utf8() + n, y2))
}

/// Whether a bare four-digit number `y`, without a modifier, reads as a
/// year. Followed by punctuation, the end of the text, a capitalised word
/// or a word that carries a time phrase on ("1990 and 1991", "1990 was"),
/// it does. Followed by another lowercase word it modifies a noun: a year
/// after a preposition of time or a determiner ("in 1990 sales", "its 1990
/// invasion", "his failed 1996 campaign"); elsewhere ("had 1986 sales",
/// "shipped 1602 containers") only when it lies within a few decades of
/// the publication date, as the years a news story names in passing do.
fn bare_year_context(y: i64, anchor: Option<Date>, before: &str, after: &str) -> bool {
    // Words after the number that continue a time phrase or begin a verb
    // phrase with the year as its subject.
    const GO_ON: &[&str] = &[
        "and", "or", "to", "through", "thru", "until", "till", "when", "after", "before", "at",
        "as", "with", "onward", "onwards", "forward", "on", "was", "is", "were", "will", "would",
        "had", "has", "saw", "brought", "marked", "began", "ended", "could", "should", "may",
        "might", "also", "alone",
    ];
    // Words before the number after which a year leads into a noun.
    const YEAR_BEFORE: &[&str] = &[
        "in", "since", "by", "until", "till", "from", "between", "during", "for", "after",
        "before", "through", "circa", "and", "or", "to", "both", "the", "a", "an", "its", "his",
        "her", "their", "our", "my", "your", "that", "this", "these", "those", "due", "fiscal",
        "calendar", "year", "mid", "early", "late", "of", "on",
    ];
    const DETERMINERS: &[&str] = &[
        "the", "a", "an", "its", "his", "her", "their", "our", "my", "your", "that", "this",
    ];
    let rest = after.trim_start_matches([' ', '\t']);
    let next: &str = {
        let n = rest
            .find(|ch: char| !ch.is_ascii_alphabetic())
            .unwrap_or(rest.len());
        &rest[..n]
    };
    if !next.starts_with(|ch: char| ch.is_ascii_lowercase()) {
        return true;
    }
    if GO_ON.contains(&next) {
        return true;
    }
    let mut prev = before
        .rsplit(|ch: char| ch.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_matches(|ch: char| !ch.is_alphanumeric() && ch != '\''));
    let p1 = prev.next().unwrap_or("").to_ascii_lowercase();
    let p2 = prev.next().unwrap_or("").to_ascii_lowercase();
    let near = anchor.is_none_or(|a| {
        let ay = i64::from(a.year());
        (ay - 40..=ay + 10).contains(&y)
    });
    near || YEAR_BEFORE.contains(&p1.as_str())
        || p1.ends_with("'s")
        || p1.ends_with('\u{2019}')
        || DETERMINERS.contains(&p2.as_str())
}

/// Whether the year after `before` ends a name ("a venture called Orion
/// 1980", "the Expo 2000 site"): a capitalised word that is no month,
/// season, weekday or sentence opener comes right before it, after a word
/// in lower case. TimeML does not tag a year inside a name.
fn names_with_year(before: &str) -> bool {
    let Some(head) = before.strip_suffix(' ') else {
        return false;
    };
    let (rest, word) = match head.rfind(' ') {
        Some(i) => (&head[..i], &head[i + 1..]),
        None => return false,
    };
    let lower_before = rest
        .rsplit(' ')
        .next()
        .and_then(|w| w.chars().next_back())
        .is_some_and(|ch| ch.is_ascii_lowercase());
    let capitalised_word = word.len() >= 2
        && word.starts_with(|ch: char| ch.is_ascii_uppercase())
        && word.bytes().all(|b| b.is_ascii_alphabetic());
    if !lower_before || !capitalised_word || month_number(word).is_some() {
        return false;
    }
    let w = word.to_ascii_lowercase();
    !matches!(
        w.as_str(),
        "spring"
            | "summer"
            | "fall"
            | "autumn"
            | "winter"
            | "fiscal"
            | "calendar"
            | "year"
            | "since"
            | "in"
            | "by"
            | "for"
            | "until"
            | "from"
            | "before"
            | "after"
            | "mid"
            | "early"
            | "late"
            | "christmas"
            | "easter"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
    )
}

fn year(ctx: &Ctx<'_>, c: &Captures<'_>) -> Option<Cand> {
    let ym = c.name("y")?;
    let y: i64 = ym.as_str().parse().ok()?;
    let mut pre = words(g(c, "pre").unwrap_or(""));
    let bare_the = pre == "the";
    if bare_the && c.name("post").is_none() {
        // "the 1990 budget": the article belongs to the noun.
        pre.clear();
    }
    let before = ctx.before(ym.start());
    let mut after = ctx.after(ym.end());
    // "1986/87", "the 2004-05 season": a split (fiscal, crop, sports) year
    // is one mention, named by the year it ends in, as "fiscal 1987" names
    // the fiscal year 1986/87 (TimeBank writes "fiscal 1989" `1989`); the
    // start of that year lies inside the period, where the start of the
    // first one lies before it. "1987-1991" is a range: the first year
    // here, the last one added after the pass. Either way the words after
    // the pair decide whether it is a year, as they do for one year.
    let mut split_end = None;
    if let Some((len, y2)) = split_year_end(after, y) {
        after = after.get(len..).unwrap_or("");
        if y2 == y + 1 {
            split_end = Some((len, y2));
        }
    }
    // Part of a bigger number, an amount of money, a code or a range.
    let prev = before.chars().next_back();
    if matches!(
        prev,
        Some('$' | '#' | '.' | '/' | '£' | '€' | '¥' | '-' | ':')
    ) && pre.is_empty()
    {
        return None;
    }
    if before.ends_with(", ")
        && before[..before.len() - 2].ends_with(|ch: char| ch.is_ascii_digit())
    {
        // "1,000, 2000" lists of numbers; "Oct. 28, 2025" is taken by
        // month_day. A list of years ("in 1994, 1995 and 1997") stays.
        let prev_token = before[..before.len() - 2]
            .rsplit(|ch: char| !ch.is_ascii_digit())
            .next()
            .unwrap_or("");
        let prev_is_year = prev_token.len() == 4
            && prev_token
                .parse::<i64>()
                .is_ok_and(|p| (1000..=2099).contains(&p))
            && !before[..before.len() - 2 - prev_token.len()].ends_with([',', '.', '$']);
        if !prev_is_year {
            return None;
        }
    }
    if after.starts_with(['%', '/'])
        || after.starts_with(",0")
        || after.starts_with(",1")
        || after.starts_with(",2")
        || after.starts_with(",3")
        || after.starts_with(",4")
        || after.starts_with(",5")
        || after.starts_with(",6")
        || after.starts_with(",7")
        || after.starts_with(",8")
        || after.starts_with(",9")
        || (after.starts_with('.') && after[1..].starts_with(|ch: char| ch.is_ascii_digit()))
        || (after.starts_with('-') && after[1..].starts_with(|ch: char| ch.is_ascii_digit()))
    {
        return None;
    }
    let range = if pre.is_empty() || bare_the {
        1600..=2099
    } else {
        1000..=2099
    };
    if !range.contains(&y) {
        return None;
    }
    if (pre.is_empty() || bare_the) && c.name("post").is_none() && count_noun_follows(after) {
        return None;
    }
    if pre.is_empty()
        && c.name("post").is_none()
        && (!bare_year_context(y, ctx.anchor, before, after) || names_with_year(before))
    {
        return None;
    }
    let start = if pre.is_empty() {
        ym.start()
    } else {
        c.get(0)?.start()
    };
    let mut end = ym.end();
    let y = match split_end {
        Some((len, y2)) => {
            end += len;
            y2
        }
        None => y,
    };
    if c.name("post").is_some() {
        if !pre.starts_with("the") {
            // "1988 period" without "the": keep just the year.
        } else {
            end = c.get(0)?.end();
        }
    }
    let pre = pre.trim_start_matches("the ").to_string();
    let part = ["half", "summer", "spring", "fall", "autumn", "winter"];
    let value = if split_end.is_some() && part.iter().any(|p| pre.contains(p)) {
        // "the second half of 1986/87": which calendar months that is
        // depends on where the split year starts, which the text rarely says.
        None
    } else if pre.contains("first half") {
        Some(format!("{y:04}-H1"))
    } else if pre.contains("second half")
        || pre.contains("last half")
        || pre.contains("latter half")
    {
        Some(format!("{y:04}-H2"))
    } else if pre.starts_with("summer") {
        Some(format!("{y:04}-SU"))
    } else if pre.starts_with("spring") {
        Some(format!("{y:04}-SP"))
    } else if pre.starts_with("fall") || pre.starts_with("autumn") {
        Some(format!("{y:04}-FA"))
    } else if pre.starts_with("winter") {
        Some(format!("{y:04}-WI"))
    } else {
        fmt_year(y)
    };
    cand(start, end, TimexType::Date, value)
}

/// Years spoken in words, as broadcast transcripts write them ("nineteen
/// ninety-four"), alone or after a month ("January nineteen ninety-seven")
/// or a season ("the winter of nineteen ninety-four").
fn spelled(_ctx: &Ctx<'_>, c: &Captures<'_>) -> Option<Cand> {
    let y = i64::from(spelled_year(g(c, "y")?)?);
    let is_two_thousand = g(c, "y")?.to_lowercase().starts_with("two");
    let month = g(c, "m").filter(|m| capitalised(m)).and_then(month_number);
    let season = words(g(c, "season").unwrap_or(""));
    if is_two_thousand && c.name("pre").is_none() && month.is_none() && season.is_empty() {
        return None;
    }
    if let Some(m) = month {
        return whole(c, TimexType::Date, fmt_month(y, i64::from(m)));
    }
    let code = ["spring", "summer", "fall", "autumn", "winter"]
        .iter()
        .zip(["SP", "SU", "FA", "FA", "WI"])
        .find(|(w, _)| season.contains(**w))
        .map(|(_, code)| code);
    if let Some(code) = code {
        return whole(
            c,
            TimexType::Date,
            fmt_year(y).map(|y| format!("{y}-{code}")),
        );
    }
    // A month name in lower case ("may") is not part of the expression.
    let start = c.name("y")?.start();
    let start = if c.name("m").is_some() {
        start
    } else {
        c.get(0)?.start()
    };
    cand(start, c.get(0)?.end(), TimexType::Date, fmt_year(y))
}

fn decade(_ctx: &Ctx<'_>, c: &Captures<'_>) -> Option<Cand> {
    let v = if let Some(d) = g(c, "d4") {
        d.to_string()
    } else if let Some(d) = g(c, "d2") {
        format!("19{d}")
    } else {
        if c.name("the").is_none() && c.name("mod").is_none() {
            // "in their forties" is an age.
            return None;
        }
        let w = lower(c, "dw");
        let n = match w.get(..3)? {
            "twe" => 2,
            "thi" => 3,
            "for" => 4,
            "fif" => 5,
            "six" => 6,
            "sev" => 7,
            "eig" => 8,
            _ => 9,
        };
        format!("19{n}")
    };
    whole(c, TimexType::Date, Some(v))
}

fn century(_ctx: &Ctx<'_>, c: &Captures<'_>) -> Option<Cand> {
    let n = i64::from(ordinal(&lower(c, "n").replace(' ', "-"))?);
    if !(1..=100).contains(&n) {
        return None;
    }
    whole(c, TimexType::Date, Some(format!("{:02}", n - 1)))
}

fn quarter(ctx: &Ctx<'_>, c: &Captures<'_>) -> Option<Cand> {
    let ord = lower(c, "ord");
    let kind = lower(c, "kind");
    let n: i64 = match ord.as_str() {
        "first" | "1st" => 1,
        "second" | "2nd" => 2,
        "third" | "3rd" => 3,
        "fourth" | "4th" => 4,
        _ => {
            if kind == "half" {
                2
            } else {
                4
            }
        }
    };
    if kind == "half" && n > 2 {
        return None;
    }
    let det = words(g(c, "det").unwrap_or(""));
    let mods = words(g(c, "mods").unwrap_or(""));
    let adjectival = g(c, "sep").is_some_and(|s| s.contains('-')) && g(c, "y2").is_none();
    if kind == "half" && det.is_empty() && mods.is_empty() && g(c, "y2").is_none() {
        // "second half" without "the": usually sport or anything else.
        return None;
    }
    let m0 = c.get(0)?;
    let start = if adjectival && !det.contains("year's") {
        c.name("mods")
            .filter(|m| !m.as_str().is_empty())
            .or_else(|| c.name("ord"))?
            .start()
    } else {
        c.name("det")
            .or_else(|| c.name("mods").filter(|m| !m.as_str().is_empty()))
            .or_else(|| c.name("ord"))?
            .start()
    };
    let end = m0.end();
    if c.name("pl").is_some() {
        let code = if kind == "half" { "H" } else { "Q" };
        return cand(start, end, TimexType::Set, Some(format!("XXXX-{code}{n}")));
    }
    let explicit = g(c, "y2").map(words).or_else(|| {
        mods.split_whitespace()
            .find(|w| w.len() == 4 && w.chars().all(|ch| ch.is_ascii_digit()))
            .map(str::to_string)
    });
    let code = if kind == "half" { "H" } else { "Q" };
    let value = match explicit.as_deref() {
        Some(y) if y.chars().all(|ch| ch.is_ascii_digit()) => {
            let y: i64 = y.parse().ok()?;
            Some(format!("{y:04}-{code}{n}"))
        }
        Some(y) if y.starts_with("fiscal ") => {
            let y: i64 = y.trim_start_matches("fiscal ").parse().ok()?;
            Some(format!("{y:04}-{code}{n}"))
        }
        other => ctx.anchor.and_then(|a| {
            let ay = i64::from(a.year());
            let shift = match other {
                Some("last year") => -1,
                Some("next year") => 1,
                Some(_) => 0,
                None => {
                    if det.contains("last year's")
                        || mods.contains("year-earlier")
                        || mods.contains("year-ago")
                    {
                        -1
                    } else if det.contains("next year's") {
                        1
                    } else {
                        0
                    }
                }
            };
            if let Some(y) = (kind == "quarter")
                .then(|| ended_after(ctx, end, a))
                .flatten()
            {
                // "the second quarter ended Oct. 31": the year the
                // quarter ended in (fiscal quarters need not match the
                // calendar's).
                return fmt_quarter(y, n);
            }
            let mut y = ay + shift;
            if other.is_none() && shift == 0 && kind == "quarter" && n > quarter_of(a) {
                // A quarter later than the current one is last year's,
                // unless the sentence looks ahead.
                if ctx.tense(start, end) == Tense::Past {
                    y -= 1;
                }
            }
            if kind == "half" {
                fmt_year(y).map(|s| format!("{s}-H{n}"))
            } else {
                fmt_quarter(y, n)
            }
        }),
    };
    cand(start, end, TimexType::Date, value)
}

fn q_code(ctx: &Ctx<'_>, c: &Captures<'_>) -> Option<Cand> {
    let q: i64 = g(c, "q")?.parse().ok()?;
    let y = if let Some(y) = g(c, "y").or(g(c, "y1")) {
        Some(y.parse::<i64>().ok()?)
    } else if let Some(yy) = g(c, "yy") {
        Some(2000 + yy.parse::<i64>().ok()?)
    } else {
        ctx.anchor.map(|a| i64::from(a.year()))
    };
    whole(c, TimexType::Date, y.and_then(|y| fmt_quarter(y, q)))
}

fn fiscal_code(_ctx: &Ctx<'_>, c: &Captures<'_>) -> Option<Cand> {
    let ys = g(c, "y")?;
    let mut y: i64 = ys.parse().ok()?;
    if ys.len() == 2 {
        y += 2000;
    }
    whole(c, TimexType::Date, fmt_year(y))
}

fn relative_unit(ctx: &Ctx<'_>, c: &Captures<'_>) -> Option<Cand> {
    let rel = words(g(c, "rel")?);
    let unit = words(g(c, "u")?);
    let pre = words(g(c, "pre").unwrap_or(""));
    let (start, end) = (c.get(0)?.start(), c.get(0)?.end());
    if ctx.after(end).starts_with('-') {
        // "the year-ago quarter", "this week-long": another rule's.
        return None;
    }
    if g(c, "u").is_some_and(capitalised) {
        // "ABC's \"This Week\"": running text does not capitalise a
        // unit, a title does.
        return None;
    }
    // Offset of the named unit from the anchor's unit.
    let offset: i64 = match rel.as_str() {
        "this past" | "the past" | "the last" | "the previous" | "the prior" | "last" | "past"
        | "previous" => -1,
        "the coming" | "the next" | "the following" | "next" | "coming" => 1,
        _ => 0,
    };
    if rel == "that" && !matches!(unit.as_str(), "year" | "quarter") {
        return None;
    }
    if (rel == "the early" || rel == "the late")
        && !matches!(
            unit.as_str(),
            "spring" | "summer" | "fall" | "autumn" | "winter"
        )
    {
        // "the early summer" is the season; "the late night show" and
        // "the early morning hours" are not expressions of their own.
        return None;
    }
    let plain_the = rel == "the";
    let a = ctx.anchor;
    let date_val = |v: Option<String>| cand(start, end, TimexType::Date, v);
    match unit.as_str() {
        "year" | "fiscal year" => {
            if plain_the && !pre.is_empty() && !pre.contains("end") && !pre.contains("rest") {
                return None;
            }
            if plain_the && pre.is_empty() {
                static SPAN_FOLLOWS: LazyLock<Regex> =
                    LazyLock::new(|| re(r"(?i)^\s+(?:end(?:ed|ing|s)|to\s+\w+\s+\d)\b"));
                static RELATIVE_FOLLOWS: LazyLock<Regex> =
                    LazyLock::new(|| re(r"(?i)^\s+(?:before|after|earlier|later|prior)\b"));
                let after = ctx.after(end);
                if SPAN_FOLLOWS.is_match(after) {
                    // "the year ended Sept. 30", "the fiscal year ending June 30": a
                    // twelve-month stretch.
                    return cand(start, end, TimexType::Duration, Some("P1Y".into()));
                }
                if RELATIVE_FOLLOWS.is_match(after) {
                    // "the year before": relative to an event, not to today.
                    return None;
                }
                // "a high for the year", "nine months of the year": the
                // current year.
            }
            date_val(a.and_then(|a| fmt_year(i64::from(a.year()) + offset)))
        }
        "month" => {
            if plain_the && pre.is_empty() {
                return None;
            }
            date_val(a.and_then(|a| add_months(a, offset)).and_then(fmt_month_of))
        }
        "week" => {
            // "earlier this week": the week is the expression.
            let start = if pre == "earlier" || pre == "later" {
                c.name("rel")?.start()
            } else {
                start
            };
            if plain_the && pre.is_empty() {
                // "the week of March 6": the week holding that day.
                static OF_DAY: LazyLock<Regex> = LazyLock::new(|| {
                    re(&fill(
                        r"^\s+of\s+(?P<m>{MONTH})\s+(?P<d>\d{1,2})\b(?:,\s*(?P<y>\d{4})\b)?",
                    ))
                });
                let after = ctx.after(end);
                if let Some(o) = after
                    .trim_start()
                    .starts_with("of ")
                    .then(|| OF_DAY.captures(after))
                    .flatten()
                {
                    let m = i64::from(month_number(g(&o, "m")?)?);
                    let d: i64 = g(&o, "d")?.parse().ok()?;
                    let end = end + o.get(0)?.end();
                    let v = a.and_then(|a| {
                        let y = match g(&o, "y") {
                            Some(y) => y.parse().ok()?,
                            None => infer_year(
                                a,
                                m,
                                Some(d),
                                || ctx.tense(start, end),
                                || ctx.tense_cue(start, end).1,
                            )?,
                        };
                        date(y, m, d).and_then(fmt_week)
                    });
                    return cand(start, end, TimexType::Date, v);
                }
                // "For the week, the index fell", "the week's busiest
                // session": a week the story is about, which need not be
                // the publication week (TimeBank: `WXX`).
                return date_val(
                    a.and_then(|a| fmt_year(i64::from(a.year())))
                        .map(|y| format!("{y}-WXX")),
                );
            }
            let v = a.and_then(|a| add_weeks(a, offset)).and_then(fmt_week);
            cand(start, end, TimexType::Date, v)
        }
        "weekend" => {
            let v = a.and_then(|a| {
                let wd = iso_weekday(a);
                let weeks = match rel.as_str() {
                    "last" | "the past" | "this past" | "past" | "the last" | "the previous" => -1,
                    "next" | "the coming" | "coming" | "the next" => {
                        if wd >= 6 {
                            1
                        } else {
                            0
                        }
                    }
                    _ => {
                        if wd >= 6 || ctx.tense(start, end) == Tense::Future {
                            0
                        } else {
                            -1
                        }
                    }
                };
                fmt_week(add_weeks(a, weeks)?).map(|w| format!("{w}-WE"))
            });
            date_val(v)
        }
        "quarter" | "period" => {
            if unit == "period" && rel != "the latest" {
                return None;
            }
            let shift = match rel.as_str() {
                "this" | "the current" | "current" => 0,
                "next" | "the next" | "the coming" | "coming" | "the following" => 1,
                _ => -1,
            };
            if rel == "the" && unit == "quarter" {
                static YEAR_AGO: LazyLock<Regex> =
                    LazyLock::new(|| re(r"(?i)^\s+a\s+year\s+(?:ago|earlier)\b"));
                if let Some(m) = YEAR_AGO.find(ctx.after(end)) {
                    // "the quarter a year ago": one expression, the
                    // quarter before the anchor's, a year back (a report
                    // naming its quarter moves it, see `report.rs`).
                    let v = a.and_then(|a| {
                        let (y, q) = shift_quarter(a, -1);
                        fmt_quarter(y - 1, q)
                    });
                    return cand(start, end + m.end(), TimexType::Date, v);
                }
                if let Some(d) = a.and_then(|a| ended_on(ctx, end, a)) {
                    // "the quarter ended July 31": the calendar quarter
                    // holding most of the three months up to that day.
                    let mid = add_days(d, -45)?;
                    return date_val(fmt_quarter(i64::from(mid.year()), quarter_of(mid)));
                }
            }
            date_val(a.and_then(|a| {
                let (y, q) = shift_quarter(a, shift);
                fmt_quarter(y, q)
            }))
        }
        "decade" => {
            if offset != 0 {
                return cand(start, end, TimexType::Duration, Some("P10Y".into()));
            }
            date_val(a.map(|a| format!("{:03}", i64::from(a.year()) / 10)))
        }
        "century" => {
            if offset != 0 {
                return cand(start, end, TimexType::Duration, Some("P100Y".into()));
            }
            date_val(a.map(|a| format!("{:02}", i64::from(a.year()) / 100)))
        }
        "day" => {
            let shift = match rel.as_str() {
                "the previous" | "the prior" => -1,
                "the next" | "the following" => 1,
                "the same" => 0,
                _ => return None,
            };
            date_val(a.and_then(|a| add_days(a, shift)).and_then(fmt_date))
        }
        "spring" | "summer" | "fall" | "autumn" | "winter" => {
            if plain_the && (unit == "fall" || unit == "spring") {
                // "the fall in prices".
                return None;
            }
            let code = match unit.as_str() {
                "spring" => "SP",
                "summer" => "SU",
                "winter" => "WI",
                _ => "FA",
            };
            let v = a.and_then(|a| {
                let (cy, cur) = season_of(a);
                let ci = season_index(cur);
                let ti = season_index(code);
                let y = match offset {
                    -1 => {
                        if ti < ci {
                            cy
                        } else {
                            cy - 1
                        }
                    }
                    1 => {
                        if ti > ci {
                            cy
                        } else {
                            cy + 1
                        }
                    }
                    _ => cy,
                };
                fmt_year(y).map(|y| format!("{y}-{code}"))
            });
            date_val(v)
        }
        "morning" | "afternoon" | "evening" | "night" => {
            let shift = match rel.as_str() {
                // "in the morning": the part of the day the story is on,
                // the publication day unless a date came before (the
                // anaphora pass moves it there).
                "the" if unit != "night" => {
                    // "4 in the morning" is a clock time, not the part.
                    static HOUR_IN: LazyLock<Regex> = LazyLock::new(|| {
                        re(
                            r"(?i)\b(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?:\s+o'clock)?\s+in\s+$",
                        )
                    });
                    // "the morning session": the noun's modifier.
                    static NOUN_FOLLOWS: LazyLock<Regex> = LazyLock::new(|| {
                        re(
                            r"^\s+(?:session|sessions|news|paper|papers|shift|trading|meeting|service|show|edition|rush|peak|flight|train)\b",
                        )
                    });
                    if HOUR_IN.is_match(ctx.before(start))
                        || NOUN_FOLLOWS.is_match(ctx.after(end))
                        || ctx.after(end).starts_with(['-', '\''])
                    {
                        return None;
                    }
                    0
                }
                "this" => 0,
                "last" => -1,
                "the next" | "the following" | "next" => 1,
                _ => return None,
            };
            let code = part_code(&unit)?;
            let v = a
                .and_then(|a| add_days(a, shift))
                .and_then(fmt_date)
                .map(|d| format!("{d}T{code}"));
            cand(start, end, TimexType::Time, v)
        }
        _ => None,
    }
}

fn year_end(ctx: &Ctx<'_>, c: &Captures<'_>) -> Option<Cand> {
    static SINCE: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\bsince\s+$"));
    if SINCE.is_match(ctx.before(c.get(0)?.start())) {
        // "since year-end": the last year-end passed, Dec. 31 of the
        // year before.
        let v = ctx
            .anchor
            .and_then(|a| date(i64::from(a.year()) - 1, 12, 31))
            .and_then(fmt_date);
        return whole(c, TimexType::Date, v);
    }
    whole(c, TimexType::Date, ctx.anchor.and_then(fmt_year_of))
}

fn weekday(ctx: &Ctx<'_>, c: &Captures<'_>) -> Option<Cand> {
    let wname = g(c, "wd")?;
    if !capitalised(wname) {
        return None;
    }
    let wd = i64::from(weekday_number(wname)?);
    let rel = words(g(c, "rel").unwrap_or(""));
    let part = g(c, "part").map(str::to_lowercase);
    let (start, end) = (c.get(0)?.start(), c.get(0)?.end());
    // "on Monday and Tuesday nights": the first day shares the recurrence
    // (and the part of the day) of the second.
    static SHARED_SET: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)^\s*(?:,|and|or|&)\s*(?:and\s+|or\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?:s\b|\s+(?P<part>morning|afternoon|evening|night)s\b)",
        )
    });
    let shared = if c.name("pl").is_none() && c.name("part").is_none() {
        SHARED_SET.captures(ctx.after(c.get(0)?.end()))
    } else {
        None
    };
    let part = part.or_else(|| {
        shared
            .as_ref()
            .and_then(|s| s.name("part"))
            .map(|m| m.as_str().to_lowercase())
    });
    if rel == "each"
        || rel == "every"
        || c.name("pl").is_some()
        || c.name("ppl").is_some()
        || shared.is_some()
    {
        let suffix = part.as_deref().and_then(part_code).map(|p| format!("T{p}"));
        return cand(
            start,
            end,
            TimexType::Set,
            Some(format!("XXXX-WXX-{wd}{}", suffix.unwrap_or_default())),
        );
    }
    // "Earlier Friday", "late Monday": TimeBank leaves the modifier out.
    let start = if matches!(rel.as_str(), "early" | "late" | "earlier" | "later") {
        c.name("wd")?.start()
    } else {
        start
    };
    // "the previous Friday" counts back from the day the story is on;
    // from the anchor until the anaphora pass finds that day.
    let rel = match rel.as_str() {
        "the previous" => "last".to_string(),
        "the following" => "next".to_string(),
        _ => rel,
    };
    // Only a bare weekday needs the tense ("last Friday" does not). A
    // possessive one names a day whose event the story already reports
    // ("get around Wednesday's ruling", "after Thursday's decision"):
    // TimeBank has it on or before the publication day, 21 of 21, even in
    // a sentence that looks ahead.
    let possessive = {
        let after = ctx.after(end);
        after.starts_with("'s") || after.starts_with("\u{2019}s")
    };
    // The same for a weekday right after the noun of something said
    // ("Unisys's announcement Friday of a loss", "a joint statement
    // Friday"): the story reports it, so it is on or before the
    // publication day (TimeBank 4 of 4), unless a modal follows
    // ("Commerce's statement on Monday will set …"). Nouns of scheduled
    // events ("ruling", "vote", "meeting") stay out.
    static REPORTED: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:announcement|statement|disclosure|remarks|comments|admission|testimony|report|speech)\s+(?:on\s+)?$",
        )
    });
    static MODAL_AFTER: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?i)\b(?:will|would|shall|'ll|is\s+to|are\s+to)\b"));
    let reported = REPORTED.is_match(ctx.before(start))
        && !MODAL_AFTER.is_match(clause_head(window_after(ctx.full, ctx.base + end, 40)));
    let tense = if possessive
        || reported
        || matches!(
            rel.as_str(),
            "last" | "this past" | "next" | "coming" | "this coming" | "this"
        ) {
        Tense::Past
    } else {
        ctx.tense(start, end)
    };
    let d = ctx
        .anchor
        .and_then(|a| resolve_weekday(a, wd, &rel, tense))
        .and_then(fmt_date);
    // "Friday evening" is a part of that day: a TIME, `…TEV` (TimeML).
    // "Friday night" and "Friday morning" TimeBank mostly gives the day's
    // date (often leaving "night" outside the span), so they stay dates.
    if let Some(code) = part
        .as_deref()
        .filter(|p| *p == "evening")
        .and_then(part_code)
    {
        return cand(
            start,
            end,
            TimexType::Time,
            d.map(|d| format!("{d}T{code}")),
        );
    }
    cand(start, end, TimexType::Date, d)
}

/// "today's world", "many of today's personal computers", "the people
/// of tomorrow": the present or future age, not a day (TimeBank leaves
/// them untagged; "today's editions", "tomorrow's vote" stay days).
fn generic_day(ctx: &Ctx<'_>, c: &Captures<'_>, w: &str) -> bool {
    static AGE_NOUN: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"^(?:'s|\x{2019}s)\s+(?:[a-z]+\s+)?(?:world|youth|society|generations?|children|kids|young|teenagers|families|standards|culture|technology|computers|consumers|students|parents|women|men|politics|economy|workplace|workers|companies|businesses|cars|music|movies|films)\b",
        )
    });
    static OF: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\bthe\s+[a-z]+\s+of\s+$"));
    let Some(m) = c.get(0) else {
        return false;
    };
    let after = ctx.after(m.end());
    match w {
        "today" => AGE_NOUN.is_match(after),
        "tomorrow" => OF.is_match(ctx.before(m.start())) && !after.starts_with(['\'', '\u{2019}']),
        _ => false,
    }
}

fn deictic_day(ctx: &Ctx<'_>, c: &Captures<'_>) -> Option<Cand> {
    if let Some(mid) = g(c, "mid") {
        // "by mid afternoon": that part of the publication day.
        let code = if mid.to_ascii_lowercase().ends_with("morning") {
            "MO"
        } else {
            "AF"
        };
        let v = ctx.anchor.and_then(fmt_date).map(|d| format!("{d}T{code}"));
        return whole(c, TimexType::Time, v);
    }
    let w = lower(c, "w");
    if g(c, "w").is_some_and(|w| w == "Today") && c.name("mod").is_none() {
        // "USA Today", "VOA Today": a capitalised "Today" right after a
        // capitalised word, mid-sentence, is a title.
        let before = ctx.before(c.get(0)?.start());
        let prev = before.split_whitespace().next_back().unwrap_or("");
        let mid_sentence = !before
            .trim_end()
            .ends_with(['.', '!', '?', '"', '`', ':', '\'']);
        if mid_sentence && prev.starts_with(|ch: char| ch.is_ascii_uppercase()) {
            return None;
        }
    }
    if c.name("mod").is_none() && c.name("part").is_none() && generic_day(ctx, c, &w) {
        return None;
    }
    let shift = match w.as_str() {
        "yesterday" => -1,
        "tomorrow" => 1,
        _ => 0,
    };
    let d = ctx
        .anchor
        .and_then(|a| add_days(a, shift))
        .and_then(fmt_date);
    let modifier = lower(c, "mod");
    let part = g(c, "part")
        .map(str::to_lowercase)
        .or_else(|| (w == "tonight").then(|| "night".to_string()))
        .or_else(|| modifier.starts_with("mid").then(|| modifier.clone()));
    match part.as_deref().and_then(part_code) {
        Some(p) => whole(c, TimexType::Time, d.map(|d| format!("{d}T{p}"))),
        None => whole(c, TimexType::Date, d),
    }
}

fn unit_code(unit: &str) -> Option<(&'static str, bool, i64)> {
    // (TIMEX3 letter, is a clock unit, multiplier)
    let u = unit.split_whitespace().last()?.to_lowercase();
    let u = u.trim_end_matches('s');
    Some(match u {
        "second" => ("S", true, 1),
        "minute" => ("M", true, 1),
        "hour" => ("H", true, 1),
        "day" => ("D", false, 1),
        "week" => ("W", false, 1),
        "fortnight" => ("W", false, 2),
        "month" => ("M", false, 1),
        "year" => ("Y", false, 1),
        "decade" => ("Y", false, 10),
        "century" | "centurie" => ("Y", false, 100),
        "quarter" => ("Q", false, 1),
        _ => return None,
    })
}

/// A TIMEX3 duration for `amount` of `unit`.
fn duration_value(amount: Amount, unit: &str) -> Option<String> {
    let (code, clock, mult) = unit_code(unit)?;
    let t = if clock { "T" } else { "" };
    match amount {
        Amount::Vague => {
            let letter = match (code, mult) {
                ("Y", 10) => "E",
                ("Y", 100) => "C",
                _ => code,
            };
            Some(format!("P{t}X{letter}"))
        }
        Amount::Decimal(v) => {
            let v = v * mult as f64;
            (v.is_finite() && v < 1e9).then(|| format!("P{t}{v}{code}"))
        }
        Amount::Exact { whole, half } => {
            let n = whole.checked_mul(mult as u64)?;
            if !half {
                return Some(format!("P{t}{n}{code}"));
            }
            // Half a unit, written in the next smaller unit.
            let extra = match (code, clock) {
                ("Y", false) => format!("{}M", 6 * mult),
                ("M", false) => "15D".to_string(),
                ("W", false) => "3DT12H".to_string(),
                ("D", false) => "T12H".to_string(),
                ("Q", false) => "1M15D".to_string(),
                ("H", true) => "30M".to_string(),
                ("M", true) => "30S".to_string(),
                _ => return Some(format!("P{t}{n}.5{code}")),
            };
            if n == 0 {
                return Some(format!("P{t}{extra}"));
            }
            Some(format!("P{t}{n}{code}{extra}"))
        }
    }
}

/// Moves `start` past leading words that TimeML treats as signals, not
/// part of the expression ("over the past year", "within a week", "only
/// two days", "its fourth quarter"), and past "the" before an adjective
/// ("the two-week strike"). A sentence-initial "Within" stays: a fronted
/// "Within six months," is the whole time adverbial.
pub(crate) fn trim_signals(text: &str, mut start: usize, stop: usize, adjectival: bool) -> usize {
    const SIGNALS: &[&str] = &[
        "within",
        "over",
        "only",
        "about",
        "just",
        "barely",
        "its",
        "as long as",
        "all",
        "another",
    ];
    loop {
        let rest = text.get(start..stop).unwrap_or("");
        let lower = rest.to_ascii_lowercase();
        let mut moved = false;
        for sig in SIGNALS {
            if lower.starts_with(sig)
                && lower[sig.len()..].starts_with(|ch: char| ch.is_whitespace())
            {
                if *sig == "within" && rest.starts_with('W') {
                    continue;
                }
                if *sig == "over" {
                    let after = lower[4..].trim_start();
                    if after.starts_with("a ") || after.starts_with("an ") {
                        continue;
                    }
                }
                let skip =
                    sig.len() + (lower[sig.len()..].len() - lower[sig.len()..].trim_start().len());
                start += skip;
                moved = true;
                break;
            }
        }
        if !moved && adjectival && (lower.starts_with("the ") || lower.starts_with("a ")) {
            start += lower.find(' ').unwrap_or(0) + 1;
            moved = true;
        }
        if !moved || start >= stop {
            return start.min(stop);
        }
    }
}

fn duration(ctx: &Ctx<'_>, c: &Captures<'_>) -> Option<Cand> {
    let num_raw = g(c, "num")?;
    let num = words(num_raw);
    let unit = lower(c, "unit");
    let mut post = words(g(c, "post").unwrap_or(""));
    // "a week or so ago": the hedge does not change the point in time.
    if let Some(rest) = post.strip_prefix("or so ") {
        post = rest.to_string();
    }
    let m0 = c.get(0)?;
    let mut end = m0.end();
    if post == "before" {
        // "from 38,402 a year before." ends the clause: a year earlier.
        // "two days before the vote" is a length and a signal.
        static SIGNAL: LazyLock<Regex> = LazyLock::new(|| {
            re(
                r"(?i)^\s*(?:\d|[A-Z]|(?:the|a|an|his|her|its|their|our|my|your|this|that|these|those|he|she|it|they|we|i|you|being|any|each|every|some|one|two)\b)",
            )
        });
        if SIGNAL.is_match(ctx.after(end)) {
            post.clear();
            end = c.name("post")?.start();
        } else {
            post = "earlier".into();
        }
    }
    let mut amount = parse_amount(&num)?;
    if let (Amount::Exact { whole, .. }, Some(_)) = (amount, c.name("half")) {
        // "a minute and a half": PT1M30S.
        amount = Amount::Exact { whole, half: true };
    }
    if c.name("old").is_some() {
        // "a 6-year-old boy": an age, not a time.
        return None;
    }
    {
        static AGE: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)^\s+(?:old|of\s+age)\b"));
        let m0 = c.get(0)?;
        if AGE.is_match(ctx.after(m0.end())) {
            return None;
        }
        // "three-quarters", "a second time".
        if unit.starts_with("quarter") && g(c, "sep").is_some_and(|s| s.contains('-')) {
            return None;
        }
        if (num == "a" || num == "an")
            && (unit == "second" || unit == "minute")
            && c.name("half").is_none()
        {
            return None;
        }
        // "24 hours a day", "two days a week": a rate, untagged as amounts
        // per unit are ("a year earlier" after a count is another matter).
        static RATE: LazyLock<Regex> = LazyLock::new(|| {
            re(
                r"(?i)^\s+(?:a|an|per)\s+(?:hour|day|week|month|year)\b(?P<rel>\s+(?:ago|earlier|before|later|after|from|or))?",
            )
        });
        if post.is_empty()
            && !matches!(num.as_str(), "a" | "an")
            && RATE
                .captures(ctx.after(m0.end()))
                .is_some_and(|r| r.name("rel").is_none())
        {
            return None;
        }
        // "60 Minutes": running text does not capitalise a unit.
        if g(c, "unit").is_some_and(capitalised) {
            return None;
        }
        // "the 1988 quarter", "fiscal 1986 year": a year naming the unit,
        // not a count of them (a count above one takes the plural).
        let year_like = num_raw.len() == 4 && num_raw.bytes().all(|b| b.is_ascii_digit());
        if year_like && !unit.ends_with('s') && !g(c, "sep").is_some_and(|s| s.contains('-')) {
            return None;
        }
    }
    // "309,000 week ago" (wire tables of quantities): a singular unit
    // after a count other than one is "a week ago"; the number is an
    // amount, outside the span.
    let amount_before_unit = (post == "ago" || post == "earlier")
        && num_raw.starts_with(|ch: char| ch.is_ascii_digit())
        && !unit.ends_with('s')
        && !matches!(
            amount,
            Amount::Exact {
                whole: 1,
                half: false
            }
        );
    if amount_before_unit {
        amount = Amount::Exact {
            whole: 1,
            half: false,
        };
    }
    let mut start = m0.start();
    let text = ctx.text;
    let adjectival = g(c, "sep").is_some_and(|s| s.contains('-'));
    start = trim_signals(text, start, c.name("num")?.start(), adjectival);
    if amount_before_unit {
        start = c.name("unit")?.start();
    }
    let pre = words(text.get(start..c.name("num")?.start()).unwrap_or(""));
    let before = ctx.before(start);
    if num == "two" && unit == "quarters" && (pre.ends_with("first") || pre.ends_with("last")) {
        // "the first two quarters of 1990": that year's first half, a date
        // (TimeBank's span starts at "first").
        static OF_YEAR: LazyLock<Regex> = LazyLock::new(|| re(r"^\s+of\s+(?P<y>\d{4})\b"));
        if let Some(o) = OF_YEAR.captures(ctx.after(end)) {
            let half = if pre.ends_with("first") { 1 } else { 2 };
            let at = c.name("num")?.start();
            let word = text.get(..at)?.trim_end();
            let from = word
                .len()
                .checked_sub(if half == 1 { "first" } else { "last" }.len())?;
            let v = fmt_year(g(&o, "y")?.parse().ok()?).map(|y| format!("{y}-H{half}"));
            return cand(from, end + o.get(0)?.end(), TimexType::Date, v);
        }
    }
    let first_word = pre.split_whitespace().next().unwrap_or("");
    if first_word == "every" || (first_word == "each" && !pre.starts_with("each of")) {
        // "every four years": a recurrence.
        let v = duration_value(amount, &unit);
        return cand(start, end, TimexType::Set, v);
    }
    // "will one day be": an indefinite time to come, not a length.
    if num == "one" && unit == "day" && pre.is_empty() && post.is_empty() {
        static MODAL: LazyLock<Regex> =
            LazyLock::new(|| re(r"(?i)\b(?:will|would|could|might|may|can|shall|must)\s+$"));
        if MODAL.is_match(before) {
            return cand(start, end, TimexType::Date, Some("FUTURE_REF".into()));
        }
    }
    // "twice a year": a frequency, i.e. a set. "$5 a day", "700 seats a
    // week": an amount per unit, which TimeBank leaves untagged (seven
    // times in nine).
    if (num == "a" || num == "an") && pre.is_empty() && post.is_empty() {
        static FREQUENCY: LazyLock<Regex> =
            LazyLock::new(|| re(r"(?i)\b(?:times|twice|once|thrice)\s*$"));
        static AMOUNT: LazyLock<Regex> = LazyLock::new(|| {
            re(
                r"(?i)(?:\d|%|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozen|hundred|thousand|mln|bln|dlrs|pct|stg|dollars?|cents?|percent|million|billion|trillion|yen|marks|francs|pounds|euros|tons|tonnes|barrels|hours|days|miles|people|units))(?:\s+[a-z]+s)?\s*$",
            )
        });
        let (code, clock, mult) = unit_code(&unit)?;
        if FREQUENCY.is_match(before) {
            let t = if clock { "T" } else { "" };
            return cand(
                start,
                end,
                TimexType::Set,
                Some(format!("P{t}{mult}{code}")),
            );
        }
        if AMOUNT.is_match(before) {
            return None;
        }
        if code == "Q" {
            // "a quarter of the shares".
            return None;
        }
    }
    if unit.starts_with("quarter")
        && matches!(amount, Amount::Exact { whole: 1, .. })
        && post.is_empty()
    {
        return None;
    }
    // Guard digits that belong to something else: "$10 days" never, but
    // "10.5 days" is fine; reject when glued to a currency or another number.
    if num_raw.starts_with(|ch: char| ch.is_ascii_digit()) {
        let prev = before.chars().next_back();
        if matches!(prev, Some('$' | '£' | '€' | '.' | ',' | '/')) && pre.is_empty() {
            return None;
        }
    }
    if post.is_empty() && pre.is_empty() && in_future(before) {
        // "would be redeemed in five years": a point that far ahead, as
        // "five years from now" (TimeML: a date).
        post = "from now".into();
    }
    if post == "ago"
        || post == "earlier"
        || post == "later"
        || post == "from now"
        || post == "hence"
    {
        let sign: i64 = if post == "ago" || post == "earlier" {
            -1
        } else {
            1
        };
        if amount == Amount::Vague {
            let v = if sign < 0 { "PAST_REF" } else { "FUTURE_REF" };
            return cand(start, end, TimexType::Date, Some(v.into()));
        }
        let n = match amount {
            Amount::Exact { whole, .. } => i64::try_from(whole).ok()?,
            _ => return cand(start, end, TimexType::Date, None),
        };
        let (code, clock, mult) = unit_code(&unit)?;
        let v = ctx.anchor.and_then(|a| {
            let k = sign.checked_mul(n)?.checked_mul(mult)?;
            match (code, clock) {
                ("Y", false) => {
                    if ctx.quarterly && n == 1 && mult == 1 {
                        let (y, q) = shift_quarter(a, -1);
                        return fmt_quarter(y + k, q);
                    }
                    add_years(a, k).and_then(fmt_year_of)
                }
                ("Q", false) => {
                    let (y, q) = shift_quarter(a, k);
                    fmt_quarter(y, q)
                }
                ("M", false) => add_months(a, k).and_then(fmt_month_of),
                ("W", false) => add_weeks(a, k).and_then(fmt_week),
                ("D", false) => add_days(a, k).and_then(fmt_date),
                _ => fmt_date(a),
            }
        });
        let ty = if clock {
            TimexType::Time
        } else {
            TimexType::Date
        };
        return cand(start, end, ty, v);
    }
    // "the past year" etc. are handled as dates by relative_unit; a bare
    // "a/an/one" + unit after "the past" is not reached here since NUM
    // requires a number word.
    let v = duration_value(amount, &unit);
    cand(start, end, TimexType::Duration, v)
}

/// Whether the words before a count of units are "in", after a modal or
/// a plan in the same clause ("will decide in two weeks", "would be
/// redeemed in five years"), so that the count says when, not how long.
fn in_future(before: &str) -> bool {
    static MODAL: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:will|would|'ll|shall|may|might|could|should|(?:expects?|plans?|intends?)\s+to)\b",
        )
    });
    let Some(head) = before.trim_end().strip_suffix("in") else {
        return false;
    };
    if !before.ends_with(char::is_whitespace) || head.ends_with(|ch: char| ch.is_alphanumeric()) {
        return false;
    }
    // The modal governs the verb right before "in": a few words back, in
    // the same clause and past no comma.
    let near = clause_tail(window_before(head, head.len(), 32));
    let near = near.rsplit(',').next().unwrap_or(near);
    MODAL.is_match(near)
}

fn vague_units(ctx: &Ctx<'_>, c: &Captures<'_>) -> Option<Cand> {
    let u = lower(c, "u");
    let pre = words(g(c, "pre").unwrap_or(""));
    let post = words(g(c, "post").unwrap_or(""));
    let m0 = c.get(0)?;
    // "a day-long meeting": one day's length (TimeBank tags it); the
    // words in front are not part of it.
    if let Some(one) = c.name("one") {
        let v = duration_value(
            Amount::Exact {
                whole: 1,
                half: false,
            },
            &one.as_str().to_ascii_lowercase(),
        );
        return cand(one.start(), m0.end(), TimexType::Duration, v);
    }
    if ctx.after(m0.end()).starts_with('-') {
        // "a decades-long friendship" describes the noun, with no count
        // of units (the seed article's gold leaves it out).
        return None;
    }
    let before = ctx.before(m0.start());
    // "the years 1990-1995", "days of rage": keep the common readings only.
    let prev_word: String = before
        .trim_end()
        .chars()
        .rev()
        .take_while(|ch| ch.is_alphanumeric() || *ch == '-')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect::<String>()
        .to_lowercase();
    if pre.is_empty()
        && prev_word == "of"
        && before
            .trim_end()
            .to_ascii_lowercase()
            .ends_with("matter of")
    {
        // "a matter of days": soon, as a figure of speech (untagged).
        return None;
    }
    if pre.is_empty() && parse_amount(&prev_word).is_some() {
        // "two days a week": a count the duration rule turned down.
        return None;
    }
    if pre.is_empty()
        && matches!(
            prev_word.as_str(),
            "these" | "those" | "early" | "old" | "golden" | "dog" | "salad" | "glory" | "school"
        )
    {
        return None;
    }
    if pre.is_empty() && post.is_empty() && u == "centuries" && prev_word == "for" {
        // "ruled from Moscow for centuries": always a stretch of time.
        return whole(c, TimexType::Duration, duration_value(Amount::Vague, &u));
    }
    if pre.is_empty() && post.is_empty() && matches!(u.as_str(), "years" | "decades") {
        // "over the years", "in the years that followed", "the first
        // time in years": a stretch of time, whatever the sentence.
        let mut prev = before.split_whitespace().rev().map(str::to_ascii_lowercase);
        let (w1, w2) = (prev.next(), prev.next());
        let idiom = before.ends_with(char::is_whitespace)
            && match w1.as_deref() {
                Some("in") => true,
                Some("the") => matches!(w2.as_deref(), Some("in" | "over")),
                _ => false,
            };
        if idiom {
            return whole(c, TimexType::Duration, duration_value(Amount::Vague, &u));
        }
    }
    if pre.is_empty()
        && post.is_empty()
        && matches!(u.as_str(), "years" | "quarters" | "decades" | "centuries")
    {
        // Bare "years", "decades" are mostly figurative ("years of
        // neglect"); only the shorter units reliably name a stretch.
        return None;
    }
    if !post.is_empty() {
        return whole(c, TimexType::Date, Some("PAST_REF".into()));
    }
    if (pre.contains("recent") && matches!(u.as_str(), "years" | "decades"))
        || (pre.contains("past") && u == "quarters")
    {
        return whole(c, TimexType::Date, Some("PAST_REF".into()));
    }
    let v = duration_value(Amount::Vague, &u);
    whole(c, TimexType::Duration, v)
}

fn vague_ref(ctx: &Ctx<'_>, c: &Captures<'_>) -> Option<Cand> {
    if c.name("acc").is_some() {
        return None;
    }
    let w = words(c.get(0)?.as_str());
    let m0 = c.get(0)?;
    if w == "a while" {
        // "for a while", "in a while": a stretch of unstated length; "a
        // while ago" and "worth a while" are left alone.
        static FOR: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\b(?:for|in|after|within)\s+$"));
        static AGO: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)^\s+(?:ago|back|longer)\b"));
        if !FOR.is_match(ctx.before(m0.start())) || AGO.is_match(ctx.after(m0.end())) {
            return None;
        }
        return whole(c, TimexType::Duration, Some("PXX".into()));
    }
    if m0.as_str() == "Now" && ctx.after(m0.end()).starts_with(',') {
        // "Now, he says, …": a sentence opened by "Now," is a discourse
        // marker, a turn in the story rather than a reference to the
        // present (TimeML tags temporal expressions only; TimeBank leaves
        // all three such cases untagged, "Now officials are …" tagged).
        return None;
    }
    if w == "formerly" {
        // "Jane Roe, formerly the firm's treasurer", "formerly known as":
        // a former role in apposition, not a time (TimeBank: untagged).
        static ROLE: LazyLock<Regex> = LazyLock::new(|| {
            re(r"^\s+(?:(?:known|called|named|of|with|at|a|an|the|his|her|its|their)\b|[A-Z])")
        });
        if ROLE.is_match(ctx.after(m0.end())) {
            return None;
        }
    }
    let v = if w.contains("future") || w.contains("term") || w == "a later date" {
        "FUTURE_REF"
    } else if w.contains("recent") || w.contains("past") || w == "formerly" {
        "PAST_REF"
    } else {
        "PRESENT_REF"
    };
    whole(c, TimexType::Date, Some(v.into()))
}

fn set_expr(ctx: &Ctx<'_>, c: &Captures<'_>) -> Option<Cand> {
    if let Some(adv) = g(c, "adv") {
        // "the average daily volume": a statistic, not a recurrence.
        let prev = ctx
            .before(c.get(0)?.start())
            .split_whitespace()
            .next_back()
            .unwrap_or("")
            .to_ascii_lowercase();
        if prev == "average" {
            return None;
        }
        let adv = adv.to_lowercase();
        if adv.ends_with("annually") {
            // "save 15 mln dlrs annually", "rise 8.5 pct annually", "will
            // annually import 144,000 tonnes": an amount per year, untagged as "$2
            // million a year" is; "paid annually", "held annually" recur.
            static AMOUNT: LazyLock<Regex> = LazyLock::new(|| {
                re(
                    r"(?i)(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|thousands?|millions?|billions?|trillions?|mln|bln|pct|percent|dlrs|dollars)\b)",
                )
            });
            static AMOUNT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
                re(
                    r"(?i)^(?:\s+(?:worth|import|export|produce|producing|sell|buy|purchase|between|by|more|less|than|over|under|around|roughly|nearly|almost|approximately))*\s+(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|about|some|up\s+to)\b)",
                )
            });
            let m0 = c.get(0)?;
            // The amount within a few words before, in the same clause.
            let before = ctx.before(m0.start());
            let clause = before
                .rfind(['.', ',', ';', ':', '\n'])
                .and_then(|i| before.get(i + 1..))
                .unwrap_or(before);
            let mut near = clause.len().saturating_sub(48);
            while !clause.is_char_boundary(near) {
                near += 1;
            }
            let near = clause.get(near..).unwrap_or("");
            if AMOUNT.is_match(near) || AMOUNT_AFTER.is_match(ctx.after(m0.end())) {
                return None;
            }
        }
        let v = match adv.replace('-', "").as_str() {
            "daily" | "nightly" => "P1D",
            "weekly" => "P1W",
            "biweekly" => "P2W",
            "monthly" => "P1M",
            "quarterly" => "P3M",
            "hourly" => "PT1H",
            "semiannually" => "P6M",
            _ => "P1Y",
        };
        return whole(c, TimexType::Set, Some(v.into()));
    }
    let u = lower(c, "u");
    let n = if c.name("other").is_some() { 2 } else { 1 };
    let v = match u.as_str() {
        "day" => format!("P{n}D"),
        "week" => format!("P{n}W"),
        "month" => format!("P{n}M"),
        "year" => format!("P{n}Y"),
        "quarter" => format!("P{n}Q"),
        "hour" => format!("PT{n}H"),
        "minute" => format!("PT{n}M"),
        "weekend" => "XXXX-WXX-WE".into(),
        "summer" => "XXXX-SU".into(),
        "winter" => "XXXX-WI".into(),
        "spring" => "XXXX-SP".into(),
        "fall" => "XXXX-FA".into(),
        "season" => "P1Y".into(),
        p => format!("TXX{}", part_code(p).unwrap_or("DT")),
    };
    whole(c, TimexType::Set, Some(v))
}

fn time_of_day(ctx: &Ctx<'_>, c: &Captures<'_>) -> Option<Cand> {
    let (h, mi) = if let Some(noon) = g(c, "noon") {
        match noon.to_lowercase().as_str() {
            "midnight" => (0, 0),
            _ => (12, 0),
        }
    } else if let Some(h) = g(c, "h") {
        let h: i64 = h.parse().ok()?;
        let mi: i64 = g(c, "mi").map_or(Some(0), |m| m.parse().ok())?;
        if !(1..=12).contains(&h) || mi > 59 {
            return None;
        }
        let pm = lower(c, "ap").starts_with('p');
        let h = match (h, pm) {
            (12, false) => 0,
            (12, true) => 12,
            (h, true) => h + 12,
            (h, false) => h,
        };
        (h, mi)
    } else {
        let h: i64 = g(c, "h24")?.parse().ok()?;
        let mi: i64 = g(c, "mi24")?.parse().ok()?;
        if h > 23 || mi > 59 {
            return None;
        }
        (h, mi)
    };
    let m0 = c.get(0)?;
    let (start, mut end) = (m0.start(), m0.end());
    if let (Some(noon), None) = (c.name("noon"), c.name("when")) {
        // Alone, "noon" is too often a figure of speech ("high noon"); a
        // preposition of time before it ("at midday", "until midnight")
        // makes it the time of the publication day.
        let prev_word = ctx
            .before(noon.start())
            .split_whitespace()
            .next_back()
            .unwrap_or("")
            .to_ascii_lowercase();
        let timed = matches!(
            prev_word.as_str(),
            "at" | "until" | "till" | "by" | "before" | "after" | "around" | "about" | "from"
        );
        if !timed || capitalised(noon.as_str()) {
            return None;
        }
    }
    // A sentence-final "p.m." shares its period with the sentence.
    if c.name("when").is_none() && c.name("tz").is_none() && m0.as_str().ends_with("m.") {
        let after = ctx.after(end);
        let next = after.trim_start_matches([' ', '\t']);
        if after.is_empty()
            || next.starts_with(['\n', '\r'])
            || (after.starts_with(' ')
                && next.starts_with(|ch: char| ch.is_uppercase() || ch == '"'))
        {
            end -= 1;
        }
    }
    let tense = || ctx.tense(start, end);
    // "at 10:35 a.m. (0735 GMT) Friday": the day after the aside is the
    // time's day, though the two are tagged apart.
    let aside_day = if c.name("when").is_none() && ctx.after(end).trim_start().starts_with('(') {
        static ASIDE: LazyLock<Regex> = LazyLock::new(|| {
            re(
                r"^\s*\((?u:[^()\n]){1,30}\)\s*(?:on\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
            )
        });
        ASIDE
            .captures(ctx.after(end))
            .and_then(|a| g(&a, "wd").and_then(weekday_number))
    } else {
        None
    };
    let day = ctx.anchor.and_then(|a| {
        if let Some(wd) = g(c, "wd").and_then(weekday_number).or(aside_day) {
            resolve_weekday(a, i64::from(wd), "", tense())
        } else if let Some(dw) = g(c, "dw") {
            let shift = match dw.to_lowercase().as_str() {
                "yesterday" => -1,
                "tomorrow" => 1,
                _ => 0,
            };
            add_days(a, shift)
        } else if let (Some(m), Some(d)) = (g(c, "m"), g(c, "d")) {
            let m = i64::from(month_number(m)?);
            let d: i64 = d.parse().ok()?;
            let strong = || ctx.tense_cue(start, end).1;
            date(infer_year(a, m, Some(d), tense, strong)?, m, d)
        } else {
            Some(a)
        }
    });
    let v = day
        .and_then(fmt_date)
        .map(|d| format!("{d}T{h:02}:{mi:02}"));
    cand(start, end, TimexType::Time, v)
}

fn holiday_date(name: &str, y: i64) -> Option<Date> {
    let n = name.split_whitespace().collect::<Vec<_>>().join(" ");
    match n.as_str() {
        "Thanksgiving" | "Thanksgiving Day" => nth_weekday(y, 11, 4, Weekday::Thursday),
        "Christmas" | "Christmas Day" => date(y, 12, 25),
        "Christmas Eve" => date(y, 12, 24),
        "New Year's" | "New Year's Day" => date(y, 1, 1),
        "New Year's Eve" => date(y, 12, 31),
        "Independence Day" => date(y, 7, 4),
        "Labor Day" => nth_weekday(y, 9, 1, Weekday::Monday),
        "Memorial Day" => nth_weekday(y, 5, -1, Weekday::Monday),
        "Election Day" => nth_weekday(y, 11, 1, Weekday::Monday).and_then(|d| add_days(d, 1)),
        "Veterans Day" => date(y, 11, 11),
        "Easter" | "Easter Sunday" => easter(y),
        "Good Friday" => easter(y).and_then(|d| add_days(d, -2)),
        "Halloween" => date(y, 10, 31),
        "Valentine's Day" => date(y, 2, 14),
        "Presidents Day" | "Presidents' Day" => nth_weekday(y, 2, 3, Weekday::Monday),
        "Columbus Day" => nth_weekday(y, 10, 2, Weekday::Monday),
        "Boxing Day" => date(y, 12, 26),
        _ => None,
    }
}

fn holiday(ctx: &Ctx<'_>, c: &Captures<'_>) -> Option<Cand> {
    let name = g(c, "h")?;
    let rel = lower(c, "rel");
    let (start, end) = (c.get(0)?.start(), c.get(0)?.end());
    let after = ctx.after(end);
    if rel.is_empty()
        && after.starts_with(" week")
        && !after[5..].starts_with(|ch: char| ch.is_alphanumeric() || ch == '-')
    {
        // "as Easter week began": the week of the nearest one.
        let v = ctx.anchor.and_then(|a| {
            let y = i64::from(a.year());
            [y - 1, y, y + 1]
                .into_iter()
                .filter_map(|y| holiday_date(name, y))
                .min_by_key(|d| (*d - a).get_days().abs())
                .and_then(fmt_week)
        });
        return cand(start, end + 5, TimexType::Date, v);
    }
    // "Christmas Day specials", "the Boxing Day disaster": a named day used
    // attributively still dates what it modifies, as "the 1990 budget" does.
    // "last Thanksgiving following a boat wreck", "since Christmas many
    // shops": a holiday with a relative word or after a preposition of time
    // is a point in time whatever comes next.
    static TIME_PREPOSITION: LazyLock<Regex> = LazyLock::new(|| {
        re(r"(?i)\b(?:on|since|until|till|before|after|during|over|through|by|at)\s+$")
    });
    let bare = !name.ends_with("Day")
        && !name.ends_with("Eve")
        && !name.ends_with("Sunday")
        && !name.ends_with("Friday")
        && rel.is_empty()
        && !TIME_PREPOSITION.is_match(window_before(ctx.full, ctx.base + start, 12));
    if bare && names_a_kind(after) {
        return None;
    }
    let tense = ctx.tense(start, end);
    let v = ctx.anchor.and_then(|a| {
        let y = i64::from(a.year());
        let this = holiday_date(name, y)?;
        let prev = holiday_date(name, y - 1)?;
        let next = holiday_date(name, y + 1)?;
        let pick = match (rel.as_str(), tense) {
            ("last", _) => {
                if this < a {
                    this
                } else {
                    prev
                }
            }
            ("next", _) => {
                if this > a {
                    this
                } else {
                    next
                }
            }
            ("this", _) => this,
            (_, Tense::Future) => {
                if this >= a {
                    this
                } else {
                    next
                }
            }
            (_, Tense::Past) => {
                if this <= a {
                    this
                } else {
                    prev
                }
            }
        };
        fmt_date(pick)
    });
    cand(start, end, TimexType::Date, v)
}

/// Whether a holiday name is a noun modifier that names a kind of thing
/// rather than a time ("an electronic Christmas card", "Christmas trees",
/// "the Christmas number one"), judged from `after`, the text right after
/// the name (a bare holiday name only). The next lowercase word must be neither a time word nor a word
/// that can follow a holiday used as a date ("Christmas falls on",
/// "Christmas Day alone", "over Christmas and"); a compound whose head is a
/// time word ("the Easter selling season", "New Year's bank holiday") stays
/// a date.
fn names_a_kind(after: &str) -> bool {
    // Holiday words that head a time in their own right.
    const TIME: &[&str] = &[
        "day",
        "days",
        "eve",
        "week",
        "weeks",
        "weekend",
        "weekends",
        "holiday",
        "holidays",
        "season",
        "seasons",
        "period",
        "periods",
        "break",
        "breaks",
        "recess",
        "vacation",
        "vacations",
        "time",
        "times",
        "morning",
        "afternoon",
        "evening",
        "night",
        "nights",
        "fortnight",
        "month",
        "quarter",
    ];
    // Function words, adverbs and the verbs whose subject a holiday date is:
    // after these the holiday is not a modifier.
    const NOT_A_NOUN: &[&str] = &[
        "and",
        "or",
        "but",
        "nor",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "will",
        "would",
        "could",
        "should",
        "may",
        "might",
        "must",
        "can",
        "shall",
        "do",
        "does",
        "did",
        "in",
        "on",
        "at",
        "for",
        "from",
        "to",
        "with",
        "without",
        "by",
        "of",
        "since",
        "until",
        "till",
        "through",
        "over",
        "after",
        "before",
        "as",
        "than",
        "that",
        "this",
        "these",
        "those",
        "which",
        "who",
        "when",
        "while",
        "where",
        "if",
        "so",
        "yet",
        "the",
        "a",
        "an",
        "its",
        "their",
        "his",
        "her",
        "our",
        "many",
        "most",
        "some",
        "all",
        "not",
        "alone",
        "ever",
        "even",
        "itself",
        "again",
        "already",
        "too",
        "also",
        "now",
        "then",
        "there",
        "here",
        "last",
        "next",
        "approaches",
        "arrives",
        "begins",
        "comes",
        "ends",
        "falls",
        "looms",
        "nears",
        "passes",
        "came",
        "fell",
        "began",
        "brought",
        "drew",
        "went",
        "coming",
        "falling",
        "approaching",
        "nearing",
        "looming",
        "year",
        "years",
        "ago",
        "earlier",
        "later",
    ];
    let Some(rest) = after.strip_prefix(' ') else {
        return false;
    };
    let mut it = rest.split(|ch: char| !(ch.is_ascii_alphabetic() || ch == '-'));
    let first = it.next().unwrap_or("");
    // Only a word right after a single space: "Christmas, cards" or
    // "Christmas\" butter" is not a compound.
    if first.is_empty()
        || !first.starts_with(|ch: char| ch.is_ascii_lowercase())
        || !rest[first.len()..].starts_with(|ch: char| !ch.is_ascii_alphanumeric())
    {
        return false;
    }
    // What happens in the holiday itself still places a claim in time
    // ("Christmas sales rose 5%", "the Easter ceasefire", "the Queen's
    // Christmas message"): a fact-checker wants those dated, unlike a
    // "Christmas card" or "Christmas trees".
    const HAPPENS_THEN: &[&str] = &[
        "sales",
        "sale",
        "shopping",
        "shoppers",
        "spending",
        "trading",
        "trade",
        "rush",
        "travel",
        "traffic",
        "bookings",
        "getaway",
        "ceasefire",
        "truce",
        "message",
        "address",
        "speech",
        "broadcast",
        "services",
        "service",
        "parade",
        "party",
        "celebrations",
        "dinner",
        "lunch",
    ];
    // Past forms ("Christmas passed quietly") are verbs, not heads.
    if TIME.contains(&first)
        || HAPPENS_THEN.contains(&first)
        || NOT_A_NOUN.contains(&first)
        || first.ends_with("ed")
    {
        return false;
    }
    let sep = &rest[first.len()..];
    if let Some(second) = sep.strip_prefix(' ') {
        let second = second
            .split(|ch: char| !ch.is_ascii_alphabetic())
            .next()
            .unwrap_or("");
        if TIME.contains(&second) {
            return false;
        }
    }
    true
}

fn year_ago(ctx: &Ctx<'_>, c: &Captures<'_>) -> Option<Cand> {
    let m0 = c.get(0)?;
    let noun = words(g(c, "noun").unwrap_or(""));
    let (start, end) = if noun.is_empty() {
        let adj = c.name("adj")?;
        (adj.start(), adj.end())
    } else {
        (m0.start(), m0.end())
    };
    if noun.contains("months") {
        let n = if noun.contains("nine") { 9 } else { 6 };
        return cand(start, end, TimexType::Duration, Some(format!("P{n}M")));
    }
    let ord = lower(c, "ord");
    let v = ctx.anchor.and_then(|a| {
        let ay = i64::from(a.year());
        let q = match ord.as_str() {
            "first" => Some(1),
            "second" => Some(2),
            "third" => Some(3),
            "fourth" => Some(4),
            _ => None,
        };
        if let Some(q) = q {
            return fmt_quarter(ay - 1, q);
        }
        if noun.ends_with("month") {
            return add_months(a, -13).and_then(fmt_month_of);
        }
        if noun.ends_with("year") {
            return fmt_year(ay - 1);
        }
        if ctx.quarterly || noun.contains("quarter") || noun.contains("period") {
            let (y, q) = shift_quarter(a, -1);
            return fmt_quarter(y - 1, q);
        }
        fmt_year(ay - 1)
    });
    cand(start, end, TimexType::Date, v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scanner_shares_word_boundaries() {
        // All rules but the decades one (which may open with an
        // apostrophe) share a word boundary, in rule order.
        assert!(scanner_pattern().starts_with(r"\b(?:(?i:"));
        // Same matches as the plain alternation of the rules.
        let plain = RULE_PATTERNS
            .iter()
            .map(|(p, _)| format!("(?:{})", uncaptured(p)))
            .collect::<Vec<_>>()
            .join("|");
        let plain = re(&plain);
        let text = "In the late 1980s and on Tuesday, Oct. 28, 2025, about two years ago, \
            the company's fiscal 1986 fourth quarter ended; '90s prices rose 5% a year \
            at 3 p.m. EST since mid-afternoon yesterday, every week, 12/25/1999 and FY2024.";
        let spans = |r: &Regex| r.find_iter(text).map(|m| m.range()).collect::<Vec<_>>();
        assert_eq!(spans(&SCANNER), spans(&plain));
        assert!(spans(&plain).len() > 8);
    }

    #[test]
    fn set_cores_match_where_their_rules_do() {
        // The fixture lines and some of our own, every suffix from a word
        // start and every prefix to a word end (regions start and stop
        // mid-sentence): a core must match exactly where its rule does.
        let own = "the late 1990s; about two-and-a-half years ago, more than a few weeks \
            and the past 12 months, last Monday nights, early next week, Christmas Eve \
            the fiscal 1986 fourth-quarter results, its year-earlier quarter, 3:30 p.m. EST \
            the year-end, the year's end, Jan. 5, 5th of May, Q3 2024, mid-afternoon today \
            January nineteen ninety-seven, the twenty-first century, spring of 2001";
        let text = format!("{}\n{own}", include_str!("../tests/fixtures/tricky.txt"));
        let cores: Vec<Regex> = (0..RULE_PATTERNS.len())
            .map(|i| re(&set_pattern(i).unwrap()))
            .collect();
        let mut pieces: Vec<&str> = Vec::new();
        for line in text.lines() {
            for (i, _) in line.match_indices(' ') {
                pieces.push(&line[i + 1..]);
                pieces.push(&line[..i]);
            }
            pieces.push(line);
        }
        let mut hits = 0;
        for (rule, core) in RULES.iter().zip(&cores) {
            for p in &pieces {
                let want = rule.re.is_match(p);
                assert_eq!(core.is_match(p), want, "{} on {p:?}", core.as_str());
                hits += usize::from(want);
            }
        }
        assert!(hits > 1000, "{hits}");
    }

    #[test]
    fn every_rule_compiles() {
        assert!(RULES.len() > 10);
        assert_eq!(SET_CORES.len(), RULES.len());
        assert_eq!(RULE_SET.pattern_len(), RULES.len());
    }

    #[test]
    fn durations() {
        let a = |w, h| Amount::Exact { whole: w, half: h };
        assert_eq!(duration_value(a(6, false), "months").unwrap(), "P6M");
        assert_eq!(duration_value(a(2, true), "years").unwrap(), "P2Y6M");
        assert_eq!(duration_value(a(5, true), "hours").unwrap(), "PT5H30M");
        assert_eq!(duration_value(a(2, false), "decades").unwrap(), "P20Y");
        assert_eq!(duration_value(Amount::Vague, "decades").unwrap(), "PXE");
        assert_eq!(duration_value(a(u64::MAX, false), "decades"), None);
    }

    #[test]
    fn weekday_resolution() {
        let a = date(1989, 10, 30).unwrap(); // a Monday
        let past = resolve_weekday(a, 5, "", Tense::Past).unwrap();
        assert_eq!(fmt_date(past).unwrap(), "1989-10-27");
        let fut = resolve_weekday(a, 5, "", Tense::Future).unwrap();
        assert_eq!(fmt_date(fut).unwrap(), "1989-11-03");
        let same = resolve_weekday(a, 1, "", Tense::Past).unwrap();
        assert_eq!(same, a);
    }
}
