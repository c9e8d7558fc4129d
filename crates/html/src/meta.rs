//! Page metadata, most reliable source first: JSON-LD, OpenGraph and
//! `article:*`, Dublin Core and plain `<meta>` names, `<time>`, the URL
//! path, then visible bylines and datelines.

use crate::dates::{human_date, iso_date, offset_minutes, stamp, url_date, Stamp};
use crate::{re, Page};
use jiff::civil::Date;
use scraper::{ElementRef, Html, Selector};
use serde_json::Value;
use std::sync::LazyLock;

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap_or_else(|e| unreachable!("static selector {s}: {e:?}"))
}

static META: LazyLock<Selector> = LazyLock::new(|| sel("meta"));
static LDJSON: LazyLock<Selector> = LazyLock::new(|| sel("script[type]"));
static CANONICAL: LazyLock<Selector> = LazyLock::new(|| sel("link[rel][href]"));
static TITLE: LazyLock<Selector> = LazyLock::new(|| sel("title"));
static H1: LazyLock<Selector> = LazyLock::new(|| sel("h1"));
static TIME: LazyLock<Selector> = LazyLock::new(|| sel("time"));
static HTML_EL: LazyLock<Selector> = LazyLock::new(|| sel("html"));
static DATE_HINT: LazyLock<Selector> = LazyLock::new(|| {
    sel("[class*=date], [id*=date], [class*=time], [class*=publish], [class*=byline], [class*=meta], [itemprop*=date], [class*=posted], [class*=dateline]")
});
static AUTHOR_HINT: LazyLock<Selector> = LazyLock::new(|| {
    sel("[rel=author], [itemprop=author], [class*=byline], [class*=author-name], [class*=author_name]")
});

/// What the page says about itself.
pub(crate) struct Meta {
    /// A page with only the metadata fields filled in (title, author,
    /// dates, URL, site, language): the caller adds text and blocks.
    pub page: Page,
    /// Where `published` came from when that was a last-resort guess
    /// (a date in the text, an image file name, the most frequent date in
    /// the source, the modification date); `None` for real sources.
    pub date_guess: Option<&'static str>,
}

/// Fields read from JSON-LD article objects.
#[derive(Default)]
struct Ld {
    /// `datePublished` of any object (a `WebPage`), when no article has one.
    any_published: Option<Stamp>,
    headline: Option<String>,
    authors: Vec<String>,
    published: Option<Stamp>,
    modified: Option<Date>,
    publisher: Option<String>,
    lang: Option<String>,
    url: Option<String>,
}

const ARTICLE_TYPES: &[&str] = &[
    "newsarticle",
    "article",
    "blogposting",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "reviewnewsarticle",
    "backgroundnewsarticle",
    "scholarlyarticle",
    "techarticle",
    "report",
    "liveblogposting",
    "socialmediaposting",
    "posting",
];

fn is_article(v: &Value) -> bool {
    let t = v.get("@type");
    let matches = |s: &str| ARTICLE_TYPES.contains(&s.to_ascii_lowercase().as_str());
    match t {
        Some(Value::String(s)) => matches(s),
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).any(matches),
        _ => false,
    }
}

fn str_of(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => clean(s),
        Value::Array(a) => a.iter().find_map(|x| str_of(Some(x))),
        Value::Object(o) => str_of(o.get("name")).or_else(|| str_of(o.get("@value"))),
        _ => None,
    }
}

fn names_of(v: Option<&Value>, out: &mut Vec<String>) {
    match v {
        Some(Value::String(s)) => {
            if let Some(s) = clean(s).filter(|s| !looks_like_url(s)) {
                out.push(s);
            }
        }
        Some(Value::Array(a)) => a.iter().for_each(|x| names_of(Some(x), out)),
        Some(Value::Object(o)) => names_of(o.get("name"), out),
        _ => {}
    }
}

fn looks_like_url(s: &str) -> bool {
    s.starts_with("http://") || s.starts_with("https://") || s.starts_with("//")
}

