//! Snapshot of the pages in `fixtures/pages.txt` (one hand-written page a
//! line): extracted text, block kinds and metadata.

use claimdex_html::parse_page;

#[test]
fn fixture_pages() {
    let src = include_str!("fixtures/pages.txt");
    let mut out = Vec::new();
    for (n, line) in src
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let p = parse_page(line.as_bytes(), Some("https://example.org/news/story"));
        let blocks: Vec<String> = p
            .blocks
            .iter()
            .map(|b| format!("{:?}: {}", b.kind, &p.text[b.span.start..b.span.end]))
            .collect();
        out.push(serde_json::json!({
            "line": n + 1,
            "blocks": blocks,
            "title": p.title,
            "author": p.author,
            "published": p.published.map(|d| d.to_string()),
            "url": p.url,
            "site": p.site,
            "lang": p.lang,
            "warnings": p.warnings.iter().map(|w| w.kind()).collect::<Vec<_>>(),
        }));
    }
    insta::assert_json_snapshot!("fixture_pages", out);
}
