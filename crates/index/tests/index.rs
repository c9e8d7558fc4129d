//! Index behaviour: create/open, upsert semantics, search filters, locking,
//! crash safety.

mod common;

use claimdex_index::{ClaimIndex, IndexError, SearchRequest, SortBy, Upsert};
use claimdex_model::ClaimKind;
use common::{corpus, corpus_index, doc, BUDGET, C};
use jiff::civil::date;

fn ids(index: &ClaimIndex, req: &SearchRequest) -> Vec<String> {
    let mut v: Vec<String> = index
        .search(req)
        .unwrap()
        .into_iter()
        .map(|h| h.claim.id)
        .collect();
    v.sort();
    v
}

fn all() -> SearchRequest {
    SearchRequest {
        limit: 100,
        ..SearchRequest::default()
    }
}

#[test]
fn open_missing_is_not_found() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope");
    match ClaimIndex::open(&missing) {
        Err(IndexError::NotFound { dir }) => assert_eq!(dir, missing),
        other => panic!("expected NotFound, got {:?}", other.err()),
    }
}

#[test]
fn create_then_open() {
    let (dir, index) = corpus_index();
    drop(index);
    let reopened = ClaimIndex::open(dir.path()).unwrap();
    let stats = reopened.stats().unwrap();
    assert_eq!(stats.documents, 4);
    assert_eq!(stats.claims, 5);
    // open_or_create on an existing index opens it, not wipes it.
    let again = ClaimIndex::open_or_create(dir.path()).unwrap();
    assert_eq!(again.stats().unwrap().claims, 5);
}

#[test]
fn upsert_new_unchanged_changed() {
    let (_dir, index) = corpus_index();
    let mut w = index.writer(BUDGET).unwrap();
    let recs = corpus();
    assert_eq!(w.upsert(&recs[0]).unwrap(), Upsert::Unchanged);
    let changed = doc(
        "budget",
        "v2",
        Some("2023-05-12"),
        "Budget deficit widens (corrected)",
        &[C {
            id: "budget-9",
            text: "The deficit reached $1.8 trillion, a correction said.",
            kinds: &["figure"],
            figures: vec![(1.8e12, "USD")],
            ..C::default()
        }],
    );
    assert_eq!(w.upsert(&changed).unwrap(), Upsert::Changed);
    // Upserting the same version again before the commit is unchanged.
    assert_eq!(w.upsert(&changed).unwrap(), Upsert::Unchanged);
    w.commit().unwrap();
    assert_eq!(
        index.doc_hash("budget").unwrap().as_deref(),
        Some("budget-v2")
    );
    assert_eq!(index.doc_hash("nope").unwrap(), None);
    let got = ids(&index, &all());
    assert_eq!(got, ["budget-9", "jobs-1", "jobs-2", "wire-1"]);
    let docs = index.documents().unwrap();
    assert_eq!(docs.len(), 4);
    assert!(docs.contains(&("budget".into(), "budget-v2".into(), 1)));
    assert!(docs.contains(&("empty".into(), "empty-v1".into(), 0)));
}

#[test]
fn upsert_known_trusts_the_callers_lookup_but_not_over_pending() {
    let (_dir, index) = corpus_index();
    let recs = corpus();
    let mut w = index.writer(BUDGET).unwrap();
    // The caller's lookup says what is indexed: no second lookup needed.
    let indexed = index.doc_hash(&recs[0].doc.id).unwrap();
    assert!(indexed.is_some());
    assert_eq!(
        w.upsert_known(&recs[0], indexed).unwrap(),
        Upsert::Unchanged
    );
    let changed = doc(
        "budget",
        "v3",
        None,
        "Budget outlook revised",
        &[C {
            id: "budget-7",
            text: "The shortfall narrowed to $900 billion.",
            kinds: &["figure"],
            figures: vec![(9e11, "USD")],
            ..C::default()
        }],
    );
    let stale = index.doc_hash("budget").unwrap();
    assert_eq!(
        w.upsert_known(&changed, stale.clone()).unwrap(),
        Upsert::Changed
    );
    // A lookup taken before this writer's own upsert is stale: the pending
    // version wins, so the same record again is unchanged, not re-added.
    assert_eq!(w.upsert_known(&changed, stale).unwrap(), Upsert::Unchanged);
    w.commit().unwrap();
    assert_eq!(
        index.doc_hash("budget").unwrap().as_deref(),
        Some("budget-v3")
    );
    let got = ids(&index, &all());
    assert_eq!(got, ["budget-7", "jobs-1", "jobs-2", "wire-1"]);
}

