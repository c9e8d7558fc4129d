//! Figures stage: finds numbers, money, percentages, quantities and ratios
//! in text and normalises their value, unit and hedge.
//!
//! Owns: the number grammar, the unit and currency lexicons, qualifiers.
//! Files: `lex.rs` (tokenizer), `numerals.rs` (digits, fractions, scale
//! and number words), `units.rs` (units, rates, currencies after the
//! number), `filters.rs` (what is not a figure), `lexicon.rs` (word lists),
//! and here the figure grammar that ties them together.
//! Must not depend on readers, other extractors, the index or the CLI.
//!
//! # Brief overview
//! [`extract`] tokenizes the text once (digit runs, letter runs, single
//! symbols) and walks the tokens left to right. At each token it tries the
//! figure grammar: an optional hedge ("over", "more than"), an optional
//! currency prefix ("$", "US$", "USD"), a numeral (digits with separators,
//! decimals, exponents, fractions, number words and scale words), an
//! optional range ("5-10", "between 5 and 10"), then a unit ("%", "tons",
//! "km/h", "dollars", "times more"). What is left is filtered: years,
//! dates, times of day, ordinals, list numbering, codes, phone numbers and
//! parts of names are not figures, and neither are small spelled-out counts
//! ("two nations") or durations ("six months"), which the dates stage owns.
//!
//! ```
//! let text = "China refined over 130,000 tons of rare earths.";
//! let figs = claimdex_figures::extract(text);
//! assert_eq!(figs.len(), 1);
//! assert_eq!(figs[0].span.slice(text), "over 130,000 tons");
//! assert_eq!(figs[0].value, Some(130000.0));
//! assert_eq!(figs[0].unit, "ton");
//! ```
#![deny(missing_docs)]

mod filters;
mod lex;
mod lexicon;
mod numerals;
mod units;

use claimdex_model::{Comparator, Figure, FigureKind, Span};
use lex::{Tk, Tok};
use lexicon::{NumWord, UKind};

/// Finds every figure in `text`, in text order, spans in bytes.
pub fn extract(text: &str) -> Vec<Figure> {
    let mut toks = Vec::new();
    lex::tokenize(text, &mut toks);
    let low = text.to_ascii_lowercase();
    let p = P {
        text,
        low: &low,
        toks: &toks,
    };
    p.run()
}

/// A parsed numeral: the value and what it was made of.
#[derive(Clone, Copy, Debug)]
struct Nm {
    /// The value, `None` on overflow.
    v: Option<f64>,
    /// Token index one past the numeral.
    end: usize,
    /// Written with words only ("twenty-five").
    words: bool,
    /// A single small number word (zero … ten), nothing else.
    small_word: bool,
    /// Plain digits: no separator, decimal point, exponent or scale.
    plain: bool,
    /// Number of digits when plain.
    ndig: usize,
    /// The product of scale words applied ("million" → 1e6), 1 if none.
    scale: f64,
    /// A fraction is part of it.
    frac: bool,
    /// Dotted code (version number, IP address): never a figure.
    code: bool,
}

impl Nm {
    /// A numeral of value `v` ending before token `end` with every other
    /// property off: the base the readers fill in.
    fn bare(v: Option<f64>, end: usize) -> Nm {
        Nm {
            v,
            end,
            words: false,
            small_word: false,
            plain: false,
            ndig: 0,
            scale: 1.0,
            frac: false,
            code: false,
        }
    }
}

/// The unit found after a numeral.
#[derive(Clone, Debug)]
struct UnitHit {
    unit: String,
    kind: UKind,
    /// Token index one past the unit.
    end: usize,
    /// Multiplier of the value (a "dozen", a "MUSD").
    mul: f64,
}

/// The parser over one text's tokens.
struct P<'a> {
    text: &'a str,
    low: &'a str,
    toks: &'a [Tok],
}

impl<'a> P<'a> {
    fn n(&self) -> usize {
        self.toks.len()
    }

