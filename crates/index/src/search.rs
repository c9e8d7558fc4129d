//! Searching: request → tantivy query → hits with the stored records.

use std::collections::HashSet;
use std::ops::Bound;

use claimdex_model::contract::{ClaimRecord, DateRecord, DocMeta, FigureRecord, QuoteRecord};
use claimdex_model::ClaimKind;
use jiff::civil::Date;
use tantivy::collector::TopDocs;
use tantivy::query::EnableScoring;
use tantivy::query::{
    AllQuery, BooleanQuery, ConstScoreQuery, EmptyQuery, Occur, Query, QueryParser, RangeQuery,
    TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::tokenizer::TokenStream;
use tantivy::{DateTime, DocAddress, DocSet, Order, Searcher, TantivyDocument, Term, TERMINATED};

use crate::schema::{unit_value_term, Fields, ENTRY_CLAIM};
use crate::{dates, group, ClaimIndex, IndexError, StoredClaim};

/// How hits are ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortBy {
    /// Best BM25 score first (claim text, speaker and title).
    #[default]
    Relevance,
    /// Newest publication date first; undated claims last.
    Published,
    /// Newest event date first; undated claims last.
    Date,
    /// Largest figure value first (a claim with several figures sorts by
    /// the first value stored for it); claims without a value last.
    Value,
}

/// A search: free text plus filters, all combined with AND.
#[derive(Clone, Debug, PartialEq)]
pub struct SearchRequest {
    /// Free text in tantivy's query syntax (phrases in quotes, AND/OR/NOT,
    /// `+`/`-`), over the claim text, speaker and title. Parsed leniently:
    /// what cannot be parsed is dropped. Empty: every claim that passes the
    /// filters.
    pub text: String,
    /// Only claims of this kind.
    pub kind: Option<ClaimKind>,
    /// Only claims whose speaker is this name (case-insensitive) or
    /// contains all of its words (`trump` matches "Donald Trump").
    pub speaker: Option<String>,
    /// Only claims with a figure in this unit (case-insensitive, exact).
    /// With `min_value`/`max_value`, the same figure must be in this unit
    /// and in the value range.
    pub unit: Option<String>,
    /// Only claims with a figure value ≥ this (a range figure counts with
    /// its lower and its upper bound).
    pub min_value: Option<f64>,
    /// Only claims with a figure value ≤ this.
    pub max_value: Option<f64>,
    /// Only claims whose event date is on or after this day.
    pub from: Option<Date>,
    /// Only claims whose event date is on or before this day.
    pub to: Option<Date>,
    /// Only claims published on or after this day.
    pub published_from: Option<Date>,
    /// Only claims published on or before this day.
    pub published_to: Option<Date>,
    /// Only claims whose document source contains all these words.
    pub source: Option<String>,
    /// Only claims whose document title contains all these words (stemmed).
    pub title: Option<String>,
    /// Only claims whose document URL contains all these words.
    pub url: Option<String>,
    /// Result order.
    pub sort: SortBy,
    /// Reverse the order of `sort` (oldest/smallest first); ignored for
    /// relevance.
    pub ascending: bool,
    /// At most this many hits (0 returns none).
    pub limit: usize,
    /// Fill [`Hit::also_in`] with other documents making the same claim
    /// (one extra lookup per hit).
    pub group: bool,
}

impl Default for SearchRequest {
    fn default() -> Self {
        SearchRequest {
            text: String::new(),
            kind: None,
            speaker: None,
            unit: None,
            min_value: None,
            max_value: None,
            from: None,
            to: None,
            published_from: None,
            published_to: None,
            source: None,
            title: None,
            url: None,
            sort: SortBy::Relevance,
            ascending: false,
            limit: 10,
            group: false,
        }
    }
}

impl SearchRequest {
    /// A free-text request with default limit and no filters.
    pub fn text(text: impl Into<String>) -> Self {
        SearchRequest {
            text: text.into(),
            ..Self::default()
        }
    }
}

/// One search result: a claim with its document and its own mentions.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// Relevance score (0 for filter-only searches and sorted searches).
    pub score: f32,
    /// The claim as extracted (its `figures`/`dates`/`quotes` index the
    /// document's arrays; the claim's own mentions are in the fields below,
    /// in the same order).
    pub claim: ClaimRecord,
    /// The document's metadata, without its text.
    pub doc: DocMeta,
    /// The claim's figures.
    pub figures: Vec<FigureRecord>,
    /// The claim's temporal expressions.
    pub dates: Vec<DateRecord>,
    /// The claim's quotations.
    pub quotes: Vec<QuoteRecord>,
    /// Byte ranges in `claim.text` of words matching the free text, sorted,
    /// for the CLI to colour.
    pub highlights: Vec<(usize, usize)>,
    /// With [`SearchRequest::group`]: `(doc id, claim id)` of the same claim
    /// in other documents.
    pub also_in: Vec<(String, String)>,
}

