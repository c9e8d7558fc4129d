//! What is not a figure: years, dates, times of day, ordinals, codes,
//! list numbering, street numbers, parts of names and small counts.

use super::*;

impl<'a> P<'a> {
    /// Whether a numeral reads as a clock time before "am"/"pm": a whole
    /// hour 1-12 or "h.mm".
    pub(crate) fn time_like(&self, nm: &Nm) -> bool {
        let Some(v) = nm.v else { return false };
        if nm.plain {
            return (0.0..=12.0).contains(&v);
        }
        let t = self
            .text
            .get(self.toks[nm.end.saturating_sub(1)].s..self.toks[nm.end.saturating_sub(1)].e)
            .unwrap_or("");
        t.len() == 2 && v < 13.0 && nm.end >= 3 && self.sym(nm.end - 2) == Some('.')
    }

    /// The first token of the line holding token `i`, and whether `i` is it.
    pub(crate) fn line_start(&self, i: usize) -> bool {
        let s = self.toks[i].s;
        // Only the last few bytes matter: a list marker is short.
        let mut from = s.saturating_sub(16);
        while !self.text.is_char_boundary(from) {
            from -= 1;
        }
        let before = self.text.get(from..s).unwrap_or("");
        if from > 0 && !before.contains('\n') {
            return false;
        }
        let line = match before.rfind('\n') {
            Some(p) => &before[p + 1..],
            None => before,
        };
        line.chars()
            .all(|c| c.is_whitespace() || matches!(c, '-' | '*' | '•' | '(' | '#' | '>'))
    }

    /// Whether the whitespace-free chunk around byte `b` is a URL, e-mail
    /// address or handle.
    pub(crate) fn in_url(&self, b: usize) -> bool {
        let bytes = self.text.as_bytes();
        let mut s = b.min(bytes.len());
        while s > 0 && !bytes[s - 1].is_ascii_whitespace() {
            s -= 1;
            if b - s > 200 {
                break;
            }
        }
        let mut e = b.min(bytes.len());
        while e < bytes.len() && !bytes[e].is_ascii_whitespace() && e - b < 200 {
            e += 1;
        }
        let chunk = self.low.get(s..e).unwrap_or("");
        chunk.contains("://") || chunk.contains("www.") || chunk.contains('@')
    }

    /// Whether token `k` names a month; "may" and "march" only capitalised
    /// ("between 15 and 20 may die", "a 10 march": a verb and a noun).
    pub(crate) fn month_at(&self, k: usize) -> bool {
        self.is_wordtok(k) && lexicon::is_month(self.lw(k)) && !matches!(self.w(k), "may" | "march")
    }

    /// Whether an hour ending before token `end` is followed, maybe across
    /// "or"/"to" and a second hour, by "in the morning" (afternoon,
    /// evening) closing the phrase: "until three or four in the morning"
    /// is a time of day; "down 3 in the morning session" is not.
    fn hour_of_day(&self, end: usize) -> bool {
        let mut k = end;
        if self.next_to(k) && self.is_wordtok(k) && matches!(self.lw(k), "or" | "to") {
            match self.numeral(k + 1, false) {
                Some(nm)
                    if nm
                        .v
                        .is_some_and(|h| h.fract() == 0.0 && (1.0..=12.0).contains(&h)) =>
                {
                    k = nm.end
                }
                _ => return false,
            }
        }
        if !(self.is_w(k, "in")
            && self.next_to(k)
            && self.is_w(k + 1, "the")
            && self.next_to(k + 2))
        {
            return false;
        }
        let part = matches!(self.lw(k + 2), "morning" | "afternoon" | "evening");
        let closes = !self.next_to(k + 3)
            || !self.is_wordtok(k + 3)
            || lexicon::is_function_word(self.lw(k + 3));
        part && self.is_wordtok(k + 2) && closes
    }