#[test]
fn double_ingest_is_idempotent() {
    let (_dir, index) = corpus_index();
    let before = (
        index.stats().unwrap(),
        ids(&index, &all()),
        index.documents().unwrap(),
    );
    {
        let mut w = index.writer(BUDGET).unwrap();
        for rec in corpus() {
            assert_eq!(w.upsert(&rec).unwrap(), Upsert::Unchanged);
        }
        w.commit().unwrap();
    }
    let after = (
        index.stats().unwrap(),
        ids(&index, &all()),
        index.documents().unwrap(),
    );
    assert_eq!(before.0.claims, after.0.claims);
    assert_eq!(before.0.documents, after.0.documents);
    assert_eq!(before.1, after.1);
    assert_eq!(before.2, after.2);
}

#[test]
fn search_by_text_ranks_and_highlights() {
    let (_dir, index) = corpus_index();
    let hits = index
        .search(&SearchRequest::text("unemployment falling"))
        .unwrap();
    assert_eq!(hits[0].claim.id, "jobs-1");
    // "fell" is not "falling" under the stemmer, "Unemployment" is.
    let text = &hits[0].claim.text;
    let marked: Vec<&str> = hits[0]
        .highlights
        .iter()
        .map(|&(a, b)| &text[a..b])
        .collect();
    assert_eq!(marked, ["Unemployment"]);
    assert_eq!(hits[0].figures.len(), 1);
    assert_eq!(hits[0].doc.id, "jobs");
    assert!(hits[0].doc.text.is_none());
    // Phrase query.
    assert_eq!(
        ids(&index, &SearchRequest::text("\"labour market\"")),
        ["jobs-2"]
    );
    // The title keeps no positions: a phrase found only in a title is
    // not an error, it just matches no claim text.
    assert!(ids(&index, &SearchRequest::text("\"deficit widens\"")).is_empty());
    // Boolean operators.
    let req = SearchRequest::text("deficit AND NOT officials");
    // budget-2 matches by its document title.
    assert_eq!(ids(&index, &req), ["budget-1", "budget-2"]);
    // Stemming: "reaching" finds "reached".
    assert_eq!(
        ids(&index, &SearchRequest::text("reaching")),
        ["budget-1", "wire-1"]
    );
    let req = SearchRequest::text("NOT deficit");
    assert_eq!(ids(&index, &req), ["jobs-1", "jobs-2"]);
    let req = SearchRequest::text("deficit -officials -yellen");
    assert_eq!(ids(&index, &req), ["budget-1"]);
}

#[test]
fn search_by_kind_and_speaker() {
    let (_dir, index) = corpus_index();
    let req = SearchRequest {
        kind: Some(ClaimKind::Quote),
        ..all()
    };
    assert_eq!(ids(&index, &req), ["budget-2", "jobs-2"]);
    for who in ["trump", "Donald Trump", "DONALD TRUMP", " donald  trump "] {
        let req = SearchRequest {
            speaker: Some(who.into()),
            ..all()
        };
        assert_eq!(ids(&index, &req), ["jobs-2"], "{who}");
    }
    let req = SearchRequest {
        speaker: Some("Trumpet".into()),
        ..all()
    };
    assert!(ids(&index, &req).is_empty());
    // Free text also looks at the speaker.
    assert_eq!(ids(&index, &SearchRequest::text("yellen")), ["budget-2"]);
}

