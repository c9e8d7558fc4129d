//! Sentence segmentation inside one block of text.
//!
//! The ingest stage calls [`segment`] once per block (paragraph, list item,
//! heading, table row, …), so a block boundary is always a sentence boundary;
//! this module only decides where sentences end *inside* a block.
//!
//! # How it decides
//! One left-to-right pass over the bytes of the block. Only a handful of
//! bytes are interesting (`.`, `?`, `!`, brackets, newline, and the lead
//! bytes of `…`, bullets and full-width CJK stops); everything else is
//! skipped without decoding.
//!
//! At a run of terminal punctuation (a *cluster*: `.`, `?!`, `...`, `. . .`,
//! `…`, plus any closing quotes and brackets after it) the segmenter looks at
//! the token before it and the word after it:
//!
//! * no whitespace after the cluster (`3.14`, `example.com`, `Jr.'s`,
//!   `mean...see`) → not a boundary, except a sentence glued to the next
//!   one by careless extraction (`in 2023.The company`);
//! * the next word starts lower case (`co. at`, `Yahoo! in`, `great." she`),
//!   or with a comma → not a boundary;
//! * `?`/`!` → a boundary, unless a closing quote is followed by a short
//!   attribution (`"Why?" Smith asked.`) or a dash by a lower-case word
//!   (`voila! -- you have cake`);
//! * ellipses: bracketed `[...]` never ends a sentence; spaced `. . .` only
//!   when it has four dots (an ellipsis plus the sentence's own period);
//!   `...`/`…` when the next word is capitalised;
//! * a single period is judged by the token before it: titles (`Mr.`, `Gov.`,
//!   `St.`) never end a sentence; `e.g.`/`vs.` never; number abbreviations
//!   (`No. 5`, `p. 55`) not before a digit; ambiguous abbreviations
//!   (`Inc.`, `Co.`, `Jr.`, `Oct.`, `Calif.`), initialisms (`U.S.`) and
//!   single-letter initials (`E.`, `I.`) only when the next word is a
//!   typical sentence opener (`The`, `He`, `But`, `How`, `Mr.` …) or opens
//!   a quotation, and not after a short fronted phrase (`At 5 a.m. Mr.
//!   Smith …`); `a.m.`/`p.m.` before any capitalised word that does not
//!   continue the time (`9 a.m. Tuesday`, `9 p.m. EST`); any other word
//!   ends a sentence before a capital letter or a digit. Upper-case
//!   abbreviations in mixed-case text (`MS.`, `FT.`) are acronyms.
//!
//! Inline lists (`1.) … 2.) …`, `a. … b. …`, `• … • …`) are split before each
//! marker of a counting sequence, and a sentence is never cut so that it holds
//! fewer than two letters (a bare `1.` or `• 10.` stays with its item).
//! A parenthesis that closes within a few hundred bytes is not split inside.
//! A newline inside the block ends a sentence after terminal punctuation (with
//! a capital next), before a bullet or list marker, after a colon, and after a
//! short unpunctuated line followed by a capitalised one (a heading glued to
//! its paragraph).

use claimdex_model::Span;

/// Bytes the main loop stops at: terminators, brackets, newlines, and the
/// lead bytes of `…`, bullets and full-width CJK punctuation.
static INTERESTING: [bool; 256] = {
    let mut t = [false; 256];
    let mut k = 0;
    let bytes = [b'.', b'?', b'!', b'(', b')', b'\n', 0xE2, 0xE3, 0xEF];
    while k < bytes.len() {
        t[bytes[k] as usize] = true;
        k += 1;
    }
    t
};

/// How far ahead a `(` may be closed for its contents to be kept in one
/// sentence; longer parentheticals are more likely unbalanced text.
const PAREN_REACH: usize = 400;

/// Lines shorter than this (bytes, trimmed) without final punctuation that are
/// followed by a capitalised line are taken as headings or labels.
const SHORT_LINE: usize = 40;

/// Splits the text inside `within` (bytes into `text`) into sentences: spans
/// trimmed of surrounding whitespace, in order, non-overlapping, each inside
/// `within`, none empty.
///
/// `within` is clamped to `text` and narrowed to `char` boundaries, so any
/// span is accepted; an empty or out-of-range one yields no sentences.
pub fn segment(text: &str, within: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let len = text.len();
    let mut start = within.start.min(len);
    let mut end = within.end.min(len);
    while start < end && !text.is_char_boundary(start) {
        start += 1;
    }
    while end > start && !text.is_char_boundary(end) {
        end -= 1;
    }
    let Some(block) = text.get(start..end) else {
        return out;
    };
    if block.is_empty() {
        return out;
    }
    let mut seg = Segmenter {
        s: block,
        b: block.as_bytes(),
        base: start,
        out: &mut out,
        seg_start: 0,
        no_close_until: 0,
        counted_to: 0,
        letters: 0,
        protected_until: 0,
        line_start: 0,
        last_marker: None,
    };
    seg.run();
    out
}

/// A counting list marker such as `2.)`, `b.` or `10)`.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Marker {
    /// True for `a.`-style letters, false for numbers.
    letter: bool,
    /// The delimiter: 0 for `.`, 1 for `)`, 2 for `.)`.
    delim: u8,
    /// Its position in the count (`a` = 0, `1` = 1).
    value: u32,
}

/// What follows a cluster of terminal punctuation.
struct After {
    /// Whitespace separates the cluster from what follows.
    ws: bool,
    /// That whitespace holds a line break.
    newline: bool,
    /// Nothing but whitespace follows (end of block).
    at_end: bool,
    /// First character after whitespace and opening quotes/brackets.
    first: Option<char>,
    /// Byte range of the alphabetic word starting at `first` (may be empty).
    word: (usize, usize),
    /// An opening double quote precedes `first`.
    quote_open: bool,
}

impl After {
    fn lower(&self) -> bool {
        self.first.is_some_and(char::is_lowercase)
    }
    fn digit(&self) -> bool {
        self.first.is_some_and(|c| c.is_ascii_digit())
    }
    /// Capital letters, and letters of scripts without case.
    fn upper(&self) -> bool {
        self.first
            .is_some_and(|c| c.is_uppercase() || (c.is_alphabetic() && !c.is_lowercase()))
    }
}

/// What the token before a single period is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Tok {
    /// Never ends a sentence: `e.g.`, `i.e.`, `vs.`, `cf.`.
    Never,
    /// A prepositive title: `Mr.`, `Dr.`, `Gov.`, `St.`, `Mt.`.
    Title,
    /// A title that doubles as a street word (`St.`, `Dr.`): a title unless it
    /// follows a capitalised word or an ordinal (`Main St.`, `5th St.`).
    Street,
    /// Takes a number after it: `No. 5`, `pp. 12`, `Vol. 3`.
    NumAbbr,
    /// May end a sentence or not: `Inc.`, `Co.`, `Jr.`, `Oct.`, `Calif.`.
    Ambig,
    /// A month: `Jan.`, `Sept.`.
    Month,
    /// Letters with inner periods: `U.S.`, `Ph.D.`.
    Initialism,
    /// `a.m.` and `p.m.`.
    Time,
    /// One letter: an initial (`E.`) or a word (`I.`).
    Single,
    /// Anything else: an ordinary word, a number, a URL.
    Plain,
}