    /// Whether the plain day number at `i..end` is one of a list of days
    /// joined by commas, "and", "or" or "to" that ends in a month ("22 and
    /// 23 June") or starts after one ("March 13 and 16"): a date, the dates
    /// stage's. Only days (1-31, ordinal suffixes allowed) may sit between.
    fn day_list_month(&self, i: usize, end: usize) -> bool {
        let joiner = |k: usize| {
            matches!(self.sym(k), Some(',' | '&' | '-' | '–'))
                || (self.is_wordtok(k) && matches!(self.lw(k), "and" | "or" | "to"))
        };
        let day = |k: usize| {
            self.is_num(k)
                && self.w(k).len() <= 2
                && self.w(k).parse::<u8>().is_ok_and(|d| (1..=31).contains(&d))
        };
        let month = |k: usize| self.month_at(k);
        let suffix = |k: usize| {
            self.touch(k) && self.is_wordtok(k) && matches!(self.lw(k), "st" | "nd" | "rd" | "th")
        };
        // Forward: days and joiners up to a month.
        let (mut k, mut joined) = (end, false);
        for _ in 0..12 {
            if k >= self.n() || !self.next_to(k) {
                break;
            }
            if joiner(k) {
                joined = true;
            } else if !(day(k) || suffix(k)) {
                if joined && month(k) {
                    return true;
                }
                break;
            }
            k += 1;
        }
        // Backward: days and joiners back to a month ("Feb. 11 and 19").
        let (mut k, mut joined) = (i, false);
        for _ in 0..12 {
            if k == 0 || !self.next_to(k) {
                return false;
            }
            k -= 1;
            if joiner(k) {
                joined = true;
            } else if self.sym(k) == Some('.') || day(k) || suffix(k) {
                continue;
            } else {
                return joined && month(k);
            }
        }
        false
    }

    /// Whether the plain digits at `i` are part of a name: "the Group of
    /// 24 developing nations", "the Gang of 4", as "Channel 4" and "Boeing
    /// 737" are after a capitalised word. (A possessive before them was
    /// tried and dropped: "Ocean's 12." is a title, but "February's 207."
    /// an elided price and "She's 17," an age.)
    fn name_digits(&self, i: usize) -> bool {
        i >= 2
            && self.is_w(i - 1, "of")
            && self.next_to(i)
            && matches!(self.w(i - 2), "Group" | "Gang")
    }

    /// Whether the plain integer `v` at `i..end` numbers a line of a ranked
    /// list written without a dot ("1 Roger Federer (Switzerland)" with "2
    /// …" on the next line): a line start, a capitalised word after it and
    /// the line before or after starting with the number before or after.
    fn ranked_line(&self, i: usize, end: usize, v: f64) -> bool {
        if !(self.is_wordtok(end)
            && self.next_to(end)
            && self.w(end).chars().next().is_some_and(char::is_uppercase)
            && self.line_start(i))
        {
            return false;
        }
        let lead = |line: &str| -> Option<f64> {
            let t = line.trim_start();
            let d = t.bytes().take_while(u8::is_ascii_digit).count();
            let rest = t.get(d..)?;
            (d > 0 && d <= 3 && rest.starts_with(' '))
                .then(|| t.get(..d)?.parse::<f64>().ok())
                .flatten()
        };
        let s = self.toks[i].s;
        let before = self.text.get(..s).unwrap_or("");
        let prev = before
            .trim_end_matches(|c: char| c != '\n')
            .trim_end()
            .rsplit('\n')
            .next()
            .unwrap_or("");
        let after = self.text.get(s..).unwrap_or("");
        let next = after
            .split_once('\n')
            .map_or("", |(_, r)| r.trim_start_matches(['\n', '\r', ' ']));
        let next = next.split('\n').next().unwrap_or("");
        lead(prev) == Some(v - 1.0) || lead(next) == Some(v + 1.0)
    }

    /// Whether the bare decimal at `i` is a race time with its unit left
    /// out, as sport reports write them ("finished fifth in 7.35", "a
    /// personal best of 20.88", "clocking 8.06"): hundredths of a second
    /// after "in", "of" or "clocking" with a result or timing word just
    /// before. A time is a duration, the dates stage's; as a bare number it
    /// would read as a count. "record" is no cue: "a record low of 148.40"
    /// is a level.
    fn race_time(&self, i: usize, nm: &Nm) -> bool {
        let e = nm.end;
        if nm.plain
            || nm.words
            || nm.frac
            || nm.scale != 1.0
            || e < i + 3
            || self.sym(e - 2) != Some('.')
            || self.w(e - 1).len() != 2
            || i == 0
            || !self.next_to(i)
        {
            return false;
        }
        let p = self.lw(i - 1);
        if matches!(p, "clocking" | "clocked" | "clocks") {
            return true;
        }
        if !matches!(p, "in" | "of") {
            return false;
        }
        (i.saturating_sub(5)..i - 1)
            .rev()
            .take_while(|&t| self.same_line(t + 1) && self.sym(t).is_none())
            // "an all-time high of 2405.54" is a level.
            .filter(|&t| !(t > 0 && self.sym(t - 1) == Some('-') && self.touch(t)))
            .any(|t| {
                matches!(
                    self.lw(t),
                    "best"
                        | "time"
                        | "finished"
                        | "won"
                        | "winning"
                        | "title"
                        | "gold"
                        | "silver"
                        | "bronze"
                        | "course"
                        | "second"
                        | "third"
                        | "fourth"
                        | "fifth"
                        | "sixth"
                        | "seventh"
                        | "eighth"
                        | "leisurely"
                )
            })
    }

