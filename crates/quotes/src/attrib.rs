//! Attribution: who said each quote.
//!
//! Frames are matched on tokens outside quotation marks, in the sentence of
//! the quote: after the quote ("…,” said X. / “…,” X said.), before it
//! ("X said, “…”", "X called it “…”", "according to X, “…”", "her intent to
//! “…”"), then the paragraph before ("X said:"), then the other quotes of
//! the paragraph and the quote-only paragraph after an attributed one.
//! Names are normalised to the fullest form the document uses; pronouns
//! resolve to the nearest compatible person.

use std::collections::HashMap;

use claimdex_model::{QuoteKind, Span};

use crate::lex::{
    self, first_name_gender, is_adverb_or_aux, is_cap_stop, is_cue_noun, is_cue_verb, is_det,
    is_org_word, is_possessive_pronoun, is_speaker_noun, is_title, is_vague, pronoun_gender, Tok,
};
use crate::marks::RawQuote;

/// How far (in tokens) frames and antecedents are looked for: bounds the
/// work per quote so the stage stays linear.
const WINDOW: usize = 60;

/// What kind of speaker mention was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum MKind {
    /// A proper name (title words stripped).
    Name,
    /// A personal pronoun with its gender.
    Pronoun(char),
    /// The relative pronoun "who"; resolves to the name before it.
    Who,
    /// A common-noun phrase ("the ministry", "a spokesman for X").
    Np,
    /// A phrase that names no single speaker ("both sides").
    Vague,
}

/// A speaker mention: token range and the text span to report.
#[derive(Clone, Copy, Debug)]
struct Mention {
    /// First token.
    t0: usize,
    /// One past the last token.
    t1: usize,
    /// The span to report as `speaker_span`.
    span: Span,
    kind: MKind,
}

/// A resolved speaker.
#[derive(Clone, Debug)]
pub(crate) struct Speaker {
    /// The normalised name, or `None` for a vague speaker.
    pub name: Option<String>,
    /// The mention the attribution names.
    pub span: Option<Span>,
    /// Gender if known, for later pronouns.
    gender: Option<char>,
}

/// A person-like name seen in the document.
#[derive(Clone, Debug)]
struct Entity<'a> {
    /// Tokens of the name (title words stripped).
    words: Vec<&'a str>,
    /// The name as written.
    text: &'a str,
    count: usize,
    m: u32,
    f: u32,
}

/// Document-wide state: tokens, names and their entities.
pub(crate) struct Attributor<'a> {
    text: &'a str,
    toks: Vec<Tok>,
    /// Token index range of each block.
    block_toks: Vec<(usize, usize)>,
    entities: Vec<Entity<'a>>,
    /// Entity indexes by each of their words.
    by_word: HashMap<&'a str, Vec<usize>>,
}

fn is_particle(w: &str) -> bool {
    matches!(
        w,
        "de" | "van" | "von" | "der" | "da" | "la" | "le" | "bin" | "al" | "del" | "di" | "du"
    )
}

fn is_place_start(w: &str) -> bool {
    matches!(
        w,
        "New"
            | "South"
            | "North"
            | "East"
            | "West"
            | "United"
            | "Los"
            | "San"
            | "Las"
            | "El"
            | "Saint"
            | "St."
            | "Fort"
            | "Mount"
            | "Lake"
            | "Port"
            | "Great"
            | "Middle"
            | "Central"
            | "Northern"
            | "Southern"
            | "Eastern"
            | "Western"
    )
}

fn is_place_word(w: &str) -> bool {
    matches!(
        w,
        "Act"
            | "Palace"
            | "Agreement"
            | "Treaty"
            | "Summit"
            | "City"
            | "County"
            | "Island"
            | "Islands"
            | "Sea"
            | "River"
            | "Airport"
            | "Hotel"
            | "Hall"
            | "Square"
            | "Building"
            | "Tower"
            | "Bridge"
            | "Park"
            | "Stadium"
            | "Church"
            | "School"
            | "Hospital"
            | "Prize"
            | "Award"
            | "Day"
            | "Week"
            | "War"
            | "Games"
            | "Cup"
            | "Series"
            | "Show"
            | "Program"
            | "Initiative"
            | "Plan"
            | "Policy"
            | "Strategy"
            | "Era"
            | "Republic"
            | "Kingdom"
            | "Valley"
            | "Coast"
            | "Region"
            | "Province"
            | "District"
            | "Conference"
            | "Convention"
            | "Debate"
            | "Primary"
            | "Caucuses"
            | "Street"
            | "Avenue"
            | "Road"
    )
}

impl<'a> Attributor<'a> {
    /// Lexes every block and indexes the names of the document.
    ///
    /// `no_names[b]` marks blocks (headlines) whose capitalised words are no
    /// evidence of a name: "Hillary Clinton Goes After Trump" is a title.
    pub(crate) fn new(
        text: &'a str,
        blocks: &[(usize, usize)],
        no_names: &[bool],
        quotes: &[RawQuote],
    ) -> Self {
        let mut toks = Vec::with_capacity(text.len() / 5);
        let mut block_toks = Vec::with_capacity(blocks.len());
        for &(s, e) in blocks {
            let t0 = toks.len();
            lex::lex(text, s, e, &mut toks);
            block_toks.push((t0, toks.len()));
        }
        // Flag tokens inside quotes (quotes are in text order).
        let mut qi = 0;
        for t in toks.iter_mut() {
            while qi < quotes.len() && quotes[qi].close <= t.s {
                qi += 1;
            }
            if qi < quotes.len() && quotes[qi].open <= t.s && t.s < quotes[qi].close {
                t.quoted = true;
            }
        }
        let mut a = Attributor {
            text,
            toks,
            block_toks,
            entities: Vec::new(),
            by_word: HashMap::new(),
        };
        a.index_names(no_names);
        a
    }