struct Segmenter<'a, 'o> {
    s: &'a str,
    b: &'a [u8],
    base: usize,
    out: &'o mut Vec<Span>,
    /// Start (block-relative) of the sentence being built.
    seg_start: usize,
    /// No `)` occurs between the last unmatched `(` and this index.
    no_close_until: usize,
    /// The current sentence has been scanned for letters up to here …
    counted_to: usize,
    /// … and holds this many (counting stops at two).
    letters: u8,
    /// Terminators before this index sit inside a closed parenthesis.
    protected_until: usize,
    /// Start of the current line.
    line_start: usize,
    /// The last marker of a list counting through this block.
    last_marker: Option<Marker>,
}

impl Segmenter<'_, '_> {
    fn run(&mut self) {
        let b = self.b;
        let n = b.len();
        self.block_start_marker();
        let mut i = 0;
        loop {
            // Most bytes are uninteresting: skip them in a tight loop.
            while i < n && !INTERESTING[usize::from(b[i])] {
                i += 1;
            }
            if i >= n {
                break;
            }
            match b[i] {
                b'.' => {
                    self.marker_ending_at(i);
                    i = self.cluster(i);
                    continue;
                }
                b'?' | b'!' => {
                    i = self.cluster(i);
                    continue;
                }
                b')' if i > 0 && b[i - 1] != b'.' => self.marker_ending_at(i),
                b'(' => self.open_paren(i),
                b'\n' => {
                    i = self.newline(i);
                    continue;
                }
                0xE2 | 0xE3 | 0xEF => {
                    let c = self.s.get(i..).and_then(|t| t.chars().next());
                    match c {
                        Some('…' | '‽' | '。' | '！' | '？') => {
                            i = self.cluster(i);
                            continue;
                        }
                        // A bullet after a space opens a new item.
                        Some(c)
                            if is_bullet(c)
                                && self.prev_char(i).is_some_and(char::is_whitespace) =>
                        {
                            self.cut(i);
                        }
                        _ => {}
                    }
                }
                _ => {}
            }
            i += 1;
        }
        // Trailing punctuation without a word ('He left. "', 'Done. --')
        // belongs to the last sentence rather than standing alone.
        let tail = self.s.get(self.seg_start..n).unwrap_or("").trim_end();
        let stray = !tail.trim_start().is_empty() && !tail.chars().any(char::is_alphanumeric);
        match self.out.last_mut() {
            Some(last) if stray => last.end = self.base + self.seg_start + tail.len(),
            _ => self.emit(n),
        }
    }

    /// A list marker whose delimiter (`.` or `)`) is at `i`: "2." or "b)".
    fn marker_ending_at(&mut self, i: usize) {
        let b = self.b;
        let mut p = i;
        while p > 0 && i - p < 3 && b[p - 1].is_ascii_digit() {
            p -= 1;
        }
        if p == i {
            if p > 0 && b[p - 1].is_ascii_lowercase() {
                p -= 1;
            } else {
                return;
            }
        }
        let open = p == 0
            || matches!(b[p - 1], b' ' | b'\t' | b'\n')
            || self.prev_char(p).is_some_and(is_bullet);
        if open {
            self.inline_marker(p);
        }
    }

    /// Pushes the trimmed sentence `[seg_start, end)` if it is not empty.
    fn emit(&mut self, end: usize) {
        let Some(raw) = self.s.get(self.seg_start..end) else {
            return;
        };
        let lead = raw.len() - raw.trim_start().len();
        let trimmed = raw.trim();
        if !trimmed.is_empty() {
            let start = self.base + self.seg_start + lead;
            self.out.push(Span::new(start, start + trimmed.len()));
        }
    }

    /// Ends the current sentence at `at`, unless that would leave a sentence
    /// with fewer than two letters (a bare list marker or bullet), in which
    /// case the text stays with the next sentence.
    fn cut(&mut self, at: usize) {
        if at <= self.seg_start || at > self.b.len() {
            return;
        }
        // Letters are counted incrementally (at most two are needed), so a
        // long run of vetoed cuts ("12. 12. 12. …") stays linear.
        if at > self.counted_to {
            if self.letters < 2 {
                let from = self.counted_to.max(self.seg_start);
                for c in self.s.get(from..at).unwrap_or("").chars() {
                    if c.is_alphabetic() {
                        self.letters += 1;
                        if self.letters >= 2 {
                            break;
                        }
                    }
                }
            }
            self.counted_to = at;
            if self.letters < 2 {
                return;
            }
        } else {
            // A cut behind the counted text (rare): count that stretch alone.
            let seg = self.s.get(self.seg_start..at).unwrap_or("");
            if seg.chars().filter(|c| c.is_alphabetic()).take(2).count() < 2 {
                return;
            }
        }
        self.emit(at);
        self.seg_start = at;
        self.counted_to = at;
        self.letters = 0;
    }

    fn prev_char(&self, i: usize) -> Option<char> {
        self.s.get(..i).and_then(|t| t.chars().next_back())
    }

    /// Parses a cluster of terminal punctuation starting at `i`, decides
    /// whether it ends a sentence, and returns where scanning resumes.
    fn cluster(&mut self, i: usize) -> usize {
        let b = self.b;
        let n = b.len();
        let mut j = i;
        let mut dots = 0usize;
        let mut qe = false;
        let mut cjk = false;
        let mut spaced = false;
        let mut first_dot_end = None;
        while j < n {
            match b[j] {
                b'.' => {
                    dots += 1;
                    first_dot_end.get_or_insert(j + 1);
                    j += 1;
                }
                b'?' | b'!' => {
                    qe = true;
                    j += 1;
                }
                // ". . ." – a space continues the cluster only between dots,
                // and only when the next dot is itself free-standing.
                b' ' if j > i
                    && b[j - 1] == b'.'
                    && b.get(j + 1) == Some(&b'.')
                    && !qe
                    && b.get(j + 2)
                        .is_none_or(|&c| c == b' ' || c == b'.' || is_closer_byte_start(c)) =>
                {
                    spaced = true;
                    j += 1;
                }
                0xE2 | 0xE3 | 0xEF => match self.s.get(j..).and_then(|t| t.chars().next()) {
                    Some('…') => {
                        dots += 3;
                        j += '…'.len_utf8();
                    }
                    Some('‽') => {
                        qe = true;
                        j += '‽'.len_utf8();
                    }
                    Some(c @ ('。' | '！' | '？')) => {
                        cjk = true;
                        j += c.len_utf8();
                    }
                    _ => break,
                },
                _ => break,
            }
        }
        // Closing quotes and brackets belong to the sentence they end.
        let mut end = j;
        let mut quote_closed = false;
        while let Some(c) = self.s.get(end..).and_then(|t| t.chars().next()) {
            if !is_closer(c) {
                break;
            }
            quote_closed |= !matches!(c, ')' | ']' | '}');
            end += c.len_utf8();
        }
        if j == i {
            return i + 1;
        }
        // Inside a parenthesis that closes later: not a boundary, unless this
        // very cluster runs up to the closing bracket.
        if i < self.protected_until && end <= self.protected_until {
            return j;
        }
        let after = self.after(end);
        if after.at_end {
            return end;
        }
        if cjk {
            self.cut(end);
            return end;
        }
        if !after.ws {
            if end == j && dots < 3 && self.glued_sentence(i, end) {
                self.cut(end);
            }
            return end;
        }
        // A comma continues the sentence, and so does a dash after "?" or
        // "!" ("and -- voila! -- you have cake"); after a period a dash more
        // often opens a list item or a signature.
        if matches!(after.first, Some(',' | ';' | ':'))
            || (qe && matches!(after.first, Some('-' | '–' | '—')) && self.dash_continues(&after))
        {
            return end;
        }
        if qe {
            let continues = after.lower() || (quote_closed && self.attribution_follows(&after));
            if !continues {
                self.cut(end);
            }
            return end;
        }
        if dots >= 3 {
            self.ellipsis(i, j, end, dots, spaced, first_dot_end, &after);
            return end;
        }
        if after.lower() {
            return end;
        }
        if self.period_ends_sentence(i, quote_closed, &after) {
            self.cut(end);
        }
        end
    }

