//! index: ingest, re-ingest, interruption, query and citations.

use std::fs;
use std::path::Path;
use std::time::Duration;

use serde_json::Value;

use crate::{assert_has, claimdex, root, run, stats};

fn ingest(index: &Path, inputs: &[&str]) -> crate::Run {
    let mut args = vec!["ingest", "--index", index.to_str().unwrap()];
    args.extend_from_slice(inputs);
    run(&args)
}

fn query(index: &Path, args: &[&str]) -> Vec<Value> {
    let mut all = vec![
        "query",
        "--index",
        index.to_str().unwrap(),
        "--format",
        "jsonl",
    ];
    all.extend_from_slice(args);
    let out = run(&all);
    assert!(out.code == 0 || out.code == 1, "{}", out.stderr);
    out.jsonl()
}

fn corpus() -> String {
    root().join("corpus").to_string_lossy().into_owned()
}

#[test]
fn ingest_twice_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("idx");
    let first = ingest(&index, &[&corpus()]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    let a = stats(&index);
    assert!(a["claims"].as_u64().unwrap() > 10, "{a}");
    let second = ingest(&index, &[&corpus()]);
    assert_eq!(second.code, 0, "{}", second.stderr);
    assert_has(&second.stderr, &["1 unchanged"]);
    let b = stats(&index);
    assert_eq!(a["claims"], b["claims"]);
    assert_eq!(a["documents"], b["documents"]);
    let ids = |index: &Path| {
        let mut ids: Vec<String> = query(index, &["--limit", "1000"])
            .iter()
            .map(|h| h["id"].as_str().unwrap().to_string())
            .collect();
        ids.sort();
        ids
    };
    assert_eq!(ids(&index).len() as u64, b["claims"].as_u64().unwrap());
}

#[test]
fn changed_document_replaces_its_claims() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("idx");
    let doc = dir.path().join("d.txt");
    fs::write(
        &doc,
        "Exports rose 12% in 2023, the minister said.\nImports fell 3% in 2022.",
    )
    .unwrap();
    assert_eq!(ingest(&index, &[doc.to_str().unwrap()]).code, 0);
    assert_eq!(stats(&index)["claims"], 2);
    fs::write(&doc, "Exports rose 14% in 2023, the minister said.").unwrap();
    let out = ingest(&index, &[doc.to_str().unwrap()]);
    assert_has(&out.stderr, &["1 changed"]);
    assert_eq!(stats(&index)["claims"], 1);
    assert!(query(&index, &["12%"])
        .iter()
        .all(|h| !h["text"].as_str().unwrap().contains("12%")));
}

#[test]
fn query_prints_claims_with_citations() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("idx");
    assert_eq!(ingest(&index, &[&corpus()]).code, 0);
    let hits = query(&index, &["refining capacity"]);
    let top = hits
        .iter()
        .find(|h| {
            h["text"]
                .as_str()
                .unwrap()
                .contains("92% of refining capacity")
        })
        .expect("92% claim");
    assert_eq!(top["citation"]["doc_id"], "000_339b9ea0abfec546.txt");
    assert_eq!(top["citation"]["published"], "2025-10-28");
    assert!(top["citation"]["quote"]["exact"]
        .as_str()
        .unwrap()
        .contains("92%"));
    assert!(top["figure_mentions"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["value"] == 92.0 && f["unit"] == "%"));

    let out = run(&[
        "query",
        "--index",
        index.to_str().unwrap(),
        "refining capacity",
    ]);
    assert_eq!(out.code, 0);
    assert_has(
        &out.stdout,
        &["92% of refining capacity", "published 2025-10-28", "¶"],
    );
    assert!(!out.stdout.contains('\x1b'), "no colour when piped");

    let trump = query(&index, &["--speaker", "Trump", "--kind", "quote"]);
    let full: Vec<&Value> = trump
        .iter()
        .filter(|h| h["speaker"] == "Donald Trump")
        .collect();
    assert!(full.len() >= 3, "{trump:?}");
    for needle in [
        "We share deep respect",
        "This partnership will remain",
        "already received large new orders",
    ] {
        assert!(
            full.iter()
                .any(|h| h["text"].as_str().unwrap().contains(needle)),
            "missing {needle}"
        );
    }

    let money = query(&index, &["--min-value", "1e11", "--unit", "USD"]);
    assert!(
        money
            .iter()
            .any(|h| h["text"].as_str().unwrap().contains("$360 billion")),
        "{money:?}"
    );
    let none = query(&index, &["--min-value", "1e15"]);
    assert!(none.is_empty());
}