    fn word(&self, i: usize) -> &'a str {
        let text = self.text;
        self.toks
            .get(i)
            .and_then(|t| text.get(t.s..t.e))
            .unwrap_or("")
    }

    fn is_name_word(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        if !(t.is_word() && t.cap) {
            return false;
        }
        let w = self.word(i);
        // "I’m", "I've": a contraction of "I" is no name.
        let first_person = w.starts_with("I’") || w.starts_with("I'");
        !is_cap_stop(w) && !first_person
    }

    /// The end (exclusive) of the capitalised chain starting at `i`.
    fn chain_end(&self, i: usize, limit: usize) -> usize {
        let mut j = i;
        while j < limit && j < self.toks.len() {
            let quoted = self.toks[j].quoted;
            if self.is_name_word(j) && quoted == self.toks[i].quoted {
                let poss = self.toks[j].poss;
                j += 1;
                if poss {
                    break;
                }
                continue;
            }
            // Lower-case particles inside names (Ursula von der Leyen).
            if is_particle(self.word(j)) && j + 1 < limit && self.is_name_word(j + 1) && j > i {
                j += 1;
                continue;
            }
            break;
        }
        j
    }

    /// The start of the capitalised chain ending at `j` (inclusive).
    fn chain_start(&self, j: usize, lo: usize) -> usize {
        let mut i = j;
        while i > lo {
            let p = i - 1;
            if self.is_name_word(p)
                && !self.toks[p].poss
                && self.toks[p].quoted == self.toks[j].quoted
            {
                i = p;
                continue;
            }
            if is_particle(self.word(p)) && p > lo && self.is_name_word(p - 1) {
                i = p;
                continue;
            }
            break;
        }
        i
    }

    /// Index of the first token of the name proper in chain `[i, j)`:
    /// title words ("Prime Minister", "U.S. President") are skipped.
    fn name_start(&self, i: usize, j: usize) -> usize {
        let mut k = i;
        for x in i..j {
            if is_title(self.word(x)) {
                k = x + 1;
            }
        }
        if k >= j {
            i
        } else {
            k
        }
    }

    /// Whether chain `[i, j)` (title stripped) looks like a person's name.
    fn chain_is_personish(&self, i: usize, j: usize) -> bool {
        if j <= i || j - i > 4 {
            return false;
        }
        if is_place_start(self.word(i)) && j - i >= 2 {
            return false;
        }
        // "Former Democratic", "Republican Senate": adjectives, no name.
        if lex::is_group_adjective(self.word(i)) {
            return false;
        }
        for x in i..j {
            let w = self.word(x);
            if is_org_word(w) || is_place_word(w) {
                return false;
            }
            // All-caps acronyms (CNN, NATO) are organisations.
            if w.len() >= 2 && w.chars().all(|c| c.is_uppercase() || c == '.') && !w.ends_with('.')
            {
                return false;
            }
        }
        true
    }

    fn index_names(&mut self, no_names: &[bool]) {
        let mut ents: Vec<Entity<'a>> = Vec::new();
        let mut by_text: HashMap<&'a str, usize> = HashMap::new();
        let n = self.toks.len();
        let mut i = 0;
        // The entity named last in the current sentence, for gender votes.
        let mut last_ent: Option<usize> = None;
        let mut b = 0;
        while i < n {
            // Skip headline blocks (blocks are in token order).
            while b < self.block_toks.len() && self.block_toks[b].1 <= i {
                b += 1;
            }
            if no_names.get(b).copied().unwrap_or(false) {
                if let Some(&(_, e)) = self.block_toks.get(b) {
                    i = e.max(i + 1);
                    last_ent = None;
                    continue;
                }
            }
            let t = self.toks[i];
            if !t.is_word() {
                if t.is('.') || t.is('?') || t.is('!') {
                    last_ent = None;
                }
                i += 1;
                continue;
            }
            if self.is_name_word(i) {
                let j = self.chain_end(i, n);
                let k = self.name_start(i, j);
                let has_title = k > i;
                if self.chain_is_personish(k, j) {
                    let txt = self
                        .text
                        .get(self.toks[k].s..self.toks[j - 1].e)
                        .unwrap_or("");
                    let id = *by_text.entry(txt).or_insert_with(|| {
                        ents.push(Entity {
                            words: (k..j).map(|x| self.word(x)).collect(),
                            text: txt,
                            count: 0,
                            m: 0,
                            f: 0,
                        });
                        ents.len() - 1
                    });
                    ents[id].count += 1;
                    if has_title {
                        match self.word(j.saturating_sub(1).max(i).min(k.saturating_sub(1))) {
                            "Mr." => ents[id].m += 3,
                            "Mrs." | "Ms." => ents[id].f += 3,
                            _ => {}
                        }
                    }
                    if let Some(g) = first_name_gender(self.word(k)) {
                        if g == 'm' {
                            ents[id].m += 2;
                        } else {
                            ents[id].f += 2;
                        }
                    }
                    last_ent = Some(id);
                }
                i = j.max(i + 1);
                continue;
            }
            if let Some(id) = last_ent {
                // he/his/him vs she/her, checked on bytes (hot loop).
                let w = self.word(i).as_bytes();
                let g = match w.len() {
                    2 if w.eq_ignore_ascii_case(b"he") => Some('m'),
                    3 if w.eq_ignore_ascii_case(b"his") || w.eq_ignore_ascii_case(b"him") => {
                        Some('m')
                    }
                    3 if w.eq_ignore_ascii_case(b"she") || w.eq_ignore_ascii_case(b"her") => {
                        Some('f')
                    }
                    _ => None,
                };
                match g {
                    Some('m') => {
                        ents[id].m += 1;
                        last_ent = None;
                    }
                    Some(_) => {
                        ents[id].f += 1;
                        last_ent = None;
                    }
                    None => {}
                }
            }
            i += 1;
        }
        let mut by_word: HashMap<&'a str, Vec<usize>> = HashMap::new();
        for (id, e) in ents.iter().enumerate() {
            for &w in &e.words {
                let v = by_word.entry(w).or_default();
                if v.last() != Some(&id) {
                    v.push(id);
                }
            }
        }
        self.entities = ents;
        self.by_word = by_word;
    }

    /// The entity a name mention `[k, j)` refers to: the most used, then
    /// longest, name of the document holding all its words.
    fn entity_of(&self, k: usize, j: usize) -> Option<usize> {
        let words: Vec<&str> = (k..j).map(|x| self.word(x)).collect();
        let last = words.last()?;
        let cands = self.by_word.get(*last)?;
        let mut best: Option<(usize, usize, usize)> = None;
        for &id in cands.iter().take(200) {
            let e = &self.entities[id];
            if !words.iter().all(|w| e.words.iter().any(|x| x == w)) {
                continue;
            }
            // Prefer full names (two words or more), then frequency.
            let full = usize::from(e.words.len() >= 2);
            let key = (full, e.count, e.words.len());
            if best.is_none_or(|b| key > b) {
                best = Some(key);
                if let Some(bb) = best.as_mut() {
                    *bb = key;
                }
            }
        }
        let key = best?;
        cands.iter().copied().find(|&id| {
            let e = &self.entities[id];
            words.iter().all(|w| e.words.iter().any(|x| x == w))
                && (usize::from(e.words.len() >= 2), e.count, e.words.len()) == key
        })
    }

    fn gender_of(&self, id: usize) -> Option<char> {
        let e = &self.entities[id];
        // Use the genders of every entity sharing the surname-free name:
        // votes are per written form, so pool same-person forms.
        let (m, f) = (e.m, e.f);
        if m > f {
            Some('m')
        } else if f > m {
            Some('f')
        } else {
            None
        }
    }

    /// Pools gender votes of all forms of the same person (Trump / Donald
    /// Trump) into the canonical entity.
    fn person_gender(&self, id: usize) -> Option<char> {
        let e = &self.entities[id];
        let mut m = 0;
        let mut f = 0;
        if let Some(last) = e.words.last() {
            if let Some(ids) = self.by_word.get(last) {
                for &o in ids.iter().take(50) {
                    let oe = &self.entities[o];
                    if oe.words.last() == Some(last)
                        && (oe.words.len() == 1 || e.words.len() == 1 || oe.words == e.words)
                    {
                        m += oe.m;
                        f += oe.f;
                    }
                }
            }
        }
        if m > f {
            Some('m')
        } else if f > m {
            Some('f')
        } else {
            self.gender_of(id)
        }
    }

    /// Whether a single-word name is known as a person (it ends a longer
    /// person name, or pronouns/titles gave it a gender).
    fn is_person_entity(&self, id: usize) -> bool {
        let e = &self.entities[id];
        if e.words.len() == 1 && lex::is_group_adjective(e.words[0]) {
            return false;
        }
        e.words.len() >= 2 || e.m + e.f > 0
    }

    /// The entity a name mention `[k, j)` stands for, for its speaker
    /// name. When the document names two different people the mention fits
    /// ("Clinton" with "Bill Clinton" and "Hillary Clinton"), the one
    /// named last shortly before the mention (of gender `g` when a pronoun
    /// is resolved), else the one named three times as often as the
    /// others, else none (the name stays as written): a surname does not
    /// merge two people the document names alike.
    fn speaker_entity(&self, k: usize, j: usize, g: Option<char>) -> Option<usize> {
        let id = self.entity_of(k, j)?;
        let words: Vec<&str> = (k..j).map(|x| self.word(x)).collect();
        let fits = |e: &Entity| words.iter().all(|w| e.words.contains(w));
        // Two names are one person when one holds all words of the other
        // ("Donald Trump", "Donald J. Trump").
        let same = |a: &Entity, b: &Entity| {
            a.words.iter().all(|w| b.words.contains(w))
                || b.words.iter().all(|w| a.words.contains(w))
        };
        // A full name seen once whose first word is no known first name
        // may be a capitalised word glued to a surname ("See Sexton").
        let plausible = |e: &Entity| {
            e.words.len() >= 2
                && !e.text.contains('\n')
                && (e.count >= 2 || first_name_gender(e.words[0]).is_some())
        };
        let last = words.last()?;
        let cands = self.by_word.get(last)?;
        let chosen = &self.entities[id];
        // How often the document names other people the mention fits.
        let others: usize = cands
            .iter()
            .take(200)
            .map(|&o| &self.entities[o])
            .filter(|e| plausible(e) && fits(e) && !same(e, chosen))
            .map(|e| e.count)
            .sum();
        if others == 0 || !plausible(chosen) {
            return Some(id);
        }
        // The nearest full name before the mention that fits it, in the
        // same stretch of text (a paragraph or so).
        let mut x = k;
        while x > 0 && x + 60 > k {
            x -= 1;
            if self.word(x) != *last || !self.is_name_word(x) {
                continue;
            }
            let s0 = self.chain_start(x, x.saturating_sub(6));
            let n0 = self.name_start(s0, x + 1);
            if x + 1 - n0 < 2 {
                continue;
            }
            let txt = self.text.get(self.toks[n0].s..self.toks[x].e).unwrap_or("");
            if let Some(&o) = cands.iter().find(|&&o| self.entities[o].text == txt) {
                let e = &self.entities[o];
                // The gender of this very name (a pooled one mixes "Bill
                // Clinton" with every "Clinton").
                let eg = first_name_gender(e.words[0]).or_else(|| self.gender_of(o));
                let gender_ok = g.is_none_or(|g| eg.is_none_or(|x| x == g));
                if fits(e) && plausible(e) && gender_ok {
                    return Some(o);
                }
            }
        }
        // No one named nearby: the person the document is mostly about,
        // when the others are named far less ("Trump" with "Donald Trump"
        // twenty times and "Eric Trump" twice); else the name as written.
        (chosen.count >= 3 * others).then_some(id)
    }

    /// A name mention `[i, j)` as a speaker.
    fn name_speaker(&self, i: usize, j: usize) -> Speaker {
        self.name_speaker_g(i, j, None)
    }

    /// A name mention `[i, j)` as a speaker, known to be of gender `g`
    /// when a pronoun names it.
    fn name_speaker_g(&self, i: usize, j: usize, g: Option<char>) -> Speaker {
        let k = self.name_start(i, j);
        let span = Span::new(self.toks[k].s, self.toks[j - 1].e);
        match self.speaker_entity(k, j, g) {
            Some(id) => Speaker {
                name: Some(self.entities[id].text.to_string()),
                span: Some(span),
                gender: self.person_gender(id),
            },
            None => Speaker {
                name: Some(span.slice(self.text).to_string()),
                span: Some(span),
                gender: None,
            },
        }
    }

    /// The mention starting at token `i`, if any.
    fn mention_at(&self, i: usize, limit: usize) -> Option<Mention> {
        let t = *self.toks.get(i)?;
        if !t.is_word() || t.quoted {
            return None;
        }
        let w = self.word(i);
        let lw = w.to_ascii_lowercase();
        if lw == "who" {
            return Some(Mention {
                t0: i,
                t1: i + 1,
                span: Span::new(t.s, t.e),
                kind: MKind::Who,
            });
        }
        if let Some(g) = pronoun_gender(w) {
            if !is_possessive_pronoun(w) || lw == "her" {
                return Some(Mention {
                    t0: i,
                    t1: i + 1,
                    span: Span::new(t.s, t.e),
                    kind: MKind::Pronoun(g),
                });
            }
            return None;
        }
        if self.is_name_word(i) {
            let mut j = self.chain_end(i, limit);
            if j == i {
                return None;
            }
            // "Clinton campaign manager Robby Mook": the later name is the
            // speaker when lower-case role words join two names.
            let mut x = j;
            while x < limit && x < j + 4 && self.toks[x].is_word() && !self.toks[x].cap {
                let wx = self.word(x);
                if !(is_speaker_noun(wx)
                    || matches!(
                        wx,
                        "senior"
                            | "press"
                            | "chief"
                            | "communications"
                            | "deputy"
                            | "former"
                            | "top"
                    ))
                {
                    break;
                }
                x += 1;
            }
            if x > j && x < limit && self.is_name_word(x) {
                let j2 = self.chain_end(x, limit);
                if j2 > x {
                    return Some(Mention {
                        t0: x,
                        t1: j2,
                        span: Span::new(self.toks[x].s, self.toks[j2 - 1].e),
                        kind: MKind::Name,
                    });
                }
            }
            // "Trump’s campaign said": the organisation phrase speaks.
            if self.toks[j - 1].poss
                && j < limit
                && self.toks[j].is_word()
                && is_speaker_noun(self.word(j))
            {
                let e = j + 1;
                return Some(Mention {
                    t0: i,
                    t1: e,
                    span: Span::new(t.s, self.toks[j].e),
                    kind: MKind::Np,
                });
            }
            if self.toks[j - 1].poss {
                // A bare possessive is a determiner, not a subject.
                j = j.min(limit);
                let _ = j;
                return None;
            }
            return Some(Mention {
                t0: i,
                t1: j,
                span: Span::new(t.s, self.toks[j - 1].e),
                kind: MKind::Name,
            });
        }
        if is_vague(w) {
            let mut j = i + 1;
            while j < limit && j < i + 4 && self.toks[j].is_word() && !is_cue_verb(self.word(j)) {
                j += 1;
            }
            return Some(Mention {
                t0: i,
                t1: j,
                span: Span::new(t.s, self.toks[j - 1].e),
                kind: MKind::Vague,
            });
        }
        // "the ministry", "a spokesman for the campaign", "officials".
        let mut j = i;
        if is_det(w) {
            j += 1;
        } else if !t.cap
            && (lex::is_past_or_aux(w)
                || is_cue_verb(w)
                || (w.len() == 4 && w.ends_with("ed") && !w.ends_with("eed")))
        {
            // "used one of the woman’s quotes": a verb opens no noun phrase.
            return None;
        }
        let mut head = None;
        while j < limit && j < i + 5 && self.toks[j].is_word() {
            let wj = self.word(j);
            if is_cue_verb(wj) && head.is_some() {
                break;
            }
            if is_speaker_noun(wj) {
                head = Some(j);
            } else if head.is_some() {
                break;
            }
            j += 1;
        }
        let h = head?;
        let mut end = h + 1;
        // "…for the Clinton campaign", "…of the group".
        if end + 1 < limit && matches!(self.word(end), "for" | "of" | "at" | "with") {
            let mut x = end + 1;
            if is_det(self.word(x)) {
                x += 1;
            }
            if x < limit && self.is_name_word(x) {
                let ce = self.chain_end(x, limit);
                let mut ce2 = ce;
                if ce2 < limit && is_speaker_noun(self.word(ce2)) {
                    ce2 += 1;
                }
                end = ce2;
            }
        }
        Some(Mention {
            t0: i,
            t1: end,
            span: Span::new(t.s, self.toks[end - 1].e),
            kind: MKind::Np,
        })
    }

    /// The mention ending at token `j` (inclusive), looking no further left
    /// than `lo`.
    fn mention_ending(&self, j: usize, lo: usize) -> Option<Mention> {
        let t = *self.toks.get(j)?;
        if !t.is_word() || t.quoted {
            return None;
        }
        let w = self.word(j);
        if w.eq_ignore_ascii_case("who") {
            return Some(Mention {
                t0: j,
                t1: j + 1,
                span: Span::new(t.s, t.e),
                kind: MKind::Who,
            });
        }
        if let Some(g) = pronoun_gender(w) {
            if is_possessive_pronoun(w) && !w.eq_ignore_ascii_case("her") {
                return None;
            }
            return Some(Mention {
                t0: j,
                t1: j + 1,
                span: Span::new(t.s, t.e),
                kind: MKind::Pronoun(g),
            });
        }
        if self.is_name_word(j) {
            if t.poss {
                return None;
            }
            let i = self.chain_start(j, lo);
            return Some(Mention {
                t0: i,
                t1: j + 1,
                span: Span::new(self.toks[i].s, t.e),
                kind: MKind::Name,
            });
        }
        // "both sides", "many people": no single speaker.
        if !t.cap && j > lo && is_vague(self.word(j - 1)) {
            let tp = self.toks[j - 1];
            return Some(Mention {
                t0: j - 1,
                t1: j + 1,
                span: Span::new(tp.s, t.e),
                kind: MKind::Vague,
            });
        }
        if is_speaker_noun(w) && !t.cap {
            // Walk left over modifiers to the determiner or a possessive.
            let mut i = j;
            let mut kind = MKind::Np;
            while i > lo && i + 5 > j {
                let p = i - 1;
                let tp = self.toks[p];
                if !tp.is_word() || tp.quoted {
                    break;
                }
                let wp = self.word(p);
                if is_vague(wp) {
                    kind = MKind::Vague;
                    i = p;
                    break;
                }
                if is_det(wp) {
                    i = p;
                    break;
                }
                if is_cue_verb(wp) || is_adverb_or_aux(wp) || pronoun_gender(wp).is_some() {
                    break;
                }
                i = p;
            }
            return Some(Mention {
                t0: i,
                t1: j + 1,
                span: Span::new(self.toks[i].s, t.e),
                kind,
            });
        }
        None
    }

    /// Whether token `k` is a cue verb used as a verb: not after a
    /// determiner ("the report", "his claims" are nouns).
    fn is_cue_at(&self, k: usize) -> bool {
        let Some(t) = self.toks.get(k) else {
            return false;
        };
        if !t.is_word() || t.quoted {
            return false;
        }
        // "Trump went on about “…”", "she goes on": speech as a phrasal verb.
        let next = self
            .toks
            .get(k + 1)
            .filter(|n| !n.quoted)
            .map(|_| self.word(k + 1));
        let went_on = (matches!(self.word(k), "went" | "goes" | "go" | "going")
            && next == Some("on"))
            || (matches!(self.word(k), "shot" | "shoots") && next == Some("back"))
            || (matches!(self.word(k), "point" | "points" | "pointed" | "pointing")
                && next == Some("out"))
            // "as The New Yorker put it, “…”"
            || (matches!(self.word(k), "put" | "puts") && next == Some("it"));
        if !went_on && !is_cue_verb(self.word(k)) {
            return false;
        }
        if k > 0 {
            let p = self.word(k - 1).to_ascii_lowercase();
            if is_det(&p) || matches!(p.as_str(), "this" | "that" | "these" | "those" | "whose") {
                return false;
            }
            // "Mr. Obama's remarks", "Trump’s tweet": a noun after a
            // possessive name.
            if self.toks[k - 1].poss
                && self.is_name_word(k - 1)
                && pronoun_gender(self.word(k - 1)).is_none()
            {
                return false;
            }
            // "Republican claims", "Democratic calls": a noun after a
            // party adjective.
            let w = self.word(k);
            if w.ends_with('s') && w != "says" && lex::is_group_adjective(self.word(k - 1)) {
                return false;
            }
        }
        true
    }

    /// Whether token `k` ends a sentence: . ? ! ; outside quotes, not an
    /// abbreviation's period inside "(D-Ore.)" or before a lower-case word.
    fn ends_sentence(&self, k: usize) -> bool {
        let t = self.toks[k];
        if t.quoted {
            return false;
        }
        if t.is('?') || t.is('!') || t.is(';') {
            return true;
        }
        if !t.is('.') {
            return false;
        }
        match self.toks.get(k + 1) {
            Some(n) if n.is(')') || n.is(',') => false,
            Some(n) if n.is_word() && !n.cap && n.s == t.e + 1 => false,
            _ => true,
        }
    }

    /// Start token of the sentence holding token `i`, within block `b`.
    fn sentence_start(&self, i: usize, b0: usize) -> usize {
        // Sentences never cross paragraphs.
        let bi = self.block_toks.partition_point(|&(s, _)| s <= i);
        let own = if bi > 0 { self.block_toks[bi - 1].0 } else { 0 };
        let lo = b0.max(own).max(i.saturating_sub(WINDOW));
        let mut k = i;
        while k > lo {
            if self.ends_sentence(k - 1) || self.quote_ends_sentence(k) {
                break;
            }
            k -= 1;
        }
        k
    }

    /// Whether a quote closing right before token `k` ends its sentence:
    /// its words end with a period and a capitalised word follows
    /// ("… of “fanatic recklessness.” South Korean President …"). A "?" or
    /// "!" may go on ("“Stop!” Trump yelled"), a comma always does.
    fn quote_ends_sentence(&self, k: usize) -> bool {
        let Some(t) = self.toks.get(k) else {
            return false;
        };
        if t.quoted || !t.is_word() || !t.cap || k == 0 || !self.toks[k - 1].quoted {
            return false;
        }
        // Walk left over the closing marks to the quote's last token.
        let mut j = k - 1;
        while j > 0 && self.toks[j].quoted && self.is_mark_tok(j) {
            j -= 1;
        }
        j + 1 < k && self.toks[j].quoted && self.toks[j].is('.')
    }

    /// Whether token `j` is a quotation mark.
    fn is_mark_tok(&self, j: usize) -> bool {
        matches!(
            self.toks[j].kind,
            lex::TokKind::Punct('"' | '“' | '”' | '\'' | '‘' | '’' | '«' | '»')
        )
    }

    /// The first token index at or after byte `at`.
    fn tok_at(&self, at: usize) -> usize {
        self.toks.partition_point(|t| t.s < at)
    }

    /// Speaker of the verb at `v`, searching left no further than `lo`.
    fn subject_of(&self, v: usize, lo: usize) -> Option<(Mention, bool)> {
        if self.is_passive(v, lo) {
            return None;
        }
        let vw = self.word(v);
        // A participle ("…, saying") takes the subject of the main clause,
        // unless a person is named right before it ("with Trump tweeting").
        if vw.ends_with("ing") {
            if v > lo {
                if let Some(m) = self.mention_ending(v - 1, lo) {
                    let person = match m.kind {
                        MKind::Name => {
                            let k = self.name_start(m.t0, m.t1);
                            self.entity_of(k, m.t1)
                                .is_some_and(|id| self.is_person_entity(id))
                        }
                        MKind::Pronoun(_) | MKind::Who => true,
                        _ => false,
                    };
                    if person {
                        return Some((m, true));
                    }
                }
                // "with one of her ads asking “…”": the phrase after "with"
                // does the saying.
                let w0 = (lo.max(v.saturating_sub(7))..v - 1).rev().find(|&k| {
                    let t = self.toks[k];
                    t.quoted || t.is(',') || self.word(k) == "with"
                });
                let glued = !self.toks[v - 1].is(',');
                if let Some(w0) = w0.filter(|&k| glued && self.word(k) == "with") {
                    if let Some(m) = self.phrase_mention(w0 + 1, v) {
                        return Some((m, true));
                    }
                }
            }
            return self.sentence_subject(lo, v).map(|m| (m, false));
        }
        let mut j = v;
        while j > lo {
            let p = j - 1;
            let tp = self.toks[p];
            if tp.quoted {
                break;
            }
            if tp.is(')') {
                // "Sen. Marco Rubio (R-Fla.) said": skip the parenthesis.
                let mut k = p;
                while k > lo && k + 12 > p && !self.toks[k].is('(') {
                    k -= 1;
                }
                if self.toks[k].is('(') {
                    j = k;
                    continue;
                }
                break;
            }
            if !tp.is_word() {
                break;
            }
            let wp = self.word(p).to_ascii_lowercase();
            if is_adverb_or_aux(&wp) {
                j = p;
                continue;
            }
            // "who in 2010 said": a short time phrase before the verb.
            if p > lo
                && wp.len() == 4
                && wp.bytes().all(|b| b.is_ascii_digit())
                && matches!(self.word(p - 1), "in" | "since" | "by")
            {
                j = p - 1;
                continue;
            }
            // "I laughed and said": a coordinated verb shares the subject.
            if wp == "and"
                && p > lo + 1
                && self.toks[p - 1].is_word()
                && !self.toks[p - 1].cap
                && (self.word(p - 1).ends_with("ed") || self.is_cue_at(p - 1))
            {
                j = p - 1;
                continue;
            }
            break;
        }
        if j > lo {
            let p = j - 1;
            if let Some(m) = self.mention_ending(p, lo) {
                // "Another source speaking to Fox News said": a name after
                // a preposition is an object; the subject opens the clause.
                let object = m.t0 > lo
                    && matches!(
                        self.word(m.t0 - 1),
                        "to" | "with" | "by" | "from" | "at" | "on" | "about"
                    );
                if object {
                    if let Some(s) = self.sentence_subject(lo, m.t0) {
                        return Some((s, false));
                    }
                }
                return Some((m, true));
            }
            if self.toks[p].is(',') {
                // Appositive: "X, director of Y, said". A place between
                // commas ("Cory James, 22, of Flint, Mich., said") is part
                // of the appositive: look further left for a person.
                let mut k = p;
                let mut fallback: Option<Mention> = None;
                while k > lo && k + 30 > p {
                    k -= 1;
                    let tk = self.toks[k];
                    if tk.quoted {
                        break;
                    }
                    if tk.is(',') || tk.is('—') || tk.is('(') {
                        let mut e = k;
                        // "Sen. Ted Cruz (R-Tex.), a candidate…, said".
                        if e > lo && self.toks[e - 1].is(')') {
                            let mut x = e - 1;
                            while x > lo && x + 12 > e && !self.toks[x].is('(') {
                                x -= 1;
                            }
                            if self.toks[x].is('(') {
                                e = x;
                            }
                        }
                        if e > lo {
                            if let Some(m) = self.mention_ending(e - 1, lo) {
                                let place = m.kind == MKind::Name
                                    && tk.is(',')
                                    && !self.is_person_chain(m.t0, m.t1);
                                if !place {
                                    return Some((m, true));
                                }
                                fallback.get_or_insert(m);
                                k = m.t0;
                                continue;
                            }
                        }
                        // ", 22," or ", of Flint,": part of the appositive.
                        if tk.is(',') {
                            continue;
                        }
                        break;
                    }
                }
                // Or the appositive runs from the sentence start.
                if k <= lo {
                    if let Some(m) = self.sentence_subject(lo, p) {
                        let keep = fallback.is_none()
                            || m.kind != MKind::Name
                            || self.is_person_chain(m.t0, m.t1);
                        if keep {
                            return Some((m, false));
                        }
                    }
                }
                if let Some(m) = fallback {
                    return Some((m, true));
                }
            }
        }
        None
    }

    /// Whether token `i` ends a clause segment for phrase scanning.
    fn is_segment_stop(&self, i: usize) -> bool {
        let t = self.toks[i];
        if t.quoted {
            return true;
        }
        match t.kind {
            lex::TokKind::Punct(c) => !matches!(c, '-' | '\'' | '’' | '&' | '/'),
            lex::TokKind::Word => {
                let w = self.word(i);
                w.eq_ignore_ascii_case("who") || self.is_cue_at(i) || w == "that"
            }
        }
    }

    /// A speaker phrase in the token segment `[i, end)` (no verbs in it):
    /// a pronoun, the name that ends it ("CBS moderator Nancy Cordes"),
    /// or the whole phrase ("one Republican involved in the planning").
    fn phrase_mention(&self, i: usize, end: usize) -> Option<Mention> {
        if i >= end || end - i > 14 {
            return None;
        }
        let first = self.word(i);
        if end - i == 1 && pronoun_gender(first).is_some() {
            return self.mention_at(i, end);
        }
        if first.eq_ignore_ascii_case("who") {
            return self.mention_at(i, end);
        }
        if (i..end).any(|x| !self.toks[x].is_word() && !self.toks[x].is('-')) {
            // Punctuation inside: keep to the simple cases.
            return self.mention_at(i, end).filter(|m| m.t1 <= end);
        }
        if is_vague(first) {
            return Some(Mention {
                t0: i,
                t1: end,
                span: Span::new(self.toks[i].s, self.toks[end - 1].e),
                kind: MKind::Vague,
            });
        }
        // A name then its place: "Jason Gilbert of Cheyenne".
        if self.is_name_word(i) {
            let c = self.chain_end(i, end);
            if c > i
                && c < end
                && matches!(self.word(c), "of" | "from" | "in" | "at" | "with" | "for")
            {
                return Some(Mention {
                    t0: i,
                    t1: c,
                    span: Span::new(self.toks[i].s, self.toks[c - 1].e),
                    kind: MKind::Name,
                });
            }
        }
        // A name at the end: "former FBI agent Timothy Gill".
        if self.is_name_word(end - 1) && !self.toks[end - 1].poss {
            let s = self.chain_start(end - 1, i);
            let det_np = is_det(first) && s > i + 1;
            if !det_np || s == i {
                return Some(Mention {
                    t0: s,
                    t1: end,
                    span: Span::new(self.toks[s].s, self.toks[end - 1].e),
                    kind: MKind::Name,
                });
            }
        }
        if end - i > 9 {
            return None;
        }
        let mut any_noun = false;
        for x in i..end {
            let w = self.word(x);
            if is_adverb_or_aux(w) && !matches!(w, "first" | "last" | "in") {
                return None;
            }
            any_noun |= is_speaker_noun(w) || self.is_name_word(x);
        }
        if !(any_noun || is_det(first)) {
            return None;
        }
        Some(Mention {
            t0: i,
            t1: end,
            span: Span::new(self.toks[i].s, self.toks[end - 1].e),
            kind: MKind::Np,
        })
    }

    /// The speaker phrase right after a cue verb at `v` ("said retired Gen.
    /// Mick Bednarek, who…"). Only verbs that invert with their subject
    /// qualify: after "called" comes what was called, not who called.
    fn after_verb(&self, v: usize, stop: usize) -> Option<Mention> {
        let vw = self.word(v).to_ascii_lowercase();
        let invertible = matches!(
            vw.as_str(),
            "said"
                | "says"
                | "added"
                | "adds"
                | "asked"
                | "asks"
                | "wrote"
                | "writes"
                | "explained"
                | "explains"
                | "stated"
                | "continued"
                | "continues"
                | "replied"
                | "recalled"
                | "noted"
                | "notes"
                | "argued"
                | "argues"
                | "tweeted"
                | "declared"
                | "insisted"
                | "warned"
                | "concluded"
                | "observed"
                | "quipped"
                | "joked"
                | "remarked"
                | "countered"
                | "responded"
                | "acknowledged"
                | "admitted"
                | "to"
                | "by"
                | "offered"
                | "cautioned"
                | "predicted"
                | "reported"
                | "reports"
                | "emphasized"
                | "stressed"
                | "wondered"
                | "told"
                | "tells"
                | "say"
                | "reads"
                | "read"
                | "mused"
                | "exclaimed"
                | "shouted"
                | "yelled"
                | "retorted"
                | "snapped"
                | "scoffed"
                | "fumed"
                | "boasted"
                | "bragged"
                | "complained"
                | "lamented"
                | "agreed"
                | "conceded"
                | "confirmed"
                | "announced"
                | "answered"
                | "interjected"
                | "recounted"
                | "reiterated"
                | "repeated"
                | "echoed"
                | "asserted"
                | "proclaimed"
                | "chimed"
                | "gushed"
                | "teased"
                | "chided"
                | "pleaded"
                | "urged"
                | "promised"
                | "vowed"
                | "thundered"
                | "opined"
                | "whispered"
                | "cried"
                | "screamed"
                | "posted"
        );
        if !invertible {
            return None;
        }
        let i = v + 1;
        let mut e = i;
        while e < stop && e < i + 14 && !self.is_segment_stop(e) {
            e += 1;
        }
        // "said 9/11 widow Terry Strada", "said 76-year-old Jo Bell": a
        // phrase opening with a number still names the person after it.
        let m = self.phrase_mention(i, e).or_else(|| {
            if !self
                .toks
                .get(i)
                .is_some_and(|t| self.text[t.s..].starts_with(|c: char| c.is_ascii_digit()))
            {
                return None;
            }
            let j = (i..e.min(i + 6)).find(|&j| self.is_name_word(j))?;
            let k = self.chain_end(j, e);
            (k > j && self.is_person_chain(j, k)).then(|| Mention {
                t0: j,
                t1: k,
                span: Span::new(self.toks[j].s, self.toks[k - 1].e),
                kind: MKind::Name,
            })
        })?;
        let w = self.word(m.t0);
        if lex::is_weekday(w)
            || matches!(
                w,
                "reporters" | "in" | "on" | "at" | "of" | "to" | "that" | "it" | "this"
            )
        {
            return None;
        }
        Some(m)
    }

    /// A signature after the quote: "“…” ― Oscar P. Quintero" (a dash, a
    /// name, then the end of the sentence or paragraph).
    fn signature(&self, close: usize, b1: usize) -> Option<Mention> {
        let i = self.tok_at(close);
        let t = self.toks.get(i)?;
        if i >= b1 || !(t.is('―') || t.is('—') || t.is('–') || t.is('-')) {
            return None;
        }
        let s = i + 1;
        if s >= b1 || !self.is_name_word(s) {
            return None;
        }
        let e = self.chain_end(s, b1);
        let ends = e >= b1 || self.toks[e].is('.') || self.toks[e].is(',');
        (ends && e > s).then(|| Mention {
            t0: s,
            t1: e,
            span: Span::new(self.toks[s].s, self.toks[e - 1].e),
            kind: MKind::Name,
        })
    }

    /// A transcript label opening the quote: "“WALLACE: Let’s start…”".
    fn transcript_label(&self, q: &RawQuote) -> Option<Mention> {
        let i = self.tok_at(q.span.start);
        let t = self.toks.get(i)?;
        let w = self.word(i);
        let label = t.is_word()
            && w.chars().count() >= 2
            && w.chars().all(|c| c.is_uppercase() || c == '.' || c == '-')
            && self.toks.get(i + 1).is_some_and(|n| n.is(':'));
        label.then(|| Mention {
            t0: i,
            t1: i + 1,
            span: Span::new(t.s, t.e),
            kind: MKind::Name,
        })
    }

    /// The speaker named after the quote closing at byte `close`.
    fn post_frame(&self, close: usize, b1: usize, ends_period: bool) -> Option<Mention> {
        if let Some(m) = self.signature(close, b1) {
            return Some(m);
        }
        let mut i = self.tok_at(close);
        let limit = b1.min(i + WINDOW);
        while i < limit {
            let t = self.toks[i];
            if t.quoted {
                return None;
            }
            if t.is(',') || t.is('—') || t.is('–') || t.is('-') || t.is('(') {
                i += 1;
                continue;
            }
            break;
        }
        if i >= limit || !self.toks[i].is_word() {
            return None;
        }
        // "…,” but Trump said": a new clause, not this quote's frame.
        if matches!(
            self.word(i),
            "but"
                | "and"
                | "or"
                | "while"
                | "as"
                | "because"
                | "though"
                | "although"
                | "so"
                | "yet"
                | "if"
                | "when"
                | "which"
                | "where"
                | "after"
                | "before"
        ) {
            return None;
        }
        let stop = {
            let mut k = i;
            // A period inside parentheses ("(D-Ore.)") ends no sentence.
            let mut depth = 0u32;
            while k < limit && !self.toks[k].quoted {
                let t = self.toks[k];
                if t.is('(') {
                    depth += 1;
                } else if t.is(')') {
                    depth = depth.saturating_sub(1);
                } else if depth == 0
                    && (t.is('.') || t.is('?') || t.is('!') || t.is(';') || t.is(':'))
                {
                    break;
                }
                k += 1;
            }
            k
        };
        let w = self.word(i);
        // "according to X"
        if w.eq_ignore_ascii_case("according") && i + 1 < stop && self.word(i + 1) == "to" {
            return self.after_verb(i + 1, stop);
        }
        // Inverted: "said Caddell", "said the ministry".
        if self.is_cue_at(i) {
            return self.after_verb(i, stop);
        }
        // "X said", "X, director of Y, said", "X told Y": the first cue
        // verb of the clause, its subject before it.
        let reach = if ends_period { 8 } else { 24 };
        let mut v = i;
        while v < stop && v < i + reach {
            if self.is_cue_at(v) {
                break;
            }
            v += 1;
        }
        if v >= stop || v >= i + reach {
            // "“…,” Trump, the party's frontrunner, …" / "“…,” Trump from
            // his desk.": a person named right after the quote's comma.
            if self.is_name_word(i) {
                let e = self.chain_end(i, stop);
                let next_ok = e >= stop
                    || self.toks[e].is(',')
                    || matches!(
                        self.word(e),
                        "from" | "at" | "in" | "on" | "during" | "via" | "to"
                    );
                if e > i && next_ok && !self.toks[e - 1].poss && self.is_person_chain(i, e) {
                    return Some(Mention {
                        t0: i,
                        t1: e,
                        span: Span::new(self.toks[i].s, self.toks[e - 1].e),
                        kind: MKind::Name,
                    });
                }
            }
            return None;
        }
        // Passive ("was told") is no attribution.
        if let Some((m, _)) = self.subject_of(v, i) {
            return Some(m);
        }
        // The phrase before the verb, up to an appositive comma.
        let mut e = i;
        while e < v && !self.toks[e].is(',') && !self.toks[e].is('(') {
            e += 1;
        }
        self.phrase_mention(i, e)
    }

    /// A reporting clause that closes the sentence after the quote: "X was
    /// a “good thing” that worked, he said." / "…, the Tribune reports.".
    /// The last comma of the sentence opens a short clause with a cue verb
    /// (or "according to"), and that clause runs to the sentence end.
    fn trailing_frame(
        &self,
        close: usize,
        b1: usize,
        ends_period: bool,
        outer_only: bool,
    ) -> Option<Mention> {
        // "“… anguish.” This sort of opining, CNN claimed, …": a quote
        // closing its own sentence leaves the next one to itself.
        if ends_period {
            return None;
        }
        let c0 = self.tok_at(close);
        let limit = b1.min(c0 + WINDOW);
        let mut depth = 0u32;
        let mut commas = [0usize; 8];
        let mut n = 0;
        let mut k = c0;
        while k < limit {
            let t = self.toks[k];
            if t.quoted {
                k += 1;
                continue;
            }
            if t.is('(') {
                depth += 1;
            } else if t.is(')') {
                depth = depth.saturating_sub(1);
            } else if depth == 0 && (t.is(':') || self.ends_sentence(k)) {
                break;
            } else if depth == 0 && t.is(',') && k > c0 && n < commas.len() {
                commas[n] = k;
                n += 1;
            }
            k += 1;
        }
        // The sentence must end inside the window (or with the paragraph).
        if k >= limit && limit < b1 {
            return None;
        }
        // The first comma that opens a reporting clause running to the end
        // (its subject may take an appositive: ", said X, an analyst at Y.").
        for &c in &commas[..n] {
            if (c + 1..k).any(|i| self.toks[i].quoted) {
                return None;
            }
            let according = self.word(c + 1).eq_ignore_ascii_case("according")
                && self.toks.get(c + 2).is_some_and(|t| t.is_word())
                && self.word(c + 2) == "to";
            // "…, saying …" is a participle of the main clause, not a frame.
            if self.word(c + 1).ends_with("ing") && !according {
                continue;
            }
            // A finite verb of saying: "comments", "calls" after a
            // subject may be plural nouns ("Clinton restricted comments").
            let cue = (c + 1..k.min(c + 12)).find(|&i| {
                let w = self.word(i);
                self.is_cue_at(i)
                    && !w.ends_with("ing")
                    && (!w.ends_with('s') || is_reporting_verb(w) || w == "reports")
            });
            let Some(v) = cue.or(according.then_some(c + 1)) else {
                continue;
            };
            // After a frame of its own ("…,” Sanders said, according to
            // CNN.") only a source reporting the report is the outer one.
            if outer_only && !according && !matches!(self.word(v), "reported" | "reports") {
                continue;
            }
            // The clause opens with an inverted verb, or with its subject
            // right before the verb: no comma between ("Washington, D.C.,
            // and boast …" is no frame), no relative clause ("a charge
            // that leaders denied").
            let inverted = v == c + 1 || according;
            let plain_subject = (c + 1..v).all(|i| {
                let t = self.toks[i];
                !t.is(',') && !matches!(self.word(i), "that" | "which" | "who" | "and")
            });
            if !inverted && !plain_subject {
                continue;
            }
            if let Some(m) = self
                .post_frame(self.toks[c].s, b1, false)
                .filter(|m| (m.t0 == c + 1 || inverted) && m.t1 <= k)
            {
                return Some(m);
            }
        }
        None
    }

    /// The subject at the start of the sentence `[lo, q)`: a name, a pronoun
    /// or a speaker phrase ("The petition", "Federal labor organizations"),
    /// after an opening adverbial ("On Tuesday, Sanders went further").
    fn sentence_subject(&self, lo: usize, q: usize) -> Option<Mention> {
        let mut s = lo;
        for _ in 0..3 {
            if s >= q {
                return None;
            }
            let w = self.word(s);
            let t = self.toks[s];
            let opener = t.is_word()
                && (matches!(
                    w,
                    "In" | "On"
                        | "At"
                        | "During"
                        | "After"
                        | "Before"
                        | "When"
                        | "While"
                        | "As"
                        | "Earlier"
                        | "Later"
                        | "Last"
                        | "Since"
                        | "Asked"
                        | "Speaking"
                        | "Across"
                        | "Addressing"
                        | "Like"
                        | "Unlike"
                        | "Despite"
                        | "For"
                        | "To"
                        | "With"
                        | "Under"
                        | "Over"
                        | "From"
                        | "Throughout"
                        | "Within"
                        | "Following"
                ) || (w.ends_with("ly") && t.cap && self.is_ly_adverb(s)));
            if matches!(
                w,
                "But"
                    | "And"
                    | "So"
                    | "Yet"
                    | "Still"
                    | "Now"
                    | "Then"
                    | "Instead"
                    | "Meanwhile"
                    | "However"
            ) {
                s += 1;
                if s < q && self.toks[s].is(',') {
                    s += 1;
                }
                continue;
            }
            if opener {
                let mut k = s;
                while k < q && k < s + 14 && !self.toks[k].is(',') {
                    k += 1;
                }
                if k >= q || !self.toks[k].is(',') {
                    return None;
                }
                s = k + 1;
                continue;
            }
            break;
        }
        if s >= q {
            return None;
        }
        // "Speaking in Salem, New Hampshire, Trump went …": a place name
        // closed by a comma is the end of the opener, not the subject.
        if s > lo && self.toks[s - 1].is(',') && self.is_name_word(s) {
            let e = self.chain_end(s, q);
            if e < q && self.toks[e].is(',') && !self.is_person_chain(s, e) {
                s = e + 1;
            }
        }
        if s >= q {
            return None;
        }
        self.subject_mention(s, q)
            .or_else(|| self.np_subject(s, q))
            .or_else(|| {
                // "Hours later, Trump …", "Still, the senator …": a short
                // opener up to a comma, then the subject.
                let c = (s..q.min(s + 6)).find(|&x| self.toks[x].is(','))?;
                if c == s || (s..c).any(|x| self.toks[x].quoted || self.is_cue_at(x)) {
                    return None;
                }
                let s2 = c + 1;
                if s2 >= q {
                    return None;
                }
                self.subject_mention(s2, q)
                    .filter(|m| matches!(m.kind, MKind::Name | MKind::Pronoun(_)))
            })
    }

    /// Whether the capitalised "-ly" word at `i` opens the sentence as an
    /// adverb ("Clearly, …", "Recently the …") rather than as a name
    /// ("Carly Fiorina", "Kelly said").
    fn is_ly_adverb(&self, i: usize) -> bool {
        let w = self.word(i);
        match self.toks.get(i + 1) {
            Some(n) if n.is(',') => true,
            Some(n) if n.cap => false,
            _ => w.len() >= 6 && first_name_gender(w).is_none(),
        }
    }

    /// Whether the name chain `[i, j)` names a known person.
    fn is_person_chain(&self, i: usize, j: usize) -> bool {
        let k = self.name_start(i, j);
        self.entity_of(k, j)
            .is_some_and(|id| self.is_person_entity(id))
    }

    /// The mention at `s` as a sentence subject, when it reads as one.
    fn subject_mention(&self, s: usize, q: usize) -> Option<Mention> {
        let m = self.mention_at(s, q)?;
        if m.t1 > q {
            return None;
        }
        match m.kind {
            MKind::Name => {
                // Skip places and things ("Japan", "The Constitution" is
                // kept: a capitalised document speaks).
                let k = self.name_start(m.t0, m.t1);
                let person = self
                    .entity_of(k, m.t1)
                    .is_some_and(|id| self.is_person_entity(id));
                let thing = self.word(m.t0) == "The";
                if !(person || thing || m.t1 - k >= 2) {
                    return None;
                }
                Some(m)
            }
            MKind::Pronoun(g) if g == 'm' || g == 'f' => {
                // "her" as an object is no subject.
                (!self.word(m.t0).eq_ignore_ascii_case("her")).then_some(m)
            }
            MKind::Np => Some(m),
            _ => None,
        }
    }

    /// The noun phrase from `s` up to the first verb of its clause, as a
    /// speaker ("Democratic presidential candidate Bernie Sanders is …",
    /// "The billionaire businessman began …"). None when no verb follows
    /// within a short reach (then the words are no subject).
    fn np_subject(&self, s: usize, q: usize) -> Option<Mention> {
        let lim = q.min(s + 12);
        let mut e = s;
        while e < lim {
            let t = self.toks[e];
            if t.quoted {
                return None;
            }
            if !t.is_word() {
                if t.is('-') || t.is('&') {
                    e += 1;
                    continue;
                }
                return None;
            }
            // "The retired neurosurgeon": a participle after a determiner
            // is an adjective.
            if e > s && !t.cap && self.is_verbish(e) {
                let prev = self.word(e - 1).to_ascii_lowercase();
                if !matches!(
                    prev.as_str(),
                    "the" | "a" | "an" | "his" | "her" | "their" | "its"
                ) {
                    break;
                }
            }
            e += 1;
        }
        if e == s || e >= lim {
            return None;
        }
        let m = self.phrase_mention(s, e)?;
        // Only a person, a proper name of two words or more ("The Wall
        // Street Journal") or a phrase with a speaker noun speaks: "Pressure
        // mounted" and "Embryonic stem cells are" do not.
        let ok = match m.kind {
            MKind::Name => {
                let w = self.word(m.t0);
                m.t1 - m.t0 >= 2
                    || self.is_person_chain(m.t0, m.t1)
                    || is_speaker_noun(w)
                    || (w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase()))
            }
            MKind::Np => {
                is_det(self.word(m.t0))
                    || self.toks[m.t0].poss
                    || (m.t0..m.t1).any(|x| is_speaker_noun(self.word(x)))
            }
            _ => false,
        };
        ok.then_some(m)
    }

    /// Whether the lower-case word at `i` reads as the verb of a clause:
    /// an auxiliary, a cue verb, a past tense, or a present tense after a
    /// name ("Trump wants").
    fn is_verbish(&self, i: usize) -> bool {
        let w = self.word(i);
        if is_cue_verb(w) || lex::is_past_or_aux(w) {
            return true;
        }
        w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && i > 0 && self.is_name_word(i - 1)
    }

    /// The frame at the end of the sentence before token `qt` in the same
    /// block ("Sen. Ted Cruz tweeted a warning. “…”").
    fn prev_sentence_frame(&self, qt: usize, b0: usize) -> Option<Mention> {
        if qt <= b0 + 1 {
            return None;
        }
        let end = qt - 1;
        let te = self.toks[end];
        if te.quoted || !(te.is('.') || te.is(':') || te.is(',') || te.is('—')) {
            return None;
        }
        let lo = self.sentence_start(end, b0);
        let from = if te.is('.') {
            lo.max(end.saturating_sub(8))
        } else {
            lo
        };
        let mut k = end;
        while k > from {
            k -= 1;
            let t = self.toks[k];
            if t.quoted {
                return None;
            }
            if self.is_cue_at(k) {
                if let Some((m, _)) = self.subject_of(k, lo) {
                    return Some(m);
                }
                return self.after_verb(k, end);
            }
        }
        None
    }

    /// The speaker named before the quote opening at byte `open`, in its
    /// sentence. Returns the mention and whether it is a speech frame that
    /// makes the quote a full one ("said, “…”").
    fn pre_frame(&self, open: usize, b0: usize) -> (Option<Mention>, bool) {
        let q = self.tok_at(open);
        let lo = self.sentence_start(q, b0);
        if q <= lo {
            return (None, false);
        }
        // "According to X, …" anywhere before the quote names the source
        // of everything in the sentence.
        for k in lo..q.saturating_sub(1) {
            if self.toks[k].quoted {
                break;
            }
            if self.word(k).eq_ignore_ascii_case("according") && self.word(k + 1) == "to" {
                if let Some(m) = self.after_verb(k + 1, q) {
                    return (Some(m), true);
                }
            }
        }
        // "Rubio fired back: “…”": the subject of the clause before a colon.
        if q > lo + 1 && self.toks[q - 1].is(':') {
            let mut c = q - 1;
            while c > lo && !self.toks[c - 1].is(',') && !self.toks[c - 1].quoted {
                c -= 1;
            }
            // "McConnell, R-Ky., delivered a message: “…”": the clause
            // opens with its verb, its subject is the sentence's.
            if c > lo && c < q - 1 && !self.toks[c].cap && self.is_verbish(c) {
                if let Some(m) = self.sentence_subject(lo, c) {
                    return (Some(m), true);
                }
            }
            // "… - Philip Bump: “…”": a person named right before the
            // colon labels the quote.
            if q >= lo + 2 && self.is_name_word(q - 2) && self.toks[q - 2].is_word() {
                let s0 = self.chain_start(q - 2, lo);
                let object = s0 > lo
                    && matches!(
                        self.word(s0 - 1),
                        "to" | "with" | "by" | "for" | "from" | "at" | "of" | "on" | "about"
                    );
                if !object && self.is_person_chain(s0, q - 1) && !self.toks[q - 2].poss {
                    return (
                        Some(Mention {
                            t0: s0,
                            t1: q - 1,
                            span: Span::new(self.toks[s0].s, self.toks[q - 2].e),
                            kind: MKind::Name,
                        }),
                        true,
                    );
                }
            }
            for x in c..(c + 3).min(q - 1) {
                if let Some(m) = self.mention_at(x, q - 1) {
                    if matches!(m.kind, MKind::Name | MKind::Pronoun(_) | MKind::Np) && m.t1 < q {
                        return (Some(m), true);
                    }
                }
                if !self.toks[x].is_word() {
                    break;
                }
            }
        }
        // A possessive before a statement noun ("her intent to “…”"),
        // used when no verb frame names a speaker.
        let mut best: Option<Mention> = None;
        let mut k = q;
        while k > lo {
            k -= 1;
            let t = self.toks[k];
            if t.quoted {
                break;
            }
            if !t.is_word() {
                continue;
            }
            let w = self.word(k);
            if w == "to" && k > lo && self.word(k - 1).eq_ignore_ascii_case("according") {
                if let Some(m) = self.after_verb(k, q) {
                    return (Some(m), true);
                }
            }
            // "her intent to “…”", "Trump’s claim that “…”"
            if is_cue_noun(w) && k > lo {
                let p = k - 1;
                let wp = self.word(p);
                if best.is_none() && is_possessive_pronoun(wp) {
                    let tp = self.toks[p];
                    best = Some(Mention {
                        t0: p,
                        t1: p + 1,
                        span: Span::new(tp.s, tp.e),
                        kind: MKind::Pronoun(pronoun_gender(wp).unwrap_or('x')),
                    });
                }
                if best.is_none() && self.toks[p].poss && self.is_name_word(p) {
                    let i = self.chain_start(p, lo);
                    let tp = self.toks[p];
                    best = Some(Mention {
                        t0: i,
                        t1: p + 1,
                        span: Span::new(self.toks[i].s, tp.e),
                        kind: MKind::Name,
                    });
                }
            }
            if self.is_cue_at(k) {
                // "refusal to call …": an infinitive is not the frame.
                if k > lo && self.word(k - 1) == "to" {
                    continue;
                }
                if self.is_passive(k, lo) {
                    // "was asked by host Bill Maher": the agent speaks.
                    if k + 1 < q && self.word(k + 1) == "by" {
                        if let Some(m) = self.after_verb(k + 1, q) {
                            return (Some(m), true);
                        }
                    }
                    return (None, true);
                }
                if let Some((m, _)) = self.subject_of(k, lo) {
                    // "saying anybody who complains about it “…”": a "who"
                    // after no name is a generic clause; the frame is the
                    // verb further left.
                    if m.kind == MKind::Who && !self.who_has_name(m) {
                        continue;
                    }
                    // "Cruz said Rubio will be “…”": the words are reported
                    // by the outer speaker.
                    return (Some(self.outer_reporter(m, lo).unwrap_or(m)), true);
                }
                if best.is_some() {
                    return (best, true);
                }
                // A coordinated verb ("Clinton supports …, and recalled")
                // shares the subject of the sentence; "The clip says X
                // “…”": the phrase right before the verb.
                if let Some(m) = self
                    .sentence_subject(lo, k)
                    .or_else(|| self.np_before_verb(lo, k))
                {
                    return (Some(m), true);
                }
                // Inverted: "explained CBS moderator Nancy Cordes: “…”",
                // the phrase running up to the quote.
                if let Some(m) = self.after_verb(k, q) {
                    let mut e = m.t1;
                    while e < q && !self.toks[e].is_word() {
                        e += 1;
                    }
                    if e == q {
                        return (Some(m), true);
                    }
                }
                // A cue with no subject in reach ("the recent spate of
                // shootings demands that …") may sit inside an outer
                // report ("Ryan said the spate … demands"): look further
                // left for its verb.
                continue;
            }
            // "the so-called “…”" marks a term; a "so-called" further left
            // qualifies some other words ("the so-called TPP as “…”").
            if w.eq_ignore_ascii_case("so-called") && k + 3 >= q {
                return (None, true);
            }
        }
        (best, false)
    }

    /// The subject of a reporting verb ("said", "told") whose complement
    /// holds mention `m`: "Obama said he expected that Americans will say
    /// “no”" is Obama's report.
    fn outer_reporter(&self, m: Mention, lo: usize) -> Option<Mention> {
        let mut k = m.t0;
        while k > lo {
            k -= 1;
            let t = self.toks[k];
            if t.quoted {
                return None;
            }
            if !t.is_word() {
                continue;
            }
            // "… in the U.S. He says": an abbreviation before a capital
            // ends the sentence the lexer could not split.
            if self.word(k).ends_with('.') && self.toks.get(k + 1).is_some_and(|n| n.cap) {
                return None;
            }
            // "she pointed to reports that Trump called …": citing a
            // report reports it.
            let pointed = matches!(self.word(k), "pointed" | "points")
                && self.toks.get(k + 1).is_some_and(|t| !t.quoted)
                && self.word(k + 1) == "to";
            let reporting = (is_reporting_verb(self.word(k)) && self.is_cue_at(k)) || pointed;
            if !reporting || self.is_passive(k, lo) {
                continue;
            }
            // "When Clinton noted …, Trump boasted": a clause boundary
            // between the two verbs means the report is not the outer one.
            if (k + 1..m.t0).any(|x| {
                let t = self.toks[x];
                t.is(',') || t.is('―') || t.is('—') || t.is('–') || t.is(';')
            }) {
                return None;
            }
            let o = match self.subject_of(k, lo) {
                Some((o, _)) => o,
                // "The clip says Kaine “…”": a noun phrase opening the
                // sentence right before the verb reports.
                None => self.np_before_verb(lo, k)?,
            };
            return matches!(o.kind, MKind::Name | MKind::Np | MKind::Pronoun(_)).then_some(o);
        }
        None
    }

    /// The short noun phrase opening the sentence at `lo` right before the
    /// reporting verb at `k` (adverbs between): "The clip says …".
    fn np_before_verb(&self, lo: usize, k: usize) -> Option<Mention> {
        if !is_reporting_verb(self.word(k)) {
            return None;
        }
        self.sentence_subject(lo, k + 1).filter(|s| {
            s.t1 <= k
                && s.t1 - s.t0 <= 4
                && is_det(self.word(s.t0))
                && (s.t1..k).all(|x| is_adverb_or_aux(self.word(x)))
        })
    }

    /// Whether the relative "who" mention `m` follows a name it can refer
    /// to (", who", or "who" within three tokens after a name).
    fn who_has_name(&self, m: Mention) -> bool {
        // ", who": a non-restrictive clause always follows its noun.
        if m.t0 > 0 && self.toks[m.t0 - 1].is(',') {
            return true;
        }
        let mut j = m.t0;
        while j > 0 && j + 3 > m.t0 {
            j -= 1;
            if let Some(mm) = self.mention_ending(j, j.saturating_sub(8)) {
                return matches!(mm.kind, MKind::Name | MKind::Np);
            }
        }
        false
    }

    /// Whether the cue verb at `v` is passive ("are often called").
    fn is_passive(&self, v: usize, lo: usize) -> bool {
        let vw = self.word(v).to_ascii_lowercase();
        if !(vw.ends_with("ed") || matches!(vw.as_str(), "told" | "said" | "written" | "dubbed")) {
            return false;
        }
        let mut j = v;
        while j > lo && j + 4 > v {
            j -= 1;
            let t = self.toks[j];
            if !t.is_word() {
                return false;
            }
            let w = self.word(j).to_ascii_lowercase();
            if matches!(
                w.as_str(),
                "is" | "are" | "was" | "were" | "be" | "been" | "being" | "get" | "got"
            ) {
                return true;
            }
            if !is_adverb_or_aux(&w) {
                return false;
            }
        }
        false
    }

    /// Resolves a mention to a speaker. `prev` is the last speaker found.
    fn resolve(&self, m: Mention, prev: Option<&Speaker>) -> Speaker {
        match m.kind {
            MKind::Name => self.name_speaker(m.t0, m.t1),
            MKind::Np => Speaker {
                name: Some(m.span.slice(self.text).to_string()),
                span: Some(m.span),
                gender: Some('n'),
            },
            MKind::Vague => Speaker {
                name: None,
                span: None,
                gender: None,
            },
            MKind::Who => {
                // The name right before ", who".
                let mut j = m.t0;
                while j > 0 && j + 3 > m.t0 {
                    j -= 1;
                    if let Some(mm) = self.mention_ending(j, j.saturating_sub(8)) {
                        if mm.kind == MKind::Name {
                            let sp = self.name_speaker(mm.t0, mm.t1);
                            return Speaker {
                                name: sp.name,
                                span: Some(m.span),
                                gender: sp.gender,
                            };
                        }
                        // "a retired general who suggested": the phrase.
                        if mm.kind == MKind::Np {
                            return Speaker {
                                name: Some(mm.span.slice(self.text).to_string()),
                                span: Some(m.span),
                                gender: Some('n'),
                            };
                        }
                        break;
                    }
                }
                // "…,” said one Democrat familiar with the talks, who added
                // that …": the speaker just named, right before the comma.
                let after_prev = m.t0 >= 2
                    && self.toks[m.t0 - 1].is(',')
                    && prev.is_some_and(|p| {
                        p.name.is_some() && p.span.is_some_and(|s| s.end == self.toks[m.t0 - 2].e)
                    });
                if let (true, Some(p)) = (after_prev, prev) {
                    return Speaker {
                        name: p.name.clone(),
                        span: Some(m.span),
                        gender: p.gender,
                    };
                }
                Speaker {
                    name: Some(m.span.slice(self.text).to_string()),
                    span: Some(m.span),
                    gender: None,
                }
            }
            MKind::Pronoun(g) => {
                let literal = Speaker {
                    name: Some(m.span.slice(self.text).to_string()),
                    span: Some(m.span),
                    gender: None,
                };
                if !matches!(g, 'm' | 'f') {
                    return literal;
                }
                match self.antecedent(m.t0, g, prev) {
                    Some(sp) => Speaker {
                        name: sp.name,
                        span: Some(m.span),
                        gender: Some(g),
                    },
                    None => literal,
                }
            }
        }
    }

    /// "Clinton says Americans are angry and want what she calls “…”": a
    /// pronoun speaker that stands for the subject of its own sentence is
    /// reported at that subject, the outermost mention of the source (the
    /// name stays the same; only the mention moves). Not across a new
    /// clause ("…; she said", ", and she told").
    fn promote_to_subject(
        &self,
        m: Mention,
        sp: Speaker,
        b0: usize,
        prev: Option<&Speaker>,
    ) -> Speaker {
        if !matches!(m.kind, MKind::Pronoun(_)) || sp.name.is_none() {
            return sp;
        }
        let lo = self.sentence_start(m.t0, b0);
        // "It’s denouncing what it calls “…”": the same neuter pronoun
        // opening the sentence is the outer mention.
        let w = self.word(m.t0);
        if lo < m.t0
            && matches!(w, "it" | "they")
            && self.word(lo).eq_ignore_ascii_case(w)
            && matches!(self.word(m.t0 - 1), "what")
            && (lo + 1..m.t0).all(|k| !self.toks[k].quoted && !self.toks[k].is(','))
        {
            let t = self.toks[lo];
            return Speaker {
                name: sp.name,
                span: Some(Span::new(t.s, t.e)),
                gender: sp.gender,
            };
        }
        let Some(s) = self.sentence_subject(lo, m.t0) else {
            return sp;
        };
        // "The council condemned what it called “…”": a naming clause
        // ("what X calls") names the term for the subject of the sentence
        // whatever its verb; "it"/"they" stand for an organisation there.
        let naming = m.t0 > 0
            && matches!(self.word(m.t0 - 1), "what" | "whom")
            && self.toks.get(m.t0 + 1).is_some_and(|t| {
                t.is_word() && matches!(self.word(m.t0 + 1), "call" | "calls" | "called")
            });
        let kinds_ok =
            matches!(s.kind, MKind::Name | MKind::Pronoun(_)) || (naming && s.kind == MKind::Np);
        if s.t1 > m.t0 || !kinds_ok {
            return sp;
        }
        let new_clause = (s.t1..m.t0).any(|k| {
            let t = self.toks[k];
            t.is(';')
                || (t.is(',')
                    && self
                        .toks
                        .get(k + 1)
                        .is_some_and(|n| n.is_word() && matches!(self.word(k + 1), "and" | "but")))
        });
        // The subject must govern the pronoun's clause through a verb of
        // saying ("Cruz says he …", "Rubio said … whom he called"), inside
        // one sentence the lexer may not have split (no quote, no period).
        let reported = (s.t1..m.t0).any(|k| is_reporting_verb(self.word(k)) && self.is_cue_at(k));
        // A quote on the way is part of the report ("Rubio said he began
        // “to unmask” Trump, whom he called …") unless it ends a sentence.
        let crosses = (s.t1..m.t0).any(|k| {
            let t = self.toks[k];
            t.is('.') || t.is('?') || t.is('!')
        });
        // Only a pronoun inside the reported clause ("says he", "said
        // that he", "what she calls"); "when he claimed", "He says" open
        // clauses of their own.
        let before =
            m.t0.checked_sub(1)
                .map(|k| self.word(k).to_ascii_lowercase());
        let embedded = self.toks[m.t0].s > 0
            && !self.toks[m.t0].cap
            && before.is_some_and(|b| {
                matches!(b.as_str(), "that" | "what" | "whom") || self.is_cue_at(m.t0 - 1)
            });
        if new_clause || !(reported || naming) || crosses || !embedded {
            return sp;
        }
        let outer = self.resolve(s, prev);
        let neuter = matches!(m.kind, MKind::Pronoun(g) if !matches!(g, 'm' | 'f'));
        if outer.name == sp.name || (naming && neuter && !matches!(s.kind, MKind::Pronoun(_))) {
            outer
        } else {
            sp
        }
    }

    /// The person a pronoun of gender `g` at token `p` refers to: the
    /// subject of its own sentence, else the last speaker, else the nearest
    /// earlier sentence naming a compatible person.
    fn antecedent(&self, p: usize, g: char, prev: Option<&Speaker>) -> Option<Speaker> {
        let ok =
            |id: usize| self.is_person_entity(id) && self.person_gender(id).is_none_or(|x| x == g);
        let lo = p.saturating_sub(400);
        // Sentence by sentence, nearest first; in each, the first name.
        let mut end = p;
        let mut first_sentence = true;
        let mut steps = 0;
        while end > lo && steps < 12 {
            steps += 1;
            let start = self.sentence_start(end - 1, lo).min(end);
            // "With a vote for Trump ruled out, Cross said he …": the
            // subject after an opener, before the first name.
            if let Some(m) = self.sentence_subject(start, end) {
                if m.kind == MKind::Name {
                    let k = self.name_start(m.t0, m.t1);
                    if self.entity_of(k, m.t1).is_some_and(ok) {
                        return Some(self.name_speaker_g(m.t0, m.t1, Some(g)));
                    }
                }
            }
            let mut i = start;
            while i < end {
                if self.is_name_word(i) && !self.toks[i].quoted {
                    let j = self.chain_end(i, end);
                    let k = self.name_start(i, j);
                    if let Some(id) = self.entity_of(k, j) {
                        if ok(id) {
                            return Some(self.name_speaker_g(i, j, Some(g)));
                        }
                    }
                    i = j.max(i + 1);
                    continue;
                }
                i += 1;
            }
            if first_sentence {
                first_sentence = false;
                if let Some(s) = prev {
                    if s.name.is_some() && s.gender.is_none_or(|x| x == g) {
                        return Some(s.clone());
                    }
                }
            }
            if start <= lo {
                break;
            }
            end = start;
        }
        None
    }
}

