//! Quotes stage: finds direct quotations and attributes them to speakers.
//!
//! Owns: quote-mark pairing, attribution frames, speaker resolution.
//! Must not depend on readers, other extractors, the index or the CLI.
//!
//! # Brief overview
//! [`extract`] runs two passes over a [`Document`]:
//! 1. pairing (`marks`): per paragraph, curly/straight double quotes,
//!    single quotes used as marks and guillemets are paired left to right;
//!    apostrophes (Japan’s, ’90s) are never marks; a quote left open at a
//!    paragraph end continues in the next paragraph when that one opens
//!    with a mark (one [`Quote`] per paragraph piece);
//! 2. attribution (`attrib`): news-English frames around each quote find
//!    the speaker mention; names are normalised to the fullest form the
//!    document uses and pronouns resolve to the nearest compatible person.
//!
//! Both passes are linear in the text: every search is bounded by a
//! sentence, a paragraph or a fixed token window.
#![deny(missing_docs)]

mod attrib;
mod lex;
mod marks;

use claimdex_model::{BlockKind, Document, Quote, QuoteKind, Span};

/// Finds every quotation in `doc`, in text order, spans in bytes. Uses the
/// document's blocks (paragraphs); when it has none, each non-empty line is
/// a paragraph. Titles of works in quotes are left out (see
/// [`extract_all`]).
pub fn extract(doc: &Document) -> Vec<Quote> {
    extract_all(doc)
        .into_iter()
        .filter(|q| q.kind != QuoteKind::Title)
        .collect()
}

/// Like [`extract`], but keeps the titles of works (books, shows, laws) in
/// quotes, marked [`QuoteKind::Title`] with no speaker.
pub fn extract_all(doc: &Document) -> Vec<Quote> {
    let text = doc.text.as_str();
    let blocks = paragraphs(doc);
    let mut raw = Vec::new();
    let mut carry = false;
    for (b, &(s, e, heading)) in blocks.iter().enumerate() {
        let before = raw.len();
        let open = marks::pair_block(text, b, s, e, carry, &mut raw);
        // Headlines quote loosely (paraphrase, single marks, no attribution
        // frame); their words are not the article's quotes. The first block
        // is a headline when written in Title Case (checked only when it
        // holds a quote); the second may be its deck (subheadline).
        let headline =
            heading || (raw.len() > before && is_headline(text, s, e, b, &raw[before..]));
        if headline {
            raw.truncate(before);
            carry = false;
        } else {
            carry = open;
            drop_unquotable(text, s, e, before, &mut raw);
        }
    }
    if raw.is_empty() {
        return Vec::new();
    }
    let spans: Vec<(usize, usize)> = blocks.iter().map(|&(s, e, _)| (s, e)).collect();
    // Headlines capitalise every word: their chains are not names. Only
    // the first lines are checked for Title Case (the title; the check
    // costs a word split per block).
    let no_names: Vec<bool> = blocks
        .iter()
        .enumerate()
        .map(|(b, &(s, e, heading))| {
            heading
                || (b < 2
                    && e.saturating_sub(s) < 300
                    && is_title_case_line(text.get(s..e).unwrap_or("")))
        })
        .collect();
    let att = attrib::Attributor::new(text, &spans, &no_names, &raw);
    let found = att.run(&raw);
    raw.iter()
        .zip(found)
        .map(|(q, a)| {
            let (speaker, speaker_span) = match a.speaker {
                Some(s) if s.name.is_some() && !a.title => (s.name, s.span),
                _ => (None, None),
            };
            // In partial and scare quotes a trailing comma inside the marks
            // is the writer's punctuation (American style), not the quoted
            // words; full quotes keep theirs.
            let mut span = q.span;
            if a.kind != QuoteKind::Full && span.len() > 1 && text[..span.end].ends_with(',') {
                span.end -= 1;
            }
            Quote {
                span,
                kind: a.kind,
                speaker,
                speaker_span,
            }
        })
        .collect()
}

/// Drops the quotes of one paragraph (those from index `from` on) that are
/// no quotations: single-marked ones in a paragraph quoting with doubled
/// apostrophes (''…'', an archive convention; the single marks are a quote
/// inside a quote the pairing does not see), stage directions
/// ("(CROSSTALK.)") in transcripts, and a lone pronoun in marks.
fn drop_unquotable(text: &str, s: usize, e: usize, from: usize, raw: &mut Vec<marks::RawQuote>) {
    if raw.len() <= from {
        return;
    }
    let para = text.get(s..e).unwrap_or("");
    let doubled = para.contains("''");
    // Only this paragraph's tail is touched, so the pass stays linear.
    let mut w = from;
    for r in from..raw.len() {
        let q = raw[r];
        let words = q
            .span
            .slice(text)
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '(' && c != ')');
        let direction = words.starts_with('(') && words.ends_with(')');
        // "because “she” is a “he”": a pronoun in marks is a word being
        // talked about, not anything said.
        let pronoun = matches!(
            words.to_ascii_lowercase().as_str(),
            "he" | "she" | "him" | "her" | "it" | "they" | "them" | "we" | "us" | "me" | "you"
        );
        if !(direction || pronoun || (doubled && q.single)) {
            raw[w] = q;
            w += 1;
        }
    }
    raw.truncate(w);
}

