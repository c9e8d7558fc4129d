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
        // The sentence's first DATE that names a day, month, quarter or
        // year places it; a vague one ("the week" = `WXX`) gives way to the
        // next ("the week ended February 22"). A relative date left without
        // a value (no publication date to anchor it) ends the search: a
        // later date in the sentence is then usually background ("On
        // Thursday … the 2002 deal"), so the claim falls back instead.
        let event_date = dat
            .iter()
            .filter(|&&d| dates[d].timex_type == TimexType::Date)
            .find_map(|&d| match dates[d].value.as_deref() {
                None => Some(None),
                Some(value) => claimdex_dates::timex_start_date(value).map(Some),
            })
            .flatten()
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

    fn event_dates(text: &str, published: Option<jiff::civil::Date>) -> Vec<Option<String>> {
        let mut doc = Document::new("t", "t", claimdex_model::SourceFormat::Text, text.into());
        crate::analyze(&mut doc, published);
        crate::extract(doc)
            .claims
            .iter()
            .map(|c| c.event_date.map(|d| d.to_string()))
            .collect()
    }

    #[test]
    fn event_date_is_the_first_date_of_the_sentence() {
        let published = Some(jiff::civil::date(2025, 10, 28));
        let text = "The deal was signed in March 2019, years before the 2024 review.\n";
        assert_eq!(
            event_dates(text, published),
            [Some("2019-03-01".to_string())]
        );
        // A vague week gives way to the date that ends it.
        let text = "Exports rose in the week ended February 22 from 2019 levels.\n";
        assert_eq!(
            event_dates(text, published),
            [Some("2025-02-22".to_string())]
        );
    }

    #[test]
    fn an_unplaceable_first_date_does_not_fall_through_to_background_years() {
        // No publication date: "On Thursday" has no value, and the 2002 deal
        // is background, not when the sentence's event happened.
        let text = "On Thursday the company said it would end the 2002 deal.\n";
        assert_eq!(event_dates(text, None), [None]);
        let published = Some(jiff::civil::date(2025, 10, 28));
        let dated = event_dates(text, published);
        assert_eq!(dated.len(), 1);
        assert!(dated[0]
            .as_deref()
            .is_some_and(|d| d.starts_with("2025-10")));
    }

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
