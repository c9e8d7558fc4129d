//! HTML stage: turns a news page into claimdex's document model — the
//! article's main text only, its blocks, and its metadata.
//!
//! Owns: charset sniffing of pages, main-content extraction, page metadata.
//! Must not depend on other readers, the extractors (except date parsing),
//! the index or the CLI.
#![deny(missing_docs)]

mod dates;
mod decode;
mod dom;
mod extract;
mod meta;
mod strip;

use claimdex_model::Block;
use jiff::civil::Date;
use regex::Regex;

/// Compiles a regex written in this crate's source (called once per
/// pattern, from a `LazyLock`): a bad pattern is a bug, not bad input.
pub(crate) fn re(s: &str) -> Regex {
    Regex::new(s).unwrap_or_else(|e| unreachable!("static regex {s}: {e}"))
}

/// Pages larger than this many bytes are cut (on a character boundary)
/// before parsing; [`Page::warnings`] says so.
pub const MAX_PAGE_BYTES: usize = 16 * 1024 * 1024;

/// The article extracted from one HTML page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    /// The article's plain text; every block span points into it (bytes).
    pub text: String,
    /// Headings, paragraphs, list items, table rows, block quotes, captions.
    pub blocks: Vec<Block>,
    /// Headline.
    pub title: Option<String>,
    /// Author or byline.
    pub author: Option<String>,
    /// Publication date.
    pub published: Option<Date>,
    /// Last modification date, when the page gives one.
    pub modified: Option<Date>,
    /// Canonical URL, else the URL given.
    pub url: Option<String>,
    /// Site or publisher name.
    pub site: Option<String>,
    /// Language tag.
    pub lang: Option<String>,
    /// Name of the character encoding the page was decoded from.
    pub encoding: &'static str,
    /// What a reader of the log should know about how this page was read:
    /// limits hit, a guessed or faulty charset, no or little article text,
    /// a guessed publication date. Empty for a clean page. See
    /// [`PageWarning`]; `kind()` gives a stable code to count by, `Display`
    /// a sentence for the log.
    pub warnings: Vec<PageWarning>,
}

/// Article text shorter than this many characters is "short" when the
/// page around it holds [`SHORT_RATIO`] times more text.
pub const SHORT_ARTICLE_CHARS: usize = 500;
/// See [`SHORT_ARTICLE_CHARS`].
pub const SHORT_RATIO: usize = 8;

/// Something about how a page was read that its document does not show:
/// the text may be incomplete or mis-decoded, or the date a guess.
///
/// Warnings describe the page, not a failure: the [`Page`] is still
/// returned. Callers log them with the page's source (`Display` is one
/// sentence) and count them by [`PageWarning::kind`] in run summaries.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum PageWarning {
    /// The page was larger than [`MAX_PAGE_BYTES`]: only its first `kept`
    /// bytes (of `total`) were read, so the article may be cut.
    Truncated {
        /// Bytes of page text kept (UTF-8).
        kept: usize,
        /// Bytes the page had.
        total: usize,
    },
    /// The page had more than `limit` elements; the rest was ignored.
    TooManyElements {
        /// The element cap.
        limit: usize,
    },
    /// The page had no BOM, was not valid UTF-8 and declared no charset:
    /// the encoding was guessed from its bytes and accents may be wrong.
    CharsetGuessed {
        /// The encoding guessed.
        encoding: &'static str,
    },
    /// Some bytes were invalid in the encoding used and became U+FFFD
    /// (a page that declares the wrong charset, or a corrupt one).
    DecodeErrors {
        /// The encoding used.
        encoding: &'static str,
    },
    /// No article text was found: a gallery, video, index, paywalled or
    /// script-rendered page, or one the extractor failed on. The document
    /// keeps the page's metadata but makes no claims.
    NoArticle,
    /// The article text is short for a page holding much more text: it may
    /// be a brief, or only part of the article (a teaser, the first
    /// paragraphs before a paywall, or the wrong block).
    ShortArticle {
        /// Characters of article text kept.
        article_chars: usize,
        /// Characters of visible text on the whole page.
        page_chars: usize,
    },
    /// The page states no publication date; the one given is a guess from
    /// `source` and may be off.
    DateGuessed {
        /// Where the date was taken from.
        source: &'static str,
    },
    /// No publication date was found anywhere in the page.
    NoDate,
}