/// The paragraphs to pair marks in, with whether each is a headline: the
/// document's blocks, or its non-empty lines when it has none.
fn paragraphs(doc: &Document) -> Vec<(usize, usize, bool)> {
    let text = doc.text.as_str();
    let spans: Vec<(usize, usize, bool)> = if doc.blocks.is_empty() {
        line_spans(text)
            .into_iter()
            .map(|s| (s.start, s.end, false))
            .collect()
    } else {
        doc.blocks
            .iter()
            .filter(|b| {
                b.span.start <= b.span.end
                    && text.is_char_boundary(b.span.start)
                    && b.span.end <= text.len()
                    && text.is_char_boundary(b.span.end)
            })
            .flat_map(|b| {
                split_at_quote_lines(text, b.span.start, b.span.end)
                    .map(move |(s, e)| (s, e, b.kind == BlockKind::Heading))
            })
            .collect()
    };
    spans
}

/// Splits the block `[s, e)` before every inner line that opens with a
/// quotation mark or a signature dash: a reader may join a line that ends
/// without punctuation ("“…” ― Jorge Falcon") with the next one, but a
/// line opening with a mark starts a new paragraph of quotes.
fn split_at_quote_lines(
    text: &str,
    s: usize,
    e: usize,
) -> impl Iterator<Item = (usize, usize)> + '_ {
    let block = text.get(s..e).unwrap_or("");
    let mut cuts = block
        .match_indices('\n')
        .filter_map(move |(i, _)| {
            let rest = &block[i + 1..];
            let line = rest.trim_start();
            let opens = line.starts_with(['“', '"', '«', '―']);
            let before = block[..i].trim_end();
            (opens && !before.is_empty() && !line.is_empty())
                .then(|| (s + before.len(), s + i + 1 + (rest.len() - line.len())))
        })
        .peekable();
    let mut at = s;
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        // A cut inside the whitespace skipped by the previous one is void.
        match cuts.find(|&(end, _)| end >= at) {
            Some((end, next)) => {
                let piece = (at, end);
                at = next;
                Some(piece)
            }
            None => {
                done = true;
                Some((at, e))
            }
        }
    })
}

/// Whether a block holding `quotes` reads as a headline or subhead: a
/// short Title Case line, a first line (headline or deck) quoting with
/// single marks only (the headline convention), or a line that is one
/// single-quoted phrase.
fn is_headline(text: &str, s: usize, e: usize, b: usize, quotes: &[marks::RawQuote]) -> bool {
    let line = text.get(s..e).unwrap_or("");
    let words = line.split_whitespace().count();
    if words > 25 {
        return false;
    }
    if is_title_case_line(line) {
        return true;
    }
    let all_single = quotes.iter().all(|q| q.single);
    // A deck quotes bare phrases; "It’s ‘in their heads,’ the pollster
    // told reporters" (a comma closing the quote for its frame) is body.
    let framed = quotes.iter().any(|q| {
        q.span.slice(text).ends_with(',') || text.get(q.close..).is_some_and(|r| r.starts_with(','))
    });
    if all_single && (b == 0 || (b == 1 && !framed)) {
        return true;
    }
    all_single && quotes.len() == 1 && line.trim().len() <= quotes[0].span.len() + 8
}

/// Whether most words of a short line start with a capital (a headline).
fn is_title_case_line(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.len() < 3 || words.len() > 30 {
        return false;
    }
    let long: Vec<&&str> = words
        .iter()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() > 3)
        .collect();
    let caps = long
        .iter()
        .filter(|w| {
            w.trim_start_matches(|c: char| !c.is_alphanumeric())
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_numeric())
        })
        .count();
    !long.is_empty() && caps * 10 >= long.len() * 8
}

/// The non-empty lines of `text`, without their line breaks.
pub fn line_spans(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c == '\n' {
            push_line(text, start, i, &mut out);
            start = i + 1;
        }
    }
    push_line(text, start, text.len(), &mut out);
    out
}

fn push_line(text: &str, s: usize, e: usize, out: &mut Vec<Span>) {
    let e = if e > s && text.as_bytes().get(e - 1) == Some(&b'\r') {
        e - 1
    } else {
        e
    };
    if text.get(s..e).is_some_and(|l| !l.trim().is_empty()) {
        out.push(Span::new(s, e));
    }
}