#[test]
fn search_by_value_and_unit() {
    let (_dir, index) = corpus_index();
    let req = SearchRequest {
        min_value: Some(1e9),
        ..all()
    };
    assert_eq!(ids(&index, &req), ["budget-1", "wire-1"]);
    let req = SearchRequest {
        min_value: Some(5.0),
        max_value: Some(6.3),
        ..all()
    };
    assert_eq!(ids(&index, &req), ["budget-2", "jobs-1"]);
    let req = SearchRequest {
        unit: Some("usd".into()),
        ..all()
    };
    assert_eq!(ids(&index, &req), ["budget-1", "wire-1"]);
    let req = SearchRequest {
        unit: Some("%".into()),
        max_value: Some(6.0),
        ..all()
    };
    assert_eq!(ids(&index, &req), ["budget-2"]);
    let req = SearchRequest {
        min_value: Some(f64::NAN),
        ..all()
    };
    assert_eq!(ids(&index, &req).len(), 5);
}

#[test]
fn unit_and_value_range_must_hold_for_the_same_figure() {
    let dir = tempfile::tempdir().unwrap();
    let index = ClaimIndex::open_or_create(dir.path()).unwrap();
    let mut w = index.writer(BUDGET).unwrap();
    let claims = [
        C {
            id: "mixed",
            text: "A $5 fee on 3 billion tons of grain.",
            kinds: &["figure"],
            figures: vec![(5.0, "USD"), (3e9, "t")],
            ..C::default()
        },
        C {
            id: "big",
            text: "A $200 billion programme.",
            kinds: &["figure"],
            figures: vec![(2e11, "USD")],
            ..C::default()
        },
        C {
            id: "negative",
            text: "A loss of $2 billion and 40 tons.",
            kinds: &["figure"],
            figures: vec![(-2e9, "USD"), (40.0, "t")],
            ..C::default()
        },
    ];
    w.upsert(&doc("fig", "1", Some("2024-01-02"), "Figures", &claims))
        .unwrap();
    w.commit().unwrap();
    let req = |unit: &str, min: Option<f64>, max: Option<f64>| SearchRequest {
        unit: Some(unit.into()),
        min_value: min,
        max_value: max,
        ..all()
    };
    // The false match this guards against: "$5" is USD, "3 billion" is tons.
    assert_eq!(ids(&index, &req("USD", Some(1e9), None)), ["big"]);
    assert_eq!(ids(&index, &req("usd", Some(1e11), None)), ["big"]);
    assert_eq!(ids(&index, &req("t", Some(1e9), None)), ["mixed"]);
    assert_eq!(
        ids(&index, &req("USD", None, Some(10.0))),
        ["mixed", "negative"]
    );
    assert_eq!(ids(&index, &req("t", Some(30.0), Some(50.0))), ["negative"]);
    assert_eq!(
        ids(&index, &req("USD", Some(-3e9), Some(0.0))),
        ["negative"]
    );
    assert!(ids(&index, &req("USD", Some(1e3), Some(1e9))).is_empty());
    assert!(ids(&index, &req("GBP", Some(0.0), None)).is_empty());
    // Without a value range, any figure in the unit still matches.
    assert_eq!(ids(&index, &req("t", None, None)), ["mixed", "negative"]);
    // The query language maps to the same request.
    let parsed = claimdex_index::query::parse_into("unit:USD value:>1e9", all()).unwrap();
    assert_eq!(ids(&index, &parsed), ["big"]);
    let parsed = claimdex_index::query::parse_into("unit:t value:[1e9 TO 5e9]", all()).unwrap();
    assert_eq!(ids(&index, &parsed), ["mixed"]);
}

#[test]
fn search_by_dates_and_doc_fields() {
    let (_dir, index) = corpus_index();
    let req = SearchRequest {
        from: Some(date(2021, 1, 31)),
        to: Some(date(2022, 12, 31)),
        ..all()
    };
    assert_eq!(ids(&index, &req), ["jobs-1", "jobs-2"]);
    let req = SearchRequest {
        published_from: Some(date(2023, 5, 11)),
        ..all()
    };
    assert_eq!(ids(&index, &req), ["wire-1"]);
    let req = SearchRequest {
        published_to: Some(date(2023, 5, 10)),
        kind: Some(ClaimKind::Figure),
        ..all()
    };
    assert_eq!(ids(&index, &req), ["budget-1", "budget-2", "jobs-1"]);
    let req = SearchRequest {
        title: Some("forecast".into()),
        ..all()
    };
    assert_eq!(ids(&index, &req), ["wire-1"]);
    let req = SearchRequest {
        source: Some("jobs".into()),
        ..all()
    };
    assert_eq!(ids(&index, &req), ["jobs-1", "jobs-2"]);
    let req = SearchRequest {
        url: Some("news.example/wire".into()),
        ..all()
    };
    assert_eq!(ids(&index, &req), ["wire-1"]);
}