impl PageWarning {
    /// A stable snake_case code for counting warnings in summaries:
    /// `truncated`, `too_many_elements`, `charset_guessed`,
    /// `decode_errors`, `no_article`, `short_article`, `date_guessed`,
    /// `no_date`.
    pub fn kind(&self) -> &'static str {
        match self {
            PageWarning::Truncated { .. } => "truncated",
            PageWarning::TooManyElements { .. } => "too_many_elements",
            PageWarning::CharsetGuessed { .. } => "charset_guessed",
            PageWarning::DecodeErrors { .. } => "decode_errors",
            PageWarning::NoArticle => "no_article",
            PageWarning::ShortArticle { .. } => "short_article",
            PageWarning::DateGuessed { .. } => "date_guessed",
            PageWarning::NoDate => "no_date",
        }
    }
}

impl std::fmt::Display for PageWarning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PageWarning::Truncated { kept, total } => write!(
                f,
                "page cut to its first {kept} bytes of {total} (size cap); the article may be incomplete"
            ),
            PageWarning::TooManyElements { limit } => write!(
                f,
                "page has more than {limit} elements; the rest was ignored (node cap)"
            ),
            PageWarning::CharsetGuessed { encoding } => write!(
                f,
                "no charset declared and not UTF-8; decoded as guessed {encoding}"
            ),
            PageWarning::DecodeErrors { encoding } => write!(
                f,
                "bytes invalid in {encoding} were replaced (wrong or corrupt charset)"
            ),
            PageWarning::NoArticle => write!(f, "no article text found in the page"),
            PageWarning::ShortArticle {
                article_chars,
                page_chars,
            } => write!(
                f,
                "article text is short ({article_chars} of {page_chars} characters on the page); it may be partial"
            ),
            PageWarning::DateGuessed { source } => {
                write!(f, "publication date not stated; guessed from {source}")
            }
            PageWarning::NoDate => write!(f, "no publication date found"),
        }
    }
}

/// Why a page could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum HtmlError {
    /// The page holds no article text and no title or date either.
    #[error("no article text found in the page")]
    NoText,
}

/// Extracts the article from raw page bytes (any charset). `url` is the
/// address the page was fetched from, if known.
///
/// A page without article text but with a title or publication date is
/// still returned (with empty `text` and no blocks), so that callers keep
/// its metadata; only a page with none of the three is an error.
pub fn parse(bytes: &[u8], url: Option<&str>) -> Result<Page, HtmlError> {
    let page = parse_page(bytes, url);
    if page.text.is_empty() && page.title.is_none() && page.published.is_none() {
        Err(HtmlError::NoText)
    } else {
        Ok(page)
    }
}

