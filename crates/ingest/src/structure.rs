//! Structure of plain-text and Markdown articles: which lines are headings,
//! paragraphs, list items, table rows, FAQ questions and answers, metadata,
//! credits and trailing non-article text; and the metadata those lines
//! carry (publication date, author, Markdown title).
//!
//! Every line stays in the text; structure is only spans over it. HTML
//! documents arrive with their blocks already made by the HTML reader.

use std::sync::LazyLock;

use claimdex_model::{Block, BlockKind, Document, SourceFormat, Span};
use regex::Regex;

static MD_HEADING: LazyLock<Regex> = LazyLock::new(|| re(r"^(#{1,6})[ \t]+\S"));
static BULLET: LazyLock<Regex> = LazyLock::new(|| re(r"^(?:[-*+•▪‣◦–]|\d{1,3}[.)])[ \t]+\S"));
static NUMBERED: LazyLock<Regex> = LazyLock::new(|| re(r"^(?:Q?\d{1,3}[.):]|Q:)[ \t]+\S"));
static METADATA: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:last\s+updated|updated|published|posted|first\s+published|modified|date)(?:\s+on)?\s*:?\s+(.+)$",
    )
});
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:By|BY|Written by|Words by)\s+([A-Z][\p{L}.'’-]*(?:\s+(?:[A-Z][\p{L}.'’-]*|de|van|von|da|and|&))*?)\s*(?:[,|–—-].*)?$",
    )
});
static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:(?:featured|header|cover|top)\s+)?(?:image|photo|picture|illustration|video|graphic|photograph)s?(?:\s+credits?)?\s*(?:by\b|:|courtesy\b|via\b|©)|^(?:credits?|source|photo)\s*:|^©",
    )
});
static TRAILER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:read (?:the rest|more)\b|share this\b|leave a (?:reply|comment)|comments?\s*(?:\(\d+\))?\s*$|related(?: articles| stories)?:|sign up\b|subscribe\b|follow us\b|tags?:|advertisement\s*$|thanks for (?:reading|putting))",
    )
});

fn re(pattern: &str) -> Regex {
    // The patterns are literals of this file, checked by the tests below.
    Regex::new(pattern).unwrap_or_else(|e| panic!("bad built-in pattern {pattern}: {e}"))
}

/// A non-blank line: its span without surrounding whitespace.
#[derive(Clone, Copy, Debug)]
struct Line {
    span: Span,
    /// A blank line comes right before this one.
    after_blank: bool,
}

fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut at = 0;
    let mut after_blank = false;
    for raw in text.split_inclusive('\n') {
        let start_ws = raw.len() - raw.trim_start().len();
        let content = raw.trim();
        if content.is_empty() {
            after_blank = true;
        } else {
            let start = at + start_ws;
            out.push(Line {
                span: Span::new(start, start + content.len()),
                after_blank,
            });
            after_blank = false;
        }
        at += raw.len();
    }
    out
}

/// What a line looks like on its own.
fn classify(line: &str, format: SourceFormat) -> BlockKind {
    if MD_HEADING.is_match(line) {
        return BlockKind::Heading;
    }
    if line.starts_with('|') && line.ends_with('|') && line.len() > 1 {
        return BlockKind::TableRow;
    }
    if NUMBERED.is_match(line) && line.ends_with('?') {
        return BlockKind::Question;
    }
    if BULLET.is_match(line) {
        return BlockKind::ListItem;
    }
    if line.len() < 120 && (metadata_date(line).is_some() || byline(line).is_some()) {
        return BlockKind::Metadata;
    }
    if line.len() < 200 && CREDIT.is_match(line) {
        return BlockKind::Credit;
    }
    if format != SourceFormat::Markdown && looks_like_heading(line) {
        return BlockKind::Heading;
    }
    BlockKind::Paragraph
}

/// A short line without closing punctuation whose words are capitalised
/// like a title: "Why Rare Earths Matter", "Final Thoughts", "FAQs".
fn looks_like_heading(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.is_empty() || words.len() > 12 || line.chars().count() > 100 {
        return false;
    }
    let last = line.chars().last().unwrap_or(' ');
    if matches!(
        last,
        '.' | ',' | ';' | ':' | '!' | '"' | '”' | '’' | '\'' | '…' | '-' | '–' | '—'
    ) {
        return false;
    }
    if !line
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    {
        return false;
    }
    let long: Vec<&&str> = words[1..]
        .iter()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .collect();
    if long.is_empty() {
        return true;
    }
    let capitalised = long
        .iter()
        .filter(|w| {
            w.chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_uppercase)
        })
        .count();
    capitalised * 10 >= long.len() * 6
}

fn metadata_date(line: &str) -> Option<jiff::civil::Date> {
    let caps = METADATA.captures(line)?;
    claimdex_dates::parse_date(caps.get(1)?.as_str())
}

fn byline(line: &str) -> Option<String> {
    let caps = BYLINE.captures(line)?;
    let name = caps.get(1)?.as_str().trim();
    (name.split_whitespace().count() <= 6).then(|| name.to_string())
}

fn ends_open(line: &str) -> bool {
    // A line that stops mid-sentence: wrapped text continues on the next.
    !line.ends_with([
        '.', '!', '?', ':', ';', '"', '”', '’', '\'', ')', ']', '…', '|',
    ])
}