#[test]
fn sorting_and_limits() {
    let (_dir, index) = corpus_index();
    let order = |req: &SearchRequest| -> Vec<String> {
        index
            .search(req)
            .unwrap()
            .into_iter()
            .map(|h| h.claim.id)
            .collect()
    };
    let req = SearchRequest {
        sort: SortBy::Value,
        min_value: Some(0.0),
        ..all()
    };
    let got = order(&req);
    assert_eq!(&got[2..], ["jobs-1", "budget-2"]);
    let req = SearchRequest {
        sort: SortBy::Published,
        ascending: true,
        ..all()
    };
    assert_eq!(order(&req)[..2], ["jobs-1", "jobs-2"]);
    assert_eq!(order(&req)[4], "wire-1");
    let req = SearchRequest { limit: 2, ..all() };
    assert_eq!(order(&req).len(), 2);
    let req = SearchRequest { limit: 0, ..all() };
    assert!(order(&req).is_empty());
}

#[test]
fn get_claim_stats_grouping_and_streaming() {
    let (_dir, index) = corpus_index();
    let hit = index.get_claim("budget-1").unwrap().unwrap();
    assert_eq!(
        hit.claim.text,
        "The deficit reached $1.7 trillion in 2023, the Treasury said."
    );
    assert_eq!(hit.also_in, [("wire".to_string(), "wire-1".to_string())]);
    assert!(index.get_claim("missing").unwrap().is_none());
    let stats = index.stats().unwrap();
    assert_eq!(stats.claims_by_kind[0].value, "figure");
    assert_eq!(stats.claims_by_kind[0].claims, 4);
    let units: Vec<(&str, u64)> = stats
        .top_units
        .iter()
        .map(|c| (c.value.as_str(), c.claims))
        .collect();
    assert_eq!(units, [("%", 2), ("USD", 2)]);
    let speakers: Vec<&str> = stats
        .top_speakers
        .iter()
        .map(|c| c.value.as_str())
        .collect();
    assert_eq!(speakers, ["Donald Trump", "Janet Yellen"]);
    assert_eq!(
        stats.published_range,
        Some(("2019-12-31".to_string(), "2023-05-11".to_string()))
    );
    assert_eq!(
        stats.event_range,
        Some(("2021-01-31".to_string(), "2023-05-10".to_string()))
    );
    assert!(stats.bytes_on_disk > 0);
    let mut streamed: Vec<String> = index.claims().map(|h| h.unwrap().claim.id).collect();
    streamed.sort();
    assert_eq!(
        streamed,
        ["budget-1", "budget-2", "jobs-1", "jobs-2", "wire-1"]
    );
    let req = SearchRequest {
        group: true,
        ..SearchRequest::text("trillion")
    };
    assert_eq!(index.search(&req).unwrap().len(), 2);
    for hit in index.search(&req).unwrap() {
        assert_eq!(hit.also_in.len(), 1, "{}", hit.claim.id);
    }
}

#[test]
fn two_writers_conflict() {
    let (dir, index) = corpus_index();
    let first = index.writer(BUDGET).unwrap();
    match index.writer(BUDGET) {
        Err(e @ IndexError::Locked { .. }) => {
            assert!(e.to_string().contains("locked by another writer"), "{e}")
        }
        other => panic!("expected Locked, got {:?}", other.err()),
    }
    // Another handle on the same directory (as another process would be).
    let other = ClaimIndex::open(dir.path()).unwrap();
    assert!(matches!(
        other.writer(BUDGET),
        Err(IndexError::Locked { .. })
    ));
    drop(first);
    assert!(other.writer(BUDGET).is_ok());
}