impl From<StoredClaim> for Hit {
    fn from(s: StoredClaim) -> Self {
        Hit {
            score: 0.0,
            claim: s.claim,
            doc: s.doc,
            figures: s.figures,
            dates: s.dates,
            quotes: s.quotes,
            highlights: Vec::new(),
            also_in: Vec::new(),
        }
    }
}

fn term_query(field: Field, value: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, value),
        IndexRecordOption::Basic,
    ))
}

/// The free-text part of a query, if any.
type TextQuery = Option<Box<dyn Query>>;

/// A filter: matches like `q` but adds nothing to the score.
fn filter(q: Box<dyn Query>) -> (Occur, Box<dyn Query>) {
    (Occur::Must, Box::new(ConstScoreQuery::new(q, 0.0)))
}

fn date_range(field: Field, from: Option<Date>, to: Option<Date>) -> Option<Box<dyn Query>> {
    if from.is_none() && to.is_none() {
        return None;
    }
    let bound = |d: Option<Date>| match d {
        Some(d) => Bound::Included(Term::from_field_date(
            field,
            DateTime::from_timestamp_secs(dates::date_secs(d)),
        )),
        None => Bound::Unbounded,
    };
    Some(Box::new(RangeQuery::new(bound(from), bound(to))))
}

impl ClaimIndex {
    /// Tokens of `text` as the analyzer of `field` produces them.
    fn tokens(&self, field: Field, text: &str) -> Vec<(String, usize, usize)> {
        let Ok(mut analyzer) = self.index.tokenizer_for_field(field) else {
            return Vec::new();
        };
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            let t = stream.token();
            out.push((t.text.clone(), t.offset_from, t.offset_to));
        }
        out
    }

    /// All words of `value` must occur in `field`; `None` if it has none.
    fn all_words(&self, field: Field, value: &str) -> Option<Box<dyn Query>> {
        let clauses: Vec<(Occur, Box<dyn Query>)> = self
            .tokens(field, value)
            .into_iter()
            .map(|(t, _, _)| (Occur::Must, term_query(field, &t)))
            .collect();
        (!clauses.is_empty()).then(|| Box::new(BooleanQuery::new(clauses)) as Box<dyn Query>)
    }

    /// Parses free text leniently over claim text, speaker and title.
    ///
    /// `Ok(None)` for blank text. [`IndexError::BadQuery`] only when the
    /// parser reported errors and nothing searchable is left.
    pub(crate) fn parse_text(&self, text: &str) -> Result<Option<Box<dyn Query>>, IndexError> {
        if text.trim().is_empty() {
            return Ok(None);
        }
        let f = &self.fields;
        let mut parser = QueryParser::for_index(&self.index, vec![f.text, f.speaker, f.title]);
        // The claim itself matters most; a title match alone is weak.
        parser.set_field_boost(f.speaker, 0.8);
        parser.set_field_boost(f.title, 0.3);
        let count_terms = |q: &dyn Query| {
            let mut n = 0usize;
            q.query_terms(&mut |_, _| n += 1);
            n
        };
        // tantivy reads an unclosed quote as a phrase running to the end,
        // which rarely matches; a stray quote is more likely a typo.
        let balanced;
        let text = if text.matches('"').count() % 2 == 1 {
            balanced = match text.rfind('"') {
                Some(at) => format!("{}{}", &text[..at], &text[at + 1..]),
                None => text.to_string(),
            };
            balanced.as_str()
        } else {
            text
        };
        // Too deep a query is searched as its bare words: tantivy's parser,
        // and everything that walks the tree it builds, recurses once per
        // level, and a few hundred levels overflow the stack.
        let too_deep = nesting_operators(text) > MAX_NESTING_OPERATORS;
        let (mut query, errors) = if too_deep {
            (Box::new(EmptyQuery) as Box<dyn Query>, Vec::new())
        } else {
            parser.parse_query_lenient(text)
        };
        // `field:*` parses to an exists query even on a field that does not
        // exist (or is not fast), which fails only when run: treat it as
        // unparsable.
        let schema = self.index.schema();
        let runnable = |q: &dyn Query| {
            q.weight(EnableScoring::disabled_from_schema(&schema))
                .is_ok()
        };
        if too_deep
            || (!errors.is_empty() && count_terms(query.as_ref()) == 0)
            || !runnable(query.as_ref())
        {
            // Nothing survived (an unclosed quote or bracket can swallow
            // everything): fall back to the bare words, as a search box would.
            let words: String = text
                .chars()
                .map(|c| if c.is_alphanumeric() { c } else { ' ' })
                .collect();
            let words: Vec<&str> = words
                .split_whitespace()
                .filter(|w| !matches!(*w, "AND" | "OR" | "NOT" | "IN" | "TO"))
                .collect();
            let (fallback, _) = parser.parse_query_lenient(&words.join(" "));
            if count_terms(fallback.as_ref()) == 0 {
                let mut messages: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
                messages.dedup();
                if too_deep {
                    messages.push(format!(
                        "more than {MAX_NESTING_OPERATORS} brackets and NOT/+/- operators"
                    ));
                }
                if messages.is_empty() {
                    messages.push("no searchable words".into());
                }
                return Err(IndexError::BadQuery {
                    message: format!("cannot search for {text:?}: {}", messages.join("; ")),
                });
            }
            query = fallback;
        }
        Ok(Some(fix_negations(query)))
    }

    /// The full tantivy query of a request, and the free-text part alone
    /// (for highlighting).
    pub(crate) fn build_query(
        &self,
        req: &SearchRequest,
    ) -> Result<(Box<dyn Query>, TextQuery), IndexError> {
        let f = &self.fields;
        let mut clauses: Vec<(Occur, Box<dyn Query>)> =
            vec![filter(term_query(f.entry, ENTRY_CLAIM))];
        let text_query = self.parse_text(&req.text)?;
        if let Some(q) = &text_query {
            clauses.push((Occur::Must, q.box_clone()));
        }
        if let Some(k) = req.kind {
            clauses.push(filter(term_query(f.kind, k.as_str())));
        }
        if let Some(s) = req
            .speaker
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            let exact = term_query(f.speaker_exact, &s.to_lowercase());
            let q: Box<dyn Query> = match self.all_words(f.speaker, s) {
                Some(words) => Box::new(BooleanQuery::new(vec![
                    (Occur::Should, exact),
                    (Occur::Should, words),
                ])),
                None => exact,
            };
            clauses.push(filter(q));
        }
        let unit = req.unit.as_deref().map(str::trim).filter(|u| !u.is_empty());
        let min = req.min_value.filter(|v| !v.is_nan());
        let max = req.max_value.filter(|v| !v.is_nan());
        match unit {
            // Unit and value range: ONE figure must have both, so a claim
            // with "$5" and "3 billion tons" is not a billion-dollar claim.
            Some(u) if min.is_some() || max.is_some() => {
                let lo = unit_value_term(u, min.unwrap_or(f64::NEG_INFINITY));
                let hi = unit_value_term(u, max.unwrap_or(f64::INFINITY));
                clauses.push(filter(Box::new(RangeQuery::new(
                    Bound::Included(Term::from_field_text(f.unit_value, &lo)),
                    Bound::Included(Term::from_field_text(f.unit_value, &hi)),
                ))));
            }
            Some(u) => clauses.push(filter(term_query(f.unit, &u.to_lowercase()))),
            None => {
                if min.is_some() || max.is_some() {
                    let bound = |v: Option<f64>| match v {
                        Some(v) => Bound::Included(Term::from_field_f64(f.value, v)),
                        None => Bound::Unbounded,
                    };
                    clauses.push(filter(Box::new(RangeQuery::new(bound(min), bound(max)))));
                }
            }
        }
        for (field, value) in [
            (f.source, &req.source),
            (f.title, &req.title),
            (f.url, &req.url),
        ] {
            if let Some(v) = value.as_deref().filter(|v| !v.trim().is_empty()) {
                // A value without any word (e.g. "///") can match nothing.
                let q = self
                    .all_words(field, v)
                    .unwrap_or_else(|| Box::new(EmptyQuery));
                clauses.push(filter(q));
            }
        }
        if let Some(q) = date_range(f.event_date, req.from, req.to) {
            clauses.push(filter(q));
        }
        if let Some(q) = date_range(f.published, req.published_from, req.published_to) {
            clauses.push(filter(q));
        }
        Ok((Box::new(BooleanQuery::new(clauses)), text_query))
    }

    /// Runs a search; see [`SearchRequest`].
    pub fn search(&self, req: &SearchRequest) -> Result<Vec<Hit>, IndexError> {
        let (query, text_query) = self.build_query(req)?;
        let searcher = self.reader.searcher();
        // No more hits than entries: a huge limit ("all of them", as export
        // asks) must not size a buffer.
        let limit = req.limit.min(searcher.num_docs() as usize);
        if limit == 0 {
            return Ok(Vec::new());
        }
        let top = TopDocs::with_limit(limit);
        let order = if req.ascending {
            Order::Asc
        } else {
            Order::Desc
        };
        let addrs: Vec<(f32, DocAddress)> = match req.sort {
            // Filters only: every match scores the same, so take the first
            // `limit` in index order instead of scoring them all (a date
            // range can match most of a million claims).
            SortBy::Relevance if text_query.is_none() => {
                first_matches(&searcher, query.as_ref(), limit)?
            }
            SortBy::Relevance => searcher.search(&query, &top.order_by_score())?,
            SortBy::Published | SortBy::Date => {
                let name = if req.sort == SortBy::Published {
                    "published"
                } else {
                    "event_date"
                };
                let found: Vec<(Option<DateTime>, DocAddress)> =
                    searcher.search(&query, &top.order_by_fast_field(name, order))?;
                found.into_iter().map(|(_, a)| (0.0, a)).collect()
            }
            SortBy::Value => {
                let found: Vec<(Option<f64>, DocAddress)> =
                    searcher.search(&query, &top.order_by_fast_field("value", order))?;
                found.into_iter().map(|(_, a)| (0.0, a)).collect()
            }
        };
        let highlight_terms = self.highlight_terms(text_query.as_deref());
        let mut hits = Vec::with_capacity(addrs.len());
        for (score, addr) in addrs {
            let mut hit = self.load_hit(&searcher, addr)?;
            hit.score = score;
            hit.highlights = self.highlights(&hit.claim.text, &highlight_terms);
            if req.group {
                hit.also_in = self.also_in(&searcher, &hit)?;
            }
            hits.push(hit);
        }
        Ok(hits)
    }

    /// Decodes the stored claim at `addr`.
    pub(crate) fn load_hit(
        &self,
        searcher: &Searcher,
        addr: DocAddress,
    ) -> Result<Hit, IndexError> {
        let doc: TantivyDocument = searcher.doc(addr)?;
        decode(&self.fields, &doc).map(Hit::from)
    }

    /// The claim with this id, if indexed.
    pub fn get_claim(&self, claim_id: &str) -> Result<Option<Hit>, IndexError> {
        let searcher = self.reader.searcher();
        let q = BooleanQuery::new(vec![
            (Occur::Must, term_query(self.fields.claim_id, claim_id)),
            (Occur::Must, term_query(self.fields.entry, ENTRY_CLAIM)),
        ]);
        let found = searcher.search(&q, &TopDocs::with_limit(1).order_by_score())?;
        match found.first() {
            Some(&(_, addr)) => {
                let mut hit = self.load_hit(&searcher, addr)?;
                hit.also_in = self.also_in(&searcher, &hit)?;
                Ok(Some(hit))
            }
            None => Ok(None),
        }
    }

    /// Stemmed terms of the free-text query on the claim-text field.
    fn highlight_terms(&self, text_query: Option<&dyn Query>) -> HashSet<String> {
        let mut out = HashSet::new();
        if let Some(q) = text_query {
            q.query_terms(&mut |term, _| {
                if term.field() == self.fields.text {
                    if let Some(s) = term.value().as_str() {
                        out.insert(s.to_string());
                    }
                }
            });
        }
        out
    }

    /// Byte ranges of the words of `text` whose stemmed form is a query term.
    fn highlights(&self, text: &str, terms: &HashSet<String>) -> Vec<(usize, usize)> {
        if terms.is_empty() {
            return Vec::new();
        }
        self.tokens(self.fields.text, text)
            .into_iter()
            .filter(|(t, from, to)| {
                terms.contains(t)
                    && from < to
                    && text.is_char_boundary(*from)
                    && text.is_char_boundary(*to)
                    && *to <= text.len()
            })
            .map(|(_, from, to)| (from, to))
            .collect()
    }

    /// Other documents stating the same claim: sharing a quote key, or a
    /// figure key with enough word overlap. At most 50.
    fn also_in(&self, searcher: &Searcher, hit: &Hit) -> Result<Vec<(String, String)>, IndexError> {
        let keys = group::keys(&hit.claim, &hit.figures, &hit.quotes);
        if keys.is_empty() {
            return Ok(Vec::new());
        }
        let f = &self.fields;
        let should: Vec<(Occur, Box<dyn Query>)> = keys
            .iter()
            .map(|k| (Occur::Should, term_query(f.group, k)))
            .collect();
        let q = BooleanQuery::new(vec![
            (
                Occur::Must,
                Box::new(BooleanQuery::new(should)) as Box<dyn Query>,
            ),
            (Occur::MustNot, term_query(f.doc_id, &hit.doc.id)),
        ]);
        let found = searcher.search(&q, &TopDocs::with_limit(200).order_by_score())?;
        let mut out = Vec::new();
        let mut seen = HashSet::new();
        for (_, addr) in found {
            let other = self.load_hit(searcher, addr)?;
            let other_keys = group::keys(&other.claim, &other.figures, &other.quotes);
            let same_quote = other_keys
                .iter()
                .any(|k| k.starts_with("q:") && keys.contains(k));
            if (same_quote || group::similar_words(&hit.claim.text, &other.claim.text))
                && seen.insert(other.doc.id.clone())
            {
                out.push((other.doc.id, other.claim.id));
                if out.len() >= 50 {
                    break;
                }
            }
        }
        out.sort();
        Ok(out)
    }
}

