//! Units after a numeral: currencies, percent and measures (looked up in
//! the lexicon), rates, units shared by coordinated numbers, "a gallon",
//! stated uncertainties and cents after a money unit.

use super::*;

impl<'a> P<'a> {
    /// The unit of "50 mg" in "45 and 50 mg" (token `k` is "and"/"or"
    /// after the first numeral `nm`), as a hit ending where `nm` ends. Only
    /// measures, percent and time units are shared, between numbers written
    /// alike and of like size.
    pub(crate) fn shared_unit(&self, k: usize, nm: &Nm) -> Option<UnitHit> {
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
    pub(crate) fn uncertainty_at(&self, k: usize) -> Option<usize> {
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
    pub(crate) fn a_unit(&self, i: usize) -> bool {
        let k = i + 1;
        if !(self.is_w(i, "a") || self.is_w(i, "an"))
            || !self.next_to(k)
            || !self.is_wordtok(k)
            || self.lw(k).len() < 3
        {
            return false;
        }
        // Cheap test first ("a" is a common word): the next word is a unit
        // on its own or starts a two-word measure.
        let w = self.lw(k);
        let maybe = lexicon::unit_lower(w).is_some()
            || matches!(
                w,
                "metric" | "square" | "cubic" | "short" | "nautical" | "troy" | "light"
            );
        // "a bit", "a degree of", "a cup of tea", "a ton of work", "a foot
        // in the door" are idioms more often than amounts; after a figure
        // "a barrel" is its rate ("19 ringgit a kilo", "64 cts a barrel").
        // "a cents per kilowatt hour" is no amount (a plural after "a"),
        // nor "a Lira/Mark" (a currency pair).
        if !maybe
            || (w.ends_with('s') && !w.ends_with("ss") && w.len() > 3)
            || (self.sym(k + 1) == Some('/') && self.touch(k + 1))
            || matches!(
                w,
                "bit"
                    | "degree"
                    | "cup"
                    | "ton"
                    | "tons"
                    | "foot"
                    | "inch"
                    | "yard"
                    | "crown"
                    | "bale"
                    | "punt"
                    | "dong"
                    | "turn"
                    // "a mark of respect", "a mark which still stands".
                    | "mark"
            )
            || (i > 0 && self.after_figure(i - 1))
            // "a fraction of a second" is no amount.
            || (i > 1 && self.is_w(i - 1, "of") && self.lw(i - 2).starts_with("fraction"))
        {
            return false;
        }
        let Some(u) = self.unit_at(k, false, 1.0) else {
            return false;
        };
        // "a dollar rate", "a sterling loan": a currency before a noun
        // names the currency, it is no amount ("a dollar a day", "a dollar
        // higher", "costs a dollar." are).
        let e = u.end;
        let adjective = u.kind == UKind::Money
            && self.is_wordtok(e)
            && self.next_to(e)
            && !lexicon::is_function_word(self.lw(e))
            && !self.lw(e).ends_with("er")
            && lexicon::num_word(self.lw(e)).is_none();
        matches!(u.kind, UKind::Measure | UKind::Money) && u.mul == 1.0 && !adjective
    }

    /// Whether token `t` ends a figure: digits, or a unit or currency
    /// word (cheap test, used to tell a rate "a barrel" from a quantity).
    pub(crate) fn after_figure(&self, t: usize) -> bool {
        self.is_num(t) || (self.is_wordtok(t) && lexicon::unit_lower(self.lw(t)).is_some())
    }

    /// The unit after a numeral ending at `k`. `money` when a currency was
    /// seen before; `big` is the numeral's scale (decides "pounds").
    pub(crate) fn unit_at(&self, k: usize, money: bool, big: f64) -> Option<UnitHit> {
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
                        mul: lexicon::measure_scale(lph),
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
                    if !(after_digits && (attached || dim_word)) || self.closes_quote(start) {
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
            // The drachma was Greece's money and is an old weight: "a
            // coin weighing one drachma".
            "drachma" | "drachmas" | "drachmae" if self.weighing_before(k) => {
                hit.unit = "dram".into();
                hit.kind = UKind::Measure;
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

    /// Whether a form of "weigh" comes up to four tokens before token `k`
    /// on its line ("weighing one drachma").
    pub(crate) fn weighing_before(&self, k: usize) -> bool {
        (k.saturating_sub(5)..k)
            .rev()
            .take_while(|&t| self.same_line(t + 1))
            .any(|t| self.lw(t).starts_with("weigh"))
    }

    /// Whether the `"` at token `i` closes a quotation opened earlier on
    /// its line (an odd number of `"` before it): `the "Act of 1987"` ends
    /// a title, it measures no inches.
    pub(crate) fn closes_quote(&self, i: usize) -> bool {
        let s = self.toks[i].s;
        let line = self.text.get(..s).unwrap_or("");
        let line = line.rfind('\n').map_or(line, |p| &line[p + 1..]);
        line.bytes().filter(|&b| b == b'"').count() % 2 == 1
    }

    /// A rate after a unit: "per barrel", "/kg", "per capita".
    pub(crate) fn rate_at(&self, k: usize) -> Option<(&'static str, usize)> {
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
            let den = lexicon::rate_denominator(self.lw(j))?;
            // Only a period makes a time phrase: "a share from 65 cts" and
            // "a barrel from its March level" are still rates.
            let period = matches!(den, "yr" | "qtr")
                || lexicon::unit_lower(self.lw(j)).is_some_and(|(_, k)| k == UKind::Time);
            if period
                && self.next_to(j + 1)
                && matches!(
                    self.lw(j + 1),
                    "earlier" | "ago" | "before" | "later" | "after" | "previously" | "from"
                )
            {
                return None;
            }
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
        if !need_touch {
            if let Some(r) = self.scaled_rate(self.lw(j), j + 1) {
                return Some(r);
            }
        }
        if self.touch(j + 1) && self.is_wordtok(j + 1) {
            return None;
        }
        let den = lexicon::rate_denominator(self.lw(j))?;
        Some((den, j + 1))
    }

    /// A rate per a scaled unit, the scale word `scale` before token `u`
    /// where the unit starts: "per mln Btu", "per thousand cubic feet".
    fn scaled_rate(&self, scale: &str, u: usize) -> Option<(&'static str, usize)> {
        if !matches!(scale, "thousand" | "mln" | "million" | "mn") || !self.next_to(u) {
            return None;
        }
        if let Some(d) = lexicon::scaled_denominator(scale, self.lw(u)) {
            return Some((d, u + 1));
        }
        if self.next_to(u + 1) && self.is_wordtok(u + 1) {
            let two = format!("{} {}", self.lw(u), self.lw(u + 1));
            if let Some(d) = lexicon::scaled_denominator(scale, &two) {
                return Some((d, u + 2));
            }
        }
        None
    }

    /// Cents after a money unit: "forty-five cents", "and 50", "30 cent".
    pub(crate) fn cents_after(&self, k: usize) -> (f64, usize) {
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
}
