//! `claimdex query`, `show` and `stats`: reading the index.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use anyhow::Result;
use claimdex_index::{ClaimIndex, Hit, SearchRequest};
use claimdex_model::contract::{ClaimRecord, DateRecord, DocMeta, FigureRecord, QuoteRecord};
use claimdex_model::ClaimKind;
use serde::Serialize;

use crate::args::{Format, KindArg, QueryArgs, ShowArgs, StatsArgs};
use crate::extract::is_broken_pipe;
use crate::render;

/// A hit as printed by `--format json/jsonl`: the contract's claim shape
/// (with `citation`), its own mentions, and the document's metadata.
#[derive(Serialize)]
struct HitRecord<'a> {
    score: f32,
    #[serde(flatten)]
    claim: &'a ClaimRecord,
    doc: &'a DocMeta,
    #[serde(rename = "figure_mentions")]
    figures: &'a [FigureRecord],
    #[serde(rename = "date_mentions")]
    dates: &'a [DateRecord],
    #[serde(rename = "quote_mentions")]
    quotes: &'a [QuoteRecord],
}

fn hit_record(h: &Hit) -> HitRecord<'_> {
    HitRecord {
        score: h.score,
        claim: &h.claim,
        doc: &h.doc,
        figures: &h.figures,
        dates: &h.dates,
        quotes: &h.quotes,
    }
}

pub fn run(args: QueryArgs) -> Result<ExitCode> {
    let index = ClaimIndex::open(&args.index)?;
    let f = &args.filters;
    let req = SearchRequest {
        text: args.text.clone(),
        kind: f.kind.map(|k| match k {
            KindArg::Figure => ClaimKind::Figure,
            KindArg::Date => ClaimKind::Date,
            KindArg::Quote => ClaimKind::Quote,
        }),
        speaker: f.speaker.clone(),
        unit: f.unit.clone(),
        min_value: f.min_value,
        max_value: f.max_value,
        from: f.from,
        to: f.to,
        published_from: f.published_from,
        published_to: f.published_to,
        limit: args.limit,
        ..SearchRequest::default()
    };
    let hits = index.search(&req)?;
    match print_hits(&hits, args.format) {
        Err(err) if is_broken_pipe(&err) => {}
        other => other?,
    }
    if hits.is_empty() && args.format == Format::Text {
        eprintln!("claimdex: no claims match");
    }
    Ok(if hits.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn print_hits(hits: &[Hit], format: Format) -> Result<()> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match format {
        Format::Text => {
            let colour = render::colour_stdout();
            for (i, h) in hits.iter().enumerate() {
                let figures: Vec<&FigureRecord> = h.figures.iter().collect();
                let dates: Vec<&DateRecord> = h.dates.iter().collect();
                let quotes: Vec<&QuoteRecord> = h.quotes.iter().collect();
                render::claim_text(
                    &mut out,
                    i + 1,
                    &h.claim,
                    &h.doc,
                    &figures,
                    &dates,
                    &quotes,
                    &h.highlights,
                    colour,
                )?;
                writeln!(out)?;
            }
        }
        Format::Jsonl => {
            for h in hits {
                serde_json::to_writer(&mut out, &hit_record(h))?;
                out.write_all(b"\n")?;
            }
        }
        Format::Json => {
            let all: Vec<HitRecord> = hits.iter().map(hit_record).collect();
            serde_json::to_writer_pretty(&mut out, &all)?;
            out.write_all(b"\n")?;
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(&mut out);
            w.write_record(render::CSV_HEADER)?;
            for h in hits {
                let figures: Vec<&FigureRecord> = h.figures.iter().collect();
                let dates: Vec<&DateRecord> = h.dates.iter().collect();
                w.write_record(render::claim_row(&h.claim, &h.doc, &figures, &dates))?;
            }
            w.flush()?;
        }
    }
    out.flush()?;
    Ok(())
}

pub fn show(args: ShowArgs) -> Result<ExitCode> {
    let index = ClaimIndex::open(&args.index)?;
    let Some(hit) = index.get_claim(&args.id)? else {
        eprintln!("claimdex: no claim with id {}", args.id);
        return Ok(ExitCode::from(1));
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match args.format {
        Format::Text | Format::Csv => {
            let figures: Vec<&FigureRecord> = hit.figures.iter().collect();
            let dates: Vec<&DateRecord> = hit.dates.iter().collect();
            let quotes: Vec<&QuoteRecord> = hit.quotes.iter().collect();
            render::claim_text(
                &mut out,
                1,
                &hit.claim,
                &hit.doc,
                &figures,
                &dates,
                &quotes,
                &[],
                render::colour_stdout(),
            )?;
            let q = &hit.claim.citation.quote;
            writeln!(
                out,
                "   selector: prefix {:?} exact {:?} suffix {:?}",
                q.prefix, q.exact, q.suffix
            )?;
        }
        Format::Json | Format::Jsonl => {
            serde_json::to_writer_pretty(&mut out, &hit_record(&hit))?;
            out.write_all(b"\n")?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

pub fn stats(args: StatsArgs) -> Result<ExitCode> {
    let index = ClaimIndex::open(&args.index)?;
    let s = index.stats()?;
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let counts = |v: &[claimdex_index::Count]| {
        v.iter()
            .map(|c| format!("{} ({})", c.value, c.claims))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let range = |r: &Option<(String, String)>| {
        r.as_ref()
            .map(|(a, b)| format!("{a} .. {b}"))
            .unwrap_or_else(|| "none".into())
    };
    match args.format {
        Format::Json | Format::Jsonl => {
            let json = serde_json::json!({
                "documents": s.documents,
                "claims": s.claims,
                "claims_by_kind": s.claims_by_kind.iter().map(|c| (c.value.clone(), c.claims)).collect::<std::collections::BTreeMap<_, _>>(),
                "top_speakers": s.top_speakers.iter().map(|c| serde_json::json!({"speaker": c.value, "claims": c.claims})).collect::<Vec<_>>(),
                "top_units": s.top_units.iter().map(|c| serde_json::json!({"unit": c.value, "claims": c.claims})).collect::<Vec<_>>(),
                "published_range": s.published_range,
                "event_range": s.event_range,
                "bytes_on_disk": s.bytes_on_disk,
                "segments": s.segments,
            });
            serde_json::to_writer_pretty(&mut out, &json)?;
            out.write_all(b"\n")?;
        }
        Format::Text | Format::Csv => {
            writeln!(out, "documents:       {}", s.documents)?;
            writeln!(
                out,
                "claims:          {} ({})",
                s.claims,
                counts(&s.claims_by_kind)
            )?;
            writeln!(out, "top speakers:    {}", counts(&s.top_speakers))?;
            writeln!(out, "top units:       {}", counts(&s.top_units))?;
            writeln!(out, "published:       {}", range(&s.published_range))?;
            writeln!(out, "events:          {}", range(&s.event_range))?;
            writeln!(
                out,
                "size on disk:    {:.1} MB in {} segments",
                s.bytes_on_disk as f64 / 1e6,
                s.segments
            )?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