#[test]
fn dropped_uncommitted_writer_keeps_previous_commit() {
    let (dir, index) = corpus_index();
    {
        let mut w = index.writer(BUDGET).unwrap();
        let changed = doc("jobs", "v2", None, "Rewritten", &[]);
        assert_eq!(w.upsert(&changed).unwrap(), Upsert::Changed);
        let new = doc(
            "extra",
            "v1",
            None,
            "Extra",
            &[C {
                id: "extra-1",
                text: "Never committed.",
                kinds: &["figure"],
                ..C::default()
            }],
        );
        assert_eq!(w.upsert(&new).unwrap(), Upsert::New);
        // Dropped here without commit, as if the process had crashed.
    }
    let reopened = ClaimIndex::open(dir.path()).unwrap();
    assert_eq!(
        ids(&reopened, &all()),
        ["budget-1", "budget-2", "jobs-1", "jobs-2", "wire-1"]
    );
    assert_eq!(
        reopened.doc_hash("jobs").unwrap().as_deref(),
        Some("jobs-v1")
    );
    assert_eq!(reopened.doc_hash("extra").unwrap(), None);
    // The lock was released and the index is writable again.
    let mut w = reopened.writer(BUDGET).unwrap();
    assert_eq!(w.upsert(&corpus()[1]).unwrap(), Upsert::Unchanged);
}

#[test]
fn absurdly_nested_queries_are_searched_as_words() {
    let (_dir, index) = corpus_index();
    // Each of these overflowed the stack inside tantivy's query parser.
    for prefix in ["(", "NOT ", "-(", "deficit AND (", "+-"] {
        let q = format!("{}deficit", prefix.repeat(2000));
        let hits = index
            .search(&SearchRequest::text(q.as_str()))
            .unwrap_or_else(|e| panic!("{prefix:?}: {e}"));
        assert_eq!(hits.len(), 3, "{prefix:?}");
    }
    match index.search(&SearchRequest::text("(".repeat(5000).as_str())) {
        Err(IndexError::BadQuery { message }) => {
            assert!(message.contains("more than 32"), "{message}")
        }
        other => panic!("expected BadQuery, got {other:?}"),
    }
    // Ordinary operators are still operators.
    let hits = index
        .search(&SearchRequest::text("deficit -(budget OR jobs)"))
        .unwrap();
    assert!(hits.len() < 3);
}

#[test]
fn bad_queries_are_errors_not_panics() {
    let (_dir, index) = corpus_index();
    for q in ["((((", ":::"] {
        match index.search(&SearchRequest::text(q)) {
            Err(IndexError::BadQuery { message }) => assert!(!message.is_empty()),
            other => panic!("{q}: expected BadQuery, got {other:?}"),
        }
    }
    // Salvageable: the bad part is dropped, or the words are searched.
    let hits = index
        .search(&SearchRequest::text("\"unclosed deficit"))
        .unwrap();
    assert_eq!(hits.len(), 3);
    let hits = index
        .search(&SearchRequest::text("value:[x TO y]"))
        .unwrap();
    assert!(hits.is_empty());
    let hits = index
        .search(&SearchRequest::text("deficit nosuchfield:foo"))
        .unwrap();
    assert_eq!(hits.len(), 3);
    for q in ["\"unclosed", "((", "AND", "*", ":", "deficit^", "NOT"] {
        let _ = index.search(&SearchRequest::text(q));
    }
}

/// `export` decodes rows straight from the stored payload; they must be
/// the rows a search hit gives for the same claims.
#[test]
fn exported_rows_equal_the_rows_of_search_hits() {
    let (_dir, index) = corpus_index();
    let mut exported = std::collections::BTreeMap::new();
    let n = index
        .for_each_row(|row| {
            let json = serde_json::to_value(row).unwrap();
            exported.insert(row.claim_id.to_string(), json);
            Ok::<(), IndexError>(())
        })
        .unwrap();
    let hits = index.search(&all()).unwrap();
    assert_eq!(n as usize, hits.len());
    assert_eq!(exported.len(), hits.len());
    for h in &hits {
        let want = serde_json::to_value(claimdex_index::ClaimRow::of_hit(h)).unwrap();
        assert_eq!(exported.get(&h.claim.id), Some(&want), "{}", h.claim.id);
    }
    // The figures and the quote's speaker made it into the rows.
    let row = &exported["budget-2"];
    assert_eq!(row["figure_units"], serde_json::json!(["%"]));
    assert_eq!(row["speaker"], "Janet Yellen");
}
