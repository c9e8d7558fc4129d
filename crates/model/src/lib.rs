//! The data model every claimdex stage talks through.
//!
//! Owns: [`Document`] (text, metadata, structure), the mentions the extractors
//! find ([`Figure`], [`DateMention`], [`Quote`]), the [`Claim`]s built from
//! them, and [`OffsetMap`], the one place byte offsets become code points.
//!
//! Must not depend on any reader, extractor, index or CLI crate: those depend
//! on it.
//!
//! # Offsets
//! Inside the process every [`Span`] is a pair of UTF-8 **byte** offsets into
//! `Document::text`, always on `char` boundaries, because that is what Rust
//! string slicing and the `regex` crate speak. Everything that leaves the
//! process (the `extract` JSONL contract, the index, the CLI) speaks Unicode
//! **code points**; convert with [`OffsetMap`] at that edge and nowhere else.
#![deny(missing_docs)]

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

mod offsets;
pub use offsets::OffsetMap;

/// A half-open byte range `[start, end)` into a document's text.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes).
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// Length in bytes.
    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True when the span covers nothing.
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// True when `other` lies entirely inside `self`.
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The text this span covers, or `""` if it does not lie on `text`.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// What a block of the document is. Blocks tile the document's lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// A title or section heading.
    Heading,
    /// A paragraph of running text.
    Paragraph,
    /// One item of a bulleted or numbered list.
    ListItem,
    /// One row of a table (header and separator rows included).
    TableRow,
    /// A question of an FAQ or interview.
    Question,
    /// The answer that follows a [`BlockKind::Question`].
    Answer,
    /// A quotation set off as its own block (HTML `<blockquote>`).
    BlockQuote,
    /// An image or figure caption.
    Caption,
    /// A credit line ("Featured Image by …", "Photo: …").
    Credit,
    /// A metadata line ("Last Updated on …", "By …", "Published …").
    Metadata,
    /// Text after the article proper: reader comments, sign-offs, boilerplate.
    Trailer,
}

impl BlockKind {
    /// Whether text of this kind belongs to the article body, i.e. may
    /// become a claim. Metadata, credits and trailers never do.
    pub const fn is_body(self) -> bool {
        !matches!(
            self,
            BlockKind::Metadata | BlockKind::Credit | BlockKind::Trailer
        )
    }

    /// The stable name used in JSON output and the index.
    pub const fn as_str(self) -> &'static str {
        match self {
            BlockKind::Heading => "heading",
            BlockKind::Paragraph => "paragraph",
            BlockKind::ListItem => "list_item",
            BlockKind::TableRow => "table_row",
            BlockKind::Question => "question",
            BlockKind::Answer => "answer",
            BlockKind::BlockQuote => "block_quote",
            BlockKind::Caption => "caption",
            BlockKind::Credit => "credit",
            BlockKind::Metadata => "metadata",
            BlockKind::Trailer => "trailer",
        }
    }
}

/// One structural unit of a document: a heading, a paragraph, a list item…
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// Where it is (bytes into the document text, without the line break).
    pub span: Span,
}

/// A sentence: a span of text and the index of the block that holds it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// Where it is (bytes into the document text).
    pub span: Span,
    /// Index into [`Document::blocks`] of the block holding the sentence.
    pub block: usize,
}

/// Which reader produced a document; decides how its text was obtained.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceFormat {
    /// Plain text: the document text is the decoded file.
    Text,
    /// Markdown: the document text is the decoded file.
    Markdown,
    /// A JSONL record with a `text` key.
    JsonlText,
    /// An HTML page (file, JSONL `html` record or WARC response).
    Html,
}

