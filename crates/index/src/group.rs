//! Keys that group near-identical claims across documents: the same quote
//! text, or the same figure (value and unit). A figure key alone is too
//! loose ("50%" is everywhere), so [`similar_words`] confirms a figure match
//! by word overlap at query time.

use std::collections::HashSet;

use claimdex_model::contract::{content_hash, ClaimRecord, FigureRecord, QuoteRecord};

/// Lowercased alphanumeric words of `s`.
pub(crate) fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Quotes shorter than this many words ("scare" quotes, titles) are too
/// common to identify a claim.
const MIN_QUOTE_WORDS: usize = 4;

/// Group keys of a claim: `q:<hash>` per substantial quote and
/// `f:<unit>:<value>` per figure with a value.
pub(crate) fn keys<'a>(
    _claim: &ClaimRecord,
    figures: impl IntoIterator<Item = &'a FigureRecord>,
    quotes: impl IntoIterator<Item = &'a QuoteRecord>,
) -> Vec<String> {
    let mut out = Vec::new();
    for q in quotes {
        let w = words(&q.text);
        if w.len() >= MIN_QUOTE_WORDS {
            out.push(format!("q:{}", content_hash(&w.join(" "))));
        }
    }
    for f in figures {
        if let Some(v) = f.value.filter(|v| v.is_finite()) {
            out.push(format!("f:{}:{v}", f.unit.trim().to_lowercase()));
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Whether two claim texts share enough words to be the same statement:
/// Jaccard overlap of their word sets of at least one half.
pub(crate) fn similar_words(a: &str, b: &str) -> bool {
    let a: HashSet<String> = words(a).into_iter().collect();
    let b: HashSet<String> = words(b).into_iter().collect();
    let union = a.union(&b).count();
    union > 0 && a.intersection(&b).count() * 2 >= union
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlap() {
        assert!(similar_words(
            "Exports rose 12% to $4.1 billion last year.",
            "Last year exports rose 12% to $4.1 billion, officials said."
        ));
        assert!(!similar_words(
            "Exports rose 12%.",
            "Inflation hit 12% in May."
        ));
        assert!(!similar_words("", ""));
    }
}
