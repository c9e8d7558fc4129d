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
            .find_map(|&d| dates[d].value.as_deref().and_then(timex_start_date))
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
    let full = claimdex_model::contract::content_hash(&key);
    format!("c{}", &full[..16])
}

/// The first calendar day a TIMEX3 date value covers: "2024" → 2024-01-01,
/// "2024-05" → 2024-05-01, "2025-W44" → that week's Monday, "2025-Q3" →
/// 2025-07-01, "2025-SU" → 2025-06-01, "198" → 1980-01-01, "19" →
/// 1900-01-01. `None` for values that name no calendar period.
pub fn timex_start_date(value: &str) -> Option<jiff::civil::Date> {
    use jiff::civil::{Date, ISOWeekDate, Weekday};
    let year_of = |s: &str| -> Option<i16> {
        (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    if let Ok(d) = value.get(..10).unwrap_or("").parse::<Date>() {
        return Some(d);
    }
    let (head, rest) = value.split_at(value.find('-').unwrap_or(value.len()));
    let rest = rest.trim_start_matches('-');
    match (head.len(), rest) {
        (2, "") if head.bytes().all(|b| b.is_ascii_digit()) => {
            Date::new(head.parse::<i16>().ok()? * 100, 1, 1).ok()
        }
        (3, "") if head.bytes().all(|b| b.is_ascii_digit()) => {
            Date::new(head.parse::<i16>().ok()? * 10, 1, 1).ok()
        }
        (4, _) => {
            let year = year_of(head)?;
            if rest.is_empty() {
                return Date::new(year, 1, 1).ok();
            }
            if let Some(week) = rest.strip_prefix('W') {
                let week: i8 = week.get(..2)?.parse().ok()?;
                return ISOWeekDate::new(year, week, Weekday::Monday)
                    .ok()
                    .map(|w| w.date());
            }
            if let Some(q) = rest.strip_prefix('Q') {
                let q: i8 = q.parse().ok()?;
                return (1..=4)
                    .contains(&q)
                    .then(|| Date::new(year, (q - 1) * 3 + 1, 1).ok())
                    .flatten();
            }
            if let Some(h) = rest.strip_prefix('H') {
                let h: i8 = h.parse().ok()?;
                return (1..=2)
                    .contains(&h)
                    .then(|| Date::new(year, (h - 1) * 6 + 1, 1).ok())
                    .flatten();
            }
            let month = match rest {
                "SP" => 3,
                "SU" => 6,
                "FA" => 9,
                "WI" => 12,
                m => m.get(..2)?.parse::<i8>().ok()?,
            };
            Date::new(year, month, 1).ok()
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timex_starts() {
        let d = |v: &str| timex_start_date(v).map(|d| d.to_string());
        assert_eq!(d("2024").as_deref(), Some("2024-01-01"));
        assert_eq!(d("2024-05").as_deref(), Some("2024-05-01"));
        assert_eq!(d("2025-10-28").as_deref(), Some("2025-10-28"));
        assert_eq!(d("2025-W44").as_deref(), Some("2025-10-27"));
        assert_eq!(d("2025-Q3").as_deref(), Some("2025-07-01"));
        assert_eq!(d("198").as_deref(), Some("1980-01-01"));
        assert_eq!(d("19").as_deref(), Some("1900-01-01"));
        assert_eq!(d("PRESENT_REF"), None);
        assert_eq!(d("2025-13"), None);
        assert_eq!(d("P6M"), None);
    }

    #[test]
    fn ids_are_stable_and_distinct() {
        let a = claim_id("d", "h", Span::new(0, 5));
        assert_eq!(a, claim_id("d", "h", Span::new(0, 5)));
        assert_ne!(a, claim_id("d", "h", Span::new(0, 6)));
        assert_eq!(a.len(), 17);
    }
}