/// Collapses whitespace and decodes entities left in metadata values
/// (JSON-LD often carries `&#8216;` or `&amp;`); `None` when nothing is left.
pub(crate) fn clean(s: &str) -> Option<String> {
    let s = if s.contains('&') {
        decode_entities(s)
    } else {
        s.to_string()
    };
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

/// Decodes numeric character references and the common named entities.
fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let end = tail
            .char_indices()
            .take(12)
            .find(|&(_, c)| c == ';')
            .map(|(j, _)| j);
        let decoded = end.and_then(|e| {
            let name = &tail[1..e];
            let c = if let Some(hex) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)
            } else if let Some(dec) = name.strip_prefix('#') {
                dec.parse::<u32>().ok().and_then(char::from_u32)
            } else {
                match name {
                    "amp" => Some('&'),
                    "quot" => Some('"'),
                    "apos" => Some('\''),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "nbsp" => Some(' '),
                    "ndash" => Some('–'),
                    "mdash" => Some('—'),
                    "lsquo" => Some('‘'),
                    "rsquo" => Some('’'),
                    "ldquo" => Some('“'),
                    "rdquo" => Some('”'),
                    "hellip" => Some('…'),
                    _ => None,
                }
            };
            c.map(|c| (c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &tail[len..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// An author name without a leading "By".
fn tidy_author(s: String) -> String {
    let t = s.trim();
    match t.get(..3) {
        Some(p) if p.eq_ignore_ascii_case("by ") => t[3..].trim().to_string(),
        _ => s,
    }
}

/// A title without a trailing " | Site" / " - Site" naming the site.
fn strip_site(title: String, site: Option<&str>) -> String {
    let Some(site) = site.filter(|s| !s.is_empty()) else {
        return title;
    };
    for sep in [" | ", " - ", " – ", " — ", " :: "] {
        if let Some(head) = title.strip_suffix(site).and_then(|h| h.strip_suffix(sep)) {
            if !head.trim().is_empty() {
                return head.trim().to_string();
            }
        }
    }
    title
}

/// Walks JSON-LD (arrays, `@graph`, nested `mainEntity`) for article objects.
fn walk_ld(v: &Value, ld: &mut Ld, depth: usize) {
    if depth > 8 {
        return;
    }
    match v {
        Value::Array(a) => a.iter().for_each(|x| walk_ld(x, ld, depth + 1)),
        Value::Object(o) => {
            if is_article(v) {
                if ld.headline.is_none() {
                    ld.headline = str_of(o.get("headline")).or_else(|| str_of(o.get("name")));
                }
                if ld.authors.is_empty() {
                    names_of(o.get("author"), &mut ld.authors);
                }
                if ld.published.is_none() {
                    ld.published = str_of(o.get("datePublished"))
                        .or_else(|| str_of(o.get("dateCreated")))
                        .and_then(|s| stamp(&s));
                }
                if ld.modified.is_none() {
                    ld.modified = str_of(o.get("dateModified")).and_then(|s| iso_date(&s));
                }
                if ld.publisher.is_none() {
                    ld.publisher = o.get("publisher").and_then(|p| str_of(Some(p)));
                }
                if ld.lang.is_none() {
                    ld.lang = str_of(o.get("inLanguage"));
                }
                if ld.url.is_none() {
                    ld.url = str_of(o.get("url")).filter(|u| looks_like_url(u));
                }
            }
            if ld.any_published.is_none() {
                ld.any_published = str_of(o.get("datePublished")).and_then(|s| stamp(&s));
            }
            for key in [
                "@graph",
                "mainEntity",
                "mainEntityOfPage",
                "itemListElement",
            ] {
                if let Some(x) = o.get(key) {
                    if x.is_array() || x.is_object() {
                        walk_ld(x, ld, depth + 1);
                    }
                }
            }
        }
        _ => {}
    }
}

/// `<meta>` names and properties that carry a publication date, best first.
const PUB_KEYS: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "article.published",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "published_time",
    "published-date",
    "date_published",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "citation_publication_date",
    "citation_date",
    "parsely-pub-date",
    "sailthru.date",
    "article_date_original",
    "original-publish-date",
    "originalpublicationdate",
    "release_date",
    "cxenseparse:recs:publishtime",
    "dc.date",
    "dcterms.date",
    "date",
    "og:pubdate",
    "pdate",
    "article:published",
    "displaydate",
    "creation_date",
];

/// Reads the metadata of a parsed page.
pub(crate) fn extract(html: &Html, src: &str, body_text: &str, url: Option<&str>) -> Meta {
    let mut ld = Ld::default();
    for s in html.select(&LDJSON) {
        let ty = s.value().attr("type").unwrap_or("");
        if !ty.eq_ignore_ascii_case("application/ld+json") {
            continue;
        }
        let body: String = s.text().collect();
        // Some sites wrap JSON-LD in CDATA or leave trailing semicolons.
        let body = body
            .trim()
            .trim_start_matches("//<![CDATA[")
            .trim_end_matches("//]]>")
            .trim()
            .trim_end_matches(';');
        if let Ok(v) = serde_json::from_str::<Value>(body) {
            walk_ld(&v, &mut ld, 0);
        }
    }

    // All <meta> name/property/itemprop → content, lower-cased keys.
    let mut metas: Vec<(String, String)> = Vec::new();
    for m in html.select(&META) {
        let el = m.value();
        let Some(content) = el.attr("content").or_else(|| el.attr("value")) else {
            continue;
        };
        for k in ["property", "name", "itemprop", "http-equiv"] {
            if let Some(key) = el.attr(k) {
                metas.push((key.trim().to_ascii_lowercase(), content.to_string()));
            }
        }
    }
    let meta = |key: &str| -> Option<String> {
        metas
            .iter()
            .find(|(k, _)| k == key)
            .and_then(|(_, v)| clean(v))
    };

    let mut out = Page::default();
    let mut date_guess = None;

    // Publication date.
    let meta_pub = PUB_KEYS
        .iter()
        .find_map(|k| meta(k).and_then(|v| stamp(&v)));
    let structured = ld
        .published
        .or(meta_pub)
        .or(ld.any_published)
        .or_else(|| time_date(html));
    let url_pub = url.and_then(url_date);
    out.published = match (url_pub, structured) {
        // Editors put the day in the URL path, and metadata times are often
        // converted to UTC: the URL wins unless the metadata is a later day
        // that it cannot be in any zone (the URL then names the day the
        // story was begun). Metadata earlier than the URL is more likely a
        // stale default than the real day.
        (Some(u), Some(s)) if s.date > u && !s.could_be(u) => Some(local_day(s, html, src)),
        (Some(u), _) => Some(u),
        (None, Some(s)) => Some(local_day(s, html, src)),
        (None, None) => None,
    }
    .or_else(|| visible_date(html))
    .or_else(|| raw_key_date(src));
    out.modified = ld.modified.or_else(|| {
        [
            "article:modified_time",
            "og:updated_time",
            "datemodified",
            "last-modified",
        ]
        .iter()
        .find_map(|k| meta(k).and_then(|v| iso_date(&v)))
    });
    if out.published.is_none() {
        // Last resorts, a stated modification date first: a page's last
        // change is closer to its publication than dates found by pattern.
        let (date, source) = if let Some(d) = out.modified {
            (Some(d), "the page's modification date")
        } else if let Some(d) = text_datetime(body_text) {
            (Some(d), "a date and time in the article text")
        } else if let Some(d) = meta("og:image").and_then(|u| image_date(&u)) {
            (Some(d), "the file name of the page's image")
        } else {
            let d = frequent_date(src);
            (d, "the date written most often in the page source")
        };
        out.published = date;
        date_guess = date.map(|_| source);
    }

    // Title.
    out.title = ld
        .headline
        .clone()
        .or_else(|| meta("og:title"))
        .or_else(|| meta("twitter:title"))
        .or_else(|| meta("dc.title"))
        .or_else(|| {
            html.select(&H1)
                .next()
                .and_then(|h| short_text(h, 2000))
                .and_then(|t| clean(&t))
        })
        .or_else(|| {
            html.select(&TITLE)
                .next()
                .and_then(|t| short_text(t, 2000))
                .and_then(|t| clean(&t))
        });

    // Author.
    let mut authors = ld.authors.clone();
    if authors.is_empty() {
        for k in [
            "author",
            "article:author",
            "dc.creator",
            "byl",
            "sailthru.author",
            "parsely-author",
            "citation_author",
        ] {
            if let Some(v) = meta(k).filter(|v| !looks_like_url(v)) {
                authors.push(v);
                break;
            }
        }
    }
    if authors.is_empty() {
        if let Some(a) = html
            .select(&AUTHOR_HINT)
            .take(200)
            .find_map(|e| short_text(e, 300).and_then(|t| byline(&t)))
        {
            authors.push(a);
        }
    }
    let mut authors: Vec<String> = authors.into_iter().map(tidy_author).collect();
    authors.dedup();
    if !authors.is_empty() {
        out.author = Some(authors.join(", "));
    }

    // URL: canonical, else og:url / JSON-LD url, else the given one.
    let canonical = html
        .select(&CANONICAL)
        .find(|l| {
            l.value().attr("rel").is_some_and(|r| {
                r.split_whitespace()
                    .any(|t| t.eq_ignore_ascii_case("canonical"))
            })
        })
        .and_then(|l| l.value().attr("href"))
        .and_then(|h| absolutize(h.trim(), url));
    out.url = canonical
        .or_else(|| meta("og:url").and_then(|h| absolutize(&h, url)))
        .or_else(|| ld.url.clone())
        .or_else(|| url.map(str::to_string));

    out.site = meta("og:site_name")
        .or_else(|| ld.publisher.clone())
        .or_else(|| meta("application-name"))
        .or_else(|| out.url.as_deref().and_then(host_of));

    out.title = out.title.take().map(|t| strip_site(t, out.site.as_deref()));

    out.lang = html
        .select(&HTML_EL)
        .next()
        .and_then(|h| {
            h.value()
                .attr("lang")
                .or_else(|| h.value().attr("xml:lang"))
        })
        .and_then(clean)
        .or_else(|| ld.lang.clone())
        .or_else(|| meta("content-language"))
        .or_else(|| meta("og:locale").map(|l| l.replace('_', "-")))
        .or_else(|| meta("dc.language"));
    Meta {
        page: out,
        date_guess,
    }
}

/// An element's text, or `None` past `max` bytes: hint selectors can
/// match page-wide wrappers, and copying their text for every match would
/// be quadratic on large pages.
fn short_text(e: ElementRef<'_>, max: usize) -> Option<String> {
    let mut out = String::new();
    for t in e.text() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(t);
        if out.len() > max {
            return None;
        }
    }
    Some(out)
}

/// A name from a byline element ("By Jane Doe and John Roe").
fn byline(s: &str) -> Option<String> {
    let s = clean(s)?;
    let s = s
        .strip_prefix("By ")
        .or_else(|| s.strip_prefix("by "))
        .or_else(|| s.strip_prefix("BY "))
        .unwrap_or(&s)
        .trim();
    // A byline is short; longer text is an author bio or a list.
    let words = s.split_whitespace().count();
    (words > 0 && words <= 8 && !s.chars().any(|c| c.is_ascii_digit())).then(|| s.to_string())
}

/// A publication date from `<time>` elements: one marked as the
/// publication time first, else the first with a `datetime`.
fn time_date(html: &Html) -> Option<Stamp> {
    let mut first = None;
    for t in html.select(&TIME) {
        let el = t.value();
        let Some(dt) = el.attr("datetime").and_then(stamp) else {
            continue;
        };
        let marked = el.attr("pubdate").is_some()
            || el
                .attr("itemprop")
                .is_some_and(|v| v.to_ascii_lowercase().contains("datepublished"))
            || el.attr("class").is_some_and(|v| {
                let v = v.to_ascii_lowercase();
                v.contains("publish") || v.contains("posted") || v.contains("entry-date")
            });
        if marked {
            return Some(dt);
        }
        if first.is_none() {
            first = Some(dt);
        }
    }
    first
}

/// Publication keys in scripts and attributes that are not valid JSON-LD
/// (`"publishDate": "…"` in app state, `dc:date="…"` in RDF comments).
static RAW_KEY: LazyLock<regex::Regex> = LazyLock::new(|| {
    re(
        r#"(?i)["']?(?-u:\b)(?:datePublished|date_published|publishDate|publish_date|pubDate|published_at|publishedAt|firstPublished\w*|dc:date|publication_date|publicationDate|dateCreated)["']?\s*[:=]\s*["']?((?:19|20)\d\d-\d\d-\d\d)"#,
    )
});
/// A date and time written in page text ("2020-03-04 16:52").
static TEXT_DATETIME: LazyLock<regex::Regex> =
    LazyLock::new(|| re(r"(?-u:\b)((?:19|20)\d\d)[-./](\d{1,2})[-./](\d{1,2})\.?\s+\d{1,2}:\d\d"));
/// `YYYYMMDD` leading a long digit run in an image file name.
static IMAGE_DATE: LazyLock<regex::Regex> = LazyLock::new(|| {
    re(r"/((?:19|20)\d\d)(\d\d)(\d\d)\d{0,12}[._-]?[^/]*\.(?:jpe?g|png|webp|gif)")
});

/// Last resort: the full date written most often anywhere in the page
/// source (file paths, cache stamps, feeds); ties go to the later date.
fn frequent_date(src: &str) -> Option<Date> {
    let mut counts: Vec<(Date, usize)> = Vec::new();
    for c in ANY_DATE.captures_iter(src).take(5000) {
        let (Ok(y), Ok(m), Ok(d)) = (c[1].parse(), c[2].parse(), c[3].parse()) else {
            continue;
        };
        let Ok(date) = Date::new(y, m, d) else {
            continue;
        };
        match counts.iter_mut().find(|(x, _)| *x == date) {
            Some((_, n)) => *n += 1,
            None => counts.push((date, 1)),
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(d, n)| (n, d))
        .map(|(d, _)| d)
}

/// Any `YYYY-MM-DD` or `YYYY/MM/DD` in a page source.
static ANY_DATE: LazyLock<regex::Regex> = LazyLock::new(|| {
    re(r"(?-u:\b)((?:19|20)\d\d)[-/](0[1-9]|1[0-2])[-/](0[1-9]|[12]\d|3[01])(?-u:\b)")
});

fn raw_key_date(src: &str) -> Option<Date> {
    RAW_KEY.captures(src).and_then(|c| iso_date(&c[1]))
}

fn text_datetime(text: &str) -> Option<Date> {
    let c = TEXT_DATETIME.captures(text)?;
    let (y, m, d) = (c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
    Date::new(y, m, d).ok()
}

fn image_date(url: &str) -> Option<Date> {
    url_date(url).or_else(|| {
        let c = IMAGE_DATE.captures(url)?;
        let (y, m, d) = (c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
        Date::new(y, m, d).ok()
    })
}

/// The calendar day a page's readers saw for a publication stamp. Only a
/// UTC time of day needs work: it moves to the date written in the element
/// the page marks as its publication date, when the stamp can fall on that
/// day; else to the UTC offset most of the page's own timestamps carry.
fn local_day(s: Stamp, html: &Html, src: &str) -> Date {
    if !s.is_utc_time() {
        return s.date;
    }
    if let Some(d) = marked_visible_date(html).filter(|&d| s.could_be(d)) {
        return d;
    }
    page_offset(src).map_or(s.date, |off| s.date_at(off))
}

static ITEMPROP_PUBLISHED: LazyLock<Selector> =
    LazyLock::new(|| sel("[itemprop=datePublished], [itemprop=datepublished]"));

/// The human-written date in a visible element marked
/// `itemprop="datePublished"` (one without a machine-readable value).
fn marked_visible_date(html: &Html) -> Option<Date> {
    html.select(&ITEMPROP_PUBLISHED)
        .filter(|e| e.value().attr("content").is_none() && e.value().attr("datetime").is_none())
        .take(20)
        .find_map(|e| short_text(e, 300).and_then(|t| human_date(&t)))
}

/// Timestamps with a numeric UTC offset in a page source: ISO 8601
/// (`2020-05-01T22:54:29-04:00`) and RFC 2822 (`01 May 2020 23:00:00 -0400`).
static OFFSET_STAMP: LazyLock<regex::Regex> = LazyLock::new(|| {
    re(
        r"(?:(?:19|20)\d\d-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?|(?:19|20)\d\d \d\d:\d\d:\d\d )([+-]\d\d:?\d\d)(?:[^\d]|$)",
    )
});

/// The UTC offset (minutes) most of a page's timestamps are written in,
/// when that is not UTC itself: the site's own zone. `Z` stamps are not
/// counted (they are normalised, not local); ties go to UTC.
fn page_offset(src: &str) -> Option<i32> {
    let mut counts: Vec<(i32, usize)> = Vec::new();
    for c in OFFSET_STAMP.captures_iter(src).take(2000) {
        let Some(off) = offset_minutes(&c[1]) else {
            continue;
        };
        match counts.iter_mut().find(|(o, _)| *o == off) {
            Some((_, n)) => *n += 1,
            None => counts.push((off, 1)),
        }
    }
    let utc = counts.iter().find(|(o, _)| *o == 0).map_or(0, |&(_, n)| n);
    let (off, n) = counts
        .into_iter()
        .filter(|&(o, _)| o != 0)
        .max_by_key(|&(_, n)| n)?;
    (n > utc).then_some(off)
}

/// A date written in an element whose class or id says it holds one.
fn visible_date(html: &Html) -> Option<Date> {
    html.select(&DATE_HINT).take(200).find_map(|e| {
        let t = short_text(e, 300)?;
        human_date(&t)
    })
}

/// Resolves `href` against the page URL (absolute, scheme-relative and
/// root-relative forms; other relative forms are rare for canonicals).
fn absolutize(href: &str, base: Option<&str>) -> Option<String> {
    if href.is_empty() {
        return None;
    }
    if looks_like_url(href) {
        if let Some(rest) = href.strip_prefix("//") {
            let scheme = base
                .and_then(|b| b.split_once("://"))
                .map_or("https", |(s, _)| s);
            return Some(format!("{scheme}://{rest}"));
        }
        return Some(href.to_string());
    }
    let base = base?;
    let (scheme, rest) = base.split_once("://")?;
    let host = rest.split(['/', '?', '#']).next()?;
    if href.starts_with('/') {
        return Some(format!("{scheme}://{host}{href}"));
    }
    None
}

/// The host of a URL, without `www.`.
fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#', ':']).next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then(|| host.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn tidy_values() {
        assert_eq!(
            clean("&#8216;Hi&#x2019; &amp; bye&nbsp;").as_deref(),
            Some("‘Hi’ & bye")
        );
        assert_eq!(clean("AT&T &bogus; &").as_deref(), Some("AT&T &bogus; &"));
        assert_eq!(tidy_author("By Jo Ann".into()), "Jo Ann");
        assert_eq!(tidy_author("Byron Kay".into()), "Byron Kay");
        assert_eq!(
            strip_site("Storm hits coast | The Post".into(), Some("The Post")),
            "Storm hits coast"
        );
        assert_eq!(strip_site("The Post".into(), Some("The Post")), "The Post");
    }

    #[test]
    fn json_ld_first() {
        let page = r#"<html lang="en"><head>
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"W"},
{"@type":["NewsArticle"],"headline":"Ships  idle","author":[{"@type":"Person","name":"Ann Lee"},{"name":"Bo Chan"}],
"datePublished":"2024-03-05T23:30:00-05:00","publisher":{"name":"Harbour Times"}}]}</script>
<meta property="article:published_time" content="2024-03-07">
<link rel="canonical" href="/news/ships">
</head><body><p>x</p></body></html>"#;
        let m = extract(
            &Html::parse_document(page),
            page,
            "",
            Some("https://ht.example/news/ships?utm=1"),
        );
        assert_eq!(m.page.title.as_deref(), Some("Ships idle"));
        assert_eq!(m.page.author.as_deref(), Some("Ann Lee, Bo Chan"));
        assert_eq!(m.page.published, Some(date(2024, 3, 5)));
        assert_eq!(m.page.url.as_deref(), Some("https://ht.example/news/ships"));
        assert_eq!(m.page.site.as_deref(), Some("Harbour Times"));
        assert_eq!(m.page.lang.as_deref(), Some("en"));
    }

    #[test]
    fn utc_stamps_move_to_the_local_day() {
        let pub_at = |ts: &str, extra: &str, url: Option<&str>| {
            let page = format!(
                r#"<meta property="article:published_time" content="{ts}"><p>Story.</p>{extra}"#
            );
            extract(&Html::parse_document(&page), &page, "", url)
                .page
                .published
        };
        // A late-evening story in New York, stamped in UTC; the page's
        // schedule widget shows the site's offset.
        let tv = r#"<script>var next = {"at": "Fri, 01 May 2020 23:00:00 -0400"};</script>"#;
        assert_eq!(
            pub_at("2020-05-02T02:54:29Z", tv, None),
            Some(date(2020, 5, 1))
        );
        // No local offset anywhere: the UTC day stands.
        assert_eq!(
            pub_at("2020-05-02T02:54:29Z", "", None),
            Some(date(2020, 5, 2))
        );
        // Offsets written mostly as +00:00 say the site runs on UTC.
        let utc = r#"<i data-t="2020-05-02T01:00:00+00:00"></i><i data-t="2020-05-02T01:30:00+00:00"></i><i data-t="2020-05-01T20:00:00-04:00"></i>"#;
        assert_eq!(
            pub_at("2020-05-02T02:54:29Z", utc, None),
            Some(date(2020, 5, 2))
        );
        // The visible date marked as the publication date, a day the
        // stamp can fall on, wins over the UTC day.
        let vis = r#"<p itemprop="datePublished">6 dicembre 2020</p>"#;
        assert_eq!(
            pub_at("2020-12-05T23:15:00Z", vis, None),
            Some(date(2020, 12, 6))
        );
        // ...but not a date the stamp cannot be.
        let far = r#"<p itemprop="datePublished">9 dicembre 2020</p>"#;
        assert_eq!(
            pub_at("2020-12-05T23:15:00Z", far, None),
            Some(date(2020, 12, 5))
        );
        // A local time is never moved.
        assert_eq!(
            pub_at("2020-06-29T00:16:15+03:00", tv, None),
            Some(date(2020, 6, 29))
        );
    }

    #[test]
    fn url_day_against_metadata() {
        let page = r#"<meta property="article:published_time" content="2020-07-09T10:04:04Z">"#;
        let at = |url: &str| {
            extract(&Html::parse_document(page), page, "", Some(url))
                .page
                .published
        };
        // The URL names the day the story was begun; 10:04 UTC cannot be
        // July 8 anywhere, so the metadata wins.
        assert_eq!(
            at("https://n.example/p/2020/07/08/story"),
            Some(date(2020, 7, 9))
        );
        // Metadata earlier than the URL day does not win.
        assert_eq!(
            at("https://n.example/p/2020/07/12/story"),
            Some(date(2020, 7, 12))
        );
        let page = r#"<meta property="article:published_time" content="2020-02-18T02:18:11Z">"#;
        let m = extract(
            &Html::parse_document(page),
            page,
            "",
            Some("https://n.example/2020/02/17/a"),
        );
        // 02:18 UTC is still February 17 in the Americas: the URL day stands.
        assert_eq!(m.page.published, Some(date(2020, 2, 17)));
        // Human-written JSON-LD dates are read too.
        let page = r#"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"Tue, Sep 15 2020 10:01:41 EDT"}</script>"#;
        let m = extract(&Html::parse_document(page), page, "", None);
        assert_eq!(m.page.published, Some(date(2020, 9, 15)));
    }

    #[test]
    fn meta_then_url_then_visible() {
        let page = r#"<meta name="author" content="https://x/y"><meta name="author" content="Kim Park">
<meta property="og:title" content="A title"><p class="byline">By Kim Park</p>"#;
        let m = extract(
            &Html::parse_document(page),
            page,
            "",
            Some("https://n.example/2023/01/09/a"),
        );
        assert_eq!(m.page.published, Some(date(2023, 1, 9)));
        assert_eq!(m.page.author.as_deref(), Some("Kim Park"));
        assert_eq!(m.page.title.as_deref(), Some("A title"));
        let page = r#"<h1>Head</h1><div class="post-date">Posted on March 3, 2021</div>"#;
        let m = extract(&Html::parse_document(page), page, "", None);
        assert_eq!(m.page.published, Some(date(2021, 3, 3)));
        assert_eq!(m.page.title.as_deref(), Some("Head"));
    }
}