    /// Whether the quotation opening before `after.word` is a short
    /// nickname ('Gov. C.L. "Butch" Otter'): closed within a few words,
    /// without punctuation inside.
    fn nickname(&self, after: &After) -> bool {
        let rest = self.s.get(after.word.0..).unwrap_or("");
        for (k, c) in rest.char_indices().take(24) {
            match c {
                '"' | '”' | '\'' => return k > 0,
                '.' | ',' | '?' | '!' | ';' | ':' => return false,
                _ => {}
            }
        }
        false
    }

    /// Whether the dash at `after.word.0` is followed by a lower-case word or
    /// punctuation ("Bombay! - nominated for …"), not a capitalised item
    /// ("LEAD? - Donald Trump has …").
    fn dash_continues(&self, after: &After) -> bool {
        let rest = self.s.get(after.word.0..).unwrap_or("");
        rest.trim_start_matches(['-', '–', '—'])
            .trim_start()
            .chars()
            .next()
            .is_none_or(|c| !c.is_uppercase() && !c.is_ascii_digit())
    }

    /// A terminator at `i` with no space before the next sentence, as left
    /// by careless extraction: "in 2023.The company" or "really?Yes". Only
    /// after an ordinary lower-case word or number and before a capitalised
    /// word, so "Node.js", "U.S.Army", "Mr.Smith" and URLs stay whole.
    fn glued_sentence(&self, i: usize, end: usize) -> bool {
        let b = self.b;
        let word_char = |c: u8| c.is_ascii_lowercase() || c.is_ascii_digit();
        if i < 2 || !word_char(b[i - 1]) || !word_char(b[i - 2]) {
            return false;
        }
        if !(b.get(end).is_some_and(u8::is_ascii_uppercase)
            && b.get(end + 1).is_some_and(u8::is_ascii_lowercase))
        {
            return false;
        }
        let (_, tok) = self.token_before(i);
        if tok.contains(['.', '@', '/', ':']) || classify(tok) != Tok::Plain {
            return false;
        }
        // "Halo.Bungie.Org" is a domain name.
        let rest = self.s.get(end..).unwrap_or("");
        let next_tok = rest.split(char::is_whitespace).next().unwrap_or("");
        if next_tok
            .trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '"'])
            .contains('.')
        {
            return false;
        }
        // "One.Tel" is a brand; a lower-case word or a number before the
        // period, or a typical opener after it, is a sentence break.
        let after = self.after(end);
        !tok.chars().any(char::is_uppercase) || is_starter(self.s, &after)
    }

    #[allow(clippy::too_many_arguments)]
    fn ellipsis(
        &mut self,
        i: usize,
        j: usize,
        end: usize,
        dots: usize,
        spaced: bool,
        first_dot_end: Option<usize>,
        after: &After,
    ) {
        // "[...]" marks an omission inside a quotation.
        if self.prev_char(i) == Some('[') && self.b.get(j) == Some(&b']') {
            return;
        }
        if !after.upper() {
            return;
        }
        if !spaced {
            self.cut(end);
            return;
        }
        // ". . ." alone is a mid-sentence omission; four dots carry a period.
        if dots < 4 {
            return;
        }
        let attached = i > 0 && self.prev_char(i).is_some_and(|c| !c.is_whitespace());
        match (attached, first_dot_end) {
            // "word. . . . Next": the sentence ended at "word."; the
            // ellipsis opens the next one.
            (true, Some(p)) => self.cut(p),
            // "word . . . . Next": ellipsis, then the sentence's period.
            _ => self.cut(end),
        }
    }

    /// Decides a single period at `i` followed by whitespace and a word that
    /// does not start lower case.
    fn period_ends_sentence(&self, i: usize, quote_closed: bool, after: &After) -> bool {
        let (tok_start, tok) = self.token_before(i);
        let mut class = classify(tok);
        // "MS.", "FT." in mixed-case text are acronyms, not "Ms." or "Ft.";
        // upper-case headlines ("MR. SMITH SAYS") keep their abbreviations.
        if matches!(class, Tok::Title | Tok::Street | Tok::Ambig)
            && tok.len() >= 2
            && !tok.chars().any(char::is_lowercase)
            && !self.next_word_upper(after)
        {
            class = Tok::Plain;
        }
        // A closing quote after the period ends the quotation, and with it
        // the sentence: 'Prisoner Cell Block H." Labour had …'.
        if quote_closed && !matches!(class, Tok::Never | Tok::Title) {
            class = Tok::Plain;
        }
        match class {
            Tok::Never | Tok::Title => false,
            Tok::Street => {
                if self.word_before_is_name(tok_start) {
                    self.starter_break(i, after)
                } else {
                    false
                }
            }
            Tok::NumAbbr => {
                if after.digit() {
                    false
                } else {
                    plain_break(tok, after)
                }
            }
            Tok::Time => !after.digit() && self.time_break(i, after),
            Tok::Ambig | Tok::Initialism => {
                if after.digit() {
                    false
                } else if (after.newline || (after.quote_open && !self.nickname(after)))
                    && after.upper()
                {
                    // A line break or a new quotation after "Calif." or
                    // "U.S." starts a new sentence.
                    true
                } else {
                    self.starter_break(i, after)
                }
            }
            // "hit 40 C." – a unit after a number, not an initial (but "110
            // N. Wacker Drive" is a street address).
            Tok::Single
                if self.number_before(tok_start) && !matches!(tok, "N" | "S" | "E" | "W") =>
            {
                plain_break(tok, after)
            }
            Tok::Single => self.starter_break(i, after),
            // A month not followed by a day ends its sentence: "hired in
            // Sept. Hiring slowed" (but "In Sept. Smith …" is one).
            Tok::Month => !after.digit() && after.upper() && !self.fronted_phrase(i),
            Tok::Plain => plain_break(tok, after),
        }
    }

    /// Whether the word after the cluster is written in capitals only.
    fn next_word_upper(&self, after: &After) -> bool {
        let word = self.s.get(after.word.0..after.word.1).unwrap_or("");
        !word.is_empty() && word.chars().all(char::is_uppercase)
    }

    /// The token (run of non-whitespace) ending at `i`, opening quotes and
    /// brackets stripped, with its start.
    fn token_before(&self, i: usize) -> (usize, &str) {
        let head = self.s.get(..i).unwrap_or("");
        let start = head
            .char_indices()
            .rev()
            .take(64)
            .take_while(|&(_, c)| !c.is_whitespace())
            .last()
            .map_or(i, |(k, _)| k);
        let tok = head.get(start..).unwrap_or("");
        let trimmed = tok.trim_start_matches(is_opener);
        (start + (tok.len() - trimmed.len()), trimmed)
    }

    /// Whether the word before the token at `tok_start` ends in a digit.
    fn number_before(&self, tok_start: usize) -> bool {
        let head = self.s.get(..tok_start).unwrap_or("");
        head.ends_with(char::is_whitespace)
            && head
                .trim_end()
                .ends_with(|c: char| c.is_ascii_digit() || c == '°')
    }

    /// Whether the word before the token at `tok_start` is capitalised or an
    /// ordinal, as in "Main St." or "5th St.".
    fn word_before_is_name(&self, tok_start: usize) -> bool {
        let head = self.s.get(..tok_start).unwrap_or("").trim_end();
        let Some(word) = head.split_whitespace().next_back() else {
            return false;
        };
        let word = word.trim_start_matches(is_opener);
        word.chars().next().is_some_and(char::is_uppercase)
            || (word.starts_with(|c: char| c.is_ascii_digit())
                && (word.ends_with("th")
                    || word.ends_with("st")
                    || word.ends_with("nd")
                    || word.ends_with("rd")))
    }

    /// A break after an abbreviation or initial at `i`: only before a
    /// typical sentence opener, and not after a short fronted prepositional
    /// phrase ("At 5 a.m. Mr. Smith left").
    fn starter_break(&self, i: usize, after: &After) -> bool {
        is_starter(self.s, after) && !self.fronted_phrase(i)
    }

    /// Whether the sentence so far, up to `i`, is only a short fronted
    /// prepositional phrase: "At 5 a.m." is not a sentence; "At the meeting
    /// he left at 6 p.m." may be.
    fn fronted_phrase(&self, i: usize) -> bool {
        let seg = self.s.get(self.seg_start..i).unwrap_or("");
        let mut words = seg.split_whitespace();
        let first = words
            .next()
            .map(|w| w.trim_start_matches(is_opener))
            .unwrap_or("");
        let fronted = first.chars().next().is_some_and(char::is_uppercase)
            && with_lower(first, |w| {
                matches!(
                    w,
                    b"at"
                        | b"by"
                        | b"on"
                        | b"in"
                        | b"until"
                        | b"till"
                        | b"from"
                        | b"before"
                        | b"after"
                        | b"since"
                        | b"around"
                        | b"about"
                        | b"between"
                        | b"through"
                        | b"shortly"
                )
            });
        fronted && words.take(4).count() < 4
    }

    /// After "a.m."/"p.m.": a capitalised word opens a new sentence unless
    /// it continues the time ("9 a.m. Tuesday", "9 a.m. Eastern", "9 a.m.
    /// EST").
    fn time_break(&self, i: usize, after: &After) -> bool {
        if !after.upper() {
            return false;
        }
        let word = self.s.get(after.word.0..after.word.1).unwrap_or("");
        if word.is_empty() || (word.len() <= 4 && word.chars().all(char::is_uppercase)) {
            return false;
        }
        let continues = with_lower(word, |w| {
            matches!(
                w,
                b"monday"
                    | b"tuesday"
                    | b"wednesday"
                    | b"thursday"
                    | b"friday"
                    | b"saturday"
                    | b"sunday"
                    | b"today"
                    | b"tomorrow"
                    | b"yesterday"
                    | b"tonight"
                    | b"eastern"
                    | b"central"
                    | b"mountain"
                    | b"pacific"
                    | b"local"
                    | b"january"
                    | b"february"
                    | b"march"
                    | b"april"
                    | b"may"
                    | b"june"
                    | b"july"
                    | b"august"
                    | b"september"
                    | b"october"
                    | b"november"
                    | b"december"
            ) || is_month_abbr(w)
        });
        !continues && !self.fronted_phrase(i)
    }

    /// After `?`/`!` and a closing quote: whether a short attribution with a
    /// speech verb follows ("Why not?" Smith asked.), so the quote is part of
    /// the sentence.
    fn attribution_follows(&self, after: &After) -> bool {
        let rest = self.s.get(after.word.0..).unwrap_or("");
        let mut words = rest.split(' ').peekable();
        let mut seen = 0;
        while let Some(word) = words.next() {
            seen += 1;
            if seen > 4 {
                return false;
            }
            let core = word.trim_end_matches(['.', ',', ';', '!', '?']);
            // The attribution must be complete ("Smith asked." / "Smith
            // said,"), not the start of a new clause ("Mr Blair said he …").
            let closes = core.len() != word.len()
                || words.peek().is_none_or(|next| {
                    with_lower(next, |w| {
                        matches!(
                            w,
                            b"in"
                                | b"on"
                                | b"at"
                                | b"after"
                                | b"before"
                                | b"during"
                                | b"from"
                                | b"as"
                                | b"while"
                                | b"when"
                                | b"with"
                                | b"yesterday"
                                | b"today"
                                | b"last"
                                | b"earlier"
                                | b"later"
                        )
                    })
                });
            if closes && with_lower(core, is_speech_verb) {
                return true;
            }
            // A clause ends: no attribution in reach.
            if core.len() != word.len() && !word.ends_with('.') {
                return false;
            }
        }
        false
    }

    /// Where what follows `end` starts, and what it looks like.
    fn after(&self, end: usize) -> After {
        let rest = self.s.get(end..).unwrap_or("");
        let mut ws = false;
        let mut newline = false;
        let mut pos = end;
        let mut first = None;
        let mut quote_open = false;
        for (k, c) in rest.char_indices() {
            if c.is_whitespace() {
                ws = true;
                newline |= c == '\n';
                continue;
            }
            if is_opener(c) && first.is_none() {
                quote_open |= matches!(c, '"' | '“' | '`' | '«' | '„');
                continue;
            }
            pos = end + k;
            first = Some(c);
            break;
        }
        let at_end = first.is_none() && rest.chars().all(char::is_whitespace);
        let mut word_end = pos;
        if first.is_some() {
            for (k, c) in self.s.get(pos..).unwrap_or("").char_indices() {
                if !c.is_alphabetic() {
                    break;
                }
                word_end = pos + k + c.len_utf8();
            }
        }
        After {
            ws,
            newline,
            at_end,
            first,
            word: (pos, word_end),
            quote_open,
        }
    }

    /// Records `(` that closes within reach, so terminators inside stay put.
    fn open_paren(&mut self, i: usize) {
        // Inside a known parenthesis, or inside a stretch already seen to
        // hold no `)` at all (keeps "((((…" linear).
        if i < self.protected_until || i < self.no_close_until {
            return;
        }
        let b = self.b;
        let stop = b.len().min(i + PAREN_REACH);
        let mut depth = 0usize;
        let mut closers = false;
        for (k, &c) in b.iter().enumerate().take(stop).skip(i + 1) {
            match c {
                b'(' => depth += 1,
                b')' if depth == 0 => {
                    self.protected_until = k;
                    return;
                }
                b')' => {
                    depth -= 1;
                    closers = true;
                }
                _ => {}
            }
        }
        if !closers {
            self.no_close_until = stop;
        }
    }

    /// Line breaks inside the block.
    /// Returns where scanning resumes: the start of the next line's text
    /// (a run of blank lines is handled once).
    fn newline(&mut self, i: usize) -> usize {
        let b = self.b;
        let line = self.s.get(self.line_start..i).unwrap_or("").trim();
        let q = skip_ws(self.s, i + 1);
        self.line_start = q;
        if q >= b.len() {
            return q;
        }
        self.newline_break(i, q, line);
        q
    }

    fn newline_break(&mut self, i: usize, q: usize, line: &str) {
        let b = self.b;
        let next = self.s.get(q..).and_then(|t| t.chars().next());
        // The next line opens a list item.
        let dash_bullet = matches!(next, Some('-' | '*' | '+' | '–' | '—'))
            && self.s.get(q..).is_some_and(|t| {
                t.chars()
                    .nth(1)
                    .is_some_and(|c| c == ' ' || c == '\t' || c == '\u{a0}')
            });
        if next.is_some_and(is_bullet) || dash_bullet {
            self.cut(i);
            return;
        }
        if let Some(m) = parse_marker(b, q) {
            self.cut(i);
            self.last_marker = Some(m);
            return;
        }
        let next_upper = next.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            || next.is_some_and(is_opener);
        let Some(last) = line.chars().next_back() else {
            return;
        };
        if last == ':' && next_upper {
            self.cut(i);
            return;
        }
        // A short line without punctuation before a capitalised line: a
        // heading, label or dateline glued to its paragraph.
        if (last.is_alphanumeric() || last == ')' || last == '"' || last == '”')
            && line.len() < SHORT_LINE
            && line
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            && next_upper
            && !is_terminal_line_end(line)
        {
            self.cut(i);
        }
    }

    /// A list marker at the very start of the block (after bullets) may open
    /// a counting sequence.
    fn block_start_marker(&mut self) {
        let p = skip_bullets(self.s, 0);
        if let Some(m) = parse_marker(self.b, p) {
            self.last_marker = Some(m);
        }
    }

    /// A possible list marker at `p` (preceded by whitespace or a bullet).
    fn inline_marker(&mut self, p: usize) {
        let Some(m) = parse_marker(self.b, p) else {
            return;
        };
        if let Some(last) = self.last_marker {
            if last.letter == m.letter && last.delim == m.delim && m.value == last.value + 1 {
                self.cut(p);
                self.last_marker = Some(m);
                return;
            }
        }
        // A new sequence may start at the block start, after a colon or at
        // the start of a line.
        let head = self.s.get(..p).unwrap_or("");
        let trimmed = head.trim_end_matches(|c: char| c.is_whitespace() || is_bullet(c));
        let gap = head.get(trimmed.len()..).unwrap_or("");
        if trimmed.is_empty() || trimmed.ends_with(':') || gap.contains('\n') {
            self.last_marker = Some(m);
        }
    }
}