    /// Filters for a bare number (no unit, no currency) starting at token
    /// `i` and ending at `end`: true when it is not a figure.
    pub(crate) fn bare_excluded(&self, i: usize, nm: &Nm, has_qual: bool) -> bool {
        let end = nm.end;
        let v = nm.v.unwrap_or(0.0);
        // Years: plain four digits 1000..2100. A hedge makes it a count
        // ("more than 2000"), unless the hedge is also a preposition that
        // goes with years ("over 1987 wages", "around 2000", "in 2024").
        if nm.plain && nm.ndig == 4 && (1000.0..=2100.0).contains(&v) {
            let prep_hedge = i > 0
                && matches!(
                    self.lw(i - 1),
                    "over" | "under" | "above" | "below" | "around" | "about" | "circa" | "between"
                );
            if !has_qual || (prep_hedge && v >= 1900.0) {
                return true;
            }
        }
        // Ordinals and decades: "21st", "1980s".
        if self.touch(end) && self.is_wordtok(end) {
            let w = self.lw(end);
            if matches!(w, "st" | "nd" | "rd" | "th" | "s") {
                return true;
            }
        }
        // Dates around a month: "May 4", "4 May", "Dec. 12".
        if nm.plain && (1.0..=31.0).contains(&v) {
            let mut p = i;
            if p > 0 && self.sym(p - 1) == Some('.') {
                p -= 1;
            }
            if p > 0 && self.is_wordtok(p - 1) && lexicon::is_month(self.lw(p - 1)) {
                return true;
            }
            if self.next_to(end) && self.month_at(end) {
                return true;
            }
            // Days listed around a month: "on 22 and 23 June", "14, 20
            // and 27 April", "between March 13 and 16".
            if self.day_list_month(i, end) {
                return true;
            }
        }
        // Day ranges after a month: "December 14/16", "Oct. 5/7".
        if nm.frac && self.is_num(i) && self.sym(i + 1) == Some('/') && self.touch(i + 1) {
            let mut p = i;
            if p > 0 && self.sym(p - 1) == Some('.') {
                p -= 1;
            }
            if p > 0 && self.is_wordtok(p - 1) && lexicon::is_month(self.lw(p - 1)) {
                return true;
            }
        }
        // Day ranges before a month: "19/20 February", "8/9 January"; not
        // a price move before a futures month ("UP 1/2 DEC7").
        if nm.frac
            && self.is_num(i)
            && self.sym(i + 1) == Some('/')
            && self.touch(i + 1)
            && self.next_to(end)
            && self.month_at(end)
            && !(self.touch(end + 1) && self.is_num(end + 1))
            && [i, i + 2]
                .iter()
                .all(|&k| self.w(k).parse::<u8>().is_ok_and(|d| (1..=31).contains(&d)))
        {
            return true;
        }
        // Times of day: "10:30", "6pm", "11 p.m.".
        if self.sym(end) == Some(':') && self.touch(end) && self.is_num(end + 1) {
            return true;
        }
        if i > 0 && self.sym(i - 1) == Some(':') && self.touch(i) && self.is_num(i.wrapping_sub(2))
        {
            return true;
        }
        if self.next_to(end) && matches!(self.lw(end), "am" | "pm" | "a" | "p") {
            let dotted = matches!(self.lw(end), "a" | "p") && self.sym(end + 1) == Some('.');
            if (matches!(self.lw(end), "am" | "pm") || dotted) && v <= 12.0 {
                return true;
            }
        }
        if self.is_w(end, "o") && self.sym(end + 1) == Some('\'') {
            return true;
        }
        if v.fract() == 0.0 && (1.0..=12.0).contains(&v) && self.hour_of_day(end) {
            return true;
        }
        if self.next_to(end)
            && matches!(
                self.w(end),
                "GMT"
                    | "BST"
                    | "UTC"
                    | "EST"
                    | "EDT"
                    | "CST"
                    | "CDT"
                    | "PST"
                    | "PDT"
                    | "CET"
                    | "JST"
            )
        {
            return true;
        }
        // "0914": a clock time or a code, not a count.
        if nm.plain && nm.ndig >= 2 && self.w(i).starts_with('0') {
            return true;
        }
        // Codes: letters touching the digits ("G7", "i7", "06F6"), a hyphen
        // joining them to a word ("COVID-19", "F-16"), "#5", "No. 5".
        if i > 0 && self.touch(i) {
            match self.kind(i - 1) {
                Some(Tk::Word) => return true,
                // "#5", "+44", and the exponent in "m^2".
                Some(Tk::Sym('#')) | Some(Tk::Sym('+')) | Some(Tk::Sym('^')) => return true,
                Some(Tk::Sym('-')) | Some(Tk::Sym('/')) if i > 1 && self.touch(i - 1) => {
                    return true;
                }
                Some(Tk::Sym('.')) if i > 1 && self.touch(i - 1) && self.is_wordtok(i - 2) => {
                    return true;
                }
                _ => {}
            }
        }
        if self.touch(end) {
            match self.kind(end) {
                Some(Tk::Word) => return true,
                Some(Tk::Sym('-')) | Some(Tk::Sym('/')) | Some(Tk::Sym('_'))
                    if self.touch(end + 1)
                        && matches!(self.kind(end + 1), Some(Tk::Num) | Some(Tk::Word)) =>
                {
                    return true;
                }
                _ => {}
            }
        }
        if i > 0 && self.is_wordtok(i - 1) && self.next_to(i) {
            let pw = self.w(i - 1);
            let lpw = self.lw(i - 1);
            if matches!(lpw, "no" | "nr" | "number" | "num" | "art" | "article")
                && (pw != lpw || self.sym(i) == Some('.'))
            {
                return true;
            }
            // Labels in any case: "lot number 54238", "page 5", "room 12";
            // nouns that also start a clause ("each day 500 people",
            // "this season 12 goals") are left to the counts.
            if nm.plain
                && matches!(
                    lpw,
                    "number"
                        | "lot"
                        | "model"
                        | "serial"
                        | "code"
                        | "flight"
                        | "route"
                        | "page"
                        | "pages"
                        | "chapter"
                        | "room"
                        | "platform"
                        | "gate"
                        | "terminal"
                        | "exercise"
                        | "item"
                        | "clause"
                        | "paragraph"
                        | "version"
                )
            {
                return true;
            }
            // Parts of names: "Boeing 737", "Voyager 2", "Windows 10".
            let cap = pw.chars().next().is_some_and(|c| c.is_uppercase());
            if cap && !lexicon::is_function_word(lpw) && nm.plain {
                return true;
            }
        }
        // After a code of letters and digits, as after a capitalised word:
        // "Core i7 860", "A320 200".
        if nm.plain
            && i > 1
            && self.is_num(i - 1)
            && self.touch(i - 1)
            && self.is_wordtok(i - 2)
            && self.next_to(i)
        {
            return true;
        }
        // After a bracketed ticker, as after a capitalised word: "Boeing Co
        // <BA> 767's".
        if nm.plain
            && i > 1
            && self.sym(i - 1) == Some('>')
            && self.touch(i - 1)
            && self.is_wordtok(i - 2)
            && self.next_to(i)
        {
            return true;
        }
        if i > 1
            && self.sym(i - 1) == Some('.')
            && matches!(self.lw(i - 2), "no" | "nr" | "nos")
            && self.next_to(i)
        {
            return true;
        }
        // List numbering: "1." or "1)" at the start of a line, "(1)".
        if nm.plain
            && matches!(self.sym(end), Some('.') | Some(')'))
            && self.touch(end)
            && (self.line_start(i) || (i > 0 && self.sym(i - 1) == Some('(') && self.touch(i)))
        {
            return true;
        }
        // Street numbers: "123 Random Street".
        if nm.plain {
            for k in end..end + 3 {
                if !self.is_wordtok(k) || !self.next_to(k) {
                    break;
                }
                let w = self.w(k);
                if !w.chars().next().is_some_and(|c| c.is_uppercase()) {
                    break;
                }
                if matches!(
                    self.lw(k),
                    "street"
                        | "st"
                        | "avenue"
                        | "ave"
                        | "road"
                        | "rd"
                        | "boulevard"
                        | "blvd"
                        | "lane"
                        | "drive"
                        | "dr"
                        | "place"
                        | "court"
                ) && k > end
                {
                    return true;
                }
            }
        }
        if self.race_time(i, nm) {
            return true;
        }
        if nm.plain && (self.name_digits(i) || self.ranked_line(i, end, v)) {
            return true;
        }
        // Small counts in words ("two nations") are prose, not figures.
        if nm.small_word {
            return true;
        }
        false
    }
}
