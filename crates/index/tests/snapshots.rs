//! Snapshot of how tricky queries parse and what they find in the test
//! corpus (tests/fixtures/queries.txt, one query per line).

mod common;

use claimdex_index::query;

#[test]
fn fixture_queries() {
    let (_dir, index) = common::corpus_index();
    let fixture = include_str!("fixtures/queries.txt");
    let mut out = String::new();
    for line in fixture.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        out.push_str(&format!("{line}\n"));
        let result = query::parse(line)
            .map_err(|e| e.to_string())
            .and_then(|mut req| {
                req.limit = 100;
                index.search(&req).map_err(|e| e.to_string())
            });
        match result {
            Ok(hits) => {
                let mut ids: Vec<String> = hits
                    .iter()
                    .map(|h| {
                        let marked: Vec<&str> = h
                            .highlights
                            .iter()
                            .map(|&(a, b)| &h.claim.text[a..b])
                            .collect();
                        if marked.is_empty() {
                            h.claim.id.clone()
                        } else {
                            format!("{} [{}]", h.claim.id, marked.join(", "))
                        }
                    })
                    .collect();
                ids.sort();
                out.push_str(&format!("  => {}\n", ids.join("; ")));
            }
            Err(e) => {
                for l in e.lines() {
                    out.push_str(&format!("  !! {l}\n"));
                }
            }
        }
    }
    insta::assert_snapshot!(out);
}