/// Parses `12.`, `12)`, `12.)`, `b.`, `b)` at `p` followed by a space and a
/// capital letter.
fn parse_marker(b: &[u8], p: usize) -> Option<Marker> {
    let first = *b.get(p)?;
    let (letter, value, mut k) = if first.is_ascii_digit() {
        let mut k = p;
        let mut v = 0u32;
        while k < b.len() && b[k].is_ascii_digit() && k - p < 3 {
            v = v * 10 + u32::from(b[k] - b'0');
            k += 1;
        }
        if b.get(k).is_some_and(u8::is_ascii_digit) {
            return None;
        }
        (false, v, k)
    } else if first.is_ascii_lowercase() {
        (true, u32::from(first - b'a'), p + 1)
    } else {
        return None;
    };
    let delim = match (b.get(k), b.get(k + 1)) {
        (Some(b'.'), Some(b')')) => {
            k += 2;
            2
        }
        (Some(b'.'), _) => {
            k += 1;
            0
        }
        (Some(b')'), _) => {
            k += 1;
            1
        }
        _ => return None,
    };
    if b.get(k) != Some(&b' ') {
        return None;
    }
    // The item must start with a capital (ASCII is enough for a marker test).
    if !b.get(k + 1).is_some_and(u8::is_ascii_uppercase) {
        return None;
    }
    Some(Marker {
        letter,
        delim,
        value,
    })
}

