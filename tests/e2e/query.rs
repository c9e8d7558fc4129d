//! query: the query language, sorting, batch queries, show, export, stats.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde_json::Value;

use crate::{assert_has, root, run, run_in, stats};

/// One index of the shipped corpus for the read-only tests of this module.
fn shared_index() -> &'static Path {
    static INDEX: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, path) = INDEX.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("idx");
        let corpus = root().join("corpus");
        let out = run(&[
            "ingest",
            "--quiet",
            "--index",
            path.to_str().unwrap(),
            corpus.to_str().unwrap(),
        ]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        (dir, path)
    });
    path
}

fn q(args: &[&str]) -> crate::Run {
    let index = shared_index().to_str().unwrap().to_string();
    let mut all = vec!["query", "--index", index.as_str()];
    all.extend_from_slice(args);
    run(&all)
}

fn texts(out: &crate::Run) -> Vec<String> {
    out.jsonl()
        .iter()
        .map(|h| h["text"].as_str().unwrap_or("").to_string())
        .collect()
}

#[test]
fn fielded_query_language() {
    let out = q(&["speaker:trump kind:quote", "--format", "jsonl"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.jsonl().iter().all(|h| h["speaker"] == "Donald Trump"));
    assert!(out.jsonl().len() >= 3);

    let out = q(&["value:>1e11 unit:USD", "--format", "jsonl"]);
    assert!(
        texts(&out).iter().any(|t| t.contains("$360 billion")),
        "{}",
        out.stdout
    );
    let out = q(&["value:[60 TO 95] unit:%", "--format", "jsonl"]);
    assert!(
        texts(&out).iter().any(|t| t.contains("92%")),
        "{}",
        out.stdout
    );
    assert!(
        texts(&out).iter().all(|t| !t.contains("2% of GDP")),
        "{}",
        out.stdout
    );
    let out = q(&["date:2020..2024", "--format", "jsonl"]);
    assert!(
        texts(&out).iter().any(|t| t.contains("in 2024")),
        "{}",
        out.stdout
    );
    assert!(
        texts(&out).iter().all(|t| !t.contains("in 2002")),
        "{}",
        out.stdout
    );
    let out = q(&["\"refining capacity\"", "--format", "jsonl"]);
    assert!(texts(&out)[0].contains("92% of refining capacity"));
}

#[test]
fn date_range_flags_filter_by_event_date() {
    let out = q(&[
        "--from",
        "2020-01-01",
        "--to",
        "2024-12-31",
        "--format",
        "jsonl",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    for h in out.jsonl() {
        let d = h["event_date"].as_str().unwrap();
        assert!(("2020-01-01"..="2024-12-31").contains(&d), "{d}");
    }
    let out = q(&["--published-from", "2026-01-01", "--format", "jsonl"]);
    assert_eq!(out.code, 1);
    assert!(out.jsonl().is_empty());
}

#[test]
fn bad_query_points_at_the_bad_part() {
    let out = q(&["value:>abc"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains("bad query") && out.stderr.contains('^'),
        "{}",
        out.stderr
    );
    assert!(
        !out.stderr.contains("bad query: bad query"),
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains("panicked"));
}

#[test]
fn sort_by_value() {
    let out = q(&["kind:figure", "--sort", "value", "--format", "jsonl"]);
    let hits = out.jsonl();
    assert!(hits.len() >= 3);
    assert!(
        hits[0]["text"].as_str().unwrap().contains("$360 billion"),
        "{}",
        out.stdout
    );
}

#[test]
fn batch_queries_with_timings() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("queries.txt");
    std::fs::write(
        &file,
        "# fact-checks\nrefining capacity\n\nspeaker:trump\nvalue:>abc\n",
    )
    .unwrap();
    let out = q(&["--queries", file.to_str().unwrap(), "--timings"]);
    assert_eq!(out.code, 1, "one bad query: {}", out.stderr);
    let rows = out.jsonl();
    assert!(rows
        .iter()
        .any(|r| r["query"] == "refining capacity" && r["rank"] == 1));
    assert!(rows
        .iter()
        .any(|r| r["query"] == "speaker:trump" && r["speaker"] == "Donald Trump"));
    assert!(rows
        .iter()
        .filter(|r| r.get("error").is_none())
        .all(|r| r["ms"].as_f64().is_some()));
    assert!(rows
        .iter()
        .any(|r| r["query"] == "value:>abc" && r.get("error").is_some()));
}

#[test]
fn show_prints_claim_in_context() {
    let hits = q(&["refining capacity", "--format", "jsonl"]).jsonl();
    let id = hits[0]["id"].as_str().unwrap().to_string();
    let index = shared_index().to_str().unwrap().to_string();
    let out = run(&["show", "--index", &index, &id]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_has(&out.stdout, &["92% of refining capacity", "selector"]);
    let json = run(&["show", "--index", &index, &id, "--format", "json"]);
    let v: Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(v["id"], id.as_str());
    assert_eq!(v["citation"]["quote"]["exact"], v["text"]);
    let missing = run(&["show", "--index", &index, "cdoesnotexist"]);
    assert_eq!(missing.code, 1);
}

#[test]
fn show_prints_the_sentences_around_the_claim() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("idx");
    let doc = dir.path().join("harbour.txt");
    std::fs::write(
        &doc,
        "The harbour board met on Tuesday. Cargo volumes rose 14% in 2024, the board said. \
         Dredging of the north basin will cost $40 million. The chairman thanked the staff. \
         Fees went up 3% in 2023.\n",
    )
    .unwrap();
    let idx = index.to_str().unwrap();
    let ingest = run(&["ingest", "--quiet", "--index", idx, doc.to_str().unwrap()]);
    assert_eq!(ingest.code, 0, "{}", ingest.stderr);
    let id_of = |words: &str| {
        let hits = run(&["query", "--index", idx, words, "--format", "jsonl"]).jsonl();
        hits[0]["id"].as_str().unwrap().to_string()
    };
    let (met, cargo, dredging, fees) = (
        id_of("harbour met"),
        id_of("cargo"),
        id_of("dredging"),
        id_of("fees"),
    );

    let text = run(&["show", "--index", idx, &cargo]);
    assert_eq!(text.code, 0, "{}", text.stderr);
    let before = text.stdout.find("The harbour board met on Tuesday.");
    let claim = text.stdout.find("> Cargo volumes rose 14%");
    let after = text
        .stdout
        .find("Dredging of the north basin will cost $40 million.");
    assert!(
        before.is_some() && claim.is_some() && after.is_some() && before < claim && claim < after,
        "{}",
        text.stdout
    );
    assert_has(
        &text.stdout,
        &[&format!("nearby claims: {met}, {dredging}")],
    );

    let json = run(&["show", "--index", idx, &cargo, "--format", "json"]);
    let v: Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(v["context"]["before"], "The harbour board met on Tuesday.");
    assert_eq!(
        v["context"]["after"],
        "Dredging of the north basin will cost $40 million."
    );
    assert_eq!(
        v["context"]["nearby_claims"],
        serde_json::json!([met, dredging])
    );

    // The last claim: no sentence after it, and the dredging claim is two
    // sentences away, so not nearby.
    let last = run(&["show", "--index", idx, &fees, "--format", "json"]);
    let v: Value = serde_json::from_str(&last.stdout).unwrap();
    assert_eq!(v["context"]["before"], "The chairman thanked the staff.");
    assert_eq!(v["context"]["after"], Value::Null);
    assert_eq!(v["context"]["nearby_claims"], serde_json::json!([]));
}

#[test]
fn unit_and_value_filters_apply_to_the_same_figure() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("idx");
    let doc = dir.path().join("port.txt");
    std::fs::write(
        &doc,
        "Ships paid a $5 fee on 3 billion tons of grain in 2023. \
         The port spent $200 billion on new cranes in 2024.\n",
    )
    .unwrap();
    let idx = index.to_str().unwrap();
    let ingest = run(&["ingest", "--quiet", "--index", idx, doc.to_str().unwrap()]);
    assert_eq!(ingest.code, 0, "{}", ingest.stderr);
    let find = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["query", "--index", idx, "--format", "jsonl"];
        all.extend_from_slice(args);
        run(&all)
            .jsonl()
            .iter()
            .map(|h| h["text"].as_str().unwrap().to_string())
            .collect()
    };
    let cranes = vec!["The port spent $200 billion on new cranes in 2024.".to_string()];
    // "$5" is the dollar figure, "3 billion" the tonnage: not a match.
    assert_eq!(find(&["--unit", "USD", "--min-value", "1e9"]), cranes);
    assert_eq!(find(&["unit:USD value:>1e9"]), cranes);
    assert_eq!(find(&["unit:usd value:[1 TO 10]"]).len(), 1);
    assert!(find(&["unit:USD value:[1e6 TO 1e9]"]).is_empty());
}

#[test]
fn export_all_claims_as_csv_and_jsonl() {
    let index = shared_index().to_str().unwrap().to_string();
    let claims = stats(shared_index())["claims"].as_u64().unwrap();
    let jsonl = run(&["export", "--index", &index]);
    assert_eq!(jsonl.code, 0, "{}", jsonl.stderr);
    let rows = jsonl.jsonl();
    assert_eq!(rows.len() as u64, claims);
    assert!(rows
        .iter()
        .all(|r| r["claim_id"].is_string() && r["figure_values"].is_array()));
    let dir = tempfile::tempdir().unwrap();
    let csv_path = dir.path().join("claims.csv");
    let out = run_in(
        None,
        &[
            "export",
            "--index",
            &index,
            "--format",
            "csv",
            "--out",
            csv_path.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let csv = std::fs::read_to_string(&csv_path).unwrap();
    assert!(csv.starts_with("claim_id,doc_id,kinds,text"));
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    assert_eq!(reader.records().count() as u64, claims);
    // CSV cells hold the same values as the JSONL row of the same claim.
    let by_id: std::collections::HashMap<&str, &Value> = rows
        .iter()
        .map(|r| (r["claim_id"].as_str().unwrap(), r))
        .collect();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    for rec in reader.records() {
        let rec = rec.unwrap();
        let row = by_id[&rec[0]];
        assert_eq!(&rec[3], row["text"].as_str().unwrap());
        let units: Vec<&str> = row["figure_units"]
            .as_array()
            .unwrap()
            .iter()
            .map(|u| u.as_str().unwrap())
            .collect();
        assert_eq!(&rec[6], units.join("|"));
        assert_eq!(&rec[17], row["end"].to_string());
    }
    // With a query: exactly the query's matches (no limit).
    for query in ["kind:quote", "refining", "unit:USD value:>0"] {
        let some = run(&["export", "--index", &index, query]);
        assert_eq!(some.code, 0, "{}", some.stderr);
        let hits = q(&[query, "--limit", "100000", "--format", "jsonl"]).jsonl();
        let exported = some.jsonl();
        assert!(!exported.is_empty(), "{query}");
        assert_eq!(exported.len(), hits.len(), "{query}");
    }
    let quotes = run(&["export", "--index", &index, "kind:quote"]).jsonl();
    assert!(quotes.iter().all(|r| r["kinds"]
        .as_array()
        .unwrap()
        .contains(&Value::from("quote"))));
}

#[test]
fn stats_summarise_the_index() {
    let index = shared_index().to_str().unwrap().to_string();
    let out = run(&["stats", "--index", &index]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_has(&out.stdout, &["documents:", "Donald Trump"]);
    let json = stats(shared_index());
    assert_eq!(json["documents"], 1);
    assert!(json["top_units"]
        .as_array()
        .unwrap()
        .iter()
        .any(|u| u["unit"] == "%"));
}

/// Each command offers only the formats it can print: the others are
/// usage errors, not a silent fallback.
#[test]
fn formats_a_command_cannot_print_are_usage_errors() {
    let index = shared_index().to_str().unwrap().to_string();
    let cases: [&[&str]; 3] = [
        &[
            "show",
            "--format",
            "csv",
            "--index",
            &index,
            "cdoesnotexist",
        ],
        &["stats", "--format", "jsonl", "--index", &index],
        &["export", "--format", "text", "--index", &index],
    ];
    for args in cases {
        let out = run(args);
        assert_eq!(out.code, 2, "{args:?}: {}", out.stderr);
        assert_has(&out.stderr, &["invalid value"]);
    }
    let out = run(&["export", "--format", "csv", "--index", &index, "kind:quote"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.starts_with("claim_id,"), "{}", out.stdout);
}

/// `extract`, `query` and `export` print the same CSV rows for the same
/// claims.
#[test]
fn csv_rows_agree_across_extract_query_and_export() {
    let index = shared_index().to_str().unwrap().to_string();
    // Records sorted by claim id, the header checked.
    let rows = |out: &crate::Run| -> Vec<Vec<String>> {
        assert!(out.code == 0, "{}", out.stderr);
        let mut reader = csv::Reader::from_reader(out.stdout.as_bytes());
        let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        assert_eq!(header[..4], ["claim_id", "doc_id", "kinds", "text"]);
        assert_eq!(header.len(), 18, "{header:?}");
        let mut rows: Vec<Vec<String>> = reader
            .records()
            .map(|r| r.unwrap().iter().map(String::from).collect())
            .collect();
        rows.sort();
        rows
    };
    // Read from the directory, as the index was, so the ids are the same.
    let extracted = rows(&run_in(
        Some(&root()),
        &["extract", "--quiet", "--format", "csv", "corpus"],
        None,
    ));
    let exported = rows(&run(&["export", "--format", "csv", "--index", &index]));
    assert!(extracted.len() > 10, "{extracted:?}");
    // The sources differ (each is the path its command was given).
    let without_source = |rows: &[Vec<String>]| -> Vec<Vec<String>> {
        rows.iter().map(|r| [&r[..12], &r[13..]].concat()).collect()
    };
    assert_eq!(without_source(&extracted), without_source(&exported));
    let queried = rows(&q(&["kind:figure", "--limit", "100000", "--format", "csv"]));
    assert!(!queried.is_empty());
    for row in &queried {
        assert!(exported.contains(row), "{row:?}");
    }
}
