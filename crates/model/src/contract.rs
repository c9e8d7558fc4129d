//! The `claimdex extract` output contract (`shared/eval/CONTRACT.md`):
//! serialisable records with **code-point** offsets, built from an
//! [`Extraction`] in one place so every output (JSONL, index, CLI) agrees.
//!
//! Stable: change only by adding keys.

use serde::{Deserialize, Serialize};

use crate::{Claim, Extraction, OffsetMap, Span};

/// Code points of context kept on each side of a TextQuoteSelector.
pub const SELECTOR_CONTEXT: usize = 32;

/// One output line: a document and everything extracted from it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocRecord {
    /// Document metadata.
    pub doc: DocMeta,
    /// Sentences (only with `--include sentences`).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub sentences: Option<Vec<SpanRecord>>,
    /// Figures in text order.
    pub figures: Vec<FigureRecord>,
    /// Temporal expressions in text order.
    pub dates: Vec<DateRecord>,
    /// Quotations in text order.
    pub quotes: Vec<QuoteRecord>,
    /// Claims in text order.
    pub claims: Vec<ClaimRecord>,
}

/// Document metadata as printed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocMeta {
    /// Document id.
    pub id: String,
    /// Where it was read from.
    pub source: String,
    /// URL, if known.
    pub url: Option<String>,
    /// Title, if known.
    pub title: Option<String>,
    /// Publication date `YYYY-MM-DD`, if known.
    pub published: Option<String>,
    /// Author, if known.
    pub author: Option<String>,
    /// Site or publisher, if known.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub site: Option<String>,
    /// Language, if known.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub lang: Option<String>,
    /// Content hash of the text (hex BLAKE3), for change detection.
    pub content_hash: String,
    /// Length of the text in code points.
    pub chars: usize,
    /// The text (only with `--include text`).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub text: Option<String>,
}

/// A bare span in code points.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpanRecord {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
}

/// A figure as printed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FigureRecord {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The mention.
    pub text: String,
    /// Value with scale applied.
    pub value: Option<f64>,
    /// Upper bound of a range.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub value_max: Option<f64>,
    /// Canonical unit.
    pub unit: String,
    /// `money`, `percent`, `quantity`, `number` or `ratio`.
    pub kind: String,
    /// The hedge as written.
    pub qualifier: Option<String>,
    /// The hedge as a comparator (`>`, `>=`, `<`, `<=`, `~`, `=`).
    pub comparator: Option<String>,
    /// What the figure quantifies.
    pub measured: Option<String>,
}

/// A temporal expression as printed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DateRecord {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The mention.
    pub text: String,
    /// TIMEX3 type.
    #[serde(rename = "type")]
    pub timex_type: String,
    /// TIMEX3 value.
    pub value: Option<String>,
}

/// A quotation as printed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuoteRecord {
    /// First code point of the quoted words.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The quoted words.
    pub text: String,
    /// `full`, `partial`, `scare` or `title`.
    pub kind: String,
    /// The speaker's fullest name.
    pub speaker: Option<String>,
    /// Start of the speaker mention.
    pub speaker_start: Option<usize>,
    /// End of the speaker mention.
    pub speaker_end: Option<usize>,
}

/// A claim as printed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClaimRecord {
    /// Stable claim id.
    pub id: String,
    /// `figure`, `date`, `quote`.
    pub kind: Vec<String>,
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The statement.
    pub text: String,
    /// The speaker, if the claim is a quote with one.
    pub speaker: Option<String>,
    /// Indexes into `figures`.
    pub figures: Vec<usize>,
    /// Indexes into `dates`.
    pub dates: Vec<usize>,
    /// Indexes into `quotes`.
    pub quotes: Vec<usize>,
    /// When the claimed event happened (`YYYY-MM-DD`), else published.
    pub event_date: Option<String>,
    /// Where the claim comes from.
    pub citation: Citation,
}

/// Where a claim comes from, precisely enough to find it again.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Citation {
    /// Document id.
    pub doc_id: String,
    /// Where the document was read from.
    pub source: String,
    /// Document URL.
    pub url: Option<String>,
    /// Document title.
    pub title: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// 0-based paragraph (block) index.
    pub paragraph: usize,
    /// 0-based sentence index.
    pub sentence: usize,
    /// First code point of the statement.
    pub start: usize,
    /// One past its last code point.
    pub end: usize,
    /// W3C TextQuoteSelector.
    pub quote: TextQuoteSelector,
    /// A text-fragment link that opens the page at the statement, for
    /// documents with a URL.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub fragment_url: Option<String>,
}

/// W3C Web Annotation TextQuoteSelector.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextQuoteSelector {
    /// The exact statement.
    pub exact: String,
    /// Up to 32 code points before it.
    pub prefix: String,
    /// Up to 32 code points after it.
    pub suffix: String,
}

/// What optional parts a [`DocRecord`] carries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Include {
    /// Add `doc.text`.
    pub text: bool,
    /// Add `sentences`.
    pub sentences: bool,
}

