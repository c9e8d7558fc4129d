//! html: a saved news page from `extract` through `ingest`, `query` and
//! `show` — metadata, boilerplate removal, text-fragment links, `.html.gz`
//! and hostile pages in the same batch.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::{assert_has, root, run};

const CANONICAL: &str = "https://news.example.org/2025/03/14/valmora-grain-exports";
const HEADLINE: &str = "Port of Valmora doubles grain exports after dredging";

/// The news page fixture: JSON-LD NewsArticle, nav menu, cookie banner,
/// "read more" list, comments and an article with a figure and a quote.
fn page() -> PathBuf {
    root().join("tests/fixtures/html/harbour_news.html")
}

/// `extract --format jsonl --include text` of `paths`, one object per document.
fn extract(paths: &[&Path]) -> Vec<Value> {
    let mut args = vec![
        "extract",
        "--quiet",
        "--format",
        "jsonl",
        "--include",
        "text",
    ];
    let strs: Vec<&str> = paths.iter().map(|p| p.to_str().unwrap()).collect();
    args.extend_from_slice(&strs);
    let out = run(&args);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
    out.jsonl()
}

/// Claims reduced to what must not depend on the file's name or packing.
fn claim_keys(doc: &Value) -> Vec<(String, String, String)> {
    doc["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["text"].as_str().unwrap().to_string(),
                c["kind"].to_string(),
                c["citation"]["fragment_url"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// Percent-decodes one text-directive piece (UTF-8).
fn decode(piece: &str) -> String {
    let bytes = piece.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap();
            out.push(u8::from_str_radix(hex, 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

/// The parts of a `#:~:text=[prefix-,]start[,end][,-suffix]` directive.
#[derive(Debug)]
struct Directive {
    prefix: Option<String>,
    start: String,
    end: Option<String>,
    suffix: Option<String>,
}

/// Splits a fragment URL into its base and decoded directive. Literal `-`,
/// `,` and `&` are syntax in a text directive, so the pieces must carry
/// them percent-encoded; a raw one here means a broken link.
fn parse_fragment(url: &str) -> (String, Directive) {
    let (base, directive) = url
        .split_once("#:~:text=")
        .unwrap_or_else(|| panic!("no text directive in {url}"));
    assert!(!directive.contains('&'), "raw & in {url}");
    let mut parts: Vec<&str> = directive.split(',').collect();
    let prefix = match parts.first() {
        Some(p) if p.ends_with('-') => Some(parts.remove(0)),
        _ => None,
    };
    let suffix = match parts.last() {
        Some(s) if s.starts_with('-') => parts.pop(),
        _ => None,
    };
    assert!(
        (1..=2).contains(&parts.len()),
        "start[,end] expected in {url}"
    );
    let prefix = prefix.map(|p| &p[..p.len() - 1]);
    let suffix = suffix.map(|s| &s[1..]);
    for piece in parts.iter().chain(prefix.iter()).chain(suffix.iter()) {
        assert!(
            !piece.is_empty() && !piece.contains('-'),
            "unescaped '-' or empty piece {piece:?} in {url}"
        );
    }
    (
        base.to_string(),
        Directive {
            prefix: prefix.map(decode),
            start: decode(parts[0]),
            end: parts.get(1).map(|e| decode(e)),
            suffix: suffix.map(decode),
        },
    )
}

/// Checks that a claim's fragment link would find the claim in `text`: the
/// decoded pieces occur in the document in order, the target spans the
/// claim, and prefix/suffix sit right next to it (whitespace between).
fn assert_link_finds_claim(text: &str, claim: &Value) {
    let url = claim["citation"]["fragment_url"].as_str().unwrap();
    let exact = claim["citation"]["quote"]["exact"].as_str().unwrap();
    let (base, d) = parse_fragment(url);
    assert_eq!(base, CANONICAL);
    let at = text
        .find(exact)
        .unwrap_or_else(|| panic!("claim {exact:?} not in document text"));
    assert!(exact.starts_with(&d.start), "{d:?} vs {exact:?}");
    if let Some(end) = &d.end {
        assert!(exact.ends_with(end.as_str()), "{d:?} vs {exact:?}");
    } else {
        assert_eq!(&d.start, exact);
    }
    if let Some(prefix) = &d.prefix {
        assert!(
            text[..at].trim_end().ends_with(prefix.as_str()),
            "prefix {prefix:?} not right before {exact:?}"
        );
    }
    if let Some(suffix) = &d.suffix {
        assert!(
            text[at + exact.len()..]
                .trim_start()
                .starts_with(suffix.as_str()),
            "suffix {suffix:?} not right after {exact:?}"
        );
    }
}

#[test]
fn extract_takes_metadata_and_the_article_without_boilerplate() {
    let docs = extract(&[&page()]);
    assert_eq!(docs.len(), 1);
    let doc = &docs[0]["doc"];
    assert_eq!(doc["title"], HEADLINE);
    assert_eq!(doc["author"], "Ilse Marquardt");
    assert_eq!(doc["published"], "2025-03-14");
    assert_eq!(doc["url"], CANONICAL);
    assert_eq!(doc["site"], "The Coastline Courier");
    assert_eq!(doc["lang"], "en");

    let text = doc["text"].as_str().unwrap();
    // The article's paragraphs, in order, entities decoded, the figure
    // between them not breaking the flow.
    let body = [
        "The port of Valmora shipped 4.2 million tonnes of grain in 2024,",
        "costing €85 million, which it expects to finish by the end of 2026.",
        "“The deeper channel has changed what this port can be,",
        "said Tomas Reinholt, the harbour authority's director.",
        "fell by 18% over the same period",
        "Ship-to-shore cranes, bought second-hand in 2023,",
        "Rail operators & trucking firms are now competing",
    ];
    let mut from = 0;
    for part in body {
        let at = text[from..]
            .find(part)
            .unwrap_or_else(|| panic!("{part:?} missing or out of order in {text:?}"));
        from += at + part.len();
    }
    // Menu, cookie banner, read-more list, comments, footer, byline and the
    // headline (which is metadata) stay out.
    for boiler in [
        "cookies",
        "Accept",
        "Business",
        "Opinion",
        "Read more",
        "Ferry strike",
        "lighthouse",
        "Comments",
        "harbourwatcher",
        "Who pays for the dredging",
        "All rights reserved",
        "Privacy",
        "By Ilse Marquardt",
        HEADLINE,
    ] {
        assert!(!text.contains(boiler), "{boiler:?} leaked into {text:?}");
    }

    let claims = docs[0]["claims"].as_array().unwrap();
    assert!(claims.len() >= 5, "{claims:?}");
    assert!(
        claims.iter().any(|c| c["speaker"] == "Tomas Reinholt"),
        "{claims:?}"
    );
    for c in claims {
        assert_eq!(c["citation"]["title"], HEADLINE);
        assert_eq!(c["citation"]["published"], "2025-03-14");
        assert_link_finds_claim(text, c);
    }
}

#[test]
fn ingest_then_query_and_show_give_metadata_and_working_links() {
    let text = extract(&[&page()])[0]["doc"]["text"]
        .as_str()
        .unwrap()
        .to_string();
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("idx");
    let idx = index.to_str().unwrap();
    let ingest = run(&[
        "ingest",
        "--quiet",
        "--index",
        idx,
        page().to_str().unwrap(),
    ]);
    assert_eq!(ingest.code, 0, "{}", ingest.stderr);

    let out = run(&[
        "query",
        "--index",
        idx,
        "url:example.org",
        "-n",
        "50",
        "--format",
        "json",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let hits: Vec<Value> = serde_json::from_str(&out.stdout).unwrap();
    assert!(hits.len() >= 5, "{}", out.stdout);
    for h in &hits {
        assert_eq!(h["doc"]["title"], HEADLINE);
        assert_eq!(h["doc"]["author"], "Ilse Marquardt");
        assert_eq!(h["doc"]["published"], "2025-03-14");
        assert_eq!(h["citation"]["url"], CANONICAL);
        assert_link_finds_claim(&text, h);
    }
    let link_of = |needle: &str| -> String {
        hits.iter()
            .find(|h| h["text"].as_str().unwrap().contains(needle))
            .unwrap_or_else(|| panic!("no claim with {needle:?} in {}", out.stdout))["citation"]
            ["fragment_url"]
            .as_str()
            .unwrap()
            .to_string()
    };
    // `-`, `,` and `&` inside the quoted words are percent-encoded, so the
    // directive's own separators stay unambiguous.
    let cranes = link_of("Ship-to-shore");
    assert!(cranes.contains("Ship%2Dto%2Dshore%20cranes%2C"), "{cranes}");
    let rail = link_of("Rail operators");
    assert!(rail.contains("Rail%20operators%20%26%20trucking"), "{rail}");

    // Text output names the page and prints the link.
    let out = run(&["query", "--index", idx, "cranes"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_has(
        &out.stdout,
        &[
            HEADLINE,
            "by Ilse Marquardt, published 2025-03-14",
            &format!("link: {cranes}"),
        ],
    );

    let id = hits
        .iter()
        .find(|h| h["text"].as_str().unwrap().contains("Ship-to-shore"))
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let show = run(&["show", "--index", idx, &id]);
    assert_eq!(show.code, 0, "{}", show.stderr);
    assert_has(&show.stdout, &[&cranes, HEADLINE, "by Ilse Marquardt"]);
    let json = run(&["show", "--index", idx, &id, "--format", "json"]);
    let v: Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(v["citation"]["fragment_url"], cranes.as_str());
    assert_eq!(v["doc"]["author"], "Ilse Marquardt");
}

/// Gzips `path` with the system's `gzip` into `out`.
fn gzip_to(path: &Path, out: &Path) {
    let res = std::process::Command::new("gzip")
        .args(["-c", "-n"])
        .arg(path)
        .output()
        .expect("gzip runs");
    assert!(res.status.success());
    std::fs::write(out, res.stdout).unwrap();
}

#[test]
fn gzipped_page_gives_the_same_claims() {
    let dir = tempfile::tempdir().unwrap();
    let gz = dir.path().join("harbour_news.html.gz");
    gzip_to(&page(), &gz);
    let plain = extract(&[&page()]);
    let packed = extract(&[&gz]);
    assert_eq!(packed.len(), 1);
    for key in ["title", "author", "published", "url", "text"] {
        assert_eq!(packed[0]["doc"][key], plain[0]["doc"][key], "{key}");
    }
    assert!(!claim_keys(&plain[0]).is_empty());
    assert_eq!(claim_keys(&packed[0]), claim_keys(&plain[0]));
}

#[test]
fn hostile_pages_in_a_batch_do_not_spoil_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::copy(page(), d.join("a_news.html")).unwrap();
    // 10,000 nested elements, then text and markup that never closes.
    let deep = format!(
        "<html><head><title>Deep</title></head><body>{}<p>The canal carried 7,000 barges in 2022.</p>\
         <p>Unclosed <b><i>tags <table><tr><td>cell <p>para",
        "<div><span>".repeat(5_000)
    );
    std::fs::write(d.join("b_deep.html"), deep).unwrap();
    let unclosed = "<html><body><article><p>The ferry line added 14 sailings a week in 2024, \
                    the operator said.<p>Tickets rose 6% <b>in price<li>one <div class=\"a b\">\
                    <table><tr><td>stray cell</article></span></div></em></body>";
    std::fs::write(d.join("c_unclosed.html"), unclosed).unwrap();
    std::fs::write(
        d.join("d_binary.html"),
        [0u8, 159, 146, 150, 255, 0, 60, 112],
    )
    .unwrap();

    let alone = extract(&[&page()]);
    let docs = extract(&[d]);
    let by_name = |name: &str| -> &Value {
        docs.iter()
            .find(|v| v["doc"]["id"].as_str().unwrap_or("").ends_with(name))
            .unwrap_or_else(|| panic!("{name} missing from {docs:?}"))
    };
    let news = by_name("a_news.html");
    assert_eq!(news["doc"]["title"], HEADLINE);
    assert_eq!(claim_keys(news), claim_keys(&alone[0]));
    let deep = by_name("b_deep.html");
    assert!(
        deep["doc"]["text"]
            .as_str()
            .unwrap()
            .contains("The canal carried 7,000 barges in 2022."),
        "{deep}"
    );
    let unclosed = by_name("c_unclosed.html");
    assert!(
        unclosed["doc"]["text"]
            .as_str()
            .unwrap()
            .contains("The ferry line added 14 sailings a week in 2024"),
        "{unclosed}"
    );

    // The same batch goes into an index; the news page is queryable.
    let index = d.join("idx");
    let idx = index.to_str().unwrap();
    let files: Vec<String> = [
        "a_news.html",
        "b_deep.html",
        "c_unclosed.html",
        "d_binary.html",
    ]
    .iter()
    .map(|f| d.join(f).to_str().unwrap().to_string())
    .collect();
    let mut args = vec!["ingest", "--quiet", "--index", idx];
    args.extend(files.iter().map(String::as_str));
    let ingest = run(&args);
    assert!(!ingest.stderr.contains("panicked"), "{}", ingest.stderr);
    let out = run(&["query", "--index", idx, "Reinholt", "--format", "jsonl"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.jsonl()[0]["doc"]["title"], HEADLINE);
}
