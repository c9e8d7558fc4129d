//! Figures stage: finds numbers, money, percentages, quantities and ratios
//! in text and normalises their value, unit and hedge.
//!
//! Owns: the number grammar, the unit and currency lexicons, qualifiers.
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

mod lex;
mod lexicon;

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

    /// Parses a run of digits with separators, decimals, exponent and
    /// power at `i`.
    fn digits(&self, i: usize) -> Option<Nm> {
        let n = self.n();
        let mut buf = SBuf::new();
        let mut j;
        let mut plain = true;
        let mut has_dec = false;
        if self.sym(i) == Some('.') && self.is_num(i + 1) && self.touch(i + 1) {
            if i > 0 && self.touch(i) && self.is_num(i - 1) {
                return None;
            }
            buf.push_str("0.");
            buf.push_str(self.w(i + 1));
            j = i + 2;
            has_dec = true;
            plain = false;
        } else if self.is_num(i) {
            buf.push_str(self.w(i));
            j = i + 1;
        } else {
            return None;
        }
        let first_len = buf.len();
        // Thousands separators: "1,234,567", Indian "12,34,567".
        let mut grouped = false;
        if !has_dec {
            while j + 1 < n
                && self.sym(j) == Some(',')
                && self.touch(j)
                && self.is_num(j + 1)
                && self.touch(j + 1)
            {
                let len = self.w(j + 1).len();
                let more = self.sym(j + 2) == Some(',')
                    && self.touch(j + 2)
                    && self.is_num(j + 3)
                    && self.touch(j + 3);
                if len == 3 || (len == 2 && more) {
                    buf.push_str(self.w(j + 1));
                    j += 2;
                    grouped = true;
                    plain = false;
                } else if !grouped && !more && len < 3 && first_len <= 3 {
                    // A decimal comma: "1,3", "5,00".
                    buf.push('.');
                    buf.push_str(self.w(j + 1));
                    j += 2;
                    has_dec = true;
                    plain = false;
                    break;
                } else {
                    break;
                }
            }
        }
        // Space-grouped thousands: "1 234 567", "40 000" (one space or a
        // no-break space between groups of exactly three digits).
        if !grouped && !has_dec && first_len <= 3 {
            let mut k = j;
            let mut ok_groups = 0;
            while k < n && self.is_num(k) && self.w(k).len() == 3 && !self.touch(k) {
                let gap = self
                    .text
                    .get(self.toks[k - 1].e..self.toks[k].s)
                    .unwrap_or("");
                let single = gap.chars().count() == 1
                    && matches!(gap, " " | "\u{a0}" | "\u{202f}" | "\u{2009}");
                if !single {
                    break;
                }
                // The group must not run on into more digits or a code.
                if self.touch(k + 1)
                    && (self.is_num(k + 1)
                        || self.is_wordtok(k + 1)
                        || matches!(self.sym(k + 1), Some('-') | Some('/') | Some(':')))
                {
                    break;
                }
                ok_groups += 1;
                k += 1;
            }
            if ok_groups > 0 {
                for t in j..k {
                    buf.push_str(self.w(t));
                }
                j = k;
                plain = false;
            }
        }
        // Decimal point.
        if !has_dec
            && self.sym(j) == Some('.')
            && self.touch(j)
            && self.is_num(j + 1)
            && self.touch(j + 1)
        {
            buf.push('.');
            buf.push_str(self.w(j + 1));
            j += 2;
            plain = false;
            has_dec = true;
        }
        // A second dot makes it a version number or an address.
        if has_dec && self.sym(j) == Some('.') && self.is_num(j + 1) && self.touch(j + 1) {
            let mut k = j;
            while self.sym(k) == Some('.') && self.is_num(k + 1) && self.touch(k + 1) {
                k += 2;
            }
            return Some(Nm {
                v: None,
                end: k,
                words: false,
                small_word: false,
                plain: false,
                ndig: 0,
                scale: 1.0,
                frac: false,
                code: true,
            });
        }
        let mut v: f64 = if buf.len() <= 15 && !has_dec && !buf.contains('.') {
            // Small integers parse exactly without the float parser.
            buf.bytes().fold(0u64, |a, d| a * 10 + u64::from(d - b'0')) as f64
        } else {
            buf.as_str().parse().unwrap_or(f64::INFINITY)
        };
        // Exponent: "1e10", "9.83e-3", "12.32e+14".
        if self.is_wordtok(j) && self.touch(j) && matches!(self.w(j), "e" | "E") {
            let mut k = j + 1;
            let mut neg = false;
            if matches!(self.sym(k), Some('-') | Some('+') | Some('−')) && self.touch(k) {
                neg = self.sym(k) != Some('+');
                k += 1;
            }
            if self.is_num(k) && self.touch(k) {
                let e: f64 = self.w(k).parse().unwrap_or(f64::INFINITY);
                let e = if neg { -e } else { e };
                v *= 10f64.powf(e);
                j = k + 1;
                plain = false;
            }
        }
        // Power: "1.1^23", "x10^6", "8x2^10".
        if (self.is_w(j, "x") || self.sym(j) == Some('×'))
            && self.touch(j)
            && self.is_num(j + 1)
            && self.touch(j + 1)
            && self.sym(j + 2) == Some('^')
        {
            let base: f64 = self.w(j + 1).parse().unwrap_or(f64::INFINITY);
            if let Some((e, k)) = self.power_exp(j + 3) {
                v *= base.powf(e);
                j = k;
                plain = false;
            }
        } else if self.sym(j) == Some('^') && self.touch(j) {
            if let Some((e, k)) = self.power_exp(j + 1) {
                v = v.powf(e);
                j = k;
                plain = false;
            }
        }
        Some(Nm {
            v: finite(v),
            end: j,
            words: false,
            small_word: false,
            plain,
            ndig: if plain { buf.len() } else { 0 },
            scale: 1.0,
            frac: false,
            code: false,
        })
    }

    /// The exponent after "^": signs then digits.
    fn power_exp(&self, mut k: usize) -> Option<(f64, usize)> {
        let mut neg = false;
        while matches!(self.sym(k), Some('-') | Some('+') | Some('−')) && self.touch(k) {
            if self.sym(k) != Some('+') {
                neg = !neg;
            }
            k += 1;
        }
        if self.is_num(k) && self.touch(k) {
            let e: f64 = self.w(k).parse().ok()?;
            return Some((if neg { -e } else { e }, k + 1));
        }
        None
    }

    /// A vulgar fraction character.
    fn vulgar(&self, i: usize) -> Option<f64> {
        Some(match self.sym(i)? {
            '½' => 0.5,
            '⅓' => 1.0 / 3.0,
            '⅔' => 2.0 / 3.0,
            '¼' => 0.25,
            '¾' => 0.75,
            '⅕' => 0.2,
            '⅖' => 0.4,
            '⅗' => 0.6,
            '⅘' => 0.8,
            '⅙' => 1.0 / 6.0,
            '⅚' => 5.0 / 6.0,
            '⅛' => 0.125,
            '⅜' => 0.375,
            '⅝' => 0.625,
            '⅞' => 0.875,
            '⅐' => 1.0 / 7.0,
            '⅑' => 1.0 / 9.0,
            '⅒' => 0.1,
            _ => return None,
        })
    }

    /// A digit fraction "3/4" at `i` (plain integers, numerator smaller).
    fn slash_fraction(&self, i: usize) -> Option<(f64, usize)> {
        if !self.is_num(i) {
            return None;
        }
        let mut k = i + 1;
        let spaced = !self.touch(k);
        if self.sym(k) != Some('/') && self.sym(k) != Some('⁄') {
            return None;
        }
        k += 1;
        // Spaced on one side only ("3 /4") is not a fraction.
        if !self.is_num(k) || (self.touch(k) == spaced) || !self.same_line(k) {
            return None;
        }
        // A second slash makes a date ("10/28/2025").
        if self.sym(k + 1) == Some('/') || (i > 0 && self.sym(i - 1) == Some('/')) {
            return None;
        }
        let a: f64 = self.w(i).parse().ok()?;
        let b: f64 = self.w(k).parse().ok()?;
        // Only denominators that fractions use: "9/11" and "24/7" are not.
        let usual = matches!(
            b as u32,
            2..=10 | 12 | 16 | 20 | 25 | 32 | 40 | 50 | 64 | 100 | 1000
        );
        if b == 0.0 || a >= b || !usual || self.w(i).len() > 3 {
            return None;
        }
        Some((a / b, k + 1))
    }

    /// Any numeral at `i`: digits or words, with fractions and scales.
    /// `money` is set when a currency prefix came first.
    fn numeral(&self, i: usize, money: bool) -> Option<Nm> {
        let n = self.n();
        if i >= n {
            return None;
        }
        // A vulgar fraction alone: "½ teaspoon".
        if let Some(f) = self.vulgar(i) {
            return Some(Nm {
                v: Some(f),
                end: i + 1,
                words: false,
                small_word: false,
                plain: false,
                ndig: 0,
                scale: 1.0,
                frac: true,
                code: false,
            });
        }
        if self.is_num(i) || self.sym(i) == Some('.') {
            return self.digit_numeral(i, money);
        }
        if self.is_wordtok(i) {
            let mut nm = self.word_numeral(i)?;
            // "five mln dlrs", "two bln": a spelled-out number before a
            // written-out scale abbreviation (never a lone letter).
            if nm.scale == 1.0 && !nm.frac && self.next_to(nm.end) && self.is_wordtok(nm.end) {
                let w = self.w(nm.end);
                if w.len() >= 2 {
                    if let Some(s) = lexicon::scale_abbrev(w, false, false) {
                        nm.v = nm.v.map(|v| tidy(v * s)).and_then(finite);
                        nm.scale = s;
                        nm.small_word = false;
                        nm.end += 1;
                    }
                }
            }
            return Some(nm);
        }
        None
    }

    fn digit_numeral(&self, i: usize, money: bool) -> Option<Nm> {
        if let Some((f, k)) = self.slash_fraction(i) {
            return Some(self.scaled(
                Nm {
                    v: Some(f),
                    end: k,
                    words: false,
                    small_word: false,
                    plain: false,
                    ndig: 0,
                    scale: 1.0,
                    frac: true,
                    code: false,
                },
                money,
            ));
        }
        let mut nm = self.digits(i)?;
        if nm.code {
            return Some(nm);
        }
        // Mixed numbers: "2 1/2", "10 1/2", "2½".
        if nm.plain {
            let j = nm.end;
            if let Some(f) = self.vulgar(j) {
                if self.next_to(j) {
                    nm.v = nm.v.map(|v| v + f);
                    nm.end = j + 1;
                    nm.plain = false;
                    nm.frac = true;
                }
            } else if self.sym(j) == Some('-')
                && self.touch(j)
                && self.touch(j + 1)
                && self.slash_fraction(j + 1).is_some()
            {
                // "1-1/16 inch".
                if let Some((f, k)) = self.slash_fraction(j + 1) {
                    nm.v = nm.v.map(|v| v + f);
                    nm.end = k;
                    nm.plain = false;
                    nm.frac = true;
                }
            } else if self.next_to(j) && !self.touch(j) {
                if let Some((f, k)) = self.slash_fraction(j) {
                    nm.v = nm.v.map(|v| v + f);
                    nm.end = k;
                    nm.plain = false;
                    nm.frac = true;
                }
            }
        }
        // "1 over 3", "2000 over 3".
        if let Some(r) = self.over_fraction(nm) {
            return Some(r);
        }
        Some(self.scaled(nm, money))
    }

    /// "X over Y" as a fraction, only when Y ends the phrase.
    fn over_fraction(&self, nm: Nm) -> Option<Nm> {
        let j = nm.end;
        if !self.is_w(j, "over") || !self.next_to(j) || !self.next_to(j + 1) {
            return None;
        }
        let den = if self.is_num(j + 1) {
            self.digits(j + 1)?
        } else {
            let d = self.word_numeral(j + 1)?;
            if d.frac {
                return None;
            }
            d
        };
        if self.kind(den.end).is_some()
            && !matches!(
                self.sym(den.end),
                Some('.') | Some(',') | Some('?') | Some('!')
            )
        {
            return None;
        }
        let (a, b) = (nm.v?, den.v?);
        if b == 0.0 {
            return None;
        }
        Some(Nm {
            v: finite(a / b),
            end: den.end,
            words: nm.words && den.words,
            small_word: false,
            plain: false,
            ndig: 0,
            scale: 1.0,
            frac: true,
            code: false,
        })
    }

    /// Applies scale words after a digit numeral: "1.2 million", "100k",
    /// "1.2bn", "4 thousand 3 hundred and 21", "3 million and a half".
    fn scaled(&self, mut nm: Nm, money: bool) -> Nm {
        let mut total = 0.0;
        let mut cur = match nm.v {
            Some(v) => v,
            None => return nm,
        };
        let mut j = nm.end;
        let mut last_big = f64::INFINITY;
        let mut any_scale = false;
        loop {
            if j >= self.n() || !self.next_to(j) {
                break;
            }
            let attached = self.touch(j);
            let w = self.w(j);
            if self.is_wordtok(j) {
                // "790m euros": a bare "m" touching the digits is a million
                // when a currency word follows.
                let money_next = !money
                    && attached
                    && self.next_to(j + 1)
                    && !self.touch(j + 1)
                    && self.is_wordtok(j + 1)
                    && lexicon::unit_lower(self.lw(j + 1)).is_some_and(|(_, k)| k == UKind::Money);
                // "about 1m websites": a small number with a touching "m"
                // before a noun is a million, not metres.
                let m_count = w == "m"
                    && attached
                    && !money
                    && cur < 100.0
                    && self.next_to(j + 1)
                    && self.is_wordtok(j + 1)
                    && self.w(j + 1).len() >= 3
                    && self.w(j + 1).bytes().all(|b| b.is_ascii_lowercase())
                    && !is_distance_context(self.lw(j + 1))
                    && !lexicon::is_function_word(self.lw(j + 1))
                    && !matches!(self.sym(j + 2), Some('\'') | Some('’'))
                    && lexicon::unit_lower(self.lw(j + 1)).is_none();
                if m_count {
                    total += cur * 1e6;
                    cur = 0.0;
                    last_big = 1e6;
                    any_scale = true;
                    nm.scale *= 1e6;
                    j += 1;
                    continue;
                }
                // "1.2b": a decimal before a bare "b" is a billion too.
                let dec_b = matches!(w, "b" | "B") && !nm.plain;
                if let Some(s) = lexicon::scale_abbrev(w, attached, money || money_next || dec_b) {
                    // A scale abbreviation must end the word.
                    if s < last_big {
                        total += cur * s;
                        cur = 0.0;
                        last_big = s;
                        any_scale = true;
                        nm.scale *= s;
                        j += 1;
                        continue;
                    }
                    break;
                }
                match lexicon::num_word(self.lw(j)) {
                    Some(NumWord::Hundred) if cur > 0.0 && cur < 1000.0 => {
                        cur *= 100.0;
                        nm.scale *= 100.0;
                        any_scale = true;
                        j += 1;
                        continue;
                    }
                    Some(NumWord::Big(s)) if s < last_big && (cur > 0.0) => {
                        total += cur * s;
                        cur = 0.0;
                        last_big = s;
                        nm.scale *= s;
                        any_scale = true;
                        j += 1;
                        continue;
                    }
                    _ => {}
                }
                // "… million and a half", "… thousand 3 hundred and 21".
                if any_scale && self.lw(j) == "and" && self.next_to(j + 1) {
                    if let Some((f, k)) = self.and_fraction(j + 1) {
                        if last_big.is_finite() {
                            total += f * last_big;
                        } else {
                            cur += f;
                        }
                        j = k;
                        break;
                    }
                    let add = if self.is_num(j + 1) {
                        self.digits(j + 1).filter(|d| d.plain)
                    } else {
                        self.word_int(j + 1).map(|(v, e, _, lb, _)| Nm {
                            v: Some(v),
                            end: e,
                            words: true,
                            small_word: false,
                            plain: lb.is_infinite(),
                            ndig: 0,
                            scale: 1.0,
                            frac: false,
                            code: false,
                        })
                    };
                    if let Some(d) = add {
                        let scale_next = self.is_wordtok(d.end)
                            && matches!(
                                lexicon::num_word(self.lw(d.end)),
                                Some(NumWord::Hundred) | Some(NumWord::Big(_))
                            );
                        if d.plain && !scale_next && d.v.is_some_and(|x| x < 100.0) {
                            cur += d.v.unwrap_or(0.0);
                            j = d.end;
                            continue;
                        }
                    }
                }
                break;
            }
            // "4 thousand 3 hundred": digits after a big scale.
            if any_scale && self.is_num(j) && cur == 0.0 && !attached {
                if let Some(d) = self.digits(j) {
                    let after = d.end;
                    let is_small_scale = self.is_wordtok(after)
                        && matches!(
                            lexicon::num_word(self.lw(after)),
                            Some(NumWord::Hundred) | Some(NumWord::Big(_))
                        );
                    if d.plain && is_small_scale && d.v.is_some_and(|x| x < last_big) {
                        cur = d.v.unwrap_or(0.0);
                        j = d.end;
                        continue;
                    }
                }
            }
            break;
        }
        if any_scale {
            nm.v = finite(total + cur);
            nm.end = j;
            nm.plain = false;
        }
        nm
    }

    /// After "and": "a half", "one third", "three fifths" → the fraction.
    fn and_fraction(&self, i: usize) -> Option<(f64, usize)> {
        let (num, j) = if self.is_w(i, "a") || self.is_w(i, "an") {
            (1.0, i + 1)
        } else if self.is_wordtok(i) {
            let nm = self.word_int(i)?;
            (nm.0, nm.1)
        } else if self.is_num(i) {
            let d = self.digits(i)?;
            if !d.plain {
                return None;
            }
            (d.v?, d.end)
        } else {
            return None;
        };
        if !self.next_to(j) {
            return None;
        }
        let (den, k) = self.denominator_at(j)?;
        Some((num / den, k))
    }

    /// A fraction denominator at `i`, simple ("fifths") or compound
    /// ("twenty-first", "hundred-fifths").
    fn denominator_at(&self, i: usize) -> Option<(f64, usize)> {
        if !self.is_wordtok(i) {
            return None;
        }
        if let Some((d, _)) = lexicon::denominator(self.lw(i)) {
            return Some((d, i + 1));
        }
        // "twenty-first", "twenty firsts".
        if let Some(NumWord::Tens(t)) = lexicon::num_word(self.lw(i)) {
            let mut k = i + 1;
            if self.sym(k) == Some('-') && self.next_to(k) {
                k += 1;
            }
            if self.next_to(k) && self.is_wordtok(k) {
                if let Some((u, _)) = lexicon::unit_ordinal(self.lw(k)) {
                    return Some((t as f64 + u, k + 1));
                }
            }
        }
        None
    }

    /// A whole number written in words at `i` (no fractions):
    /// (value, next token, number of word tokens, last big scale, scale).
    fn word_int(&self, i: usize) -> Option<(f64, usize, usize, f64, f64)> {
        #[derive(PartialEq, Clone, Copy)]
        enum L {
            None,
            A,
            Unit,
            Teen,
            Tens,
            Hundred,
            Big,
        }
        let mut total = 0.0;
        let mut cur = 0.0;
        let mut last = L::None;
        let mut last_big = f64::INFINITY;
        let mut j = i;
        let mut end = i;
        let mut words = 0;
        let mut scale = 1.0;
        loop {
            if j >= self.n() || (j > i && !self.next_to(j)) {
                break;
            }
            // Connectors between number words: "-", "and", "&".
            let mut k = j;
            if last != L::None && last != L::A {
                if self.sym(k) == Some('-') && self.next_to(k) && self.next_to(k + 1) {
                    k += 1;
                } else if (self.is_w(k, "and") || self.sym(k) == Some('&'))
                    && matches!(last, L::Hundred | L::Big)
                    && self.next_to(k + 1)
                {
                    // "one hundred and three quarters": the fraction is
                    // read by the caller.
                    let unit_numerator = self.is_w(k + 1, "a")
                        || self.is_w(k + 1, "an")
                        || matches!(lexicon::num_word(self.lw(k + 1)), Some(NumWord::Unit(_)));
                    if unit_numerator && self.and_fraction(k + 1).is_some() {
                        break;
                    }
                    k += 1;
                }
            }
            if !self.is_wordtok(k) {
                break;
            }
            let lw = self.lw(k);
            if last == L::None && (lw == "a" || lw == "an") {
                // "a hundred", "a million": only with a scale next.
                if self.next_to(k + 1)
                    && (matches!(
                        lexicon::num_word(self.lw(k + 1)),
                        Some(NumWord::Hundred) | Some(NumWord::Big(_))
                    ) || matches!(self.lw(k + 1), "dozen" | "dozens"))
                {
                    if matches!(self.lw(k + 1), "dozen" | "dozens") {
                        return Some((1.0, k + 1, 1, f64::INFINITY, 1.0));
                    }
                    cur = 1.0;
                    last = L::A;
                    j = k + 1;
                    continue;
                }
                return None;
            }
            let Some(nw) = lexicon::num_word(lw) else {
                break;
            };
            let ok = match nw {
                NumWord::Unit(_) => matches!(last, L::None | L::Tens | L::Hundred | L::Big),
                NumWord::Teen(_) | NumWord::Tens(_) => {
                    matches!(last, L::None | L::Hundred | L::Big)
                }
                NumWord::Hundred => {
                    matches!(last, L::A | L::Unit | L::Teen | L::Tens) && cur < 100.0
                }
                NumWord::Big(s) => {
                    matches!(last, L::A | L::Unit | L::Teen | L::Tens | L::Hundred) && s < last_big
                }
            };
            if !ok {
                break;
            }
            match nw {
                NumWord::Unit(v) => {
                    cur += v as f64;
                    last = L::Unit;
                }
                NumWord::Teen(v) => {
                    cur += v as f64;
                    last = L::Teen;
                }
                NumWord::Tens(v) => {
                    cur += v as f64;
                    last = L::Tens;
                }
                NumWord::Hundred => {
                    cur *= 100.0;
                    scale = 100.0;
                    last = L::Hundred;
                }
                NumWord::Big(s) => {
                    total += cur * s;
                    cur = 0.0;
                    last_big = s;
                    scale = s;
                    last = L::Big;
                }
            }
            words += 1;
            j = k + 1;
            end = j;
        }
        if words == 0 {
            return None;
        }
        Some((total + cur, end, words, last_big, scale))
    }

    /// The unit of "50 mg" in "45 and 50 mg" (token `k` is "and"/"or"
    /// after the first numeral `nm`), as a hit ending where `nm` ends. Only
    /// measures and percent are shared, both numbers written alike.
    fn shared_unit(&self, k: usize, nm: &Nm) -> Option<UnitHit> {
        if !(self.is_w(k, "and") || self.is_w(k, "or")) || !self.next_to(k + 1) || !self.next_to(k)
        {
            return None;
        }
        if nm.v.is_none() || (nm.plain && nm.ndig == 4) {
            return None;
        }
        let m = self.numeral(k + 1, false)?;
        if m.code || m.words != nm.words || m.scale != nm.scale {
            return None;
        }
        // Alike in size too: "from 205,000 or 12.8 pct" is a count and its
        // share, not two percentages.
        let (a, b) = (nm.v?.abs(), m.v?.abs());
        if a > b * 10.0 || b > a * 10.0 {
            return None;
        }
        let u = self.unit_at(m.end, false, m.scale)?;
        // A time unit is shared too, so that "five or six years" stays a
        // duration (the dates stage's) rather than a bare "five".
        if !matches!(u.kind, UKind::Measure | UKind::Percent | UKind::Time) {
            return None;
        }
        Some(UnitHit { end: nm.end, ..u })
    }

    /// The end of an uncertainty "± 0.02" / "+/- 1" at token `k`: the
    /// token after its number (digits only).
    fn uncertainty_at(&self, k: usize) -> Option<usize> {
        let j = if self.sym(k) == Some('±') {
            k + 1
        } else if self.sym(k) == Some('+')
            && self.sym(k + 1) == Some('/')
            && self.sym(k + 2) == Some('-')
            && self.touch(k + 1)
            && self.touch(k + 2)
        {
            k + 3
        } else {
            return None;
        };
        if !self.next_to(k) || !(self.next_to(j) || self.touch(j)) || !self.is_num(j) {
            return None;
        }
        let m = self.digits(j)?;
        (!m.code && m.end > j).then_some(m.end)
    }

    /// Whether token `i` is "a"/"an" before a unit of measure or a
    /// currency spelled out ("a gallon", "a metric ton", "a penny"): one
    /// of that unit. Time units (the dates stage's durations), percent and
    /// count words ("a dozen" is twelve) are not read this way.
    fn a_unit(&self, i: usize) -> bool {
        let k = i + 1;
        if !(self.is_w(i, "a") || self.is_w(i, "an"))
            || !self.next_to(k)
            || !self.is_wordtok(k)
            || self.lw(k).len() < 3
        {
            return false;
        }
        // Cheap test before the phrase lookup ("a" is a common word): the
        // word is a unit on its own or starts a two-word measure.
        let w = self.lw(k);
        // "a bit" is an idiom; after a figure "a barrel" is its rate
        // ("19 ringgit a kilo", "64 cts a barrel").
        if w == "bit" || (i > 0 && self.after_figure(i - 1)) {
            return false;
        }
        let maybe = lexicon::unit_lower(w).is_some()
            || matches!(
                w,
                "metric" | "square" | "cubic" | "short" | "nautical" | "troy" | "light"
            );
        maybe
            && self
                .unit_at(k, false, 1.0)
                .is_some_and(|u| matches!(u.kind, UKind::Measure | UKind::Money) && u.mul == 1.0)
    }

    /// Whether token `t` ends a figure: digits, or a unit or currency
    /// word (cheap test, used to tell a rate "a barrel" from a quantity).
    fn after_figure(&self, t: usize) -> bool {
        self.is_num(t) || (self.is_wordtok(t) && lexicon::unit_lower(self.lw(t)).is_some())
    }

    /// Whether the word before token `i` is a determiner, possessive or
    /// ordering word that turns a following count into a reference ("the
    /// two", "their three", "the other two", "all four").
    fn determiner_before(&self, i: usize) -> bool {
        i > 0
            && self.is_wordtok(i - 1)
            && self.next_to(i)
            && lexicon::is_count_determiner(self.lw(i - 1))
    }

    /// Whether token `i`, capitalised, follows a word on the same line, as
    /// in a name ("Channel Four", "Group of Five", "Big Three").
    fn name_part(&self, i: usize) -> bool {
        let cap = |w: &str| w.chars().next().is_some_and(|c| c.is_uppercase());
        if i == 0 || !cap(self.w(i)) || !self.same_line(i) {
            return false;
        }
        // Mid-sentence, after any word ("Group of Five", "Channel Four").
        if self.is_wordtok(i - 1) && self.next_to(i) {
            return true;
        }
        // Before another capitalised word and not at a sentence start
        // ("<Four Seasons Hotels>", "(Three Lions)").
        let sentence_start = matches!(
            self.sym(i - 1),
            Some('.' | '!' | '?' | ':' | '"' | '“' | '‘' | '\'' | '-' | '—' | '–')
        );
        !sentence_start && self.is_wordtok(i + 1) && self.next_to(i + 1) && cap(self.w(i + 1))
    }

    /// A numeral written in words: integers, "point" decimals, fractions
    /// ("two thirds", "one and a half", "half a million").
    fn word_numeral(&self, i: usize) -> Option<Nm> {
        let lw = self.lw(i);
        let base = Nm {
            v: None,
            end: i,
            words: true,
            small_word: false,
            plain: false,
            ndig: 0,
            scale: 1.0,
            frac: false,
            code: false,
        };
        // "half a million", "half a dozen", "half million", "quarter million".
        if lw == "half" || lw == "quarter" {
            let f = if lw == "half" { 0.5 } else { 0.25 };
            let mut k = i + 1;
            if self.is_w(k, "a") && self.next_to(k) {
                k += 1;
            }
            if self.next_to(k) {
                if let Some(NumWord::Big(s)) = lexicon::num_word(self.lw(k)) {
                    return Some(Nm {
                        v: Some(f * s),
                        end: k + 1,
                        scale: s,
                        frac: true,
                        ..base
                    });
                }
                if matches!(self.lw(k), "dozen") {
                    return Some(Nm {
                        v: Some(f * 12.0),
                        end: k + 1,
                        frac: true,
                        ..base
                    });
                }
            }
            // "more than half", "nearly half of voters": a hedged half is
            // a share; a bare one is mostly prose ("the second half").
            let hedged = i > 0
                && self.next_to(i)
                && matches!(
                    self.lw(i - 1),
                    "than"
                        | "nearly"
                        | "almost"
                        | "about"
                        | "around"
                        | "over"
                        | "roughly"
                        | "approximately"
                        | "just"
                        | "only"
                        | "barely"
                        | "some"
                );
            if lw == "half" && hedged {
                return Some(Nm {
                    v: Some(0.5),
                    end: i + 1,
                    frac: true,
                    ..base
                });
            }
            return None;
        }
        // "a half", "a third of", "a quarter million".
        let (int, mut j, nwords, last_big, mut scale) =
            if (lw == "a" || lw == "an") && self.next_to(i + 1) {
                if let Some((d, k)) = self.denominator_at(i + 1) {
                    if d < 2.0 || self.lw(i + 1).ends_with('s') && self.lw(i + 1) != "halves" {
                        return None;
                    }
                    let f = 1.0 / d;
                    // "a quarter million".
                    if self.next_to(k) {
                        if let Some(NumWord::Big(s)) = lexicon::num_word(self.lw(k)) {
                            return Some(Nm {
                                v: Some(f * s),
                                end: k + 1,
                                scale: s,
                                frac: true,
                                ..base
                            });
                        }
                    }
                    // "a third term" is an ordinal; "a third of", "a half"
                    // at the end, or a unit next, make a fraction.
                    let after_ok = self.kind(k).is_none()
                        || !self.next_to(k)
                        || matches!(self.kind(k), Some(Tk::Sym(_)))
                        || self.is_w(k, "of")
                        || self.unit_at(k, false, 1.0).is_some()
                        || self.lw(i + 1) == "half";
                    if !after_ok {
                        return None;
                    }
                    return Some(Nm {
                        v: Some(f),
                        end: k,
                        frac: true,
                        ..base
                    });
                }
                match self.word_int(i) {
                    Some(r) => r,
                    // "a gallon", "a penny": one of the unit.
                    None if self.a_unit(i) => {
                        return Some(Nm {
                            v: Some(1.0),
                            end: i + 1,
                            ..base
                        });
                    }
                    None => return None,
                }
            } else {
                self.word_int(i)?
            };
        let mut v = int;
        let mut frac = false;
        // "point": "five point five", "two hundred point zero three".
        if self.is_w(j, "point") && self.next_to(j) && last_big.is_infinite() {
            let mut k = j + 1;
            let mut digits = String::new();
            while self.next_to(k) && self.is_wordtok(k) {
                match lexicon::num_word(self.lw(k)) {
                    Some(NumWord::Unit(d)) => digits.push(char::from(b'0' + d as u8)),
                    Some(NumWord::Teen(d)) | Some(NumWord::Tens(d)) if digits.is_empty() => {
                        digits.push_str(&d.to_string());
                        // "point twenty five"
                        if let Some(NumWord::Unit(u)) = lexicon::num_word(self.lw(k + 1)) {
                            if d >= 20 && self.next_to(k + 1) {
                                digits.pop();
                                digits.push(char::from(b'0' + u as u8));
                                k += 1;
                            }
                        }
                        k += 1;
                        break;
                    }
                    _ => break,
                }
                k += 1;
            }
            if !digits.is_empty() {
                let s = format!("{}.{}", int as u64, digits);
                v = s.parse().unwrap_or(v);
                j = k;
                frac = true;
            }
        }
        // Fraction: "two thirds", "five eighths", "three halves".
        let mut dj = j;
        if self.sym(j) == Some('-') && self.next_to(j) && self.next_to(j + 1) {
            dj = j + 1;
        }
        if !frac && self.next_to(dj) && last_big.is_infinite() {
            if let Some((d, k)) = self.denominator_at(dj) {
                v = int / d;
                j = k;
                frac = true;
                scale = 1.0;
                // "two thirds of a million", "three quarters billion".
                let mut m = j;
                if self.is_w(m, "of") && self.is_w(m + 1, "a") && self.next_to(m + 1) {
                    m += 2;
                }
                if self.next_to(m) {
                    if let Some(NumWord::Big(s)) = lexicon::num_word(self.lw(m)) {
                        v *= s;
                        j = m + 1;
                        scale = s;
                    }
                }
            }
        }
        // "one and a half", "twenty and three fifths", "3 million and a half".
        if !frac && self.is_w(j, "and") && self.next_to(j) && self.next_to(j + 1) {
            if let Some((f, k)) = self.and_fraction(j + 1) {
                // "one billion and a quarter million": the fraction has
                // its own scale.
                let own = match lexicon::num_word(self.lw(k)) {
                    Some(NumWord::Big(s)) if self.next_to(k) && s < last_big => Some(s),
                    _ => None,
                };
                if let Some(s) = own {
                    v += f * s;
                    j = k + 1;
                } else {
                    v += if last_big.is_finite() {
                        f * last_big
                    } else {
                        f
                    };
                    j = k;
                }
                frac = true;
            }
        }
        // "X out of Y" is a fraction.
        if self.is_w(j, "out") && self.is_w(j + 1, "of") && self.next_to(j + 2) {
            if let Some(d) = self.numeral(j + 2, false) {
                if let Some(dv) = d.v.filter(|x| *x != 0.0) {
                    return Some(Nm {
                        v: finite(v / dv),
                        end: d.end,
                        frac: true,
                        ..base
                    });
                }
            }
        }
        // A small count in words ("two nations") is prose, not a figure,
        // unless it stands alone as a noun phrase ("there are two.",
        // "two of them", "zero is"); "one" never counts alone.
        let stands_alone = self.kind(j).is_none()
            || !self.same_line(j)
            || matches!(
                self.sym(j),
                Some('.') | Some(',') | Some(';') | Some('!') | Some('?') | Some(')')
            )
            || (self.is_wordtok(j) && matches!(self.lw(j), "of" | "is" | "are" | "was" | "were"));
        // Before a noun a small count is a figure ("two people died",
        // "in six boxes") unless a determiner makes it a reference to
        // things already known ("the two nations", "their three
        // children"), a hyphen makes it part of a compound ("two-day"),
        // or it is part of a name ("Channel Four").
        // "March nine": a day of the month, the dates stage's.
        let month_before =
            v >= 1.0 && i > 0 && self.next_to(i) && lexicon::is_month(self.lw(i - 1));
        let reference = v <= 1.0
            || (self.sym(j) == Some('-') && self.touch(j))
            || self.determiner_before(i)
            || self.name_part(i)
            // "four times a week" is a frequency, "four times more" a ratio
            // read elsewhere.
            || self.is_w(j, "times");
        let counts_before_noun = !reference;
        let small = nwords == 1
            && !frac
            && v <= 10.0
            && (v == 1.0 || month_before || !(stands_alone || counts_before_noun));
        let nm = Nm {
            v: finite(v),
            end: j,
            small_word: small,
            scale,
            frac,
            ..base
        };
        if let Some(r) = self.over_fraction(nm) {
            return Some(r);
        }
        // Digits after words are not part of the numeral, but digit scale
        // abbreviations are not either; return as is.
        Some(nm)
    }

    /// The unit after a numeral ending at `k`. `money` when a currency was
    /// seen before; `big` is the numeral's scale (decides "pounds").
    fn unit_at(&self, k: usize, money: bool, big: f64) -> Option<UnitHit> {
        let n = self.n();
        if k >= n || !self.next_to(k) {
            return None;
        }
        let mut start = k;
        // Compound adjectives: "3-inch", "six-mile", "28 - year - old".
        if self.sym(k) == Some('-') && self.next_to(k + 1) && self.is_wordtok(k + 1) {
            start = k + 1;
        }
        // Brackets around a unit: "20 (kg)".
        let mut close = None;
        if let Some(c) = self.sym(start) {
            let want = match c {
                '(' => Some(')'),
                '[' => Some(']'),
                '{' => Some('}'),
                '<' => Some('>'),
                _ => None,
            };
            if let Some(w) = want {
                if self.is_wordtok(start + 1) && self.sym(start + 2) == Some(w) {
                    close = Some(start + 2);
                    start += 1;
                }
            }
        }
        // A currency sign or code after the number: "10 €", "100₾",
        // "115.5USD", "20 usd" (a sign touching the next number is that
        // number's prefix instead).
        if let Some(c) = self.sym(start) {
            if let Some(code) = lexicon::currency_symbol(c) {
                if self.is_num(start + 1) && self.touch(start + 1) {
                    return None;
                }
                return Some(UnitHit {
                    unit: code.to_string(),
                    kind: UKind::Money,
                    end: start + 1,
                    mul: 1.0,
                });
            }
        }
        if self.is_wordtok(start) && !(self.touch(start + 1) && self.is_wordtok(start + 1)) {
            let w = self.w(start);
            if let Some(code) = lexicon::currency_code(w) {
                if !(self.is_num(start + 1) && self.touch(start + 1)) {
                    return Some(UnitHit {
                        unit: code.to_string(),
                        kind: UKind::Money,
                        end: start + 1,
                        mul: 1.0,
                    });
                }
            }
        }
        // Try the longest phrase first, up to four tokens.
        let mut best: Option<(UnitHit, usize)> = None;
        let mut phrase = SBuf::new();
        let mut lphrase = SBuf::new();
        // Up to five tokens: "U.S. dlrs" is five.
        let mut ends: Vec<(usize, usize)> = Vec::with_capacity(5);
        let mut t = start;
        while t < n && ends.len() < 5 {
            if t > start && !self.next_to(t) {
                break;
            }
            let tk = self.kind(t)?;
            if tk == Tk::Num && !(t > start && self.touch(t)) {
                break;
            }
            if t > start && !self.touch(t) {
                phrase.push(' ');
                lphrase.push(' ');
            }
            phrase.push_str(self.w(t));
            lphrase.push_str(self.lw(t));
            ends.push((phrase.len(), t + 1));
            t += 1;
        }
        for (len, e) in ends.iter().rev() {
            let ph = phrase.prefix(*len);
            let lph = lphrase.prefix(*len);
            // Units must end at a word boundary ("24703m212" is a code).
            if matches!(self.kind(*e), Some(Tk::Word) | Some(Tk::Num)) && self.touch(*e) {
                continue;
            }
            let hit = lexicon::unit_exact(ph).or_else(|| lexicon::unit_lower(lph));
            if let Some((u, kd)) = hit {
                best = Some((
                    UnitHit {
                        unit: u.to_string(),
                        kind: kd,
                        end: *e,
                        mul: 1.0,
                    },
                    *e,
                ));
                break;
            }
        }
        let (mut hit, _) = best?;
        // Ambiguous short words.
        let first = self.lw(start);
        let attached = self.touch(start);
        // A one-letter unit keeps its case: "5g" is grams, "3G" a network.
        if hit.end == start + 1 && first.len() == 1 && self.w(start) != first && first != "l" {
            return None;
        }
        // "the euro zone" names a region, not an amount of euros.
        if hit.kind == UKind::Money && self.is_w(hit.end, "zone") {
            return None;
        }
        match first {
            "in" | "\"" => {
                // An inch only when nothing else follows ("2 in thick").
                let nx = hit.end;
                let dim_word = matches!(
                    self.lw(nx),
                    "thick" | "long" | "wide" | "tall" | "high" | "deep" | "across" | "diameter"
                );
                // A quote mark is an inch sign only after digits, touching
                // them or followed by a dimension ('10" long').
                if first == "\"" {
                    let after_digits = start > 0 && self.is_num(start - 1);
                    if !(after_digits && (attached || dim_word)) {
                        return None;
                    }
                }
                let ok = attached && first == "\""
                    || self.kind(nx).is_none()
                    || !self.next_to(nx)
                    || matches!(self.sym(nx), Some('.') | Some(',') | Some(')') | Some(';'))
                    || matches!(
                        self.lw(nx),
                        "thick"
                            | "long"
                            | "wide"
                            | "tall"
                            | "high"
                            | "deep"
                            | "across"
                            | "diameter"
                    );
                if !ok {
                    return None;
                }
            }
            "l" | "t" | "s" | "h" | "g" | "c" | "f" if !attached && self.w(start) == first => {
                // A lone lower-case letter is a unit only at the end of a
                // phrase ("5 t", "3 l") and never "c"/"f" alone.
                if matches!(first, "c" | "f") {
                    return None;
                }
                if self.is_wordtok(hit.end) && self.next_to(hit.end) && first != "t" {
                    return None;
                }
            }
            "pound" | "pounds" if money || big >= 1e6 => {
                hit.unit = "GBP".into();
                hit.kind = UKind::Money;
            }
            "m" if money && attached => return None,
            "p" if !attached => return None,
            _ => {}
        }
        if let Some(c) = close {
            if hit.end == c {
                hit.end = c + 1;
            } else {
                return None;
            }
        }
        if let UKind::Count(m) = hit.kind {
            hit.mul = m;
        }
        Some(hit)
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

    /// Whether a numeral reads as a clock time before "am"/"pm": a whole
    /// hour 1-12 or "h.mm".
    fn time_like(&self, nm: &Nm) -> bool {
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

    /// A rate after a unit: "per barrel", "/kg", "per capita".
    fn rate_at(&self, k: usize) -> Option<(&'static str, usize)> {
        if !self.next_to(k) {
            return None;
        }
        // "$5 a year", "$80 a barrel"; not "a year earlier", a time.
        if (self.is_w(k, "a") || self.is_w(k, "an")) && self.next_to(k + 1) {
            let j = k + 1;
            if !self.is_wordtok(j)
                || self.lw(j).len() < 3
                || (self.touch(j + 1) && self.is_wordtok(j + 1))
            {
                return None;
            }
            if self.next_to(j + 1)
                && matches!(
                    self.lw(j + 1),
                    "earlier" | "ago" | "before" | "later" | "after" | "previously" | "from"
                )
            {
                return None;
            }
            let den = lexicon::rate_denominator(self.lw(j))?;
            return Some((den, j + 1));
        }
        let (j, need_touch) = if self.is_w(k, "per") {
            (k + 1, false)
        } else if self.sym(k) == Some('/') && self.touch(k) {
            (k + 1, true)
        } else {
            return None;
        };
        if !self.is_wordtok(j) || !self.next_to(j) || (need_touch && !self.touch(j)) {
            return None;
        }
        if self.touch(j + 1) && self.is_wordtok(j + 1) {
            return None;
        }
        let den = lexicon::rate_denominator(self.lw(j))?;
        Some((den, j + 1))
    }

    /// The first token of the line holding token `i`, and whether `i` is it.
    fn line_start(&self, i: usize) -> bool {
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
    fn in_url(&self, b: usize) -> bool {
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

    /// Filters for a bare number (no unit, no currency) starting at token
    /// `i` and ending at `end`: true when it is not a figure.
    fn bare_excluded(&self, i: usize, nm: &Nm, has_qual: bool) -> bool {
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
            if self.is_wordtok(end) && self.next_to(end) && lexicon::is_month(self.lw(end)) {
                return true;
            }
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
            // Parts of names: "Boeing 737", "Voyager 2", "Windows 10".
            let cap = pw.chars().next().is_some_and(|c| c.is_uppercase());
            if cap && !lexicon::is_function_word(lpw) && nm.plain {
                return true;
            }
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
        // Small counts in words ("two nations") are prose, not figures.
        if nm.small_word {
            return true;
        }
        false
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
        let mut k = nm.end;
        // A stated uncertainty, "9.83 ± 0.02 km", "5 +/- 1 kg": part of
        // the figure; the unit comes after it.
        if let Some(e) = self.uncertainty_at(k) {
            k = e;
            nm.end = e;
        }
        // Unit right after the first number (before a range connector).
        let mut unit1 = self.unit_at(k, money.is_some(), nm.scale);
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
        // "6 pm", "2.30 am" are times of day, not picometres.
        if unit1.as_ref().is_some() && matches!(self.lw(k), "pm" | "am") && self.time_like(&nm) {
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
        // Ratios: "ten times more", "3-fold".
        if unit.is_empty() && kind == FigureKind::Number {
            if let Some((e, _)) = self.times_after(nm.end) {
                unit = "times".into();
                kind = FigureKind::Ratio;
                span_end_tok = e;
            }
        }
        // Rates: "$5 per barrel", "20 km/h" (already a unit).
        if !unit.is_empty() && kind != FigureKind::Ratio {
            if let Some((den, e)) = self.rate_at(span_end_tok) {
                if den != unit {
                    unit = format!("{unit}/{den}");
                    span_end_tok = e;
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
        let (qualifier, comparator) = match qual {
            Some((qs, ql, c)) => (
                Some(
                    self.text
                        .get(self.toks[qs].s..self.toks[ql].e)
                        .unwrap_or("")
                        .to_string(),
                ),
                c,
            ),
            None => (None, None),
        };
        let measured = if matches!(
            kind,
            FigureKind::Percent | FigureKind::Money | FigureKind::Quantity
        ) {
            self.measured_at(span_end_tok)
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
            span_end_tok.max(i + 1),
        ))
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
                return None;
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
        let b_cmp = if nm.scale == 1.0 && nm2.scale > 1.0 {
            b / nm2.scale
        } else {
            b
        };
        if a >= b_cmp && a >= b {
            return None;
        }
        // Hyphen ranges need a unit, a currency or a hedge to be figures;
        // a bare "3-1" is a score or a code.
        if hyphen
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
        let s = match qual {
            Some((qs, _, _)) => self.toks[qs].s,
            None => self.toks[j].s,
        };
        let (qualifier, comparator) = match qual {
            Some((qs, ql, c)) => (
                Some(
                    self.text
                        .get(self.toks[qs].s..self.toks[ql].e)
                        .unwrap_or("")
                        .to_string(),
                ),
                c,
            ),
            None => (None, None),
        };
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
        if matches!(nx, "as" | "the" | "that" | "what" | "over" | "its") {
            return Some((k + 1, ()));
        }
        None
    }

    /// Cents after a money unit: "forty-five cents", "and 50", "30 cent".
    fn cents_after(&self, k: usize) -> (f64, usize) {
        let mut j = k;
        if !self.next_to(j) {
            return (0.0, k);
        }
        if self.is_w(j, "and") && self.next_to(j + 1) {
            j += 1;
        }
        let Some(nm) = self.numeral(j, false) else {
            return (0.0, k);
        };
        let Some(v) = nm.v else {
            return (0.0, k);
        };
        if nm.frac || !(1.0..100.0).contains(&v) || v.fract() != 0.0 {
            return (0.0, k);
        }
        let e = nm.end;
        if self.is_w(e, "cents") || self.is_w(e, "cent") {
            return (v / 100.0, e + 1);
        }
        // Only at the end of a clause: "15 dollars 50.".
        let ends = self.kind(e).is_none()
            || !self.same_line(e)
            || matches!(
                self.sym(e),
                Some('.') | Some(',') | Some(';') | Some('!') | Some('?')
            );
        if ends {
            return (v / 100.0, e);
        }
        (0.0, k)
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
                    if self.is_np_stop(j) {
                        break;
                    }
                    last = Some(j);
                    words += 1;
                    j += 1;
                }
                Some(Tk::Sym('-')) if self.touch(j) && self.touch(j + 1) => {
                    j += 1;
                }
                Some(Tk::Sym('\'')) | Some(Tk::Sym('’')) if self.touch(j) => {
                    j += 1;
                }
                _ => break,
            }
        }
        let last = last?;
        let s = self.toks[first].s;
        let e = self.toks[last].e;
        self.text.get(s..e).map(str::to_string)
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
                    i = next.max(i + 1);
                }
                Err(next) => {
                    i = next.max(i + 1);
                }
            }
        }
        out
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
                    )
                    || lexicon::starts_qualifier(w)
                    || lexicon::currency_code(self.w(i)).is_some()
                    || (self.sym(i + 1) == Some('$') && self.touch(i + 1))
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
    )
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
