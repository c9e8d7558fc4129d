//! A claim in context: the sentences around it and the other claims near it.
//!
//! Each document entry stores its sentences (code-point span and text) and
//! its claims' spans, once per document, so `show` can print the sentence
//! before and after a claim without keeping the whole text of every claim.

use claimdex_model::contract::DocRecord;
use serde::{Deserialize, Serialize};

/// What a document entry stores for showing its claims in context.
#[derive(Debug, Default, PartialEq, Serialize, Deserialize)]
pub(crate) struct DocContext {
    /// Sentences in text order: start, end (code points) and text.
    #[serde(rename = "s")]
    pub sentences: Vec<(usize, usize, String)>,
    /// Claims in text order: id, start, end (code points).
    #[serde(rename = "c")]
    pub claims: Vec<(String, usize, usize)>,
}

/// The neighbourhood of a claim in its document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClaimContext {
    /// The last sentence that ends before the claim starts.
    pub before: Option<String>,
    /// The first sentence that starts after the claim ends.
    pub after: Option<String>,
    /// Ids of the document's other claims that overlap the claim, the
    /// sentence before or the sentence after it, in text order.
    pub nearby: Vec<String>,
}

impl DocContext {
    /// The context of a record that carries its text and sentences
    /// (`Include { text: true, sentences: true }`); `None` otherwise.
    pub(crate) fn of_record(rec: &DocRecord) -> Option<DocContext> {
        let text = rec.doc.text.as_deref()?;
        let spans = rec.sentences.as_ref()?;
        // Byte offset of every code point, and of the end.
        let bytes: Vec<usize> = text
            .char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(text.len()))
            .collect();
        let slice = |start: usize, end: usize| {
            let from = *bytes.get(start)?;
            let to = *bytes.get(end)?;
            text.get(from..to)
        };
        let sentences = spans
            .iter()
            .filter_map(|s| Some((s.start, s.end, slice(s.start, s.end)?.trim().to_string())))
            .collect();
        let claims = rec
            .claims
            .iter()
            .map(|c| (c.id.clone(), c.start, c.end))
            .collect();
        Some(DocContext { sentences, claims })
    }

    /// The neighbourhood of the claim `id` spanning `start..end`.
    pub(crate) fn around(&self, id: &str, start: usize, end: usize) -> ClaimContext {
        let before = self.sentences.iter().rev().find(|s| s.1 <= start);
        let after = self.sentences.iter().find(|s| s.0 >= end);
        let from = before.map_or(start, |s| s.0);
        let to = after.map_or(end, |s| s.1);
        let nearby = self
            .claims
            .iter()
            .filter(|(other, s, e)| other != id && *s < to && *e > from)
            .map(|(other, _, _)| other.clone())
            .collect();
        ClaimContext {
            before: before.map(|s| s.2.clone()),
            after: after.map(|s| s.2.clone()),
            nearby,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx() -> DocContext {
        DocContext {
            sentences: vec![
                (0, 10, "One two.".into()),
                (11, 20, "Three.".into()),
                (21, 30, "Four.".into()),
                (31, 40, "Five.".into()),
            ],
            claims: vec![
                ("a".into(), 0, 10),
                ("b".into(), 11, 20),
                ("c".into(), 21, 30),
                ("d".into(), 31, 40),
            ],
        }
    }

    #[test]
    fn neighbours_of_a_middle_claim() {
        let c = ctx().around("b", 11, 20);
        assert_eq!(c.before.as_deref(), Some("One two."));
        assert_eq!(c.after.as_deref(), Some("Four."));
        assert_eq!(c.nearby, vec!["a".to_string(), "c".to_string()]);
    }

    #[test]
    fn first_and_last_claims_have_one_side() {
        let first = ctx().around("a", 0, 10);
        assert_eq!(first.before, None);
        assert_eq!(first.after.as_deref(), Some("Three."));
        let last = ctx().around("d", 31, 40);
        assert_eq!(last.before.as_deref(), Some("Four."));
        assert_eq!(last.after, None);
        assert_eq!(last.nearby, vec!["c".to_string()]);
    }

    #[test]
    fn multi_sentence_claim_skips_its_own_sentences() {
        let c = ctx().around("x", 11, 30);
        assert_eq!(c.before.as_deref(), Some("One two."));
        assert_eq!(c.after.as_deref(), Some("Five."));
        assert_eq!(c.nearby, vec!["a", "b", "c", "d"]);
    }
}