/// A document: its text, where it came from, what it says about itself and
/// how it is laid out. Extractors read it; they never change it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The document id (JSONL `id`, or the path, see the extract contract).
    pub id: String,
    /// Where it was read from (a path, `-` for stdin, `path:line` for JSONL).
    pub source: String,
    /// How it was read.
    pub format: SourceFormat,
    /// The page URL, when known.
    pub url: Option<String>,
    /// The title, when known.
    pub title: Option<String>,
    /// The author or byline, when known.
    pub author: Option<String>,
    /// The publication date, when known; anchors relative dates.
    pub published: Option<Date>,
    /// The site or publisher name, when known.
    pub site: Option<String>,
    /// The language (BCP 47 tag, e.g. `en`), when known.
    pub lang: Option<String>,
    /// The document text. Every span in the model points into it.
    pub text: String,
    /// The layout: blocks in text order, not overlapping.
    pub blocks: Vec<Block>,
    /// Sentences in text order, not overlapping, each inside one block.
    pub sentences: Vec<Sentence>,
}

impl Document {
    /// A document with text and id and nothing else known yet.
    pub fn new(
        id: impl Into<String>,
        source: impl Into<String>,
        format: SourceFormat,
        text: String,
    ) -> Self {
        Document {
            id: id.into(),
            source: source.into(),
            format,
            url: None,
            title: None,
            author: None,
            published: None,
            site: None,
            lang: None,
            text,
            blocks: Vec::new(),
            sentences: Vec::new(),
        }
    }

    /// The block that contains byte offset `at`, if any.
    pub fn block_at(&self, at: usize) -> Option<usize> {
        let i = self.blocks.partition_point(|b| b.span.end <= at);
        (i < self.blocks.len() && self.blocks[i].span.start <= at).then_some(i)
    }

    /// The sentence that contains byte offset `at`, if any.
    pub fn sentence_at(&self, at: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= at);
        (i < self.sentences.len() && self.sentences[i].span.start <= at).then_some(i)
    }

    /// Whether byte offset `at` lies in article body text (see
    /// [`BlockKind::is_body`]). Text outside every block is not body.
    pub fn is_body_at(&self, at: usize) -> bool {
        self.block_at(at)
            .is_some_and(|b| self.blocks[b].kind.is_body())
    }
}

/// The kind of a figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FigureKind {
    /// An amount of money.
    Money,
    /// A percentage or percentage points.
    Percent,
    /// A measured amount with a unit (tons, km, barrels…).
    Quantity,
    /// A bare count or number.
    Number,
    /// A multiplier or ratio ("ten times more", "one in five").
    Ratio,
}

impl FigureKind {
    /// The stable name used in JSON output and the index.
    pub const fn as_str(self) -> &'static str {
        match self {
            FigureKind::Money => "money",
            FigureKind::Percent => "percent",
            FigureKind::Quantity => "quantity",
            FigureKind::Number => "number",
            FigureKind::Ratio => "ratio",
        }
    }
}

/// A comparator normalised from a figure's hedge ("over" → `>`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Comparator {
    /// "over", "more than", "above".
    #[serde(rename = ">")]
    Greater,
    /// "at least", "no less than".
    #[serde(rename = ">=")]
    GreaterOrEqual,
    /// "less than", "fewer than", "under".
    #[serde(rename = "<")]
    Less,
    /// "up to", "at most", "no more than".
    #[serde(rename = "<=")]
    LessOrEqual,
    /// "about", "nearly", "roughly", "some".
    #[serde(rename = "~")]
    Approximately,
    /// "exactly", "precisely".
    #[serde(rename = "=")]
    Exactly,
}

/// A number in the text: "over $360 billion", "92%", "ten times more".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// The whole mention, hedge included ("over $360 billion").
    pub span: Span,
    /// The value with scale words applied; `None` when it cannot be
    /// represented (overflow) or is not stated.
    pub value: Option<f64>,
    /// For a range ("5-10%"), the upper bound; `value` is the lower one.
    pub value_max: Option<f64>,
    /// Canonical unit: ISO 4217 code, `%`, `pp`, `t`, `km`, `times`…; empty
    /// for a bare count.
    pub unit: String,
    /// What kind of figure it is.
    pub kind: FigureKind,
    /// The hedge as written ("over", "more than"), if any.
    pub qualifier: Option<String>,
    /// The hedge as a comparator, if any.
    pub comparator: Option<Comparator>,
    /// The noun phrase the figure quantifies ("refining capacity"), when
    /// plainly stated.
    pub measured: Option<String>,
}

