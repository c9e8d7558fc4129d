//! extract: the JSONL contract and the seed article's gold.

use serde_json::Value;

use crate::{root, run, run_in, seed_path};

fn seed_record() -> Value {
    let seed = seed_path();
    let out = run(&[
        "extract",
        "--format",
        "jsonl",
        "--include",
        "text,sentences",
        seed.to_str().unwrap(),
    ]);
    assert_eq!(out.code, 0, "stderr: {}", out.stderr);
    let mut lines = out.jsonl();
    assert_eq!(lines.len(), 1);
    lines.remove(0)
}

fn gold() -> Value {
    let text = std::fs::read_to_string(root().join("tests/fixtures/seed_gold.json"))
        .expect("gold fixture");
    serde_json::from_str(&text).expect("gold parses")
}

/// Finds the predicted item with the gold item's span.
fn find<'a>(pred: &'a Value, list: &str, g: &Value) -> &'a Value {
    pred[list]
        .as_array()
        .expect("list")
        .iter()
        .find(|p| p["start"] == g["start"] && p["end"] == g["end"])
        .unwrap_or_else(|| {
            panic!(
                "{list}: no prediction at {}..{} for {}",
                g["start"], g["end"], g["text"]
            )
        })
}

fn num(v: &Value) -> f64 {
    v.as_f64().unwrap_or(f64::NAN)
}

#[test]
fn seed_figures_match_gold() {
    let pred = seed_record();
    let gold = gold();
    for g in gold["figures"].as_array().unwrap() {
        let p = find(&pred, "figures", g);
        assert_eq!(p["text"], g["text"]);
        assert!(
            (num(&p["value"]) - num(&g["value"])).abs() < 1e-6 * num(&g["value"]).abs().max(1.0),
            "{p} vs {g}"
        );
        assert_eq!(p["unit"], g["unit"], "{p}");
        assert_eq!(p["kind"], g["kind"], "{p}");
        assert_eq!(p["qualifier"], g["qualifier"], "{p}");
        if g.get("measured").is_some() {
            assert_eq!(p["measured"], g["measured"], "{p}");
        }
    }
    assert_eq!(
        pred["figures"].as_array().unwrap().len(),
        gold["figures"].as_array().unwrap().len(),
        "{}",
        pred["figures"]
    );
}

#[test]
fn seed_dates_match_gold() {
    let pred = seed_record();
    let gold = gold();
    for g in gold["dates"].as_array().unwrap() {
        let p = find(&pred, "dates", g);
        assert_eq!(p["type"], g["type"], "{p}");
        assert_eq!(p["value"], g["value"], "{p}");
    }
    assert_eq!(
        pred["dates"].as_array().unwrap().len(),
        gold["dates"].as_array().unwrap().len(),
        "{}",
        pred["dates"]
    );
    assert_eq!(pred["doc"]["published"], "2025-10-28");
}

#[test]
fn seed_quotes_match_gold() {
    let pred = seed_record();
    let gold = gold();
    for g in gold["quotes"].as_array().unwrap() {
        let p = find(&pred, "quotes", g);
        assert_eq!(p["speaker"], g["speaker"], "{p}");
        assert_eq!(p["speaker_start"], g["speaker_start"], "{p}");
        assert_eq!(p["speaker_end"], g["speaker_end"], "{p}");
        assert_eq!(p["kind"], g["kind"], "{p}");
    }
    assert_eq!(
        pred["quotes"].as_array().unwrap().len(),
        gold["quotes"].as_array().unwrap().len(),
        "{}",
        pred["quotes"]
    );
}