    /// The token's text as written.
    fn w(&self, i: usize) -> &'a str {
        match self.toks.get(i) {
            Some(t) => self.text.get(t.s..t.e).unwrap_or(""),
            None => "",
        }
    }

    /// The token's text in ASCII lower case.
    fn lw(&self, i: usize) -> &'a str {
        match self.toks.get(i) {
            Some(t) => self.low.get(t.s..t.e).unwrap_or(""),
            None => "",
        }
    }

    fn kind(&self, i: usize) -> Option<Tk> {
        self.toks.get(i).map(|t| t.k)
    }

    fn is_num(&self, i: usize) -> bool {
        self.kind(i) == Some(Tk::Num)
    }

    fn is_wordtok(&self, i: usize) -> bool {
        self.kind(i) == Some(Tk::Word)
    }

    fn sym(&self, i: usize) -> Option<char> {
        match self.kind(i) {
            Some(Tk::Sym(c)) => Some(c),
            _ => None,
        }
    }

    /// Whether token `i` touches token `i - 1` (no space between).
    fn touch(&self, i: usize) -> bool {
        i > 0 && i < self.n() && self.toks[i - 1].e == self.toks[i].s
    }

    /// Whether tokens `i - 1` and `i` are on one line.
    fn same_line(&self, i: usize) -> bool {
        if i == 0 || i >= self.n() {
            return false;
        }
        let g = self
            .text
            .get(self.toks[i - 1].e..self.toks[i].s)
            .unwrap_or("\n");
        !g.contains('\n')
    }

    /// Whether token `i` continues the phrase: on the same line, separated
    /// by at most a little whitespace.
    fn next_to(&self, i: usize) -> bool {
        if i == 0 || i >= self.n() {
            return false;
        }
        let g = self.toks[i].s - self.toks[i - 1].e;
        g <= 4 && self.same_line(i)
    }

    fn is_w(&self, i: usize, w: &str) -> bool {
        self.is_wordtok(i) && self.lw(i) == w
    }

    /// A hedge starting at `i`: (text end byte, comparator, next token).
    fn qualifier(&self, i: usize) -> Option<(usize, Option<Comparator>, usize)> {
        // A sign hedge goes with digits ("<5", "~ 20"), not words
        // ("<Four Seasons Hotels>" is a name in brackets).
        if self.sym(i).is_some() && self.is_wordtok(i + 1) && self.touch(i + 1) {
            return None;
        }
        // A ">" touching what comes before closes a bracket ("<IBM> four
        // mln bit chip"), it compares nothing.
        if self.sym(i) == Some('>')
            && self.touch(i)
            && !matches!(self.sym(i - 1), Some('(' | '[' | ':' | '='))
        {
            return None;
        }
        match self.sym(i) {
            Some('~') | Some('≈') => return Some((i, Some(Comparator::Approximately), i + 1)),
            Some('>') | Some('<') if i + 1 < self.n() => {
                let ge = self.sym(i + 1) == Some('=') && self.touch(i + 1);
                let gt = self.sym(i) == Some('>');
                let c = match (gt, ge) {
                    (true, true) => Comparator::GreaterOrEqual,
                    (true, false) => Comparator::Greater,
                    (false, true) => Comparator::LessOrEqual,
                    (false, false) => Comparator::Less,
                };
                let end = if ge { i + 2 } else { i + 1 };
                return Some((end - 1, Some(c), end));
            }
            Some('≥') => return Some((i, Some(Comparator::GreaterOrEqual), i + 1)),
            Some('≤') => return Some((i, Some(Comparator::LessOrEqual), i + 1)),
            _ => {}
        }
        if !self.is_wordtok(i) || !lexicon::starts_qualifier(self.lw(i)) {
            return None;
        }
        'q: for (words, cmp) in lexicon::QUALIFIERS {
            for (k, w) in words.iter().enumerate() {
                let t = i + k;
                if !self.is_w(t, w) || (k > 0 && !self.next_to(t)) {
                    continue 'q;
                }
            }
            let last = i + words.len() - 1;
            // "approx." keeps its dot.
            let mut last_tok = last;
            if *words == ["approx"] && self.sym(last + 1) == Some('.') && self.touch(last + 1) {
                last_tok = last + 1;
            }
            return Some((last_tok, *cmp, last_tok + 1));
        }
        None
    }

    /// A currency written before the number at `i`: (ISO code, next token,
    /// multiplier for "MUSD"-style prefixes).
    fn currency_prefix(&self, i: usize) -> Option<(&'static str, usize)> {
        let n = self.n();
        if i >= n {
            return None;
        }
        match self.kind(i)? {
            Tk::Sym(c) => {
                let code = lexicon::currency_symbol(c)?;
                Some((code, i + 1))
            }
            Tk::Word => {
                let w = self.w(i);
                // "US$", "C$", "HK$" written touching, or "us $" spaced.
                if self.sym(i + 1) == Some('$') && self.same_line(i + 1) {
                    let touching = self.touch(i + 1);
                    if let Some(code) = lexicon::dollar_prefix(w, !touching) {
                        return Some((code, i + 2));
                    }
                }
                // "Rs 3.5 million", "Rs. 500".
                if w == "Rs" {
                    let k = if self.sym(i + 1) == Some('.') && self.touch(i + 1) {
                        i + 2
                    } else {
                        i + 1
                    };
                    if self.is_num(k) && self.next_to(k) {
                        return Some(("INR", k));
                    }
                }
                // "U.S.$"
                if (w == "U" || w == "u")
                    && self.sym(i + 1) == Some('.')
                    && self.is_w(i + 2, "s")
                    && self.sym(i + 3) == Some('.')
                    && self.sym(i + 4) == Some('$')
                    && self.touch(i + 4)
                {
                    return Some(("USD", i + 5));
                }
                if let Some(code) = lexicon::currency_code(w).or_else(|| {
                    w.strip_prefix('M')
                        .filter(|r| r.len() == 3)
                        .and_then(lexicon::currency_code)
                }) {
                    // A code before a number must be followed by one.
                    if self.is_num(i + 1) && self.next_to(i + 1) {
                        return Some((code, i + 1));
                    }
                }
                None
            }
            Tk::Num => None,
        }
    }

    /// Cheap test for [`Self::currency_word_prefix`]: a currency word at
    /// `w` before a number at `k` that is not a plain integer (cheap
    /// token tests first: most numbers in news are plain).
    fn money_word_before(&self, w: usize, k: usize) -> bool {
        if !self.is_num(k) || self.touch(k) {
            return false;
        }
        let not_plain = (matches!(self.sym(k + 1), Some('.' | ','))
            && self.touch(k + 1)
            && self.is_num(k + 2)
            && self.touch(k + 2))
            || (self.is_wordtok(k + 1)
                && (matches!(lexicon::num_word(self.lw(k + 1)), Some(NumWord::Big(_)))
                    || lexicon::scale_abbrev(self.w(k + 1), self.touch(k + 1), true).is_some()));
        not_plain && lexicon::unit_lower(self.lw(w)).is_some_and(|(_, kd)| kd == UKind::Money)
    }

    /// A currency word written before the number at `i` ("dollar 22.5
    /// million", "US dollars 1,200", "Australian dollars 648m"): (ISO
    /// code, token of the number). Only mid-line, one space before a
    /// number that cannot be a year or a label (a decimal, thousands groups
    /// or a scale: "Euro 2020" is a name) and that has no unit of its own
    /// ("dollars 5 years ago"); not the words that are mostly something
    /// else ("won", "mark"), nor in tables ("Dollar   9.0 (8.8)").
    fn currency_word_prefix(&self, i: usize) -> Option<(&'static str, usize)> {
        if !self.is_wordtok(i)
            || i == 0
            || !(self.is_num(i + 1) || (self.is_num(i + 2) && self.is_wordtok(i + 1)))
            || !self.same_line(i)
        {
            return None;
        }
        let phrase = |a: usize| {
            let mut b = SBuf::new();
            b.push_str(self.lw(a));
            b.push(' ');
            b.push_str(self.lw(a + 1));
            b
        };
        let money = |p: &str| {
            lexicon::unit_lower(p)
                .filter(|&(code, kind)| {
                    // An ISO code, not a bare "franc" or a sub-unit.
                    kind == UKind::Money
                        && code.len() == 3
                        && code.bytes().all(|b| b.is_ascii_uppercase())
                })
                .map(|(code, _)| code)
        };
        let two = self.is_wordtok(i + 1) && self.next_to(i + 1) && !self.touch(i + 1);
        let (code, k) = match two.then(|| money(phrase(i).as_str())) {
            Some(Some(code)) => (code, i + 2),
            _ => {
                // "Australian dollar 29.4bn" is read from "Australian".
                let before = self.is_wordtok(i - 1) && self.next_to(i);
                if before && money(phrase(i - 1).as_str()).is_some() {
                    return None;
                }
                (money(self.lw(i))?, i + 1)
            }
        };
        if matches!(self.lw(k - 1), "won" | "mark" | "marks") {
            return None;
        }
        let gap = self.text.get(self.toks[k - 1].e..self.toks.get(k)?.s)?;
        if !self.is_num(k) || !matches!(gap, " " | "\u{a0}") {
            return None;
        }
        let nm = self.numeral(k, true)?;
        if nm.code || nm.plain || nm.words || nm.v.is_none() {
            return None;
        }
        let end = self.quote_offer(&nm).map_or(nm.end, |(_, e)| e);
        if self.unit_at(end, true, nm.scale).is_some() {
            return None;
        }
        Some((code, k))
    }

    /// The hedge as written and its comparator.
    fn qual_parts(
        &self,
        qual: Option<(usize, usize, Option<Comparator>)>,
    ) -> (Option<String>, Option<Comparator>) {
        match qual {
            Some((qs, ql, c)) => (
                self.text
                    .get(self.toks[qs].s..self.toks[ql].e)
                    .map(str::to_string),
                c,
            ),
            None => (None, None),
        }
    }

    /// Tries to read a figure starting at token `i`. Returns the figure
    /// and the token to continue from, or the token to skip to.
    fn figure_at(&self, i: usize) -> Result<(Figure, usize), usize> {
        let n = self.n();
        // Hedge.
        let (qual, mut j) = match self.qualifier(i) {
            Some((last, cmp, next)) if next < n && self.next_to(next) => {
                (Some((i, last, cmp)), next)
            }
            _ => (None, i),
        };
        // Ratio words: "twice as many", "doubled", "tripled".
        if let Some(r) = self.ratio_word(j, qual) {
            return Ok(r);
        }
        // Ages: "aged 87", "age 87".
        let mut age_prefix = false;
        if qual.is_none()
            && (self.is_w(j, "aged") || self.is_w(j, "age"))
            && self.is_num(j + 1)
            && self.next_to(j + 1)
        {
            age_prefix = true;
            j += 1;
        }
        // Negative words.
        let mut neg = false;
        if (self.is_w(j, "minus") || self.is_w(j, "negative")) && self.next_to(j + 1) {
            neg = true;
            j += 1;
        }
        // Currency before the number.
        let mut money: Option<&'static str> = None;
        let mut prefix_mul = 1.0;
        if let Some((code, k)) = self.currency_prefix(j) {
            if self.next_to(k) || self.touch(k) {
                let nxt_ok = self.is_num(k)
                    || (self.sym(k) == Some('.') && self.is_num(k + 1))
                    || (self.is_wordtok(k) && lexicon::num_word(self.lw(k)).is_some());
                if nxt_ok {
                    money = Some(code);
                    // "MAUD 60": an M before the code means millions.
                    if self.w(j).len() == 4 && self.w(j).starts_with('M') {
                        prefix_mul = 1e6;
                    }
                    j = k;
                }
            }
        }
        // A currency word before the number: "dollar 22.5 million".
        if money.is_none() {
            if let Some((code, k)) = self.currency_word_prefix(j) {
                money = Some(code);
                j = k;
            }
        }
        // Sign.
        if matches!(self.sym(j), Some('-') | Some('−'))
            && self.touch(j + 1)
            && self.is_num(j + 1)
            && (j == 0 || !self.touch(j) || matches!(self.sym(j - 1), Some('(') | Some('$')))
        {
            neg = !neg;
            j += 1;
            if money.is_none() {
                if let Some((code, k)) = self.currency_prefix(j) {
                    if self.touch(k) && self.is_num(k) {
                        money = Some(code);
                        j = k;
                    }
                }
            }
        }
        let num_start = j;
        let Some(mut nm) = self.numeral(j, money.is_some()) else {
            return Err(i + 1);
        };
        if nm.code {
            return Err(nm.end.max(i + 1));
        }
        if nm.end <= j {
            return Err(i + 1);
        }
        // A capitalised number word inside a name is no figure whatever
        // follows it: "BBC One in 1978" is no one-in-N ratio, "the Group of
        // Seven dollar accord" no money.
        if nm.words
            && nm.end == num_start + 1
            && money.is_none()
            && title_case(self.w(num_start))
            && self.name_part(num_start)
        {
            return Err(nm.end.max(i + 1));
        }
        if neg {
            nm.v = nm.v.map(|v| -v);
        }
        if url_like(self, num_start) {
            return Err(nm.end.max(i + 1));
        }
        // A number hyphen-joined to a word before it names something
        // ("SCP-173 m", "F-16 jets", "COVID-19 cases"), unit or not.
        if num_start == i
            && i > 1
            && matches!(self.sym(i - 1), Some('-'))
            && self.touch(i)
            && self.touch(i - 1)
            && self.is_wordtok(i - 2)
        {
            return Err(nm.end.max(i + 1));
        }
        // A two-way price, "1.8205/15 marks", "145.85/90 yen": the bid,
        // then the offer's last digits.
        // The figure runs from the lower to the higher side.
        let quote_max = match self
            .quote_offer(&nm)
            .or_else(|| self.fraction_quote(num_start, &nm))
        {
            Some((other, e)) => {
                nm.end = e;
                let bid = nm.v.unwrap_or(other);
                nm.v = Some(bid.min(other));
                Some(bid.max(other))
            }
            None => None,
        };
        let mut k = nm.end;
        // A stated uncertainty, "9.83 ± 0.02 km", "5 +/- 1 kg": part of
        // the figure; the unit comes after it.
        if let Some(e) = self.uncertainty_at(k) {
            k = e;
            nm.end = e;
        }
        // Unit right after the first number (before a range connector).
        let mut unit1 = self.unit_at(k, money.is_some(), nm.scale);
        // "one bit of silicon" is a small piece, not a binary digit.
        if nm.words && self.is_w(k, "bit") && self.is_w(k + 1, "of") {
            unit1 = None;
        }
        // "50 Cent" is a name: an amount of cents is written in lower case
        // and in the plural.
        if unit1.as_ref().is_some_and(|u| u.unit == "cent") && self.w(k) == "Cent" {
            return Err(k + 1);
        }
        // "the 25,000 mark", "the three million mark": a level reached, a
        // bare number, no amount of Deutsche marks ("the 1,000 mark bonds"
        // is one: a noun follows).
        if unit1.as_ref().is_some_and(|u| u.unit == "DEM")
            && self.w(k) == "mark"
            && num_start > 0
            && self.is_w(qual.map_or(num_start, |(qs, _, _)| qs) - 1, "the")
            && !(self.next_to(k + 1)
                && (self.is_num(k + 1)
                    || (self.is_wordtok(k + 1) && !lexicon::is_function_word(self.lw(k + 1)))))
        {
            unit1 = None;
        }
        // "one in five", "1 in 4": a ratio.
        if unit1.is_none() && money.is_none() && self.is_w(k, "in") && self.next_to(k + 1) {
            if let Some(m) = self.numeral(k + 1, false) {
                let (a, b) = (nm.v.unwrap_or(0.0), m.v.unwrap_or(0.0));
                let words_both = nm.words && m.words;
                if !m.code && b > a && a > 0.0 && (words_both || a == 1.0) && !m.frac {
                    let (qualifier, comparator) = self.qual_parts(qual);
                    let s0 = match qual {
                        Some((qs, _, _)) => self.toks[qs].s,
                        None => self.toks[i].s,
                    };
                    let e = self.toks[m.end - 1].e;
                    return Ok((
                        Figure {
                            span: Span::new(s0, e),
                            value: finite(a / b),
                            value_max: None,
                            unit: String::new(),
                            kind: FigureKind::Ratio,
                            qualifier,
                            comparator,
                            measured: None,
                        },
                        m.end,
                    ));
                }
            }
        }
        // "6 pm", "2.30 am", "7:30am", "one am" are times of day, not
        // picometres.
        let clock = || {
            self.time_like(&nm)
                || (nm.words && nm.v.is_some_and(|v| v <= 12.0))
                || (num_start > 1 && self.sym(num_start - 1) == Some(':') && self.touch(num_start))
        };
        if unit1.as_ref().is_some() && matches!(self.lw(k), "pm" | "am") && clock() {
            return Err(k.max(i + 1) + 1);
        }
        let mut value_max: Option<f64> = None;
        let mut end_tok;
        // Ranges.
        let after1 = unit1.as_ref().map(|u| u.end).unwrap_or(k);
        let range = self.range_at(after1, qual, money, &nm, unit1.is_some(), i);
        if let Some((nm2, money2, k2)) = range {
            if money.is_none() {
                money = money2;
            }
            let mut v1 = nm.v;
            // "3-4 million": the second number's scale applies to the first
            // when the first is smaller than the second's digits.
            if nm.scale == 1.0 && nm2.scale > 1.0 && unit1.is_none() {
                let raw2 = nm2.v.unwrap_or(0.0) / nm2.scale;
                if nm.v.is_some_and(|a| a < raw2) {
                    v1 = v1.map(|v| v * nm2.scale);
                }
            }
            // "140-150,000 bpd", "$50-100,000": a plain low end of up to
            // three digits, hyphened to a high end written in thousands
            // (",000"), is in thousands too when that brings it within ten
            // times the high end ("1-100,000" stays as written).
            if nm.plain
                && nm.ndig <= 3
                && nm2.scale == 1.0
                && matches!(self.sym(after1), Some('-' | '–'))
                && nm2.end >= 2
                && self.w(nm2.end - 1) == "000"
                && self.sym(nm2.end - 2) == Some(',')
            {
                if let (Some(a), Some(b)) = (nm.v, nm2.v) {
                    if a * 1e3 < b && a * 1e4 >= b {
                        v1 = Some(a * 1e3);
                    }
                }
            }
            let unit2 = self.unit_at(k2, money.is_some(), nm2.scale);
            match (&unit1, &unit2) {
                // Two different units: not a range; keep the first figure.
                (Some(a), Some(b)) if a.unit != b.unit => {}
                _ => {
                    nm.v = v1;
                    value_max = nm2.v;
                    k = k2;
                    if let Some(u) = &unit2 {
                        k = u.end;
                    }
                    if unit1.is_none() {
                        unit1 = unit2;
                    }
                    nm.end = k2;
                    nm.plain = false;
                }
            }
        }
        // "45 and 50 mg", "2 or 3 percent": the first number shares the
        // unit written after the second.
        if value_max.is_none() && unit1.is_none() && money.is_none() {
            if let Some(u) = self.shared_unit(k, &nm) {
                if !self.bare_excluded(num_start, &nm, qual.is_some()) {
                    unit1 = Some(u);
                }
            }
        }
        if value_max.is_some() {
            end_tok = k;
        } else {
            end_tok = unit1.as_ref().map(|u| u.end).unwrap_or(nm.end);
            // "5 ft 2 in", "5 feet and 2 inches".
            if let Some(u) = unit1.as_mut().filter(|u| u.unit == "ft") {
                let mut j2 = u.end;
                if self.is_w(j2, "and") && self.next_to(j2) {
                    j2 += 1;
                }
                if self.is_num(j2) && self.next_to(j2) {
                    if let Some(d) = self.digits(j2) {
                        let inch = matches!(self.lw(d.end), "in" | "inch" | "inches" | "\"")
                            && self.next_to(d.end);
                        if inch {
                            let u2 = UnitHit {
                                unit: "in".into(),
                                kind: UKind::Measure,
                                end: d.end + 1,
                                mul: 1.0,
                            };
                            {
                                nm.v = nm.v.and_then(|v| d.v.map(|x| v + x / 12.0));
                                u.end = u2.end;
                                end_tok = u2.end;
                            }
                        }
                    }
                }
            }
        }
        // "between" with no range after it is no hedge.
        let qual = match qual {
            Some((qs, _, _)) if value_max.is_none() && self.is_w(qs, "between") => {
                return self.figure_at(qs + 1).map_err(|e| e.max(i + 1));
            }
            q => q,
        };
        // Currency written after the number when none came before.
        let mut unit = String::new();
        let mut kind = FigureKind::Number;
        let mut mul = prefix_mul;
        let mut span_end_tok = end_tok;
        if let Some(code) = money {
            unit = code.to_string();
            kind = FigureKind::Money;
            if let Some(u) = &unit1 {
                if u.kind == UKind::Money && u.unit == code {
                    // "$5 dollars": the word repeats the sign; the figure
                    // is what the sign and digits say.
                    span_end_tok = if value_max.is_some() { k } else { nm.end };
                } else if let UKind::Count(m) = u.kind {
                    mul = m;
                    span_end_tok = u.end;
                } else {
                    span_end_tok = if value_max.is_some() { k } else { nm.end };
                }
            } else {
                span_end_tok = if value_max.is_some() { k } else { nm.end };
            }
        } else if let Some(u) = &unit1 {
            match u.kind {
                UKind::Money => {
                    unit = u.unit.clone();
                    kind = FigureKind::Money;
                }
                UKind::Percent => {
                    unit = u.unit.clone();
                    kind = FigureKind::Percent;
                }
                UKind::Measure => {
                    unit = u.unit.clone();
                    kind = FigureKind::Quantity;
                    // "1.6 bcf" is 1.6 billion cubic feet.
                    mul *= u.mul;
                }
                UKind::Count(m) => {
                    mul = m;
                    nm.small_word = false;
                    nm.plain = false;
                    span_end_tok = u.end;
                }
                UKind::Time => {
                    // An age: "29 years old", "6 weeks of age", "87 yo".
                    let e = u.end;
                    let mut age_end = None;
                    if self.is_w(e, "old") && self.next_to(e) {
                        age_end = Some(e + 1);
                    } else if (self.sym(e) == Some('-') && self.is_w(e + 1, "old"))
                        || (self.is_w(e, "of") && self.is_w(e + 1, "age"))
                    {
                        age_end = Some(e + 2);
                    }
                    // Ranges of ages too: "40 - 50 years old".
                    if let Some(ae) = age_end {
                        unit = u.unit.clone();
                        kind = FigureKind::Quantity;
                        span_end_tok = ae;
                    } else if age_prefix {
                        // "aged 87 years".
                        unit = u.unit.clone();
                        kind = FigureKind::Quantity;
                    } else {
                        // A duration: the dates stage owns it.
                        return Err(u.end.max(i + 1));
                    }
                }
            }
            if !matches!(u.kind, UKind::Time | UKind::Count(_)) {
                span_end_tok = end_tok;
            }
        } else if self.is_w(nm.end, "yo") && self.next_to(nm.end) {
            unit = "yr".into();
            kind = FigureKind::Quantity;
            span_end_tok = nm.end + 1;
        }
        if age_prefix && unit.is_empty() {
            unit = "yr".into();
            kind = FigureKind::Quantity;
        }
        // "MUSD", "MAUD 60".
        if kind == FigureKind::Money && money.is_none() {
            if let Some(u) = &unit1 {
                if let Some(rest) = self.w(u.end.saturating_sub(1)).strip_prefix('M') {
                    if lexicon::currency_code(rest).is_some() && rest.len() == 3 {
                        mul *= 1e6;
                    }
                }
            }
        }
        // A scale word after a currency code: "75 USD million".
        if kind == FigureKind::Money && nm.scale == 1.0 && value_max.is_none() && mul == 1.0 {
            if let Some(NumWord::Big(s)) = lexicon::num_word(self.lw(span_end_tok)) {
                let code_before = unit1.as_ref().is_some_and(|u| {
                    u.end == span_end_tok && lexicon::currency_code(self.w(u.end - 1)).is_some()
                });
                if code_before && self.next_to(span_end_tok) {
                    mul = s;
                    span_end_tok += 1;
                }
            }
        }
        // Money with cents after the unit word: "thirteen dollars
        // forty-five cents", "15 dollars 50", "10 $ 30 cent".
        let mut cents = 0.0;
        if kind == FigureKind::Money && value_max.is_none() && nm.scale == 1.0 {
            let (add, e) = self.cents_after(span_end_tok);
            if e > span_end_tok {
                cents = add;
                span_end_tok = e;
            }
        }
        // Frequencies: "four times a week", "3 times per day".
        if unit.is_empty()
            && kind == FigureKind::Number
            && value_max.is_none()
            && self.is_w(nm.end, "times")
            && self.next_to(nm.end)
        {
            if let Some((den, e)) = self.rate_at(nm.end + 1) {
                if matches!(den, "yr" | "mo" | "wk" | "d" | "h" | "min" | "s") {
                    unit = format!("times/{den}");
                    kind = FigureKind::Quantity;
                    span_end_tok = e;
                }
            }
        }
        // Ratios: "ten times more", "3-fold"; a decimal before "times"
        // is a multiple whatever follows ("2.7 times book value"): nobody
        // does a thing 2.7 times.
        if unit.is_empty() && kind == FigureKind::Number {
            let decimal_times = !nm.plain
                && !nm.words
                && !nm.frac
                && nm.scale == 1.0
                && value_max.is_none()
                && self.is_w(nm.end, "times")
                && self.next_to(nm.end)
                && self.sym(nm.end - 1).is_none()
                && nm.v.is_some_and(|v| v.fract() != 0.0);
            if let Some((e, _)) = self.times_after(nm.end) {
                unit = "times".into();
                kind = FigureKind::Ratio;
                span_end_tok = e;
            } else if decimal_times {
                unit = "times".into();
                kind = FigureKind::Ratio;
                span_end_tok = nm.end + 1;
            }
        }
        // Rates: "$5 per barrel", "20 km/h" (already a unit), "$1.40 a
        // share". The unit always takes the rate; the span takes it only
        // when it is written as unit notation ("per", "/"): "a share" is
        // English around a complete figure, so the span is "$1.40" (as
        // both test suites mark it) and the unit says "USD/share".
        let mut resume = span_end_tok;
        if !unit.is_empty() && kind != FigureKind::Ratio {
            if let Some((den, e)) = self.rate_at(span_end_tok) {
                // "bpd per day" says the day once.
                let again = unit.strip_suffix(den).is_some_and(|r| r.ends_with('/'));
                if den != unit && !again {
                    unit = format!("{unit}/{den}");
                    if !matches!(self.lw(span_end_tok), "a" | "an") {
                        span_end_tok = e;
                    }
                    resume = e;
                }
            }
        }
        // Bare numbers get the filters.
        if kind == FigureKind::Number {
            if self.bare_excluded(num_start, &nm, qual.is_some()) {
                return Err(nm.end.max(i + 1));
            }
            // Hyphen-joined bare numbers are codes, scores or phone
            // numbers ("555-1234", "3-1").
            if value_max.is_none()
                && self.sym(nm.end) == Some('-')
                && self.touch(nm.end)
                && self.is_num(nm.end + 1)
                && self.touch(nm.end + 1)
            {
                let mut e = nm.end;
                while self.sym(e) == Some('-') && self.is_num(e + 1) && self.touch(e + 1) {
                    e += 2;
                }
                return Err(e);
            }
            // A year range "2013-14" or "1990-2000" is a date.
            if value_max.is_some()
                && nm
                    .v
                    .is_some_and(|v| (1000.0..=2100.0).contains(&v) && v.fract() == 0.0)
            {
                return Err(span_end_tok.max(i + 1));
            }
            // A day range "6 to 9 January", "May 3-5" is a date too.
            let month_after = self.next_to(span_end_tok) && self.month_at(span_end_tok);
            let month_before =
                num_start > 0 && self.next_to(num_start) && self.month_at(num_start - 1);
            if value_max.is_some() && (month_after || month_before) {
                return Err(span_end_tok.max(i + 1));
            }
        }
        // Digit-word tokens like "10G" or "5G": a code, not a figure.
        if kind != FigureKind::Number && self.touch(span_end_tok) && self.is_wordtok(span_end_tok) {
            return Err(span_end_tok.max(i + 1));
        }
        // Only products of scale words need tidying.
        let scaled = mul != 1.0 || nm.scale != 1.0 || cents != 0.0 || value_max.is_some();
        let t = |v: f64| if scaled { tidy(v) } else { v };
        let v = nm.v.map(|v| t(v * mul + cents)).and_then(finite);
        let value_max = value_max.map(|v| t(v * mul)).and_then(finite);
        let value_max = value_max.or(quote_max.filter(|_| mul == 1.0));
        let start_b = match qual {
            Some((qs, _, _)) => self.toks[qs].s,
            None => self.toks[if age_prefix { num_start - 1 } else { i }].s,
        };
        let start_b = if qual.is_none() && !age_prefix {
            self.toks[i].s
        } else {
            start_b
        };
        let last_tok = span_end_tok.saturating_sub(1).min(n.saturating_sub(1));
        let end_b = self.toks[last_tok].e.max(start_b);
        let (qualifier, comparator) = self.qual_parts(qual);
        // A fraction measures a part too: "two-thirds of the shares".
        let part = kind == FigureKind::Number && nm.frac && v.is_some_and(|v| v > 0.0 && v < 1.0);
        let measured = if part
            || matches!(
                kind,
                FigureKind::Percent | FigureKind::Money | FigureKind::Quantity
            ) {
            self.measured_at(resume.max(span_end_tok))
        } else {
            None
        };
        Ok((
            Figure {
                span: Span::new(start_b, end_b),
                value: v,
                value_max,
                unit,
                kind,
                qualifier,
                comparator,
                measured,
            },
            span_end_tok.max(resume).max(i + 1),
        ))
    }

    /// The other side of a two-way price written as one side and the
    /// other's last digits ("1.8205/15", "145.85/90", "3.7498/7503"):
    /// (other side, token after it). Only after a decimal with at least two decimals
    /// and as many or fewer digits after the slash, so fractions ("1/2")
    /// and dates ("12/3/87") are not read.
    fn quote_offer(&self, nm: &Nm) -> Option<(f64, usize)> {
        let e = nm.end;
        if nm.plain || nm.words || nm.frac || nm.code || nm.scale != 1.0 || e < 2 {
            return None;
        }
        if self.sym(e) != Some('/') || !self.touch(e) || !self.is_num(e + 1) || !self.touch(e + 1) {
            return None;
        }
        if self.sym(e - 2) != Some('.') || !self.is_num(e - 1) {
            return None;
        }
        // A second slash, or a dot and digits, after: a date or a code.
        if self.touch(e + 2)
            && (self.sym(e + 2) == Some('/')
                || (self.sym(e + 2) == Some('.') && self.is_num(e + 3) && self.touch(e + 3)))
        {
            return None;
        }
        let dec = self.w(e - 1).len();
        let tail = self.w(e + 1);
        if dec < 2 || tail.len() > dec || tail.len() < 2 {
            return None;
        }
        let bid = nm.v?;
        let unit = 10f64.powi(-(dec as i32));
        let span = 10f64.powi(tail.len() as i32) * unit;
        let q: f64 = tail.parse().ok()?;
        // The other side is the nearer of the two readings: "1.5085/00"
        // rolls over to 1.5100, "4.58/42" (offered, bid) is 4.42.
        let low = (bid / span).floor() * span + q * unit;
        let other = if (low + span - bid).abs() < (bid - low).abs() {
            low + span
        } else {
            low
        };
        Some((tidy(other), e + 2))
    }

    /// The other side of a two-way rate quoted in fractions after a comma:
    /// "6-1/4, 1/8 pct" (6-1/4 and 6-1/8), "7-1/8, 6-7/8", "5-3/4, 5-1/4
    /// pct", as money-market reports write deposit rates. Only after a
    /// hyphenated mixed fraction (`start..nm.end`); a bare fraction after it
    /// takes the whole number nearest the first side, a full second side
    /// must lie within one of it and end the list. Read alone, "1/8 pct"
    /// would be an eighth of a percent.
    fn fraction_quote(&self, start: usize, nm: &Nm) -> Option<(f64, usize)> {
        let e = nm.end;
        if !nm.frac || nm.words || nm.scale != 1.0 || e != start + 5 {
            return None;
        }
        let bid = nm.v?;
        let chained = |a: usize, c: char| self.sym(a) == Some(c) && self.touch(a);
        let num = |a: usize| self.is_num(a) && self.touch(a);
        // "W-a/b" exactly.
        if !(self.is_num(start) && chained(start + 1, '-') && num(start + 2)) {
            return None;
        }
        if !(chained(start + 3, '/') && num(start + 4)) {
            return None;
        }
        if !(chained(e, ',') && self.next_to(e + 1) && self.is_num(e + 1)) {
            return None;
        }
        let j = e + 1;
        let part = |a: usize| self.w(a).parse::<f64>().ok();
        // The second side ends at `end`; nothing fraction- or date-like may
        // touch it.
        let ends = |end: usize| {
            !(chained(end, '/')
                || chained(end, '-')
                || (self.touch(end) && matches!(self.kind(end), Some(Tk::Num | Tk::Word))))
        };
        // "to 40-1/8, 1/4 over the offer": the fraction is a margin.
        let margin = |end: usize| {
            self.next_to(end)
                && matches!(
                    self.lw(end),
                    "over" | "above" | "under" | "below" | "higher" | "lower" | "point" | "points"
                )
        };
        if chained(j + 1, '/') && num(j + 2) && ends(j + 3) && !margin(j + 3) {
            let (c, d) = (part(j)?, part(j + 2)?);
            if !(c > 0.0 && c < d) {
                return None;
            }
            let f = c / d;
            let w = bid.floor();
            let other = [w - 1.0, w, w + 1.0]
                .into_iter()
                .map(|x| x + f)
                .filter(|o| *o >= 0.0)
                .min_by(|a, b| (a - bid).abs().total_cmp(&(b - bid).abs()))?;
            return (other != bid).then_some((tidy(other), j + 3));
        }
        // A full second side pairs only when no list goes on after it:
        // "rose to 6-7/16, 6-1/2 and 6-5/8 pct respectively" is three rates.
        let list_goes_on = |end: usize| {
            (self.is_w(end, "and") || self.is_w(end, "or") || chained(end, ','))
                && self.is_num(end + 1)
        };
        if chained(j + 1, '-')
            && num(j + 2)
            && chained(j + 3, '/')
            && num(j + 4)
            && ends(j + 5)
            && !list_goes_on(j + 5)
        {
            let (w, c, d) = (part(j)?, part(j + 2)?, part(j + 4)?);
            if !(c > 0.0 && c < d) {
                return None;
            }
            let other = w + c / d;
            return ((other - bid).abs() <= 1.0 && other != bid).then_some((tidy(other), j + 5));
        }
        None
    }

    /// A range connector and second numeral after the first numeral.
    /// Returns (second numeral, its currency, token after it).
    fn range_at(
        &self,
        k: usize,
        qual: Option<(usize, usize, Option<Comparator>)>,
        money: Option<&'static str>,
        nm: &Nm,
        has_unit: bool,
        start: usize,
    ) -> Option<(Nm, Option<&'static str>, usize)> {
        let between = qual.is_some_and(|(qs, _, _)| self.is_w(qs, "between"));
        let mut change = false;
        let mut j = k;
        let hyphen = matches!(self.sym(j), Some('-') | Some('–') | Some('—'));
        if hyphen {
            // Hyphen touching both sides, or spaced on both sides.
            let t1 = self.touch(j);
            let t2 = self.touch(j + 1);
            j += 1;
            if self.is_w(j, "to") {
                j += 1;
            } else if t1 != t2 && !(self.sym(j - 1) == Some('-') && !t1 && t2) {
                return None;
            }
        } else if self.is_w(j, "to") && self.next_to(j) {
            // "from 5 to 10" and "rose 15p to 410p" are changes, not
            // ranges.
            if start > 0 && self.is_w(start - 1, "from") {
                // "from 7 to 10" alone is a span of values ("zones from 7 to
                // 10"); after a change word it is a change ("cut from 44 mg
                // to 50 mg", "up from 7 to 10").
                let changed = (start.saturating_sub(5)..start - 1)
                    .rev()
                    .take_while(|&t| {
                        self.same_line(t + 1)
                            && !matches!(self.sym(t), Some('.' | ';' | ',' | '!' | '?'))
                    })
                    .any(|t| {
                        self.is_wordtok(t) && is_change_word(self.lw(t)) && !self.is_w(t, "by")
                    });
                if changed {
                    return None;
                }
            } else if start > 0 && is_change_word(self.lw(start - 1)) {
                // Unless the two are close and only the second has a unit:
                // "demand rising 1.9 to 2.2 pct" is a range of the rise.
                change = true;
            }
            j += 1;
        } else if between && self.is_w(j, "and") {
            j += 1;
        } else {
            return None;
        }
        if !self.next_to(j) && !self.touch(j) {
            return None;
        }
        let mut money2 = None;
        if let Some((code, kk)) = self.currency_prefix(j) {
            if money.is_some_and(|m| m != code) || (money.is_none() && has_unit) {
                return None;
            }
            money2 = Some(code);
            j = kk;
        }
        let neg2 = matches!(self.sym(j), Some('-') | Some('−')) && self.touch(j + 1);
        if neg2 {
            j += 1;
        }
        let mut nm2 = self.numeral(j, money.is_some() || money2.is_some())?;
        if nm2.code || nm2.v.is_none() || nm.v.is_none() {
            return None;
        }
        if neg2 {
            nm2.v = nm2.v.map(|v| -v);
        }
        let (a, b) = (nm.v?, nm2.v?);
        // "rose in 1986 to 336.5 billion escudos": a year, then the new
        // level, is no range.
        let year =
            |m: &Nm| m.plain && m.ndig == 4 && m.v.is_some_and(|v| (1900.0..=2100.0).contains(&v));
        if year(nm) && !year(&nm2) {
            return None;
        }
        if change
            && (has_unit
                || money.is_some()
                || money2.is_some()
                || nm.words
                || !(a > 0.0 && a < b && b <= 2.0 * a)
                || self.unit_at(nm2.end, false, nm2.scale).is_none())
        {
            return None;
        }
        // Stock reports: "British Telecom 2p to 254" is a move and the new
        // price: the low end has a unit, the high end none and is far
        // bigger.
        if !hyphen && has_unit && b >= 4.0 * a && self.unit_at(nm2.end, false, nm2.scale).is_none()
        {
            return None;
        }
        // Stock tables: "Shell won 3/4 to 42-3/4", "Canfor 1-1/4 to
        // 35-3/4" give a change and the new price, not a range.
        if nm.frac
            && (nm2.frac || nm2.plain)
            && a < b / 4.0
            && b > 1.0
            && !has_unit
            && money.is_none()
            && money2.is_none()
            && qual.is_none()
            && self.unit_at(nm2.end, false, nm2.scale).is_none()
        {
            return None;
        }
        let b_cmp = if nm.scale == 1.0 && nm2.scale > 1.0 {
            b / nm2.scale
        } else {
            b
        };
        if a >= b_cmp && a >= b {
            return None;
        }
        // A bare "to" (no "from", no "between") joins no range when the
        // low end is a day after a month ("rose on Feb 25 to 4.151 billion
        // dlrs") or the high end is over 50 times it: a change and the new
        // level ("fell 313.00 to 22,609.20", "cut one-half cent to 66.50
        // cents"), a year ("1986/87 to 1.9 billion bushels") or a model
        // ("Model 50 to 3,995 dlrs") before it.
        let from = start > 0 && self.is_w(start - 1, "from");
        if !hyphen && !between && !from {
            let mut p = start;
            if p > 0 && self.sym(p - 1) == Some('.') {
                p -= 1;
            }
            let day = nm.plain
                && (1.0..=31.0).contains(&a)
                && p > 0
                && self.next_to(start)
                && self.month_at(p - 1);
            // "March 16 to 31" is a date range, left whole for the date
            // filters; "seven to 364 days" a range of durations.
            let shares_scale = nm.scale == 1.0 && nm2.scale > 1.0 && a < b_cmp;
            let ratio = if shares_scale { b_cmp / a } else { b / a };
            let far = a > 0.0 && ratio > 50.0;
            // The unit lookup only when the cheap tests fire.
            if day || far {
                let unit2 = self.unit_at(nm2.end, false, nm2.scale);
                let day2 = nm2.plain && (1.0..=31.0).contains(&b) && unit2.is_none();
                let time = unit2.is_some_and(|u| u.kind == UKind::Time);
                if (day && !day2) || (far && !time) {
                    return None;
                }
            }
        }
        // Hyphen ranges need a unit, a currency or a hedge to be figures;
        // a bare "3-1" is a score or a code. Scores and codes are plain
        // digits, so a range of decimals or thousands ("67.00-68.00",
        // "1,200-1,500") is a range of values.
        let written = |m: &Nm| !m.plain && !m.words && !m.frac && !m.code && m.scale == 1.0;
        if hyphen
            && !(written(nm) && written(&nm2))
            && money.is_none()
            && money2.is_none()
            && !has_unit
            && qual.is_none()
            && nm2.scale == 1.0
        {
            self.unit_at(nm2.end, false, nm2.scale)?;
        }
        Some((nm2, money2, nm2.end))
    }

    /// "twice as many", "doubled", "tripled", "halved" as ratios.
    fn ratio_word(
        &self,
        j: usize,
        qual: Option<(usize, usize, Option<Comparator>)>,
    ) -> Option<(Figure, usize)> {
        let lw = self.lw(j);
        let v = match lw {
            "twice" => {
                let nx = self.lw(j + 1);
                if !self.next_to(j + 1)
                    || !matches!(
                        nx,
                        "as" | "the" | "that" | "more" | "its" | "their" | "his" | "her"
                    )
                {
                    return None;
                }
                2.0
            }
            "thrice" => 3.0,
            "doubled" | "doubles" | "doubling" => 2.0,
            "tripled" | "triples" | "tripling" | "trebled" => 3.0,
            "quadrupled" | "quadruples" | "quadrupling" => 4.0,
            "halved" | "halves" | "halving" => 0.5,
            _ => return None,
        };
        if lw == "halves" && j > 0 && lexicon::num_word(self.lw(j - 1)).is_some() {
            return None;
        }
        // "the mixed doubles", "a doubles title": the game, not a ratio.
        if matches!(lw, "doubles" | "triples")
            && ((j > 0
                && self.next_to(j)
                && matches!(
                    self.lw(j - 1),
                    "mixed"
                        | "the"
                        | "in"
                        | "of"
                        | "a"
                        | "s"
                        | "and"
                        | "play"
                        | "plays"
                        | "played"
                        | "playing"
                        | "win"
                        | "won"
                        | "best"
                        | "open"
                ))
                // "it doubles up as a camera": a use, not an amount.
                || (self.next_to(j + 1) && self.lw(j + 1) == "up" && self.is_w(j + 2, "as"))
                || matches!(
                    self.lw(j + 1),
                    "title"
                        | "titles"
                        | "match"
                        | "matches"
                        | "final"
                        | "finals"
                        | "partner"
                        | "partners"
                        | "champion"
                        | "champions"
                        | "team"
                        | "teams"
                        | "gold"
                        | "silver"
                        | "bronze"
                        | "events"
                        | "pair"
                        | "event"
                        | "rubber"
                        | "player"
                        | "players"
                        | "specialist"
                        | "crown"
                ))
        {
            return None;
        }
        let s = match qual {
            Some((qs, _, _)) => self.toks[qs].s,
            None => self.toks[j].s,
        };
        let (qualifier, comparator) = self.qual_parts(qual);
        Some((
            Figure {
                span: Span::new(s, self.toks[j].e),
                value: Some(v),
                value_max: None,
                unit: "times".into(),
                kind: FigureKind::Ratio,
                qualifier,
                comparator,
                measured: None,
            },
            j + 1,
        ))
    }

    /// "times more", "times as", "-fold" after a numeral ending at `k`:
    /// returns the token after the ratio phrase.
    fn times_after(&self, k: usize) -> Option<(usize, ())> {
        if self.sym(k) == Some('-') && self.is_w(k + 1, "fold") && self.touch(k + 1) {
            return Some((k + 2, ()));
        }
        if self.is_w(k, "fold") && self.next_to(k) {
            return Some((k + 1, ()));
        }
        if !self.is_w(k, "times") || !self.next_to(k) || !self.next_to(k + 1) {
            return None;
        }
        let nx = self.lw(k + 1);
        if matches!(
            nx,
            "more"
                | "less"
                | "fewer"
                | "higher"
                | "lower"
                | "greater"
                | "larger"
                | "bigger"
                | "smaller"
                | "faster"
                | "slower"
                | "stronger"
                | "cheaper"
                | "longer"
                | "shorter"
                | "likelier"
                | "heavier"
                | "richer"
                | "worse"
                | "better"
        ) {
            return Some((k + 2, ()));
        }
        if matches!(nx, "as" | "the" | "that" | "what" | "its") {
            return Some((k + 1, ()));
        }
        // "oversubscribed three times over." is a ratio; "voted three times
        // over the objections", "cut five times over the last year" count
        // occasions.
        if nx == "over" && !self.is_wordtok(k + 2) {
            return Some((k + 1, ()));
        }
        None
    }

    /// The noun phrase after "of" following a figure ("of GDP").
    fn measured_at(&self, k: usize) -> Option<String> {
        let mut j = k;
        if self.is_w(j, "worth") && self.next_to(j) {
            j += 1;
        }
        if !self.is_w(j, "of") || !self.next_to(j) {
            return None;
        }
        j += 1;
        while self.next_to(j)
            && matches!(
                self.lw(j),
                "the" | "a" | "an" | "its" | "their" | "his" | "her" | "our" | "all"
            )
        {
            j += 1;
        }
        let first = j;
        let mut last = None;
        let mut words = 0;
        while j < self.n() && self.next_to(j) && words < 6 {
            match self.kind(j) {
                Some(Tk::Word) => {
                    // "state-owned" is one word: its parts stop nothing.
                    let joined = j > first && self.touch(j) && self.sym(j - 1) == Some('-');
                    if self.is_np_stop(j) && !joined {
                        break;
                    }
                    last = Some(j);
                    words += 1;
                    j += 1;
                }
                Some(Tk::Sym('-')) if self.touch(j) && self.touch(j + 1) => {
                    j += 1;
                }
                // "U.S. consumption": the dots of an abbreviation.
                Some(Tk::Sym('.'))
                    if j > first
                        && self.touch(j)
                        && self.w(j - 1).len() == 1
                        && self.w(j - 1).bytes().all(|b| b.is_ascii_uppercase())
                        && ((self.touch(j + 1) && self.w(j + 1).len() == 1)
                            || (j >= 2 && self.sym(j - 2) == Some('.'))) =>
                {
                    last = Some(j);
                    j += 1;
                }
                // "M-3", "G-7": digits ending a hyphenated name.
                Some(Tk::Num) if j > first && self.touch(j) && self.sym(j - 1) == Some('-') => {
                    last = Some(j);
                    j += 1;
                }
                Some(Tk::Sym('\'')) | Some(Tk::Sym('’')) if self.touch(j) => {
                    j += 1;
                }
                _ => break,
            }
        }
        let last = last?;
        // "a quarter of a percentage point", "3/4 of a point": a unit,
        // not what is measured.
        if self.is_w(first, "point") || self.is_w(first, "points") {
            return None;
        }
        let s = self.toks[first].s;
        let e = self.toks[last].e;
        let np = self.text.get(s..e)?;
        // (A percentage point or a cent is a unit; a cup or a mile may be
        // a thing: "within six feet of the cup".)
        if lexicon::unit_lower(&np.to_ascii_lowercase())
            .is_some_and(|(_, k)| matches!(k, UKind::Percent | UKind::Money))
        {
            return None;
        }
        Some(np.to_string())
    }

    fn is_np_stop(&self, j: usize) -> bool {
        lexicon::is_np_stop(self.lw(j))
            || lexicon::num_word(self.lw(j)).is_some()
            || self.lw(j).ends_with("ing") && j > 0 && self.kind(j - 1) != Some(Tk::Word)
    }

    fn run(&self) -> Vec<Figure> {
        let mut out: Vec<Figure> = Vec::new();
        let n = self.n();
        // Every figure holds a number core (digits, a number word, a
        // fraction sign, a ratio word) within a few tokens of its start;
        // only positions near one are tried. `next_core[i]` is the first
        // core at or after `i`.
        let mut next_core = vec![usize::MAX; n + 1];
        for i in (0..n).rev() {
            next_core[i] = if self.is_core(i) { i } else { next_core[i + 1] };
        }
        let mut compared = false;
        let mut i = 0;
        while i < n {
            if next_core[i].saturating_sub(i) > 6 {
                // Jump to the first position that could reach a core.
                i = next_core[i].saturating_sub(6).max(i + 1);
                continue;
            }
            if !self.may_start(i) {
                i += 1;
                continue;
            }
            match self.figure_at(i) {
                Ok((f, next)) => {
                    out.push(f);
                    self.carry_elided_unit(&mut out, i, &mut compared);
                    i = next.max(i + 1);
                }
                Err(next) => {
                    i = next.max(i + 1);
                }
            }
        }
        out
    }

    /// News leaves the unit out of the second of two compared amounts:
    /// "rose to 8,285 tonnes from 5,908", "487.50 mln rand vs 559.59 mln",
    /// "a loss of 1.16 billion dlrs, down from a gain of 301.8 mln". A bare
    /// number right after such a connector ("from", "vs", "against",
    /// "after", "compared with", up to three words between) takes the unit
    /// of the nearest figure before it in the same sentence whose value is
    /// within a factor of ten (so "off 12.9 pct from 1.34 mln" skips the
    /// percentage and reaches "1.17 mln bpd"); if that figure has no unit
    /// either, nothing is carried. A noun after the number names what it
    /// counts ("from 15 investors", "from 200,000 shares"): no carry there.
    ///
    /// Run on the figure just found (the last of `out`, starting at token
    /// `s`), while its tokens are still in the cache; `compared` says
    /// whether the figure before it followed a connector, so that "from
    /// 97,070 in December and 120,228 in January" carries on through "and",
    /// and is updated for this one.
    fn carry_elided_unit(&self, out: &mut [Figure], s: usize, compared: &mut bool) {
        let y = out.len().saturating_sub(1);
        if y == 0 {
            *compared = self.after_compare_connector(s);
            return;
        }
        {
            let chained = s > 0
                && self.is_w(s - 1, "and")
                && self.next_to(s)
                && *compared
                && self
                    .text
                    .get(out[y - 1].span.end..out[y].span.start)
                    .is_some_and(|g| {
                        g.len() < 60 && !g.contains(['\n', ';']) && !sentence_break(g)
                    });
            *compared = chained || self.after_compare_connector(s);
            let f = &out[y];
            if f.kind != FigureKind::Number || !f.unit.is_empty() {
                return;
            }
            let Some(vy) = f.value.filter(|v| *v > 0.0) else {
                return;
            };
            // "rose by 1.2 billion guilders to 10.7 billion": a change
            // with its unit, then "to" and the new level with a scale but
            // no unit of its own, right after it.
            let g = &out[y - 1];
            if vy >= 1e5
                && s > 0
                && self.is_w(s - 1, "to")
                && self.next_to(s)
                && matches!(g.kind, FigureKind::Money | FigureKind::Quantity)
                && !g.unit.is_empty()
                && g.value
                    .is_some_and(|vx| vx > 0.0 && vx * 100.0 >= vy && vx <= vy * 100.0)
                && self
                    .text
                    .get(g.span.end..self.toks[s - 1].s)
                    .is_some_and(|gap| gap.trim().is_empty())
                && self.ends_comparison(s, f.span.end)
            {
                let (unit, kind) = (g.unit.clone(), g.kind);
                out[y].unit = unit;
                out[y].kind = kind;
                return;
            }
            if !*compared || !self.ends_comparison(s, f.span.end) {
                return;
            }
            for x in (0..y).rev() {
                let g = &out[x];
                let gap = self.text.get(g.span.end..f.span.start).unwrap_or("\n");
                if gap.len() > 160 || gap.contains(['\n', ';']) || sentence_break(gap) {
                    break;
                }
                let Some(vx) = g.value.filter(|v| *v > 0.0) else {
                    continue;
                };
                // Large amounts compared may differ more ("143.8 mln stg vs
                // 3.5 mln").
                let lim = if vx >= 1e5 && vy >= 1e5 { 100.0 } else { 10.0 };
                if vx > vy * lim || vy > vx * lim {
                    continue;
                }
                if !g.unit.is_empty()
                    && matches!(
                        g.kind,
                        FigureKind::Money | FigureKind::Percent | FigureKind::Quantity
                    )
                {
                    let (unit, kind) = (g.unit.clone(), g.kind);
                    out[y].unit = unit;
                    out[y].kind = kind;
                }
                break;
            }
        }
    }

    /// Whether the figure starting at token `s` follows a comparison
    /// connector, with at most three words between ("vs loss", "from a
    /// gain of").
    fn after_compare_connector(&self, s: usize) -> bool {
        let mut t = s;
        for _ in 0..4 {
            if t == 0 || !self.same_line(t) {
                return false;
            }
            t -= 1;
            // "vs." keeps its dot.
            let c = if self.sym(t) == Some('.') && t > 0 && self.touch(t) {
                t - 1
            } else {
                t
            };
            if !self.is_wordtok(c) {
                return false;
            }
            match self.lw(c) {
                "from" | "vs" | "versus" | "against" | "after" => return true,
                "with" | "to" => {
                    return c > 0 && matches!(self.lw(c - 1), "compared" | "compares" | "comparing")
                }
                // Words that may stand between the connector and the
                // amount: "vs loss 114,712", "from a gain of 301.8 mln",
                // "from a revised 5.2 mln".
                "a" | "an" | "the" | "of" | "loss" | "losses" | "profit" | "profits" | "gain"
                | "gains" | "revised" | "restated" | "adjusted" | "level" | "total" | "record"
                | "low" | "high" | "estimated" | "year" | "earlier" => {}
                _ => return false,
            }
            t = c;
        }
        false
    }

    /// Whether the figure from token `s` to byte `e` ends the compared amount: a
    /// clause ends, or a time phrase follows ("in 1985", "a year ago",
    /// "last month"), not a noun ("from 15 investors").
    fn ends_comparison(&self, s: usize, e: usize) -> bool {
        // A walk from the figure's first token, not a binary search: the
        // token array of a long text is far bigger than the cache.
        let mut k = s;
        while k < self.n() && self.toks[k].s < e {
            k += 1;
        }
        if k >= self.n() || !self.same_line(k) || !self.is_wordtok(k) {
            return true;
        }
        matches!(
            self.lw(k),
            "in" | "a"
                | "an"
                | "the"
                | "last"
                | "this"
                | "previous"
                | "previously"
                | "prior"
                | "earlier"
                | "before"
                | "year"
                | "at"
                | "on"
                | "during"
                | "and"
                | "but"
                | "while"
                | "whereas"
                | "when"
                | "as"
                | "respectively"
                | "for"
                | "over"
                | "by"
                | "after"
                | "to"
                | "vs"
                | "against"
                | "from"
                // Nouns that name the amount itself: "from a 185 mln
                // deficit", "against a 3.1 mln loss".
                | "deficit"
                | "surplus"
                | "loss"
                | "profit"
                | "gain"
                | "shortfall"
        )
    }

    /// Whether token `i` can be the number at the heart of a figure.
    fn is_core(&self, i: usize) -> bool {
        match self.toks[i].k {
            Tk::Num => true,
            Tk::Sym(c) => c as u32 >= 0x80 && self.vulgar(i).is_some(),
            Tk::Word => {
                let w = self.lw(i);
                // First letters of every core word: a cheap filter before
                // the word lists.
                let first_ok = matches!(
                    w.as_bytes().first(),
                    Some(
                        b'b' | b'c'
                            | b'd'
                            | b'e'
                            | b'f'
                            | b'h'
                            | b'l'
                            | b'm'
                            | b'n'
                            | b'o'
                            | b'q'
                            | b's'
                            | b't'
                            | b'z'
                    )
                );
                if matches!(w, "a" | "an") {
                    return self.a_unit(i);
                }
                first_ok
                    && w.len() <= 11
                    && w.len() >= 3
                    && (lexicon::num_word(w).is_some()
                        || lexicon::multiplier_word(w)
                        || w == "dozen"
                        || (ends_like_denominator(w) && lexicon::denominator(w).is_some()))
            }
        }
    }

    /// Cheap test whether a figure could start at token `i`.
    fn may_start(&self, i: usize) -> bool {
        match self.toks[i].k {
            Tk::Num => true,
            Tk::Sym(c) => {
                matches!(c, '.' | '-' | '−' | '~' | '≈' | '>' | '<' | '≥' | '≤')
                    || lexicon::currency_symbol(c).is_some()
                    || self.vulgar(i).is_some()
            }
            Tk::Word => {
                let w = self.lw(i);
                if w.len() > 13 {
                    return false;
                }
                lexicon::num_word(w).is_some()
                    || lexicon::multiplier_word(w)
                    || matches!(
                        w,
                        "a" | "an"
                            | "minus"
                            | "negative"
                            | "aged"
                            | "age"
                            | "us"
                            | "u"
                            | "c"
                            | "hk"
                            | "nz"
                            | "au"
                            | "aud"
                            | "cdn"
                            | "rs"
                    )
                    || lexicon::starts_qualifier(w)
                    || lexicon::currency_code(self.w(i)).is_some()
                    || (self.sym(i + 1) == Some('$') && self.touch(i + 1))
                    // "dollar 22.5 million", "Australian dollars 648m":
                    // checked in full later.
                    || (w.len() >= 3 && self.is_num(i + 1) && self.money_word_before(i, i + 1))
                    || (self.is_num(i + 2)
                        && self.is_wordtok(i + 1)
                        && self.money_word_before(i + 1, i + 2))
            }
        }
    }
}