/// TimeML TIMEX3 types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    /// A calendar date or period ("October 28, 2025", "2024", "the 1980s").
    Date,
    /// A time of day ("3 p.m.").
    Time,
    /// A length of time ("six months").
    Duration,
    /// A recurrence ("every week").
    Set,
}

impl TimexType {
    /// The TIMEX3 name.
    pub const fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// A temporal expression: a date, time, duration or set.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DateMention {
    /// The mention ("Within six months").
    pub span: Span,
    /// TIMEX3 type.
    pub timex_type: TimexType,
    /// TIMEX3 value ("2025-10-28", "P6M", "198", "PRESENT_REF"), or `None`
    /// when it cannot be normalised (e.g. a relative date with no anchor).
    pub value: Option<String>,
}

/// How a quotation is used.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// A quoted statement with its speaker.
    Full,
    /// Quoted words inside the writer's own sentence, attributed.
    Partial,
    /// Marks around a term, no speaker.
    Scare,
    /// The name of a work (book, film, law) in quotes.
    Title,
}

impl QuoteKind {
    /// The stable name used in JSON output.
    pub const fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Full => "full",
            QuoteKind::Partial => "partial",
            QuoteKind::Scare => "scare",
            QuoteKind::Title => "title",
        }
    }
}

/// A direct quotation and who said it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The quoted words, without the quote marks.
    pub span: Span,
    /// How the quotation is used.
    pub kind: QuoteKind,
    /// The speaker, normalised to the fullest name in the document.
    pub speaker: Option<String>,
    /// The mention of the speaker that the attribution names.
    pub speaker_span: Option<Span>,
}

/// What makes a sentence check-worthy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    /// It states a figure.
    Figure,
    /// It places an event in time.
    Date,
    /// It quotes someone.
    Quote,
}

impl ClaimKind {
    /// The stable name used in JSON output and the index.
    pub const fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Figure => "figure",
            ClaimKind::Date => "date",
            ClaimKind::Quote => "quote",
        }
    }

    /// Parses the stable name.
    pub fn parse(name: &str) -> Option<Self> {
        match name.trim().to_ascii_lowercase().as_str() {
            "figure" | "figures" => Some(ClaimKind::Figure),
            "date" | "dates" => Some(ClaimKind::Date),
            "quote" | "quotes" => Some(ClaimKind::Quote),
            _ => None,
        }
    }
}

/// A check-worthy statement: a body sentence (or a quote's sentences) with
/// the mentions that make it one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Stable id: the same document text gives the same id on every run.
    pub id: String,
    /// Why it is a claim, sorted, no duplicates.
    pub kinds: Vec<ClaimKind>,
    /// The statement (bytes into the document text).
    pub span: Span,
    /// The speaker of its quotes, when they share one.
    pub speaker: Option<String>,
    /// Indexes into the extraction's figures.
    pub figures: Vec<usize>,
    /// Indexes into the extraction's dates.
    pub dates: Vec<usize>,
    /// Indexes into the extraction's quotes.
    pub quotes: Vec<usize>,
    /// 0-based index of the paragraph (block) holding the statement.
    pub paragraph: usize,
    /// 0-based index of the statement's first sentence in the document.
    pub sentence: usize,
    /// The date the statement places its event at (`YYYY-MM-DD`, the start
    /// of the period it names), else the publication date.
    pub event_date: Option<Date>,
}

/// Everything extracted from one document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    /// The document, structure included.
    pub doc: Document,
    /// Figures in text order.
    pub figures: Vec<Figure>,
    /// Temporal expressions in text order.
    pub dates: Vec<DateMention>,
    /// Quotations in text order.
    pub quotes: Vec<Quote>,
    /// Claims in text order.
    pub claims: Vec<Claim>,
}
pub mod contract;