/// A sentence break after a period that follows an ordinary token.
fn plain_break(tok: &str, after: &After) -> bool {
    if after.digit() {
        // "p. 55", "N. 3": one-character tokens take numbers.
        return tok.chars().count() >= 2;
    }
    !after.lower()
}

/// Whether the word after a cluster typically opens a sentence.
fn is_starter(s: &str, after: &After) -> bool {
    let word = s.get(after.word.0..after.word.1).unwrap_or("");
    let next = s.get(after.word.1..).and_then(|t| t.chars().next());
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if !first.is_uppercase() {
        return false;
    }
    // "A." or "R." is an initial, "A-shares" a name.
    if matches!(next, Some('.' | '-' | '&')) && word.len() == 1 {
        return false;
    }
    // Honorifics open sentences: "… at 6 p.m. Mr. Smith then left."
    if with_lower(word, |w| {
        matches!(w, b"mr" | b"mrs" | b"ms" | b"dr" | b"messrs")
    }) {
        return true;
    }
    // "IT", "THE" in upper-case text are not openers.
    if !chars.all(char::is_lowercase) {
        return false;
    }
    if matches!(next, Some('-' | '&')) {
        return false;
    }
    with_lower(word, is_starter_word)
}

fn is_starter_word(w: &[u8]) -> bool {
    matches!(
        w,
        b"a" | b"about"
            | b"according"
            | b"after"
            | b"again"
            | b"also"
            | b"although"
            | b"among"
            | b"an"
            | b"and"
            | b"another"
            | b"any"
            | b"are"
            | b"as"
            | b"at"
            | b"because"
            | b"before"
            | b"both"
            | b"but"
            | b"by"
            | b"can"
            | b"could"
            | b"despite"
            | b"did"
            | b"do"
            | b"does"
            | b"during"
            | b"each"
            | b"earlier"
            | b"even"
            | b"every"
            | b"for"
            | b"from"
            | b"further"
            | b"had"
            | b"has"
            | b"have"
            | b"he"
            | b"her"
            | b"here"
            | b"his"
            | b"how"
            | b"however"
            | b"i"
            | b"if"
            | b"in"
            | b"including"
            | b"instead"
            | b"is"
            | b"it"
            | b"its"
            | b"last"
            | b"later"
            | b"let"
            | b"many"
            | b"meanwhile"
            | b"more"
            | b"moreover"
            | b"most"
            | b"much"
            | b"my"
            | b"neither"
            | b"nevertheless"
            | b"next"
            | b"no"
            | b"none"
            | b"nor"
            | b"not"
            | b"now"
            | b"on"
            | b"once"
            | b"only"
            | b"or"
            | b"other"
            | b"our"
            | b"please"
            | b"separately"
            | b"she"
            | b"should"
            | b"since"
            | b"so"
            | b"some"
            | b"still"
            | b"such"
            | b"that"
            | b"the"
            | b"their"
            | b"then"
            | b"there"
            | b"these"
            | b"they"
            | b"this"
            | b"those"
            | b"though"
            | b"thus"
            | b"today"
            | b"under"
            | b"unlike"
            | b"until"
            | b"was"
            | b"we"
            | b"were"
            | b"what"
            | b"when"
            | b"where"
            | b"whether"
            | b"which"
            | b"while"
            | b"who"
            | b"why"
            | b"with"
            | b"without"
            | b"would"
            | b"yes"
            | b"yet"
            | b"you"
            | b"your"
    )
}

