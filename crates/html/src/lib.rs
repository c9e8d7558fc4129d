//! HTML stage: turns a news page into claimdex's document model — the
//! article's main text only, its blocks, and its metadata.
//!
//! Owns: charset sniffing of pages, main-content extraction, page metadata.
//! Must not depend on other readers, the extractors (except date parsing),
//! the index or the CLI.
#![deny(missing_docs)]

use claimdex_model::Block;
use jiff::civil::Date;

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
    /// Canonical URL, else the URL given.
    pub url: Option<String>,
    /// Site or publisher name.
    pub site: Option<String>,
    /// Language tag.
    pub lang: Option<String>,
}

/// Why a page could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum HtmlError {
    /// The page holds no article text at all.
    #[error("no article text found in the page")]
    NoText,
}

/// Extracts the article from raw page bytes (any charset). `url` is the
/// address the page was fetched from, if known.
pub fn parse(bytes: &[u8], url: Option<&str>) -> Result<Page, HtmlError> {
    let _ = (bytes, url);
    Err(HtmlError::NoText)
}
