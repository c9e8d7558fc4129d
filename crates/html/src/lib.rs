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
    /// Limits hit while reading the page (size or node caps), for the log.
    pub warnings: Vec<String>,
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
    let (mut src, encoding) = decode::decode(bytes, url);
    if src.len() > MAX_PAGE_BYTES {
        let mut cut = MAX_PAGE_BYTES;
        while !src.is_char_boundary(cut) {
            cut -= 1;
        }
        src.truncate(cut);
        warnings.push(format!(
            "page cut to its first {MAX_PAGE_BYTES} bytes of {} (size cap)",
            bytes.len()
        ));
    }
    let html = scraper::Html::parse_document(&strip::strip(&src));
    let dom = dom::Dom::build(&html);
    let meta = meta::extract(&html, &src, &dom.buf, url);
    drop(html);
    drop(src);
    if dom.capped {
        warnings.push("page has too many elements; the rest was ignored (node cap)".into());
    }
    let ex = extract::extract(&dom);
    Page {
        text: ex.text,
        blocks: ex.blocks,
        title: meta.title,
        author: meta.author,
        published: meta.published,
        modified: meta.modified,
        url: meta.url,
        site: meta.site,
        lang: meta.lang,
        encoding,
        warnings,
    }
}