/// A string buffer on the stack for short text (numbers, unit phrases),
/// spilling to the heap only for long input: the hot path allocates
/// nothing.
struct SBuf {
    b: [u8; 48],
    n: usize,
    heap: Option<String>,
}

impl SBuf {
    fn new() -> Self {
        SBuf {
            b: [0; 48],
            n: 0,
            heap: None,
        }
    }

    fn push_str(&mut self, s: &str) {
        if let Some(h) = self.heap.as_mut() {
            h.push_str(s);
        } else if self.n + s.len() <= self.b.len() {
            self.b[self.n..self.n + s.len()].copy_from_slice(s.as_bytes());
            self.n += s.len();
        } else {
            let mut h = String::with_capacity(self.n + s.len() + 16);
            h.push_str(std::str::from_utf8(&self.b[..self.n]).unwrap_or(""));
            h.push_str(s);
            self.heap = Some(h);
        }
    }

    fn push(&mut self, c: char) {
        let mut tmp = [0u8; 4];
        self.push_str(c.encode_utf8(&mut tmp));
    }

    fn len(&self) -> usize {
        match &self.heap {
            Some(h) => h.len(),
            None => self.n,
        }
    }

    fn as_str(&self) -> &str {
        match &self.heap {
            Some(h) => h,
            None => std::str::from_utf8(&self.b[..self.n]).unwrap_or(""),
        }
    }