/// The first `limit` live documents matching `query`, in index order,
/// without scoring: stops as soon as enough are found.
fn first_matches(
    searcher: &Searcher,
    query: &dyn Query,
    limit: usize,
) -> Result<Vec<(f32, DocAddress)>, IndexError> {
    let weight = query.weight(EnableScoring::disabled_from_searcher(searcher))?;
    let mut out = Vec::with_capacity(limit);
    for (ord, reader) in searcher.segment_readers().iter().enumerate() {
        let mut scorer = weight.scorer(reader, 1.0)?;
        let alive = reader.alive_bitset();
        let mut doc = scorer.doc();
        while doc != TERMINATED {
            if alive.is_none_or(|a| a.is_alive(doc)) {
                out.push((0.0, DocAddress::new(ord as u32, doc)));
                if out.len() >= limit {
                    return Ok(out);
                }
            }
            doc = scorer.advance();
        }
    }
    Ok(out)
}

/// Gives every purely negative boolean query something to subtract from.
///
/// tantivy parses `a AND NOT b` as `+a +(-b)`, and a boolean query with only
/// `MustNot` clauses matches nothing, so the whole query would match
/// nothing; `+a +(* -b)` is what the user meant. Same for a bare `NOT b`.
fn fix_negations(q: Box<dyn Query>) -> Box<dyn Query> {
    let Some(b) = q.downcast_ref::<BooleanQuery>() else {
        return q;
    };
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = b
        .clauses()
        .iter()
        .map(|(o, c)| (*o, fix_negations(c.box_clone())))
        .collect();
    if !clauses.is_empty() && clauses.iter().all(|(o, _)| *o == Occur::MustNot) {
        clauses.push((Occur::Must, Box::new(AllQuery)));
    }
    Box::new(BooleanQuery::new(clauses))
}