impl DocRecord {
    /// Builds the output record of one extraction, converting every byte
    /// span to code points.
    pub fn from_extraction(ex: &Extraction, include: Include) -> Self {
        let doc = &ex.doc;
        let text = doc.text.as_str();
        let map = OffsetMap::new(text);
        let cp = |s: Span| (map.to_char(s.start), map.to_char(s.end));
        let published = doc.published.map(|d| d.to_string());
        let meta = DocMeta {
            id: doc.id.clone(),
            source: doc.source.clone(),
            url: doc.url.clone(),
            title: doc.title.clone(),
            published: published.clone(),
            author: doc.author.clone(),
            site: doc.site.clone(),
            lang: doc.lang.clone(),
            content_hash: content_hash(text),
            chars: map.len_chars(),
            text: include.text.then(|| doc.text.clone()),
        };
        let sentences = include.sentences.then(|| {
            doc.sentences
                .iter()
                .map(|s| {
                    let (start, end) = cp(s.span);
                    SpanRecord { start, end }
                })
                .collect()
        });
        let figures = ex
            .figures
            .iter()
            .map(|f| {
                let (start, end) = cp(f.span);
                FigureRecord {
                    start,
                    end,
                    text: f.span.slice(text).to_string(),
                    value: f.value.filter(|v| v.is_finite()),
                    value_max: f.value_max.filter(|v| v.is_finite()),
                    unit: f.unit.clone(),
                    kind: f.kind.as_str().to_string(),
                    qualifier: f.qualifier.clone(),
                    comparator: f.comparator.map(comparator_str),
                    measured: f.measured.clone(),
                }
            })
            .collect();
        let dates = ex
            .dates
            .iter()
            .map(|d| {
                let (start, end) = cp(d.span);
                DateRecord {
                    start,
                    end,
                    text: d.span.slice(text).to_string(),
                    timex_type: d.timex_type.as_str().to_string(),
                    value: d.value.clone(),
                }
            })
            .collect();
        let quotes = ex
            .quotes
            .iter()
            .map(|q| {
                let (start, end) = cp(q.span);
                let speaker = q.speaker_span.map(cp);
                QuoteRecord {
                    start,
                    end,
                    text: q.span.slice(text).to_string(),
                    kind: q.kind.as_str().to_string(),
                    speaker: q.speaker.clone(),
                    speaker_start: speaker.map(|s| s.0),
                    speaker_end: speaker.map(|s| s.1),
                }
            })
            .collect();
        let claims = ex
            .claims
            .iter()
            .map(|c| claim_record(c, ex, &map, published.clone()))
            .collect();
        DocRecord {
            doc: meta,
            sentences,
            figures,
            dates,
            quotes,
            claims,
        }
    }
}

fn claim_record(
    c: &Claim,
    ex: &Extraction,
    map: &OffsetMap,
    published: Option<String>,
) -> ClaimRecord {
    let doc = &ex.doc;
    let text = doc.text.as_str();
    let start = map.to_char(c.span.start);
    let end = map.to_char(c.span.end);
    let exact = c.span.slice(text).to_string();
    let prefix = last_chars(text.get(..c.span.start).unwrap_or(""), SELECTOR_CONTEXT);
    let suffix = first_chars(text.get(c.span.end..).unwrap_or(""), SELECTOR_CONTEXT);
    let quote = TextQuoteSelector {
        exact,
        prefix: prefix.to_string(),
        suffix: suffix.to_string(),
    };
    let fragment_url = doc.url.as_deref().map(|u| text_fragment_url(u, &quote));
    ClaimRecord {
        id: c.id.clone(),
        kind: c.kinds.iter().map(|k| k.as_str().to_string()).collect(),
        start,
        end,
        text: quote.exact.clone(),
        speaker: c.speaker.clone(),
        figures: c.figures.clone(),
        dates: c.dates.clone(),
        quotes: c.quotes.clone(),
        event_date: c.event_date.map(|d| d.to_string()),
        citation: Citation {
            doc_id: doc.id.clone(),
            source: doc.source.clone(),
            url: doc.url.clone(),
            title: doc.title.clone(),
            published,
            paragraph: c.paragraph,
            sentence: c.sentence,
            start,
            end,
            quote,
            fragment_url,
        },
    }
}

fn comparator_str(c: crate::Comparator) -> String {
    use crate::Comparator::*;
    match c {
        Greater => ">",
        GreaterOrEqual => ">=",
        Less => "<",
        LessOrEqual => "<=",
        Approximately => "~",
        Exactly => "=",
    }
    .to_string()
}

/// A 128-bit hex hash of `text`: FNV-1a 64 over the UTF-8 bytes from two
/// different offset bases. Stable across runs, versions and machines, which
/// is what change detection and claim ids need; not a security hash.
pub fn content_hash(text: &str) -> String {
    // Both hashes in one pass: the two multiply chains are independent, so
    // the CPU runs them side by side for about the cost of one.
    let (a, b) = text
        .as_bytes()
        .iter()
        .fold((FNV_BASIS_A, FNV_BASIS_B), |(a, b), &x| {
            (fnv1a_step(a, x), fnv1a_step(b, x))
        });
    format!("{a:016x}{b:016x}")
}