/// Every offset slices the document text (code points) to the reported text,
/// and every selector matches the text around the claim.
#[test]
fn offsets_are_code_points_and_selectors_match() {
    let pred = seed_record();
    let text: Vec<char> = pred["doc"]["text"].as_str().unwrap().chars().collect();
    let slice = |s: &Value, e: &Value| -> String {
        text[s.as_u64().unwrap() as usize..e.as_u64().unwrap() as usize]
            .iter()
            .collect()
    };
    for list in ["figures", "dates", "quotes", "claims"] {
        for item in pred[list].as_array().unwrap() {
            assert_eq!(
                slice(&item["start"], &item["end"]),
                item["text"].as_str().unwrap(),
                "{list}: {item}"
            );
        }
    }
    for claim in pred["claims"].as_array().unwrap() {
        let q = &claim["citation"]["quote"];
        let start = claim["start"].as_u64().unwrap() as usize;
        let end = claim["end"].as_u64().unwrap() as usize;
        let prefix: String = text[start.saturating_sub(32)..start].iter().collect();
        let suffix: String = text[end..(end + 32).min(text.len())].iter().collect();
        assert_eq!(q["prefix"].as_str().unwrap(), prefix);
        assert_eq!(q["suffix"].as_str().unwrap(), suffix);
        assert_eq!(q["exact"], claim["text"]);
    }
    let original = std::fs::read_to_string(seed_path()).unwrap();
    assert_eq!(pred["doc"]["text"].as_str().unwrap(), original);
}

/// The contract's example claim: Trump's first quote, paragraph 6, sentence 6.
#[test]
fn seed_claims_cite_paragraph_and_sentence() {
    let pred = seed_record();
    let claims = pred["claims"].as_array().unwrap();
    let trump = claims
        .iter()
        .find(|c| c["start"] == 960)
        .unwrap_or_else(|| panic!("no claim at 960: {claims:?}"));
    assert_eq!(trump["end"], 1015);
    assert_eq!(trump["speaker"], "Donald Trump");
    assert_eq!(trump["citation"]["paragraph"], 6);
    assert_eq!(trump["citation"]["sentence"], 6);
    assert!(trump["kind"]
        .as_array()
        .unwrap()
        .contains(&Value::from("quote")));
    let refining = claims
        .iter()
        .find(|c| c["text"].as_str().unwrap().contains("92% of refining"))
        .expect("92% claim");
    assert!(refining["kind"]
        .as_array()
        .unwrap()
        .contains(&Value::from("figure")));
    // The FAQ numbering, credits and the reader comment make no claims.
    for c in claims {
        let t = c["text"].as_str().unwrap();
        assert!(
            !t.starts_with("Thanks for") && !t.starts_with("Featured Image"),
            "{t}"
        );
    }
}

#[test]
fn claim_ids_are_stable_across_runs() {
    let a = seed_record();
    let b = seed_record();
    let ids = |r: &Value| {
        r["claims"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&a), ids(&b));
    assert!(!ids(&a).is_empty());
}

#[test]
fn stdin_jsonl_in_input_order() {
    let input = "{\"id\":\"b\",\"text\":\"Prices rose 5% last year.\",\"published\":\"2024-03-01\"}\n{\"id\":\"a\",\"text\":\"He said “we will win” on Monday.\"}\n";
    let out = run_in(None, &["extract", "-"], Some(input));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let lines = out.jsonl();
    assert_eq!(out.doc_ids(), ["b", "a"]);
    assert_eq!(lines[0]["doc"]["published"], "2024-03-01");
    assert!(lines[0].get("sentences").is_none());
    assert!(lines[0]["doc"].get("text").is_none());
}

#[test]
fn directory_ids_are_relative_paths() {
    let out = run_in(Some(&root()), &["extract", "corpus"], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let ids = out.doc_ids();
    assert!(
        ids.contains(&"000_339b9ea0abfec546.txt".to_string()),
        "{ids:?}"
    );
}

#[test]
fn usage_error_exits_2() {
    assert_eq!(run(&["extract"]).code, 2);
    assert_eq!(
        run(&["extract", "--published", "yesterday", "x.txt"]).code,
        2
    );
    assert_eq!(run(&["frobnicate"]).code, 2);
}
