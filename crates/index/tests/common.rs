//! Hand-built contract records for the index tests.
#![allow(dead_code)]

use claimdex_index::{ClaimIndex, Upsert};
use claimdex_model::contract::{
    Citation, ClaimRecord, DocMeta, DocRecord, FigureRecord, QuoteRecord, TextQuoteSelector,
};

/// Indexing memory budget of the test writers.
pub const BUDGET: usize = 50_000_000;

/// A new index in a temporary directory holding [`corpus`], committed;
/// every document must go in as new. Keep the directory alive as long as
/// the index.
pub fn corpus_index() -> (tempfile::TempDir, ClaimIndex) {
    let dir = tempfile::tempdir().unwrap();
    let index = ClaimIndex::open_or_create(dir.path()).unwrap();
    {
        let mut w = index.writer(BUDGET).unwrap();
        for rec in corpus() {
            assert_eq!(w.upsert(&rec).unwrap(), Upsert::New);
        }
        w.commit().unwrap();
    }
    (dir, index)
}

/// A claim to put in a test document.
#[derive(Clone, Default)]
pub struct C {
    pub id: &'static str,
    pub text: &'static str,
    pub kinds: &'static [&'static str],
    pub speaker: Option<&'static str>,
    pub figures: Vec<(f64, &'static str)>,
    pub quote: Option<&'static str>,
    pub event_date: Option<&'static str>,
}

/// A document record with `claims`; `version` changes the content hash.
pub fn doc(
    id: &str,
    version: &str,
    published: Option<&str>,
    title: &str,
    claims: &[C],
) -> DocRecord {
    let meta = DocMeta {
        id: id.to_string(),
        source: format!("corpus/{id}.txt"),
        url: Some(format!("https://news.example/{id}")),
        title: Some(title.to_string()),
        published: published.map(str::to_string),
        author: None,
        site: None,
        lang: Some("en".into()),
        content_hash: format!("{id}-{version}"),
        chars: 1000,
        text: None,
    };
    let mut figures = Vec::new();
    let mut quotes = Vec::new();
    let mut records = Vec::new();
    let mut offset = 0;
    for (n, c) in claims.iter().enumerate() {
        let len = c.text.chars().count();
        let mut fig_idx = Vec::new();
        for (v, unit) in &c.figures {
            fig_idx.push(figures.len());
            figures.push(FigureRecord {
                start: offset,
                end: offset + 1,
                text: format!("{v} {unit}"),
                value: Some(*v),
                value_max: None,
                unit: unit.to_string(),
                kind: "quantity".into(),
                qualifier: None,
                comparator: None,
                measured: None,
            });
        }
        let mut quote_idx = Vec::new();
        if let Some(q) = c.quote {
            quote_idx.push(quotes.len());
            quotes.push(QuoteRecord {
                start: offset,
                end: offset + q.chars().count(),
                text: q.to_string(),
                kind: "full".into(),
                speaker: c.speaker.map(str::to_string),
                speaker_start: None,
                speaker_end: None,
            });
        }
        records.push(ClaimRecord {
            id: c.id.to_string(),
            kind: c.kinds.iter().map(|k| k.to_string()).collect(),
            start: offset,
            end: offset + len,
            text: c.text.to_string(),
            speaker: c.speaker.map(str::to_string),
            figures: fig_idx,
            dates: Vec::new(),
            quotes: quote_idx,
            event_date: c.event_date.map(str::to_string).or(meta.published.clone()),
            citation: Citation {
                doc_id: id.to_string(),
                source: meta.source.clone(),
                url: meta.url.clone(),
                title: meta.title.clone(),
                published: meta.published.clone(),
                paragraph: n,
                sentence: n,
                start: offset,
                end: offset + len,
                quote: TextQuoteSelector {
                    exact: c.text.to_string(),
                    prefix: String::new(),
                    suffix: String::new(),
                },
                fragment_url: None,
            },
        });
        offset += len + 1;
    }
    DocRecord {
        doc: meta,
        sentences: None,
        figures,
        dates: Vec::new(),
        quotes,
        claims: records,
    }
}

/// A small corpus of three documents.
pub fn corpus() -> Vec<DocRecord> {
    vec![
        doc(
            "budget",
            "v1",
            Some("2023-05-10"),
            "Budget deficit widens",
            &[
                C {
                    id: "budget-1",
                    text: "The deficit reached $1.7 trillion in 2023, the Treasury said.",
                    kinds: &["figure", "date"],
                    figures: vec![(1.7e12, "USD")],
                    event_date: Some("2023-01-01"),
                    ..C::default()
                },
                C {
                    id: "budget-2",
                    text:
                        "\u{201c}We will cut spending by 5% next year,\u{201d} said Janet Yellen.",
                    kinds: &["figure", "quote"],
                    speaker: Some("Janet Yellen"),
                    figures: vec![(5.0, "%")],
                    quote: Some("We will cut spending by 5% next year,"),
                    ..C::default()
                },
            ],
        ),
        doc(
            "jobs",
            "v1",
            Some("2021-02-05"),
            "Unemployment falls in January",
            &[
                C {
                    id: "jobs-1",
                    text: "Unemployment fell to 6.3% in January, its lowest since the spring.",
                    kinds: &["figure", "date"],
                    figures: vec![(6.3, "%")],
                    event_date: Some("2021-01-31"),
                    ..C::default()
                },
                C {
                    id: "jobs-2",
                    text:
                        "\u{201c}The labour market is healing,\u{201d} Donald Trump told reporters.",
                    kinds: &["quote"],
                    speaker: Some("Donald Trump"),
                    quote: Some("The labour market is healing,"),
                    ..C::default()
                },
            ],
        ),
        doc(
            "wire",
            "v1",
            Some("2023-05-11"),
            "Deficit tops forecasts",
            &[C {
                id: "wire-1",
                text: "The US deficit reached $1.7 trillion in 2023, officials said on Thursday.",
                kinds: &["figure"],
                figures: vec![(1.7e12, "USD")],
                event_date: Some("2023-01-01"),
                ..C::default()
            }],
        ),
        doc(
            "empty",
            "v1",
            Some("2019-12-31"),
            "A document without claims",
            &[],
        ),
    ]
}