#[test]
fn absurd_queries_never_crash() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("idx");
    assert_eq!(ingest(&index, &[&corpus()]).code, 0);
    let long = "a".repeat(100_000);
    // Each of these once overflowed the stack in tantivy's query parser.
    let nested_not = format!("{}deficit", "NOT ".repeat(3000));
    let nested_groups = format!("{}deficit", "-(".repeat(3000));
    for q in [
        nested_not.as_str(),
        nested_groups.as_str(),
        "\"unterminated",
        "((((",
        "AND OR NOT",
        "speaker:",
        "\u{1}\u{7f}",
        "*",
        long.as_str(),
        "title:[ TO",
        "-",
    ] {
        let out = run(&["query", "--index", index.to_str().unwrap(), q]);
        assert!(
            out.code == 0 || out.code == 1 || out.code == 2,
            "{q}: {}",
            out.stderr
        );
        assert!(!out.stderr.contains("panicked"), "{q}: {}", out.stderr);
    }
    // A NaN bound would bound nothing: a usage error, not every claim.
    let out = run(&[
        "query",
        "--index",
        index.to_str().unwrap(),
        "--min-value",
        "nan",
        "deficit",
    ]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert_has(&out.stderr, &["NaN"]);
}

#[test]
fn query_without_index_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(&[
        "query",
        "--index",
        dir.path().join("none").to_str().unwrap(),
        "x",
    ]);
    assert_eq!(out.code, 2);
    // It names the command that builds one.
    assert_has(&out.stderr, &["index", "claimdex ingest"]);
}

/// Kill -9 in the middle of an ingest: the index still opens with the
/// content of its last commit, and a re-run completes it to exactly the
/// state of an uninterrupted run.
#[test]
fn killed_ingest_keeps_the_previous_index() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("idx");
    assert_eq!(ingest(&index, &[&corpus()]).code, 0);
    let before = stats(&index);

    let big = dir.path().join("big.jsonl");
    let mut lines = String::new();
    for i in 0..3000 {
        lines.push_str(&format!(
            "{{\"id\":\"doc{i}\",\"published\":\"2024-01-01\",\"text\":\"Shipments rose {}% in 2023, the company said. “We expect {} more units next year,” said chief executive Jane Roe.\"}}\n",
            i % 97,
            i * 10
        ));
    }
    fs::write(&big, lines).unwrap();
    for delay_ms in [50u64, 200, 400] {
        let mut child = claimdex()
            .args([
                "ingest",
                "--quiet",
                "--commit-every",
                "500",
                "--index",
                index.to_str().unwrap(),
                big.to_str().unwrap(),
            ])
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
        // The index opens, and holds at least what it held before.
        let now = stats(&index);
        assert!(
            now["documents"].as_u64().unwrap() >= before["documents"].as_u64().unwrap(),
            "{now}"
        );
        assert!(!query(&index, &["refining capacity"]).is_empty());
    }
    let rerun = ingest(&index, &[big.to_str().unwrap()]);
    assert_eq!(rerun.code, 0, "{}", rerun.stderr);

    let fresh = dir.path().join("fresh");
    assert_eq!(ingest(&fresh, &[&corpus()]).code, 0);
    assert_eq!(ingest(&fresh, &[big.to_str().unwrap()]).code, 0);
    let (a, b) = (stats(&index), stats(&fresh));
    assert_eq!(a["documents"], b["documents"]);
    assert_eq!(a["claims"], b["claims"]);
}