    /// The first `len` bytes, or "" when that is not a char boundary.
    fn prefix(&self, len: usize) -> &str {
        self.as_str().get(..len).unwrap_or("")
    }

    fn contains(&self, c: char) -> bool {
        self.as_str().contains(c)
    }

    fn bytes(&self) -> std::str::Bytes<'_> {
        self.as_str().bytes()
    }
}

/// Cheap pre-test for [`lexicon::denominator`]: fraction words end in
/// "th(s)", "third(s)", "half", "halves" or "quarter(s)".
fn ends_like_denominator(w: &str) -> bool {
    let b = w.as_bytes();
    let t = if b.last() == Some(&b's') {
        &b[..b.len() - 1]
    } else {
        b
    };
    t.ends_with(b"th")
        || t.ends_with(b"rd")
        || t.ends_with(b"lf")
        || t.ends_with(b"lve")
        || t.ends_with(b"ter")
}

/// Words after a distance in metres ("the 800m final", "10m high").
/// Whether `w` is written with a capital and then lower case only
/// ("Seven", not "SEVEN" of an upper-case headline).
fn title_case(w: &str) -> bool {
    let mut c = w.chars();
    c.next().is_some_and(char::is_uppercase) && c.all(|c| !c.is_uppercase())
}

fn is_distance_context(w: &str) -> bool {
    matches!(
        w,
        "in" | "of"
            | "to"
            | "from"
            | "at"
            | "on"
            | "by"
            | "for"
            | "and"
            | "or"
            | "long"
            | "tall"
            | "high"
            | "deep"
            | "wide"
            | "away"
            | "above"
            | "below"
            | "under"
            | "over"
            | "north"
            | "south"
            | "east"
            | "west"
            | "race"
            | "sprint"
            | "hurdles"
            | "final"
            | "freestyle"
            // Field sports and heights: "a 40m penalty", "our 10m line",
            // "the 5m barrier", "50m taller", "well over 60m indoors".
            | "hurdler"
            | "hurdlers"
            | "penalty"
            | "penalties"
            | "kick"
            | "line"
            | "barrier"
            | "throw"
            | "dash"
            | "taller"
            | "higher"
            | "longer"
            | "deeper"
            | "wider"
            | "indoors"
            | "outdoors"
            | "butterfly"
            | "backstroke"
            | "breaststroke"
            | "medley"
            | "relay"
            | "runner"
            | "runners"
            | "record"
            | "title"
            | "gold"
            | "silver"
            | "bronze"
            | "event"
            | "heat"
            | "heats"
            | "races"
            | "finals"
            | "records"
            | "titles"
            | "events"
            | "semi"
            | "metres"
            | "meters"
            | "world"
            | "indoor"
            | "outdoor"
            | "champion"
            | "specialist"
            | "distance"
            | "mark"
            | "stretch"
            | "section"
            | "length"
            | "radius"
            | "wave"
            | "waves"
            | "drop"
            | "fall"
            | "jump"
            | "yacht"
            | "boat"
    )
}