/// What attribution found for one quote.
#[derive(Clone, Debug)]
pub(crate) struct Attribution {
    pub speaker: Option<Speaker>,
    pub kind: QuoteKind,
    pub title: bool,
}

/// Verbs that report speech or thought and so govern a clause: "said",
/// "argues", "believes". Their subject is the source of what the clause
/// quotes.
fn is_reporting_verb(w: &str) -> bool {
    let mut buf = [0u8; 24];
    matches!(
        lex::lower(w, &mut buf),
        "said"
            | "says"
            | "say"
            | "saying"
            | "told"
            | "tells"
            | "argued"
            | "argues"
            | "claimed"
            | "claims"
            | "insisted"
            | "insists"
            | "wrote"
            | "writes"
            | "added"
            | "noted"
            | "notes"
            | "believes"
            | "believed"
            | "thinks"
            | "thought"
            | "warned"
            | "predicted"
            | "suggested"
            | "suggests"
            | "explained"
            | "declared"
            | "stated"
            | "maintained"
            | "contended"
            | "asserted"
            | "acknowledged"
            | "admitted"
    )
}

/// Kinds of work named in quotes ("the film “…”", "the “…” podcast").
fn is_work_kind(w: &str) -> bool {
    let mut buf = [0u8; 24];
    matches!(
        lex::lower(w, &mut buf),
        "book"
            | "film"
            | "movie"
            | "show"
            | "song"
            | "album"
            | "program"
            | "programme"
            | "series"
            | "documentary"
            | "episode"
            | "podcast"
            | "segment"
            | "novel"
            | "memoir"
            | "musical"
            | "magazine"
            | "sitcom"
            | "tv"
            | "broadcast"
    )
}