/// The first half of [`content_hash`] as a number:
/// `format!("{:016x}", content_hash_head(t))` equals
/// `content_hash(t)[..16]`, at half the cost (claim ids need no more).
pub fn content_hash_head(text: &str) -> u64 {
    text.as_bytes()
        .iter()
        .fold(FNV_BASIS_A, |h, &x| fnv1a_step(h, x))
}

const FNV_BASIS_A: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_BASIS_B: u64 = 0x6c62_272e_07bb_0142;

fn fnv1a_step(h: u64, byte: u8) -> u64 {
    (h ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
}

/// The last `n` code points of `s`.
pub fn last_chars(s: &str, n: usize) -> &str {
    match s.char_indices().rev().nth(n.saturating_sub(1)) {
        Some((at, _)) if n > 0 => &s[at..],
        _ if n == 0 => "",
        _ => s,
    }
}

/// The first `n` code points of `s`.
pub fn first_chars(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((at, _)) => &s[..at],
        None => s,
    }
}

/// A URL with a text fragment (`#:~:text=prefix-,start,end,-suffix`) that
/// makes a browser scroll to and highlight `quote`. Long statements use a
/// `start,end` pair of a few words each, as the spec recommends.
pub fn text_fragment_url(url: &str, quote: &TextQuoteSelector) -> String {
    let base = url.split('#').next().unwrap_or(url);
    let words: Vec<&str> = quote.exact.split_whitespace().collect();
    let target = if words.len() > 10 {
        format!(
            "{},{}",
            fragment_escape(&words[..4].join(" ")),
            fragment_escape(&words[words.len() - 4..].join(" "))
        )
    } else {
        fragment_escape(&words.join(" "))
    };
    let prefix_words: Vec<&str> = quote.prefix.split_whitespace().collect();
    let suffix_words: Vec<&str> = quote.suffix.split_whitespace().collect();
    let mut frag = String::from("#:~:text=");
    // A prefix/suffix must be whole words next to the target; the last
    // prefix word may be cut by the 32-code-point window, so use at most two
    // trailing words and only when the window did not start mid-word.
    if let Some(p) = tail_words(&prefix_words, 2) {
        frag.push_str(&fragment_escape(&p));
        frag.push_str("-,");
    }
    frag.push_str(&target);
    if let Some(s) = head_words(&suffix_words, 2) {
        frag.push_str(",-");
        frag.push_str(&fragment_escape(&s));
    }
    format!("{base}{frag}")
}

fn tail_words(words: &[&str], n: usize) -> Option<String> {
    let take = words.len().min(n);
    (take > 0).then(|| words[words.len() - take..].join(" "))
}

fn head_words(words: &[&str], n: usize) -> Option<String> {
    let take = words.len().min(n);
    (take > 0).then(|| words[..take].join(" "))
}

/// Percent-encodes what a text directive cannot hold literally.
fn fragment_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        if ch.is_ascii_alphanumeric()
            || matches!(
                ch,
                ' ' | '.'
                    | '_'
                    | '~'
                    | '\''
                    | '!'
                    | '*'
                    | '('
                    | ')'
                    | ':'
                    | ';'
                    | '/'
                    | '?'
                    | '@'
                    | '$'
                    | '+'
                    | '='
            )
        {
            if ch == ' ' {
                out.push_str("%20");
            } else {
                out.push(ch);
            }
        } else {
            let mut buf = [0u8; 4];
            for b in ch.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_windows_count_code_points() {
        assert_eq!(last_chars("ab“cd", 3), "“cd");
        assert_eq!(last_chars("ab", 5), "ab");
        assert_eq!(last_chars("ab", 0), "");
        assert_eq!(first_chars("“abc", 2), "“a");
        assert_eq!(first_chars("ab", 5), "ab");
    }

    #[test]
    fn hash_is_stable() {
        assert_eq!(content_hash(""), content_hash(""));
        assert_ne!(content_hash("a"), content_hash("b"));
        assert_eq!(content_hash("claimdex").len(), 32);
        // Pinned: ids and change detection must not move between versions.
        assert_eq!(content_hash(""), "cbf29ce4842223256c62272e07bb0142");
        assert_eq!(content_hash("claimdex"), "8afadb547c21106cd47d17e7347bfc3b");
        for t in ["", "a", "Preise stiegen um 3 %.", "claimdex"] {
            assert_eq!(
                format!("{:016x}", content_hash_head(t)),
                content_hash(t)[..16]
            );
        }
    }

    #[test]
    fn fragment_escapes_dashes_and_commas() {
        let q = TextQuoteSelector {
            exact: "over 60%, and more".into(),
            prefix: "controls ".into(),
            suffix: " of it".into(),
        };
        let url = text_fragment_url("https://x.test/a#old", &q);
        assert_eq!(
            url,
            "https://x.test/a#:~:text=controls-,over%2060%25%2C%20and%20more,-of%20it"
        );
    }
}