fn is_speech_verb(w: &[u8]) -> bool {
    matches!(
        w,
        b"said"
            | b"says"
            | b"asked"
            | b"asks"
            | b"added"
            | b"adds"
            | b"told"
            | b"tells"
            | b"replied"
            | b"wrote"
            | b"writes"
            | b"shouted"
            | b"exclaimed"
            | b"cried"
            | b"yelled"
            | b"continued"
            | b"explained"
            | b"insisted"
            | b"noted"
            | b"recalled"
            | b"declared"
            | b"admitted"
            | b"argued"
            | b"warned"
            | b"tweeted"
            | b"posted"
            | b"laughed"
            | b"joked"
            | b"quipped"
            | b"wondered"
    )
}

/// Classifies the token before a period.
fn classify(tok: &str) -> Tok {
    if tok.is_empty() || tok.contains('@') || tok.contains("://") || tok.starts_with("www.") {
        return Tok::Plain;
    }
    let mut chars = tok.chars();
    let first = chars.next();
    if chars.next().is_none() {
        return match first {
            Some('v') => Tok::Never,
            Some(c) if c.is_alphabetic() => Tok::Single,
            _ => Tok::Plain,
        };
    }
    let capital = first.is_some_and(char::is_uppercase);
    if tok.contains('.') {
        if with_lower(tok, |w| matches!(w, b"e.g" | b"i.e" | b"a.k.a" | b"n.b")) {
            return Tok::Never;
        }
        let mut parts = 0;
        let initialism = tok.split('.').all(|p| {
            parts += 1;
            (1..=2).contains(&p.len()) && p.bytes().all(|c| c.is_ascii_alphabetic())
        });
        return if initialism && parts >= 2 {
            if with_lower(tok, |w| matches!(w, b"a.m" | b"p.m")) {
                Tok::Time
            } else {
                Tok::Initialism
            }
        } else {
            Tok::Plain
        };
    }
    let mut class = Tok::Plain;
    with_lower(tok, |w| {
        class = if !capital && matches!(w, b"vs" | b"cf" | b"viz" | b"ca") {
            Tok::Never
        } else if capital && matches!(w, b"st" | b"dr") {
            Tok::Street
        } else if capital && is_title(w) {
            Tok::Title
        } else if capital && is_month_abbr(w) {
            Tok::Month
        } else if is_num_abbr(w) {
            Tok::NumAbbr
        } else if (capital && is_capital_abbr(w)) || is_any_case_abbr(w) {
            Tok::Ambig
        } else {
            Tok::Plain
        };
        true
    });
    class
}

fn is_title(w: &[u8]) -> bool {
    matches!(
        w,
        b"mr"
            | b"mrs"
            | b"ms"
            | b"messrs"
            | b"mme"
            | b"mlle"
            | b"prof"
            | b"profs"
            | b"gov"
            | b"govs"
            | b"sen"
            | b"sens"
            | b"rep"
            | b"reps"
            | b"gen"
            | b"gens"
            | b"lt"
            | b"lieut"
            | b"col"
            | b"maj"
            | b"capt"
            | b"cmdr"
            | b"adm"
            | b"brig"
            | b"sgt"
            | b"cpl"
            | b"pvt"
            | b"rev"
            | b"hon"
            | b"pres"
            | b"supt"
            | b"insp"
            | b"det"
            | b"msgr"
            | b"fr"
            | b"mt"
            | b"ft"
            | b"atty"
            | b"amb"
            | b"drs"
    )
}

/// Abbreviations that take a number after them: "No. 5", "pp. 12", "5 ft. 10".
fn is_num_abbr(w: &[u8]) -> bool {
    matches!(
        w,
        b"no"
            | b"nos"
            | b"nr"
            | b"n\xc2\xb0"
            | b"n\xc2\xba"
            | b"pp"
            | b"vol"
            | b"vols"
            | b"fig"
            | b"figs"
            | b"art"
            | b"arts"
            | b"sec"
            | b"ch"
            | b"para"
            | b"op"
            | b"pt"
            | b"pts"
            | b"tel"
            | b"ext"
            | b"ref"
            | b"rs"
            | b"approx"
            // Units: "5 ft. 10 in.", "180 lbs. He ran" (a capital after a
            // unit ends the sentence like after any word).
            | b"ft"
            | b"lb"
            | b"lbs"
            | b"oz"
            | b"sq"
            | b"yd"
            | b"yds"
            | b"gal"
            | b"hr"
            | b"hrs"
            | b"min"
            | b"mins"
            | b"yr"
            | b"yrs"
            | b"pct"
    )
}

fn is_month_abbr(w: &[u8]) -> bool {
    matches!(
        w,
        b"jan"
            | b"feb"
            | b"mar"
            | b"apr"
            | b"jun"
            | b"jul"
            | b"aug"
            | b"sep"
            | b"sept"
            | b"oct"
            | b"nov"
            | b"dec"
    )
}

/// Abbreviations that are abbreviations only when capitalised (lower-case
/// "ill." or "mass." are words).
fn is_capital_abbr(w: &[u8]) -> bool {
    matches!(
        w,
        b"inc"
            | b"corp"
            | b"cia"
            | b"cie"
            | b"ltd"
            | b"jr"
            | b"sr"
            | b"bros"
            | b"cos"
            | b"plc"
            | b"assn"
            | b"dept"
            | b"univ"
            | b"intl"
            | b"natl"
            | b"govt"
            | b"ave"
            | b"blvd"
            | b"rd"
            | b"hwy"
            | b"ala"
            | b"ariz"
            | b"ark"
            | b"calif"
            | b"colo"
            | b"conn"
            | b"del"
            | b"fla"
            | b"ga"
            | b"ill"
            | b"ind"
            | b"kan"
            | b"kans"
            | b"ky"
            | b"la"
            | b"md"
            | b"mass"
            | b"mich"
            | b"minn"
            | b"miss"
            | b"mo"
            | b"mont"
            | b"neb"
            | b"nev"
            | b"okla"
            | b"ore"
            | b"pa"
            | b"tenn"
            | b"tex"
            | b"vt"
            | b"va"
            | b"wash"
            | b"wis"
            | b"wyo"
    )
}

/// Abbreviations in any case: "co.", "et al.", "est.", "approx.".
fn is_any_case_abbr(w: &[u8]) -> bool {
    matches!(w, b"co" | b"al" | b"est" | b"dept" | b"st" | b"ave" | b"rd")
}

/// Runs `f` on the ASCII-lowercased bytes of `word` (on the stack); false for
/// words too long to be in any list.
fn with_lower(word: &str, mut f: impl FnMut(&[u8]) -> bool) -> bool {
    let bytes = word.as_bytes();
    let mut buf = [0u8; 16];
    if bytes.len() > buf.len() {
        return false;
    }
    for (d, s) in buf.iter_mut().zip(bytes) {
        *d = s.to_ascii_lowercase();
    }
    f(&buf[..bytes.len()])
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '`' | '“' | '‘' | '(' | '[' | '{' | '«' | '‹' | '„' | '‚' | '¿' | '¡'
    )
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | ')' | ']' | '}' | '»' | '›' | '」' | '』'
    )
}

/// Whether byte `c` can start a closer (ASCII closers or a multi-byte lead).
fn is_closer_byte_start(c: u8) -> bool {
    matches!(c, b'"' | b'\'' | b')' | b']' | b'}') || c >= 0xC2
}

fn is_bullet(c: char) -> bool {
    matches!(c, '•' | '◦' | '▪' | '■' | '●' | '⁃' | '‣' | '∙')
}

fn is_terminal_line_end(line: &str) -> bool {
    line.trim_end_matches(is_closer)
        .ends_with(['.', '?', '!', '…', ',', ';'])
}