/// Finds the blocks of a text or Markdown document and the metadata its
/// lines carry. Leaves documents that already have blocks alone.
pub fn detect(doc: &mut Document) {
    if !doc.blocks.is_empty() {
        return;
    }
    let text = doc.text.as_str();
    let lines = lines(text);
    let mut blocks: Vec<Block> = Vec::with_capacity(lines.len());
    let mut prev_kind: Option<BlockKind> = None;
    for (i, line) in lines.iter().enumerate() {
        let content = line.span.slice(text);
        let mut kind = classify(content, doc.format);
        if kind == BlockKind::Heading
            && i + 1 == lines.len()
            && lines.len() > 1
            && !MD_HEADING.is_match(content)
        {
            // A title-like last line is a sign-off, not a heading.
            kind = BlockKind::Paragraph;
        }
        if kind == BlockKind::Paragraph && prev_kind == Some(BlockKind::Question) {
            kind = BlockKind::Answer;
        }
        // Join hard-wrapped lines of one paragraph.
        if let Some(last) = blocks.last_mut() {
            let last_text = last.span.slice(text);
            let joinable = matches!(
                last.kind,
                BlockKind::Paragraph | BlockKind::Answer | BlockKind::ListItem
            ) && matches!(kind, BlockKind::Paragraph | BlockKind::Answer)
                && !line.after_blank
                && ends_open(last_text)
                && (content.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit())
                    || last_text.len() > 50);
            if joinable {
                last.span.end = line.span.end;
                continue;
            }
        }
        blocks.push(Block {
            kind,
            span: line.span,
        });
        prev_kind = Some(kind);
    }
    mark_trailer(text, &mut blocks);
    for block in &blocks {
        let content = block.span.slice(text);
        match block.kind {
            BlockKind::Metadata => {
                if doc.published.is_none() {
                    doc.published = metadata_date(content);
                }
                if doc.author.is_none() {
                    doc.author = byline(content);
                }
            }
            BlockKind::Heading if doc.title.is_none() && doc.format == SourceFormat::Markdown => {
                if let Some(caps) = MD_HEADING.captures(content) {
                    if caps.get(1).map(|m| m.len()) == Some(1) {
                        doc.title = Some(content.trim_start_matches('#').trim().to_string());
                    }
                }
            }
            _ => {}
        }
    }
    doc.blocks = blocks;
}

/// Marks what follows the article proper: everything after a credit line
/// near the end, and reader comments or share prompts in the last blocks.
fn mark_trailer(text: &str, blocks: &mut [Block]) {
    let n = blocks.len();
    if n < 3 {
        return;
    }
    let tail_start = n.saturating_sub(3);
    if let Some(credit) = (tail_start..n)
        .rev()
        .find(|&i| blocks[i].kind == BlockKind::Credit)
    {
        for block in &mut blocks[credit + 1..] {
            block.kind = BlockKind::Trailer;
        }
    }
    for i in tail_start..n {
        if TRAILER.is_match(blocks[i].span.slice(text)) {
            for block in &mut blocks[i..] {
                if block.kind != BlockKind::Credit {
                    block.kind = BlockKind::Trailer;
                }
            }
            break;
        }
    }
}

/// Where a block's sentences may start: the heading text without its `#`
/// marks, a list item without its bullet, a table row as a whole.
pub fn content_span(text: &str, block: &Block) -> Span {
    let s = block.span.slice(text);
    let skip = match block.kind {
        BlockKind::Heading => s.len() - s.trim_start_matches('#').trim_start().len(),
        BlockKind::ListItem => {
            let after = s.trim_start_matches(['-', '*', '+', '•', '▪', '‣', '◦', '–']);
            if after.len() < s.len() {
                s.len() - after.trim_start().len()
            } else {
                0
            }
        }
        _ => 0,
    };
    Span::new(block.span.start + skip, block.span.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(BlockKind, String)> {
        let mut doc = Document::new("t", "t", SourceFormat::Text, text.to_string());
        detect(&mut doc);
        doc.blocks
            .iter()
            .map(|b| (b.kind, b.span.slice(text).to_string()))
            .collect()
    }

    #[test]
    fn patterns_compile() {
        for r in [
            &MD_HEADING,
            &BULLET,
            &NUMBERED,
            &METADATA,
            &BYLINE,
            &CREDIT,
            &TRAILER,
        ] {
            assert!(!r.as_str().is_empty());
        }
    }

    #[test]
    fn article_lines() {
        let got = kinds("Why Rare Earths Matter\nThey matter a lot.\n- Item one.\n| a | b |\n1. What is it?\nIt is a thing.\nFeatured Image by Someone from Pixabay\n\nGreat article, thanks.");
        let k: Vec<BlockKind> = got.iter().map(|g| g.0).collect();
        use BlockKind::*;
        assert_eq!(
            k,
            vec![Heading, Paragraph, ListItem, TableRow, Question, Answer, Credit, Trailer]
        );
    }

    #[test]
    fn wrapped_lines_join() {
        let got = kinds("The dry period means the harvest will be late this year because\nof the rain.\n\nNext paragraph.");
        assert_eq!(got.len(), 2);
        assert!(got[0].1.ends_with("rain."));
    }

    #[test]
    fn sentence_like_lines_are_not_headings() {
        assert!(!looks_like_heading("This is a sentence about things"));
        assert!(looks_like_heading("A Renewed U.S.–Japan Partnership"));
        assert!(looks_like_heading("FAQs"));
        assert!(!looks_like_heading(
            "Rare earths are vital for modern technology:"
        ));
    }

    #[test]
    fn byline_gives_author() {
        let mut doc = Document::new(
            "t",
            "t",
            SourceFormat::Text,
            "By Jane Doe\nSome text here that is long.".into(),
        );
        detect(&mut doc);
        assert_eq!(doc.author.as_deref(), Some("Jane Doe"));
        assert_eq!(doc.blocks[0].kind, BlockKind::Metadata);
    }
}