/// Like [`parse`] but also returns pages without article text (with their
/// metadata), e.g. to date a page that is all pictures.
pub fn parse_page(bytes: &[u8], url: Option<&str>) -> Page {
    let mut warnings = Vec::new();
    let decoded = decode::decode(bytes, url);
    let (mut src, encoding) = (decoded.text, decoded.encoding);
    if decoded.guessed {
        warnings.push(PageWarning::CharsetGuessed { encoding });
    }
    if decoded.errors {
        warnings.push(PageWarning::DecodeErrors { encoding });
    }
    if src.len() > MAX_PAGE_BYTES {
        let mut cut = MAX_PAGE_BYTES;
        while !src.is_char_boundary(cut) {
            cut -= 1;
        }
        src.truncate(cut);
        warnings.push(PageWarning::Truncated {
            kept: cut,
            total: bytes.len(),
        });
    }
    let html = scraper::Html::parse_document(&strip::strip(&src));
    let dom = dom::Dom::build(&html);
    let meta::Meta {
        page: meta,
        date_guess,
    } = meta::extract(&html, &src, &dom.buf, url);
    drop(html);
    drop(src);
    if dom.capped {
        warnings.push(PageWarning::TooManyElements {
            limit: dom::MAX_NODES,
        });
    }
    let ex = extract::extract(&dom);
    if ex.text.is_empty() {
        warnings.push(PageWarning::NoArticle);
    } else {
        let article_chars = ex.text.chars().count();
        if article_chars < SHORT_ARTICLE_CHARS {
            let page_chars = dom.buf.chars().count();
            if page_chars >= SHORT_RATIO * article_chars {
                warnings.push(PageWarning::ShortArticle {
                    article_chars,
                    page_chars,
                });
            }
        }
    }
    match date_guess {
        Some(source) => warnings.push(PageWarning::DateGuessed { source }),
        None if meta.published.is_none() => warnings.push(PageWarning::NoDate),
        None => {}
    }
    Page {
        text: ex.text,
        blocks: ex.blocks,
        encoding,
        warnings,
        ..meta
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(page: &[u8]) -> Vec<&'static str> {
        parse_page(page, None)
            .warnings
            .iter()
            .map(PageWarning::kind)
            .collect()
    }

    const PROSE: &str = "<p>The harbour board met on Tuesday evening, and after a long debate, \
it voted to keep the old ferry running through the winter months.</p>";

    #[test]
    fn clean_page_has_no_warnings() {
        let page = format!(
            r#"<meta charset="utf-8"><meta property="article:published_time" content="2024-03-05">{}"#,
            PROSE.repeat(6)
        );
        assert_eq!(kinds(page.as_bytes()), Vec::<&str>::new());
    }

    #[test]
    fn missing_article_and_date() {
        let page =
            b"<html><body><nav><a href='/a'>Home</a> <a href='/b'>World</a></nav></body></html>";
        assert_eq!(kinds(page), ["no_article", "no_date"]);
    }

    #[test]
    fn short_article_in_a_long_page() {
        let menu = "<ul class=\"menu\">".to_string()
            + &"<li><a href='/x'>Another section of the site with its own long title</a></li>"
                .repeat(40)
            + "</ul>";
        let page =
            format!(r#"<meta name="date" content="2024-03-05"><article>{PROSE}</article>{menu}"#);
        let p = parse_page(page.as_bytes(), None);
        assert!(
            matches!(p.warnings.as_slice(), [PageWarning::ShortArticle { article_chars, page_chars }]
                if *article_chars < SHORT_ARTICLE_CHARS && *page_chars >= SHORT_RATIO * article_chars),
            "{:?}",
            p.warnings
        );
    }

    #[test]
    fn guessed_date_and_charset() {
        // Latin-1 bytes, no declaration; the only date is in a file path.
        let mut page = b"<img src='/img/2024/03/05/a.jpg'>".to_vec();
        for _ in 0..6 {
            page.extend_from_slice(
                b"<p>Le caf\xE9 du port \xE9tait ferm\xE9 toute la semaine, et la client\xE8le \xE9tait d\xE9\xE7ue.</p>",
            );
        }
        let p = parse_page(&page, Some("https://exemple.fr/a"));
        assert_eq!(
            p.warnings.iter().map(PageWarning::kind).collect::<Vec<_>>(),
            ["charset_guessed", "date_guessed"]
        );
        assert!(
            p.warnings[1].to_string().contains("guessed from"),
            "{}",
            p.warnings[1]
        );
    }

    #[test]
    fn invalid_bytes_in_declared_utf8() {
        let page = format!(
            r#"<meta charset="utf-8"><meta name="date" content="2024-03-05">{}"#,
            PROSE.repeat(6)
        );
        let mut bytes = page.into_bytes();
        bytes.extend_from_slice(b"<p>caf\xE9</p>");
        assert_eq!(kinds(&bytes), ["decode_errors"]);
    }
}