/// First index at or after `p` that is not whitespace.
fn skip_ws(s: &str, p: usize) -> usize {
    let rest = s.get(p..).unwrap_or("");
    p + (rest.len() - rest.trim_start().len())
}

/// First index at or after `p` that is neither whitespace nor a bullet.
fn skip_bullets(s: &str, p: usize) -> usize {
    let rest = s.get(p..).unwrap_or("");
    p + (rest.len()
        - rest
            .trim_start_matches(|c: char| c.is_whitespace() || is_bullet(c))
            .len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn split(text: &str) -> Vec<&str> {
        segment(text, Span::new(0, text.len()))
            .iter()
            .map(|s| s.slice(text))
            .collect()
    }

    #[test]
    fn titles_never_end_sentences() {
        assert_eq!(
            split("Gov. Ana Ruiz signed the bill on Tuesday. Sen. Tom Bell objected."),
            [
                "Gov. Ana Ruiz signed the bill on Tuesday.",
                "Sen. Tom Bell objected."
            ]
        );
        assert_eq!(
            split("Dr. Lena Ortiz of St. Jude's said Lt. Col. Ray Park agreed."),
            ["Dr. Lena Ortiz of St. Jude's said Lt. Col. Ray Park agreed."]
        );
    }

    #[test]
    fn street_abbreviation_after_a_name_may_end_a_sentence() {
        assert_eq!(
            split("The shop is on Main St. The owner opened it in 1990."),
            ["The shop is on Main St.", "The owner opened it in 1990."]
        );
        assert_eq!(
            split("Flights to St. Louis resumed."),
            ["Flights to St. Louis resumed."]
        );
    }

    #[test]
    fn company_suffixes() {
        assert_eq!(
            split("Shares of Acme Inc. rose 5% on Monday. The company said profit doubled."),
            [
                "Shares of Acme Inc. rose 5% on Monday.",
                "The company said profit doubled."
            ]
        );
        assert_eq!(
            split("The buyer was Acme Corp. It paid cash."),
            ["The buyer was Acme Corp.", "It paid cash."]
        );
        assert_eq!(
            split("Acme Corp. Chief Executive Jo Park declined to comment."),
            ["Acme Corp. Chief Executive Jo Park declined to comment."]
        );
    }

    #[test]
    fn months_states_and_numbers() {
        assert_eq!(
            split("The vote is set for Oct. 14 in Dover, Del. The recount starts later."),
            [
                "The vote is set for Oct. 14 in Dover, Del.",
                "The recount starts later."
            ]
        );
        assert_eq!(
            split("The plant in Peoria, Ill., employs 300 people. It opened in Sept. 2001."),
            [
                "The plant in Peoria, Ill., employs 300 people.",
                "It opened in Sept. 2001."
            ]
        );
        assert_eq!(
            split("He fell ill. Doctors said he would recover."),
            ["He fell ill.", "Doctors said he would recover."]
        );
        assert_eq!(
            split("The bill passed 52-48. No. 3 on the agenda was the budget."),
            [
                "The bill passed 52-48.",
                "No. 3 on the agenda was the budget."
            ]
        );
    }

    #[test]
    fn times_of_day() {
        assert_eq!(
            split("The polls opened at 7 a.m. and closed at 8 p.m. The count began at once."),
            [
                "The polls opened at 7 a.m. and closed at 8 p.m.",
                "The count began at once."
            ]
        );
        assert_eq!(
            split("By 6 a.m. Mr. Okafor had left the building."),
            ["By 6 a.m. Mr. Okafor had left the building."]
        );
    }

    #[test]
    fn figures_and_decimals() {
        assert_eq!(
            split("Revenue rose to $1.5 billion, or 3.2%, from 1.45 billion. Costs fell."),
            [
                "Revenue rose to $1.5 billion, or 3.2%, from 1.45 billion.",
                "Costs fell."
            ]
        );
        assert_eq!(
            split("The index closed at 4,512.75. Bonds were flat."),
            ["The index closed at 4,512.75.", "Bonds were flat."]
        );
    }

    #[test]
    fn initialisms_and_initials() {
        assert_eq!(
            split("The U.S. Treasury sold bonds. The U.K. did not. Sales in the E.U. rose."),
            [
                "The U.S. Treasury sold bonds.",
                "The U.K. did not.",
                "Sales in the E.U. rose."
            ]
        );
        assert_eq!(
            split("It was sent to the U.S. Officials there declined to comment."),
            ["It was sent to the U.S. Officials there declined to comment."],
            "a non-opener after an initialism keeps the sentence together"
        );
        assert_eq!(
            split("Funds moved to the U.S. But the bank denied it."),
            ["Funds moved to the U.S.", "But the bank denied it."]
        );
        assert_eq!(
            split("George W. Bush met J. K. Rowling in London."),
            ["George W. Bush met J. K. Rowling in London."]
        );
        assert_eq!(
            split("It hit 40 C. Schools closed. The office at 110 N. Wacker Drive shut."),
            [
                "It hit 40 C.",
                "Schools closed.",
                "The office at 110 N. Wacker Drive shut."
            ]
        );
        assert_eq!(
            split("Hiring rose in Sept. Layoffs fell in Oct. and Nov. Jan. 6 was quiet."),
            [
                "Hiring rose in Sept.",
                "Layoffs fell in Oct. and Nov.",
                "Jan. 6 was quiet."
            ]
        );
        assert_eq!(
            split("The backup was Plan B. It failed too."),
            ["The backup was Plan B.", "It failed too."]
        );
    }

    #[test]
    fn acronyms_in_mixed_case_are_not_titles() {
        assert_eq!(
            split("The drug treats MS. Trials begin in May."),
            ["The drug treats MS.", "Trials begin in May."]
        );
        assert_eq!(
            split("MR. NOVAK SAYS TALKS FAILED"),
            ["MR. NOVAK SAYS TALKS FAILED"]
        );
    }

    #[test]
    fn quotations() {
        assert_eq!(
            split("\"We will rebuild,\" Mayor Ana Diaz said. \"It will take years.\""),
            [
                "\"We will rebuild,\" Mayor Ana Diaz said.",
                "\"It will take years.\""
            ]
        );
        assert_eq!(
            split("\"Is this legal?\" asked one resident. Nobody answered."),
            ["\"Is this legal?\" asked one resident.", "Nobody answered."]
        );
        assert_eq!(
            split("“Why now?” Diaz asked. “Nobody knows.”"),
            ["“Why now?” Diaz asked.", "“Nobody knows.”"]
        );
        assert_eq!(
            split("“Why now?” Diaz said the delay was costly."),
            ["“Why now?”", "Diaz said the delay was costly."]
        );
        assert_eq!(
            split("He called it “a disgrace.” The council disagreed."),
            ["He called it “a disgrace.”", "The council disagreed."]
        );
        assert_eq!(
            split("``It works,'' said Jo Lee of Fresno, Calif. ``Nobody expected it.''"),
            [
                "``It works,'' said Jo Lee of Fresno, Calif.",
                "``Nobody expected it.''"
            ]
        );
        assert_eq!(
            split("He backed Gov. C.L. \"Butch\" Otter of Idaho."),
            ["He backed Gov. C.L. \"Butch\" Otter of Idaho."]
        );
        assert_eq!(
            split("The players' union objected. Talks resume Monday."),
            ["The players' union objected.", "Talks resume Monday."]
        );
    }

    #[test]
    fn ellipses() {
        assert_eq!(
            split("He paused… Then he left."),
            ["He paused…", "Then he left."]
        );
        assert_eq!(
            split("It was, well… complicated."),
            ["It was, well… complicated."]
        );
        assert_eq!(
            split("The memo said the plan [...] was “final.” Staff were told on Friday."),
            [
                "The memo said the plan [...] was “final.”",
                "Staff were told on Friday."
            ]
        );
    }

    #[test]
    fn parentheses() {
        assert_eq!(
            split("The firm (founded in 1970. Based in Oslo!) grew fast."),
            ["The firm (founded in 1970. Based in Oslo!) grew fast."]
        );
        assert_eq!(
            split("He won. (He had trained for years.) Then he retired."),
            ["He won.", "(He had trained for years.)", "Then he retired."]
        );
        assert_eq!(
            split("Rep. Jo Kim (D-Calif.) voted no."),
            ["Rep. Jo Kim (D-Calif.) voted no."]
        );
    }

    #[test]
    fn web_addresses_and_emails() {
        assert_eq!(
            split("Read the report at www.example.org. It is free."),
            ["Read the report at www.example.org.", "It is free."]
        );
        assert_eq!(
            split("Write to press@example.com for details. Replies take a day."),
            [
                "Write to press@example.com for details.",
                "Replies take a day."
            ]
        );
    }

    #[test]
    fn line_breaks_inside_a_block() {
        assert_eq!(
            split("Key facts\nThe plant opens in May."),
            ["Key facts", "The plant opens in May."]
        );
        assert_eq!(
            split("- Taxes rise \n - Spending falls"),
            ["- Taxes rise", "- Spending falls"]
        );
        assert_eq!(
            split("The company said on Monday that it would cut\nhundreds of jobs in Europe."),
            ["The company said on Monday that it would cut\nhundreds of jobs in Europe."]
        );
        assert_eq!(
            split("The changes:\n1. Fees rise\n2. Hours fall"),
            ["The changes:", "1. Fees rise", "2. Hours fall"]
        );
        assert_eq!(
            split("Funds were sent to the U.S.\nTreasury staff counted them."),
            [
                "Funds were sent to the U.S.",
                "Treasury staff counted them."
            ]
        );
    }

    #[test]
    fn inline_lists_need_a_counting_sequence() {
        assert_eq!(
            split("1) Fees rise 2) Hours fall 3) Staff leave"),
            ["1) Fees rise", "2) Hours fall", "3) Staff leave"]
        );
        assert_eq!(
            split("The fund returned 5. Then it lost 6. Nobody was surprised."),
            [
                "The fund returned 5.",
                "Then it lost 6.",
                "Nobody was surprised."
            ]
        );
    }

    #[test]
    fn glued_sentences_and_dashes() {
        assert_eq!(
            split("Sales rose in 2023.The company hired 200 people.Analysts cheered."),
            [
                "Sales rose in 2023.",
                "The company hired 200 people.",
                "Analysts cheered."
            ]
        );
        assert_eq!(
            split("Visit Amazon.com, Halo.Bungie.Org or Node.js. Mr.Smith met U.S.Army staff."),
            [
                "Visit Amazon.com, Halo.Bungie.Org or Node.js.",
                "Mr.Smith met U.S.Army staff."
            ]
        );
        assert_eq!(
            split("Mix it, bake it, and -- voila! -- you have cake."),
            ["Mix it, bake it, and -- voila! -- you have cake."]
        );
    }

    #[test]
    fn stray_trailing_punctuation_joins_the_last_sentence() {
        assert_eq!(split("He left. \" "), ["He left. \""]);
        assert_eq!(split("Done. --"), ["Done. --"]);
        assert_eq!(split("\" "), ["\""]);
    }

    #[test]
    fn other_scripts() {
        assert_eq!(split("今天下雨。明天晴。"), ["今天下雨。", "明天晴。"]);
    }

    #[test]
    fn respects_within_and_odd_spans() {
        let text = "Skip me. Hello there. Bye now. Skip too.";
        let within = Span::new(9, 30);
        let got: Vec<&str> = segment(text, within)
            .iter()
            .map(|s| s.slice(text))
            .collect();
        assert_eq!(got, ["Hello there.", "Bye now."]);
        assert!(segment(text, Span::new(50, 80)).is_empty());
        assert!(segment(text, Span::new(20, 10)).is_empty());
        assert!(segment("   \n ", Span::new(0, 5)).is_empty());
        // Not on char boundaries: narrowed, never a panic.
        let text = "é. Ü.";
        let got: Vec<&str> = segment(text, Span::new(1, 6))
            .iter()
            .map(|s| s.slice(text))
            .collect();
        assert_eq!(got, [". Ü"]);
    }

    /// Inputs that would make a careless implementation quadratic; each is
    /// 300 KB, so a quadratic pass would not finish in any reasonable time.
    #[test]
    fn pathological_inputs_stay_linear() {
        let started = std::time::Instant::now();
        for unit in [
            "12. ", "\n", "\n \n", "(", "a.", "?\" A", "1) ", "• ", ". . ", "ab.Cd", "x", "..",
        ] {
            let text = unit.repeat(300_000 / unit.len());
            let spans = segment(&text, Span::new(0, text.len()));
            assert!(spans.iter().all(|s| s.end <= text.len()));
        }
        // Generous: linear work is milliseconds even in a debug build.
        assert!(
            started.elapsed().as_secs() < 20,
            "too slow: {:?}",
            started.elapsed()
        );
    }

    fn tricky_char() -> impl Strategy<Value = char> {
        prop_oneof![
            3 => prop::sample::select(vec![
                '.', '?', '!', ' ', '\n', '(', ')', '[', ']', '"', '\'', '…', '•', '⁃', '。',
                '“', '”', '’', 'A', 'I', 'M', 'r', 'a', 'e', 's', '1', '2', ':', '-', '\u{a0}',
            ]),
            1 => any::<char>(),
        ]
    }

    proptest! {
        #[test]
        fn spans_are_well_formed(
            chars in prop::collection::vec(tricky_char(), 0..160),
            a in 0usize..400,
            b in 0usize..400,
        ) {
            let text: String = chars.into_iter().collect();
            let within = Span::new(a, b);
            let spans = segment(&text, within);
            let lo = a.min(text.len());
            let hi = b.min(text.len());
            let mut prev_end = 0;
            for s in &spans {
                prop_assert!(s.start < s.end, "empty span {s:?}");
                prop_assert!(s.start >= lo && s.end <= hi, "{s:?} outside {within:?}");
                prop_assert!(s.start >= prev_end, "overlap or disorder at {s:?}");
                prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
                let t = s.slice(&text);
                prop_assert_eq!(t, t.trim(), "span not trimmed");
                prev_end = s.end;
            }
            // Nothing but whitespace is dropped.
            if lo < hi {
                let mut covered = 0;
                for s in &spans {
                    covered += s.slice(&text).chars().filter(|c| !c.is_whitespace()).count();
                }
                let mut start = lo;
                while !text.is_char_boundary(start) { start += 1; }
                let mut end = hi.max(start);
                while end > start && !text.is_char_boundary(end) { end -= 1; }
                let all = text[start..end].chars().filter(|c| !c.is_whitespace()).count();
                prop_assert_eq!(covered, all);
            }
        }
    }
}