/// Words that announce a title in quotes ("the film “…”").
fn is_title_cue(w: &str) -> bool {
    is_work_kind(w)
        || matches!(
            w.to_ascii_lowercase().as_str(),
            "titled"
                | "entitled"
                | "op-ed"
                | "article"
                | "column"
                | "play"
                | "essay"
                | "poem"
                | "hit"
                | "drama"
                | "comedy"
                | "single"
                | "roles"
                | "role"
                | "starring"
                | "hosts"
                | "hosted"
                | "opera"
                | "network"
                | "newspaper"
                | "anthem"
                | "program’s"
                | "channel’s"
                | "network’s"
                | "show’s"
                // Who makes or fronts a work, or where a guest appears:
                // "author of “…”", "host of “…”", "appeared on “…”".
                | "author"
                | "co-author"
                | "star"
                | "stars"
                | "starred"
                | "host"
                | "screening"
                | "appearance"
                | "appear"
                | "appeared"
                | "appearing"
                | "aired"
                | "edits"
                | "pseudonym"
                | "told"
        )
}

/// Nouns for a work or an event that follow its quoted name ("the “Off
/// Message” podcast", "the “Three Amigos” summit").
fn is_work_noun(w: &str) -> bool {
    let mut buf = [0u8; 24];
    is_work_kind(w)
        || matches!(
            lex::lower(w, &mut buf),
            "radio" | "ad" | "rally" | "summit" | "tour"
        )
}

