//! Numerals: digit runs (separators, decimals, exponents, powers),
//! fractions, scale words and abbreviations, and numbers written in words,
//! with the rule for small spelled-out counts.

use super::*;

impl<'a> P<'a> {
    /// Parses a run of digits with separators, decimals, exponent and
    /// power at `i`.
    pub(crate) fn digits(&self, i: usize) -> Option<Nm> {
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
            // "July 6 100 mln dlrs": a scale word after the groups reads
            // them as two numbers.
            let scale_next = ok_groups > 0
                && self.is_wordtok(k)
                && (matches!(lexicon::num_word(self.lw(k)), Some(NumWord::Big(_)))
                    || lexicon::scale_abbrev(self.w(k), false, false).is_some());
            // Not after a month ("January 31 747 mln dlrs" is a date and a
            // figure), another number ("0845 8 505 505" is a phone number)
            // or letters ("Q160 160 megabyte").
            let after_num = i > 0 && self.next_to(i) && self.is_num(i - 1);
            let lone = ok_groups > 0
                && (i == 0
                    || !self.next_to(i)
                    || !(after_num
                        || (self.is_wordtok(i - 1)
                            && (self.touch(i) || lexicon::is_month(self.lw(i - 1))))));
            // "0845 8 505 505": groups after another number are a phone
            // number or a code, never a figure.
            if ok_groups > 0 && after_num {
                return Some(Nm {
                    code: true,
                    ..Nm::bare(None, k)
                });
            }
            if ok_groups > 0 && !scale_next && lone {
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
                code: true,
                ..Nm::bare(None, k)
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
            let signed = matches!(self.sym(k), Some('-') | Some('+') | Some('−')) && self.touch(k);
            if signed {
                neg = self.sym(k) != Some('+');
                k += 1;
            }
            // A capital E between plain digits names a model ("the Boeing
            // 7E7"); scientific notation writes it with a decimal or a sign.
            let model = self.w(j) == "E" && !has_dec && !signed;
            if self.is_num(k) && self.touch(k) && !model {
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
    pub(crate) fn power_exp(&self, mut k: usize) -> Option<(f64, usize)> {
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
    pub(crate) fn vulgar(&self, i: usize) -> Option<f64> {
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
    pub(crate) fn slash_fraction(&self, i: usize) -> Option<(f64, usize)> {
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
    pub(crate) fn numeral(&self, i: usize, money: bool) -> Option<Nm> {
        let n = self.n();
        if i >= n {
            return None;
        }
        // A vulgar fraction alone: "½ teaspoon".
        if let Some(f) = self.vulgar(i) {
            return Some(Nm {
                frac: true,
                ..Nm::bare(Some(f), i + 1)
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

    pub(crate) fn digit_numeral(&self, i: usize, money: bool) -> Option<Nm> {
        if let Some((f, k)) = self.slash_fraction(i) {
            let nm = Nm {
                frac: true,
                ..Nm::bare(Some(f), k)
            };
            return Some(self.scaled(nm, money));
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
    pub(crate) fn over_fraction(&self, nm: Nm) -> Option<Nm> {
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
            words: nm.words && den.words,
            frac: true,
            ..Nm::bare(finite(a / b), den.end)
        })
    }

    /// Applies scale words after a digit numeral: "1.2 million", "100k",
    /// "1.2bn", "4 thousand 3 hundred and 21", "3 million and a half".
    pub(crate) fn scaled(&self, mut nm: Nm, money: bool) -> Nm {
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
            // "an 800-mln-dlr issue", "a 5-million-dollar loan": a scale
            // word hyphen-joined in a compound adjective.
            if self.sym(j) == Some('-')
                && self.touch(j)
                && self.touch(j + 1)
                && self.is_wordtok(j + 1)
                && (matches!(self.lw(j + 1), "mln" | "bln" | "mn" | "bn")
                    || matches!(lexicon::num_word(self.lw(j + 1)), Some(NumWord::Big(_))))
            {
                j += 1;
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
                // before a noun is a million, not metres; a larger one
                // only before a plural ("300m vaccines"), as "the 800m
                // final" and "a 300m tunnel" are distances.
                let plural_next = {
                    let nx = self.lw(j + 1);
                    nx.len() >= 4 && nx.ends_with('s') && !nx.ends_with("ss")
                };
                let m_count = w == "m"
                    && attached
                    && !money
                    && (cur < 100.0 || plural_next)
                    && self.next_to(j + 1)
                    && self.is_wordtok(j + 1)
                    && self.w(j + 1).len() >= 3
                    && self.w(j + 1).bytes().all(|b| b.is_ascii_lowercase())
                    && !is_distance_context(self.lw(j + 1))
                    && !lexicon::is_function_word(self.lw(j + 1))
                    && !matches!(self.sym(j + 2), Some('\'') | Some('’'))
                    && lexicon::unit_lower(self.lw(j + 1)).is_none();
                let m_count = m_count || (w == "m" && attached && !money && self.m_million(j, cur));
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
                // "… million and a half", "… thousand 3 hundred and 21";
                // not after an abbreviation ("$5mn and 2 more").
                let prev = if any_scale && self.lw(j) == "and" {
                    lexicon::num_word(self.lw(j - 1))
                } else {
                    None
                };
                let scale_word = matches!(prev, Some(NumWord::Hundred) | Some(NumWord::Big(_)));
                if scale_word && self.next_to(j + 1) {
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
                            words: true,
                            plain: lb.is_infinite(),
                            ..Nm::bare(Some(v), e)
                        })
                    };
                    // A whole number joins only after "hundred" ("3 hundred
                    // and one"): "1.50 billion and 10 pct" is two figures.
                    let add = add.filter(|_| prev == Some(NumWord::Hundred));
                    if let Some(d) = add {
                        // "and 2mil" is a number of its own too.
                        let scale_next = self.is_wordtok(d.end)
                            && (self.touch(d.end)
                                || matches!(
                                    lexicon::num_word(self.lw(d.end)),
                                    Some(NumWord::Hundred) | Some(NumWord::Big(_))
                                ));
                        // "and 0" never ends an English number ("4 thousand 3
                        // hundred and 0 are two numbers").
                        if d.plain && !scale_next && d.v.is_some_and(|x| x > 0.0 && x < 100.0) {
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
    pub(crate) fn and_fraction(&self, i: usize) -> Option<(f64, usize)> {
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
    pub(crate) fn denominator_at(&self, i: usize) -> Option<(f64, usize)> {
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
    pub(crate) fn word_int(&self, i: usize) -> Option<(f64, usize, usize, f64, f64)> {
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
                } else if last == L::Big
                    && self.sym(k) == Some(',')
                    && self.touch(k)
                    && self.next_to(k + 1)
                {
                    // "three million, two hundred and forty": written-out
                    // numbers group with commas. Only a smaller group that
                    // has a scale of its own continues ("ten thousand, two
                    // days later" is a list).
                    let smaller = self.word_int(k + 1).is_some_and(|(_, _, _, lb, sc)| {
                        sc >= 100.0 && (lb.is_infinite() || lb < last_big)
                    });
                    if !smaller {
                        break;
                    }
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
                    // "a hundred and zero" is no number: "and zero" starts
                    // another one.
                    if matches!(lexicon::num_word(self.lw(k + 1)), Some(NumWord::Unit(0))) {
                        break;
                    }
                    // Only a smaller group continues: "one thousand and
                    // one", "one hundred and three"; "between one billion
                    // and three billion" is a range, "a hundred and two
                    // hundred" two numbers.
                    let smaller = self.word_int(k + 1).is_some_and(|(_, _, _, lb, sc)| {
                        if last == L::Hundred {
                            // "two hundred and two thousand" is 202,000.
                            sc < 100.0 || lb.is_finite()
                        } else {
                            lb.is_infinite() || lb < last_big
                        }
                    });
                    if !smaller {
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
            // "one billion one-dlr notes", "two million three-bedroom
            // homes": a word hyphen-joined to a noun starts a compound, not
            // the rest of the number.
            if matches!(last, L::Big | L::Hundred)
                && self.sym(k + 1) == Some('-')
                && self.touch(k + 1)
                && self.touch(k + 2)
                && self.is_wordtok(k + 2)
                && lexicon::num_word(self.lw(k + 2)).is_none()
                && lexicon::denominator(self.lw(k + 2)).is_none()
                && lexicon::unit_ordinal(self.lw(k + 2)).is_none()
            {
                break;
            }
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

    /// Whether the word before token `i` is a determiner, possessive or
    /// ordering word that turns a following count into a reference ("the
    /// two", "their three", "the other two", "all four").
    pub(crate) fn determiner_before(&self, i: usize) -> bool {
        if !(i > 0
            && self.is_wordtok(i - 1)
            && self.next_to(i)
            && lexicon::is_count_determiner(self.lw(i - 1)))
        {
            return false;
        }
        let d = i - 1;
        match self.lw(d) {
            // "the only two" refers; "only two cases were reported" counts.
            "only" => d > 0 && self.next_to(d) && lexicon::is_count_determiner(self.lw(d - 1)),
            // "said that two other cases" is a clause: "that" joins it.
            "that" => !(d > 0 && self.next_to(d) && is_saying_verb(self.lw(d - 1))),
            _ => true,
        }
    }

    /// Whether a labelling noun comes before the number word at `i`,
    /// across a list of number words ("band two", "phase three", "in years
    /// three, four and five"): the number names an item, it counts nothing.
    pub(crate) fn label_before(&self, i: usize) -> bool {
        let mut t = i;
        for _ in 0..8 {
            if t == 0 || !self.next_to(t) {
                return false;
            }
            t -= 1;
            let skip = matches!(self.sym(t), Some(','))
                || (self.is_wordtok(t)
                    && (matches!(self.lw(t), "and" | "or")
                        || lexicon::num_word(self.lw(t)).is_some()));
            if !skip {
                return self.is_wordtok(t) && lexicon::is_label_noun(self.lw(t));
            }
        }
        false
    }

    /// Whether the bare "m" at `j`, touching a number of value `cur`, is a
    /// million in forms the lower-case-noun test above leaves out (session-4
    /// BBC audit): before a plural unit ("1m barrels", "110m tons"), before
    /// a capitalised plural ("1.6m Muslims") or a two-word noun ending in a
    /// plural ("133m text messages", "4m DS consoles"), and after a decimal
    /// of 100 or more ("fell to 294.3m."), which no race or building
    /// measures. Distance words keep metres ("the 100m Olympic final").
    fn m_million(&self, j: usize, cur: f64) -> bool {
        let plural = |w: &str| w.len() >= 4 && w.ends_with('s') && !w.ends_with("ss");
        let word_at = |k: usize| self.next_to(k) && self.is_wordtok(k);
        let lower = |w: &str| w.bytes().all(|b| b.is_ascii_lowercase());
        let decimal = j >= 2 && self.sym(j - 2) == Some('.') && self.touch(j - 1);
        if !word_at(j + 1) {
            return decimal && cur >= 100.0 && !matches!(self.sym(j + 1), Some('-' | '/'));
        }
        let (w1, l1) = (self.w(j + 1), self.lw(j + 1));
        if is_distance_context(l1) || lexicon::is_function_word(l1) {
            return false;
        }
        if lexicon::unit_lower(l1).is_some_and(|(_, k)| k != UKind::Money && k != UKind::Time) {
            return plural(l1) && lower(w1);
        }
        let cap = w1.chars().next().is_some_and(|c| c.is_ascii_uppercase());
        // "1.6m Muslims"; not "the 100m Olympics" or "Championships".
        if cap
            && plural(w1)
            && lower(&w1[1..])
            && !l1.ends_with("ics")
            && !l1.ends_with("ships")
            && l1 != "games"
        {
            return true;
        }
        // "133m text messages", "4m DS consoles": a short noun phrase
        // ending in a lower-case plural; an adjective of place or event
        // before it reads as a race ("the 1500m Olympic champions").
        let acronym = w1.len() >= 2
            && w1
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
        if (lower(w1) || acronym)
            && w1.len() >= 2
            && lexicon::unit_lower(l1).is_none()
            && word_at(j + 2)
        {
            let l2 = self.lw(j + 2);
            return plural(l2)
                && lower(self.w(j + 2))
                && !is_distance_context(l2)
                && lexicon::unit_lower(l2).is_none();
        }
        false
    }

    /// Whether token `i`, capitalised, follows a word on the same line, as
    /// in a name ("Channel Four", "Group of Five", "Big Three").
    pub(crate) fn name_part(&self, i: usize) -> bool {
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

    /// What may follow a fraction `f` whose words end before token `k`: a
    /// scale ("half a million", "two thirds of a million", "a quarter
    /// billion") or one of a unit ("half a mile", "three quarters of a
    /// mile"), making the numeral; its end is then the unit's first token.
    /// Time units are left alone ("half an hour" is the dates stage's).
    pub(crate) fn fraction_tail(&self, f: f64, k: usize, base: Nm) -> Option<Nm> {
        let mut u = k;
        if self.is_w(u, "of") && self.next_to(u) {
            u += 1;
        }
        let article = (self.is_w(u, "a") || self.is_w(u, "an")) && self.next_to(u);
        if article {
            u += 1;
        }
        // "three quarters of the vote": no tail.
        if u > k && !article {
            return None;
        }
        if !self.next_to(u) {
            return None;
        }
        if let Some(NumWord::Big(s)) = lexicon::num_word(self.lw(u)) {
            return Some(Nm {
                v: finite(f * s),
                end: u + 1,
                scale: s,
                frac: true,
                ..base
            });
        }
        let unit = article
            && self
                .unit_at(u, false, 1.0)
                .is_some_and(|h| matches!(h.kind, UKind::Measure | UKind::Money) && h.mul == 1.0);
        unit.then_some(Nm {
            v: Some(f),
            end: u,
            frac: true,
            ..base
        })
    }

    /// A numeral written in words: integers, "point" decimals, fractions
    /// ("two thirds", "one and a half", "half a million").
    pub(crate) fn word_numeral(&self, i: usize) -> Option<Nm> {
        let lw = self.lw(i);
        let base = Nm {
            words: true,
            ..Nm::bare(None, i)
        };
        // "half a million", "half a dozen", "half million", "quarter million".
        if lw == "half" || lw == "quarter" {
            let f = if lw == "half" { 0.5 } else { 0.25 };
            if let Some(t) = self.fraction_tail(f, i + 1, base) {
                return Some(t);
            }
            let mut k = i + 1;
            if self.is_w(k, "a") && self.next_to(k) {
                k += 1;
            }
            if self.next_to(k) && self.lw(k) == "dozen" {
                return Some(Nm {
                    v: Some(f * 12.0),
                    end: k + 1,
                    frac: true,
                    ..base
                });
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
        let (int, mut j, nwords, last_big, mut scale) = if (lw == "a" || lw == "an")
            && self.next_to(i + 1)
        {
            if let Some((d, k)) = self.denominator_at(i + 1) {
                if d < 2.0 || self.lw(i + 1).ends_with('s') && self.lw(i + 1) != "halves" {
                    return None;
                }
                // "a year and a half" is a duration, the dates stage's;
                // "140,000 dlrs a quarter" a rate.
                let time_before = i >= 2
                    && self.is_w(i - 1, "and")
                    && lexicon::unit_lower(self.lw(i - 2)).is_some_and(|(_, k)| k == UKind::Time);
                if time_before || (i > 0 && self.next_to(i) && self.after_figure(i - 1)) {
                    return None;
                }
                let f = 1.0 / d;
                // "a quarter million", "a quarter of a mile".
                if let Some(t) = self.fraction_tail(f, k, base) {
                    return Some(t);
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
        // "one one hundred fifth", "one one hundred and fifth": one of a
        // compound ordinal, 1/105.
        if int == 1.0 && nwords == 1 && self.is_wordtok(j) && self.next_to(j) {
            if let Some((w, e, _, _, _)) = self.word_int(j) {
                let o = if self.is_w(e, "and") && self.next_to(e) {
                    e + 1
                } else {
                    e
                };
                let ord = lexicon::denominator(self.lw(o))
                    .filter(|&(d, plural)| !plural && d < 100.0 && self.lw(o) != "quarter");
                if let (true, Some((d, _))) = (w >= 100.0 && self.next_to(o), ord) {
                    return Some(Nm {
                        v: finite(1.0 / (w + d)),
                        end: o + 1,
                        frac: true,
                        ..base
                    });
                }
            }
        }
        let mut dj = j;
        if self.sym(j) == Some('-') && self.next_to(j) && self.next_to(j + 1) {
            dj = j + 1;
        }
        // "a hundred thousand trillionths": a plural scale denominator
        // larger than the numerator's own scale.
        let scale_den =
            |d: f64| last_big.is_infinite() || (d > last_big && self.lw(dj).ends_with("ths"));
        if !frac && self.next_to(dj) {
            if let Some((d, k)) = self.denominator_at(dj).filter(|&(d, _)| scale_den(d)) {
                // "the first two quarters", "the next three quarters":
                // quarters of a year, a period.
                if self.lw(k - 1) == "quarters"
                    && (self.determiner_before(i)
                        || (i > 0
                            && matches!(
                                self.lw(i - 1),
                                "final" | "remaining" | "coming" | "latest" | "consecutive"
                            )))
                {
                    return None;
                }
                let (mut num, mut den) = (int, d);
                // "one hundred thirty-fifths": the hyphen joins the tens to
                // the ordinal, 100/35 (not 130/5).
                if dj == j + 1 && nwords >= 2 {
                    if let (Some(NumWord::Tens(t)), Some((u, _))) = (
                        lexicon::num_word(self.lw(j - 1)),
                        lexicon::unit_ordinal(self.lw(dj)),
                    ) {
                        if int > f64::from(t) {
                            (num, den) = (int - f64::from(t), f64::from(t) + u);
                        }
                    }
                }
                // A singular ordinal after more than one is an ordinal
                // ("the one hundred fifth anniversary", "the two millionth
                // visitor", "three eleventh round blocks"), not a fraction;
                // but "two-third majority", "three quarter" and "two fifth"
                // are fractions written without their plural.
                let dw = self.lw(k - 1);
                let small = nwords == 1 && den < 10.0;
                if num != 1.0 && !dw.ends_with('s') && !small && dw != "quarter" {
                    return None;
                }
                v = num / den;
                j = k;
                frac = true;
                scale = 1.0;
                // "two thirds of a million", "three quarters billion",
                // "three quarters of a mile".
                if let Some(t) = self.fraction_tail(v, j, base) {
                    v = t.v.unwrap_or(v);
                    j = t.end;
                    scale = t.scale;
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
                    // "two and a half million" is 2.5 million; "one billion
                    // and a quarter million" adds its own.
                    if last_big.is_infinite() {
                        v = (v + f) * s;
                        scale = s;
                    } else {
                        v += f * s;
                    }
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
        // "band two", "years one and two": a label, even at a clause end.
        let label = self.label_before(i);
        let reference = v <= 1.0
            || (self.sym(j) == Some('-') && self.touch(j))
            || self.determiner_before(i)
            || self.name_part(i)
            // "four times a week" is a frequency, "four times more" a ratio
            // read elsewhere.
            || self.is_w(j, "times");
        let counts_before_noun = !reference;
        // A capitalised number word inside a name is no count at any size
        // and even standing alone ("Ocean's Twelve", "the Guildford Four",
        // "World War Two", "Forty Shades of Blue").
        let small = nwords == 1
            && !frac
            && ((v <= 10.0
                && (v == 1.0 || month_before || label || !(stands_alone || counts_before_noun)))
                || self.name_part(i));
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
}

/// Verbs of saying and finding, after which "that" opens a clause ("said
/// that two banks", "found that three of").
fn is_saying_verb(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "says"
            | "say"
            | "reported"
            | "reports"
            | "estimated"
            | "estimates"
            | "showed"
            | "shows"
            | "announced"
            | "added"
            | "noted"
            | "believes"
            | "believed"
            | "expects"
            | "expected"
            | "found"
            | "warned"
            | "stated"
            | "confirmed"
            | "disclosed"
            | "revealed"
            | "told"
    )
}