/// Words after which "X to Y" states a change rather than a range.
fn is_change_word(w: &str) -> bool {
    matches!(
        w,
        "from"
            | "by"
            | "rose"
            | "rise"
            | "rises"
            | "risen"
            | "fell"
            | "fall"
            | "falls"
            | "fallen"
            | "climbed"
            | "jumped"
            | "dropped"
            | "slipped"
            | "gained"
            | "lost"
            | "increased"
            | "decreased"
            | "cut"
            | "raised"
            | "lowered"
            | "up"
            | "down"
            | "grew"
            | "declined"
            | "added"
            | "shed"
            | "eased"
            | "surged"
            | "plunged"
            | "soared"
            | "tumbled"
            | "slumped"
            | "advanced"
            | "widened"
            | "narrowed"
            | "firmed"
            | "sank"
            | "reduced"
            | "changed"
            | "moved"
            | "went"
            | "expanded"
            | "shrank"
            | "improved"
            | "worsened"
            | "revised"
            | "hiked"
            | "boosted"
            | "trimmed"
            | "slashed"
            | "doubled"
            | "tripled"
            | "halved"
            | "grow"
            | "grows"
            | "growing"
            | "rising"
            | "falling"
            | "increase"
            | "increases"
            | "increasing"
            | "decrease"
            | "decreases"
            | "decreasing"
            | "drop"
            | "drops"
            | "climb"
            | "climbs"
            | "jump"
            | "jumps"
            | "expand"
            | "expands"
            | "shrink"
            | "shrinks"
            | "reduce"
            | "reduces"
            | "raise"
            | "raises"
            | "lower"
            | "lowers"
            | "move"
            | "moves"
            | "change"
            | "changes"
    )
}

/// Whether the text between two figures ends a sentence: a full stop,
/// question or exclamation mark before a space and a capital ("U.S.
/// dlrs" has no space after its inner dot, but does after the last one,
/// so a one-letter word before the dot is an abbreviation, not an end).
fn sentence_break(gap: &str) -> bool {
    let b = gap.as_bytes();
    (0..b.len()).any(|k| {
        matches!(b[k], b'.' | b'?' | b'!')
            && b.get(k + 1) == Some(&b' ')
            && b.get(k + 2).is_some_and(u8::is_ascii_uppercase)
            && !(b[k] == b'.' && k >= 2 && b[k - 2] == b'.')
    })
}

fn url_like(p: &P<'_>, i: usize) -> bool {
    p.toks.get(i).is_some_and(|t| p.in_url(t.s))
}

fn finite(v: f64) -> Option<f64> {
    v.is_finite().then_some(v)
}

/// Rounds to 15 significant digits, so "8.2bn" is 8200000000 and not
/// 8199999999.999999 (scale words multiply binary fractions).
fn tidy(v: f64) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return v;
    }
    format!("{v:.14e}").parse().unwrap_or(v)
}

#[cfg(test)]
mod tests;