/// How many brackets and prefix operators a free-text query may hold before
/// it is searched as bare words. Their count bounds the depth of the parsed
/// query; nobody types 32 of them, and a deeper tree risks the stack (a test
/// thread's 2 MiB in a debug build included).
const MAX_NESTING_OPERATORS: usize = 32;

/// Counts what can nest in tantivy's query grammar, outside quotes: opening
/// brackets, `NOT`, and `-`/`+` at the start of a word or right after a
/// bracket or another prefix (`-(-(a`), not inside a word (`U-turn`).
fn nesting_operators(text: &str) -> usize {
    text.split('"')
        .step_by(2)
        .flat_map(str::split_whitespace)
        .map(|word| {
            let mut n = usize::from(word.trim_start_matches(['(', '-', '+']) == "NOT");
            let mut opens = true;
            for c in word.chars() {
                match c {
                    '(' => {
                        n += 1;
                        opens = true;
                    }
                    '-' | '+' if opens => n += 1,
                    _ => opens = false,
                }
            }
            n
        })
        .sum()
}

/// Decodes a stored claim document.
pub(crate) fn decode(f: &Fields, doc: &TantivyDocument) -> Result<StoredClaim, IndexError> {
    let json = doc
        .get_first(f.payload)
        .and_then(|v| v.as_str())
        .ok_or_else(|| IndexError::Corrupt("claim without payload".into()))?;
    serde_json::from_str(json).map_err(|e| IndexError::Corrupt(e.to_string()))
}