/// Whether every long word of `s` is capitalised (Title Case).
fn title_case(s: &str) -> bool {
    let mut n = 0;
    for w in s.split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if w.is_empty() {
            continue;
        }
        n += 1;
        let first = w.chars().next().unwrap_or('a');
        if w.len() > 3 && !first.is_uppercase() && !first.is_numeric() {
            return false;
        }
        if n == 1 && !first.is_uppercase() && !first.is_numeric() {
            return false;
        }
    }
    n > 0
}

impl Attributor<'_> {
    /// Attributes every quote (in text order).
    pub(crate) fn run(&self, quotes: &[RawQuote]) -> Vec<Attribution> {
        let mut out: Vec<Attribution> = Vec::with_capacity(quotes.len());
        let mut last: Option<Speaker> = None;
        for (qi, q) in quotes.iter().enumerate() {
            let (b0, b1) = self.block_toks.get(q.block).copied().unwrap_or((0, 0));
            let qt = self.tok_at(q.open);
            let lo = self.sentence_start(qt, b0);
            let at_sentence_start = qt <= lo || (lo..qt).all(|i| !self.toks[i].is_word());
            let before_colon = qt > b0
                && (self.toks[qt - 1].is(':') || self.toks[qt - 1].is(','))
                && qt >= 2
                && self.toks[qt - 2].is_word()
                && is_cue_verb(self.word(qt - 2));
            let mut mention: Option<Mention> = self.transcript_label(q);
            let mut cue_seen = false;
            let mut speaker: Option<Speaker> = None;
            // A quote inside an excerpt is reported by the excerpt's
            // speaker: its transcript label ("WALLACE: … “…” …") or the
            // frame before the run of quoted paragraphs ("Caddell
            // continued:").
            if q.in_excerpt {
                mention = self.block_label(q.block);
                if mention.is_none() {
                    speaker = self.excerpt_frame(q.block, last.as_ref());
                }
            }
            let content = q.span.slice(self.text);
            let ends_period =
                content.ends_with('.') || content.ends_with('?') || content.ends_with('!');
            // A nested quote may close with the outer one: "… you called
            // ‘miracles,’” she said".
            let comma_after = content.trim_end_matches(['’', '\'']).ends_with(',')
                || self.text.get(q.close..).is_some_and(|r| r.starts_with(','));
            // The previous quote, when it lies in the same sentence.
            let prev_same_sentence = qi > 0
                && !at_sentence_start
                && quotes[qi - 1].block == q.block
                && self.tok_at(quotes[qi - 1].close) > lo;
            // "Nothing he said “…,” the senator said.": a frame right after
            // a comma governs the whole sentence.
            if mention.is_none() && !at_sentence_start && q.closed && comma_after {
                mention = self.post_frame(q.close, b1, ends_period);
            }
            // "“…,” Sanders said, according to CNN.": the source the report
            // is credited to is the outermost one (the annotation credits
            // it; checked on the training set).
            if mention.is_some_and(|m| m.kind != MKind::Vague)
                && q.closed
                && (comma_after || at_sentence_start)
                && !ends_period
            {
                if let Some(o) = self.trailing_frame(q.close, b1, false, true) {
                    mention = Some(o);
                }
            }
            // "…“a”…, he said.": a frame closing the sentence governs it.
            if mention.is_none() && q.closed && self.post_frame(q.close, b1, ends_period).is_none()
            {
                mention = self.trailing_frame(q.close, b1, ends_period, false);
            }
            if mention.is_none() && !at_sentence_start {
                (mention, cue_seen) = self.pre_frame(q.open, b0);
            }
            // "X called it “a” and “b”": the second shares the first's speaker.
            if mention.is_none() && prev_same_sentence && !cue_seen {
                speaker = out[qi - 1].speaker.clone().filter(|s| s.name.is_some());
            }
            if mention.is_none() && speaker.is_none() && q.closed {
                mention = self.post_frame(q.close, b1, ends_period);
                if mention.is_some() && !ends_period {
                    if let Some(o) = self.trailing_frame(q.close, b1, false, true) {
                        mention = Some(o);
                    }
                }
            }
            if mention.is_none() && speaker.is_none() && !at_sentence_start && !cue_seen {
                mention = self.sentence_subject(lo, qt);
            }
            if mention.is_none() && speaker.is_none() && at_sentence_start {
                let after_colon = qt > b0 && self.toks[qt - 1].is(':');
                if !after_colon {
                    speaker = self.inherit_prev(&out, quotes, qi, q.block);
                }
                if speaker.is_none() {
                    mention = self.prev_sentence_frame(qt, b0);
                }
                // "Clinton touted her record. “We need …”": the person the
                // sentence before is about, when the quote stands alone.
                if speaker.is_none() && mention.is_none() && qt > b0 + 1 {
                    let end = qt - 1;
                    if self.ends_sentence(end) {
                        let plo = self.sentence_start(end, b0);
                        mention = self
                            .sentence_subject(plo, end)
                            .filter(|m| matches!(m.kind, MKind::Name | MKind::Pronoun(_)));
                    }
                }
            }
            // "I" inside an excerpt is the excerpt's speaker.
            if q.in_excerpt
                && speaker.is_some()
                && mention.is_some_and(|m| m.kind == MKind::Pronoun('x'))
            {
                mention = None;
            }
            let found_frame = mention.is_some() || speaker.is_some();
            if let Some(m) = mention {
                let sp = self.resolve(m, last.as_ref());
                speaker = Some(self.promote_to_subject(m, sp, b0, last.as_ref()));
            }
            // Quote opening its paragraph after "X said:" / "saying,".
            if speaker.is_none() && !found_frame && q.continued {
                speaker = self.inherit_prev(&out, quotes, qi, q.block.saturating_sub(1));
                // The paragraphs before may be an excerpt reported by its
                // inner quotes: the frame is where the run of quoted
                // paragraphs starts ("Ward stated:").
                if speaker.is_none() && q.block > 0 {
                    speaker = self.excerpt_frame(q.block - 1, last.as_ref());
                }
            }
            if speaker.is_none() && !found_frame && at_sentence_start && qt == b0 && q.block > 0 {
                speaker = self.prev_block_frame(q.block - 1, last.as_ref());
                if speaker.is_none() && self.quote_only_block(q.block) {
                    speaker = self.inherit_prev(&out, quotes, qi, q.block - 1);
                }
            }
            // "“…”" then a paragraph "- Bernie Sanders.": a signature line.
            if speaker.is_none()
                && !found_frame
                && at_sentence_start
                && qt == b0
                && self.quote_only_block(q.block)
            {
                speaker = self
                    .signature_block(q.block + 1)
                    .map(|m| self.resolve(m, last.as_ref()));
                // "Howard continued his remarks." then a paragraph that is
                // one quote: the person the paragraph before ends on.
                if speaker.is_none() && q.block > 0 {
                    speaker = self.prev_block_tail(q.block - 1, last.as_ref());
                }
            }
            // Another quote of the same paragraph.
            if speaker.is_none() && !found_frame {
                speaker = self.inherit_prev(&out, quotes, qi, q.block);
            }
            // A work's title ("ABC’s “This Week”", "the film “Frozen”") is
            // no quotation, whoever is named near it.
            let title = self.is_title(q, qt, b0);
            if title {
                speaker = None;
            }
            let words = q.span.slice(self.text).split_whitespace().count();
            let has_speaker = speaker.as_ref().is_some_and(|s| s.name.is_some());
            let kind = if title {
                QuoteKind::Title
            } else if !has_speaker {
                if words >= 6 && at_sentence_start {
                    QuoteKind::Full
                } else {
                    QuoteKind::Scare
                }
            } else if at_sentence_start || before_colon || q.continued {
                QuoteKind::Full
            } else {
                QuoteKind::Partial
            };
            if has_speaker {
                last = speaker.clone();
            }
            out.push(Attribution {
                speaker,
                kind,
                title,
            });
        }
        // Quotes before their attribution in the same paragraph ("“A.”
        // “B,” she said.") take the speaker of the next attributed quote
        // that directly follows them.
        for i in (0..out.len()).rev() {
            if out[i].speaker.is_some() || out[i].title || i + 1 >= out.len() {
                continue;
            }
            let (q, n) = (quotes[i], quotes[i + 1]);
            if q.block != n.block || !q.closed {
                continue;
            }
            let between = self.text.get(q.close..n.open).unwrap_or("x");
            if between.trim().is_empty() {
                let sp = out[i + 1].speaker.clone();
                if sp.as_ref().is_some_and(|s| s.name.is_some()) {
                    out[i].speaker = sp;
                    if out[i].kind == QuoteKind::Scare {
                        out[i].kind = QuoteKind::Full;
                    }
                }
            }
        }
        out
    }

    /// The speaker of the last attributed quote in block `b` before quote `qi`.
    fn inherit_prev(
        &self,
        out: &[Attribution],
        quotes: &[RawQuote],
        qi: usize,
        b: usize,
    ) -> Option<Speaker> {
        let mut i = qi;
        // Bounded look-back keeps a paragraph of thousands of quotes linear.
        let floor = qi.saturating_sub(16);
        while i > floor {
            i -= 1;
            if quotes[i].block < b {
                break;
            }
            if quotes[i].block == b {
                if let Some(s) = &out[i].speaker {
                    if s.name.is_some() {
                        return Some(s.clone());
                    }
                }
            }
        }
        None
    }

    /// The frame before the run of paragraphs opening with a mark that
    /// ends with block `b` ("Ward stated:" then quoted paragraphs).
    fn excerpt_frame(&self, b: usize, last: Option<&Speaker>) -> Option<Speaker> {
        let floor = b.saturating_sub(16);
        let mut k = b;
        while k > floor && self.block_opens_with_mark(k) {
            k -= 1;
        }
        if k < b {
            self.prev_block_frame(k, last)
        } else {
            None
        }
    }

    /// A transcript label right after the mark opening block `b`:
    /// "\"WALLACE: …".
    fn block_label(&self, b: usize) -> Option<Mention> {
        let &(b0, b1) = self.block_toks.get(b)?;
        let i = b0 + 1;
        if !self.block_opens_with_mark(b) || i + 1 >= b1 {
            return None;
        }
        let t = self.toks[i];
        let w = self.word(i);
        let label = t.is_word()
            && w.chars().count() >= 2
            && w.chars().all(|c| c.is_uppercase() || c == '.' || c == '-')
            && self.toks[i + 1].is(':');
        label.then(|| Mention {
            t0: i,
            t1: i + 1,
            span: Span::new(t.s, t.e),
            kind: MKind::Name,
        })
    }

    /// Whether block `b` opens with a double quotation mark.
    fn block_opens_with_mark(&self, b: usize) -> bool {
        let Some(&(b0, b1)) = self.block_toks.get(b) else {
            return false;
        };
        b1 > b0 && (self.toks[b0].is('"') || self.toks[b0].is('“'))
    }

    /// Whether block `b` holds nothing but quoted words and punctuation.
    fn quote_only_block(&self, b: usize) -> bool {
        let (b0, b1) = self.block_toks.get(b).copied().unwrap_or((0, 0));
        (b0..b1).all(|i| self.toks[i].quoted || !self.toks[i].is_word())
    }

    /// The speech frame ending block `b` ("Caddell continued:", "Trump
    /// praised Japan’s efforts, saying,").
    fn prev_block_frame(&self, b: usize, last: Option<&Speaker>) -> Option<Speaker> {
        let (b0, b1) = self.block_toks.get(b).copied()?;
        if b1 <= b0 {
            return None;
        }
        let end = self.toks[b1 - 1];
        if !(end.is(':') || end.is(',') || end.is('—')) {
            return None;
        }
        let lo = self.sentence_start(b1 - 1, b0);
        // The last cue verb of the sentence.
        let mut k = b1 - 1;
        while k > lo {
            k -= 1;
            let t = self.toks[k];
            if t.quoted {
                return None;
            }
            if self.is_cue_at(k) {
                let (m, _) = self.subject_of(k, lo)?;
                return Some(self.resolve(m, last));
            }
        }
        // "Trump:" alone.
        if end.is(':') {
            let m = self.mention_ending(b1 - 2, lo)?;
            return Some(self.resolve(m, last));
        }
        None
    }

    /// A paragraph that is only a signature: a dash, a name, maybe a
    /// period ("- Bernie Sanders.", "—Michelle Marks, Philadelphia.").
    fn signature_block(&self, b: usize) -> Option<Mention> {
        let (b0, b1) = self.block_toks.get(b).copied()?;
        let t = self.toks.get(b0)?;
        if b1 <= b0 + 1 || !(t.is('―') || t.is('—') || t.is('–') || t.is('-')) {
            return None;
        }
        let s = b0 + 1;
        if !self.is_name_word(s) {
            return None;
        }
        let e = self.chain_end(s, b1);
        let rest_ok = e == b1 || self.toks[e].is(',') || (self.toks[e].is('.') && e + 1 == b1);
        (rest_ok && e > s && b1 - b0 <= 12).then(|| Mention {
            t0: s,
            t1: e,
            span: Span::new(self.toks[s].s, self.toks[e - 1].e),
            kind: MKind::Name,
        })
    }

    /// The speaker the last sentence of block `b` is about: the subject of
    /// its last cue verb, else its subject when that is a person.
    fn prev_block_tail(&self, b: usize, last: Option<&Speaker>) -> Option<Speaker> {
        let (b0, b1) = self.block_toks.get(b).copied()?;
        if b1 <= b0 + 1 {
            return None;
        }
        let end = b1 - 1;
        if self.toks[end].quoted {
            return None;
        }
        let lo = self.sentence_start(end, b0);
        let mut k = end;
        while k > lo {
            k -= 1;
            if self.toks[k].quoted {
                break;
            }
            if self.is_cue_at(k) && !self.is_passive(k, lo) {
                if let Some((m, _)) = self.subject_of(k, lo) {
                    if m.kind != MKind::Vague {
                        return Some(self.resolve(m, last));
                    }
                }
                break;
            }
        }
        let m = self.sentence_subject(lo, end)?;
        let person = match m.kind {
            MKind::Name => {
                let k = self.name_start(m.t0, m.t1);
                self.entity_of(k, m.t1)
                    .is_some_and(|id| self.is_person_entity(id))
            }
            MKind::Pronoun(_) => true,
            _ => false,
        };
        person.then(|| self.resolve(m, last))
    }

    /// Whether the quote is the title of a work, or a nickname inside a
    /// name (Rep. Robert C. “Bobby” Scott): neither is a quotation.
    fn is_title(&self, q: &RawQuote, qt: usize, b0: usize) -> bool {
        let content = q.span.slice(self.text);
        if q.closed && content.split_whitespace().count() <= 2 && qt > b0 {
            let after = self.tok_at(q.close);
            let prev_name = self.toks[qt - 1].is_word() && self.toks[qt - 1].cap;
            let next_name = self
                .toks
                .get(after)
                .is_some_and(|t| t.is_word() && t.cap && !t.quoted);
            if prev_name && next_name && !is_cap_stop(self.word(qt - 1)) {
                return true;
            }
        }
        if !title_case(content) || content.split_whitespace().count() > 12 {
            return false;
        }
        // "On “Face the Nation,” Sanders said": a show named as the place.
        if qt > b0 && self.word(qt - 1) == "On" && self.toks[qt - 1].cap {
            return true;
        }
        // "the “Off Message” podcast", "the “Still Sanders” rally": a kind
        // of work or event named right after the marks.
        let after = self.tok_at(q.close);
        if q.closed
            && self
                .toks
                .get(after)
                .is_some_and(|t| t.is_word() && !t.quoted)
            && is_work_noun(self.word(after))
        {
            return true;
        }
        let lo = b0.max(qt.saturating_sub(3));
        (lo..qt).rev().any(|i| {
            let t = self.toks[i];
            (t.is_word() && is_title_cue(self.word(i))) || (t.poss && t.cap && i + 1 == qt)
        })
    }
}
