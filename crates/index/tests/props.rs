//! Property tests: no user input makes a search panic, and highlights are
//! always valid byte ranges of the claim text.

mod common;

use std::sync::LazyLock;

use claimdex_index::{ClaimIndex, IndexError, SearchRequest};
use proptest::prelude::*;

static INDEX: LazyLock<(tempfile::TempDir, ClaimIndex)> = LazyLock::new(common::corpus_index);

/// Strings heavy in query-syntax characters and field names.
fn queryish() -> impl Strategy<Value = String> {
    let atoms = prop_oneof![
        Just("AND".to_string()),
        Just("OR".to_string()),
        Just("NOT".to_string()),
        Just("TO".to_string()),
        Just("IN".to_string()),
        Just("text:".to_string()),
        Just("value:".to_string()),
        Just("published:".to_string()),
        Just("speaker:".to_string()),
        Just("payload:".to_string()),
        Just("deficit".to_string()),
        Just("trump".to_string()),
        "[\\[\\]{}()\"'*?^~:+\\-!<>=/\\\\., 0-9e]{1,3}",
        "\\PC{1,4}",
    ];
    prop::collection::vec(atoms, 0..12).prop_map(|v| v.join(""))
}

fn check(req: &SearchRequest) {
    match INDEX.1.search(req) {
        Ok(hits) => {
            for h in hits {
                for &(a, b) in &h.highlights {
                    assert!(a < b && b <= h.claim.text.len());
                    assert!(h.claim.text.is_char_boundary(a) && h.claim.text.is_char_boundary(b));
                }
            }
        }
        Err(IndexError::BadQuery { message }) => assert!(!message.is_empty()),
        Err(e) => panic!("unexpected error {e}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn free_text_never_panics(text in queryish()) {
        check(&SearchRequest::text(text));
    }

    #[test]
    fn any_string_never_panics(text in "\\PC{0,60}") {
        check(&SearchRequest::text(text));
    }

    #[test]
    fn any_filter_never_panics(
        speaker in proptest::option::of("\\PC{0,12}"),
        unit in proptest::option::of("\\PC{0,6}"),
        title in proptest::option::of("\\PC{0,12}"),
        min in proptest::option::of(any::<f64>()),
        max in proptest::option::of(any::<f64>()),
        limit in 0usize..20,
    ) {
        check(&SearchRequest {
            speaker,
            unit,
            title,
            min_value: min,
            max_value: max,
            limit,
            ..SearchRequest::default()
        });
    }
}
