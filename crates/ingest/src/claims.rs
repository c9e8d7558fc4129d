//! Claims: which sentences are check-worthy, and their stable ids.
//!
//! A claim is a body sentence holding a figure, a dated event or an
//! attributed quote. A quote that runs over several sentences makes one
//! claim of all of them, so the statement is never cut mid-quotation.

use claimdex_model::contract::content_hash;
use claimdex_model::{
    Claim, ClaimKind, DateMention, Document, Figure, Quote, QuoteKind, Span, TimexType,
};

/// Builds the claims of a document from its mentions (all in text order).
pub fn build(
    doc: &Document,
    figures: &[Figure],
    dates: &[DateMention],
    quotes: &[Quote],
) -> Vec<Claim> {
    let text = doc.text.as_str();
    let hash = content_hash(text);
    let mut claims: Vec<Claim> = Vec::new();
    let mut i = 0;
    while i < doc.sentences.len() {
        let first_index = i;
        let first = doc.sentences[i];
        let mut span = first.span;
        let mut last = i;
        // Extend over sentences that a quote (marks included) runs into.
        loop {
            let reach = quotes
                .iter()
                .filter(|q| q.span.start < span.end && q.span.end > span.start)
                .map(|q| q.span.end)
                .max()
                .unwrap_or(0);
            let Some(next) = doc.sentences.get(last + 1) else {
                break;
            };
            if reach > next.span.start && next.block == first.block {
                last += 1;
                span.end = next.span.end;
            } else {
                break;
            }
        }
        i = last + 1;
        if !doc
            .blocks
            .get(first.block)
            .is_some_and(|b| b.kind.is_body())
        {
            continue;
        }
        let fig: Vec<usize> = indexes_within(figures.iter().map(|f| f.span), span);
        let dat: Vec<usize> = indexes_within(dates.iter().map(|d| d.span), span)
            .into_iter()
            .filter(|&d| is_event_date(&dates[d]))
            .collect();
        let quo: Vec<usize> = indexes_within(quotes.iter().map(|q| q.span), span)
            .into_iter()
            .filter(|&q| {
                quotes[q].speaker.is_some()
                    && matches!(quotes[q].kind, QuoteKind::Full | QuoteKind::Partial)
            })
            .collect();
        let mut kinds = Vec::new();
        if !fig.is_empty() {
            kinds.push(ClaimKind::Figure);
        }
        if !dat.is_empty() {
            kinds.push(ClaimKind::Date);
        }
        if !quo.is_empty() {
            kinds.push(ClaimKind::Quote);
        }
        if kinds.is_empty() {
            continue;
        }
        let mut speakers = quo.iter().filter_map(|&q| quotes[q].speaker.as_deref());
        let speaker = speakers
            .next()
            .filter(|s| speakers.all(|o| o == *s))
            .map(str::to_string);
        let event_date = dat
            .iter()
            .filter(|&&d| dates[d].timex_type == TimexType::Date)
            .find_map(|&d| {
                dates[d]
                    .value
                    .as_deref()
                    .and_then(claimdex_dates::timex_start_date)
            })
            .or(doc.published);
        // Mentions are indexed into the document's full lists (contract).
        let all_dates = indexes_within(dates.iter().map(|d| d.span), span);
        claims.push(Claim {
            id: claim_id(&doc.id, &hash, span),
            kinds,
            span,
            speaker,
            figures: fig,
            dates: all_dates,
            quotes: indexes_within(quotes.iter().map(|q| q.span), span),
            paragraph: first.block,
            sentence: first_index,
            event_date,
        });
    }
    claims
}

/// A date places an event when it names a time (not a vague "now").
fn is_event_date(d: &DateMention) -> bool {
    !matches!(
        d.value.as_deref(),
        Some("PRESENT_REF" | "PAST_REF" | "FUTURE_REF")
    )
}

fn indexes_within(spans: impl Iterator<Item = Span>, within: Span) -> Vec<usize> {
    spans
        .enumerate()
        .filter(|(_, s)| within.contains(*s) || (s.overlaps(within) && s.start >= within.start))
        .map(|(i, _)| i)
        .collect()
}

/// A claim id stable across runs and machines: a hash of the document id,
/// its content and the statement's position.
pub fn claim_id(doc_id: &str, content_hash: &str, span: Span) -> String {
    let key = format!(
        "{doc_id}\u{0}{content_hash}\u{0}{}\u{0}{}",
        span.start, span.end
    );
    // The first 16 hex digits of `content_hash(key)`, without the other 16.
    format!(
        "c{:016x}",
        claimdex_model::contract::content_hash_head(&key)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_stable_and_distinct() {
        let a = claim_id("d", "h", Span::new(0, 5));
        assert_eq!(a, claim_id("d", "h", Span::new(0, 5)));
        // Pinned: ids must not move between versions.
        assert_eq!(a, "c5aecd6f272efae5c");
        assert_ne!(a, claim_id("d", "h", Span::new(0, 6)));
        assert_eq!(a.len(), 17);
    }
}
