//! `claimdex query`, `show`, `stats` and `export`: reading the index.

use std::io::{self, BufRead, BufWriter, Write};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use claimdex_index::{ClaimIndex, ClaimRow, Hit, SearchRequest, SortBy};
use claimdex_model::contract::{ClaimRecord, DateRecord, DocMeta, FigureRecord, QuoteRecord};
use claimdex_model::ClaimKind;
use serde::Serialize;

use crate::args::{
    ExportArgs, Format, KindArg, QueryArgs, RowFormat, ShowArgs, SortArg, StatsArgs, ViewFormat,
};
use crate::extract::is_broken_pipe;
use crate::render;

/// A hit as printed by `--format json/jsonl`: the contract's claim shape
/// (with `citation`), its own mentions, and the document's metadata.
#[derive(Serialize)]
struct HitRecord<'a> {
    score: f32,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    also_in: Vec<AlsoIn<'a>>,
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

/// The same claim in another document.
#[derive(Serialize)]
struct AlsoIn<'a> {
    doc_id: &'a str,
    claim_id: &'a str,
}

fn hit_record(h: &Hit) -> HitRecord<'_> {
    let also_in = h
        .also_in
        .iter()
        .map(|(d, c)| AlsoIn {
            doc_id: d,
            claim_id: c,
        })
        .collect();
    HitRecord {
        score: h.score,
        also_in,
        claim: &h.claim,
        doc: &h.doc,
        figures: &h.figures,
        dates: &h.dates,
        quotes: &h.quotes,
    }
}

/// The request the flags describe, before the query text is parsed.
fn base_request(args: &QueryArgs) -> SearchRequest {
    let f = &args.filters;
    SearchRequest {
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
        sort: match args.sort {
            SortArg::Relevance => SortBy::Relevance,
            SortArg::Published => SortBy::Published,
            SortArg::Date => SortBy::Date,
            SortArg::Value => SortBy::Value,
        },
        ascending: args.asc,
        group: args.group,
        ..SearchRequest::default()
    }
}

pub fn run(args: QueryArgs) -> Result<ExitCode> {
    let index = ClaimIndex::open(&args.index)?;
    if let Some(file) = &args.queries {
        return run_batch(&index, &args, file);
    }
    let req = match claimdex_index::query::parse_into(&args.text, base_request(&args)) {
        Ok(req) => req,
        Err(err) => {
            eprintln!("claimdex: {err}");
            return Ok(ExitCode::from(2));
        }
    };
    let started = Instant::now();
    let hits = index.search(&req)?;
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    match print_hits(&hits, args.format, args.timings.then_some(ms)) {
        Err(err) if is_broken_pipe(&err) => {}
        other => other?,
    }
    if args.timings && args.format == Format::Text {
        eprintln!("claimdex: {} results in {ms:.2} ms", hits.len());
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

/// One query per line, one process: JSONL tagged with the query (and its
/// latency with `--timings`). Blank lines and `#` comments are skipped.
fn run_batch(index: &ClaimIndex, args: &QueryArgs, file: &std::path::Path) -> Result<ExitCode> {
    let reader: Box<dyn BufRead> = if file.as_os_str() == "-" {
        Box::new(io::stdin().lock())
    } else {
        let f = std::fs::File::open(file)
            .with_context(|| format!("cannot read queries from {}", file.display()))?;
        Box::new(io::BufReader::new(f))
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut bad = 0usize;
    for (n, line) in reader.lines().enumerate() {
        let line = line?;
        let q = line.trim();
        if q.is_empty() || q.starts_with('#') {
            continue;
        }
        let started = Instant::now();
        let result = claimdex_index::query::parse_into(q, base_request(args))
            .map_err(|e| e.to_string())
            .and_then(|req| index.search(&req).map_err(|e| e.to_string()));
        let ms = started.elapsed().as_secs_f64() * 1000.0;
        let line_no = n + 1;
        match result {
            Ok(hits) => {
                if hits.is_empty() {
                    let mut row =
                        serde_json::json!({"query": q, "line": line_no, "rank": null, "hits": 0});
                    if args.timings {
                        row["ms"] = serde_json::json!(ms);
                    }
                    serde_json::to_writer(&mut out, &row)?;
                    out.write_all(b"\n")?;
                }
                for (rank, h) in hits.iter().enumerate() {
                    let tagged = Tagged {
                        query: q,
                        line: line_no,
                        rank: rank + 1,
                        ms: args.timings.then_some(ms),
                        hit: hit_record(h),
                    };
                    serde_json::to_writer(&mut out, &tagged)?;
                    out.write_all(b"\n")?;
                }
            }
            Err(message) => {
                bad += 1;
                eprintln!("claimdex: {}:{line_no}: {message}", file.display());
                let row = serde_json::json!({"query": q, "line": line_no, "error": message});
                serde_json::to_writer(&mut out, &row)?;
                out.write_all(b"\n")?;
            }
        }
    }
    out.flush()?;
    Ok(if bad > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

#[derive(Serialize)]
struct Tagged<'a> {
    query: &'a str,
    line: usize,
    rank: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    ms: Option<f64>,
    #[serde(flatten)]
    hit: HitRecord<'a>,
}

fn print_hits(hits: &[Hit], format: Format, ms: Option<f64>) -> Result<()> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match format {
        Format::Text => {
            let colour = render::colour_stdout();
            for (i, h) in hits.iter().enumerate() {
                render::claim_text(&mut out, i + 1, &render::ClaimView::of_hit(h), colour)?;
                if !h.also_in.is_empty() {
                    let docs: Vec<&str> = h.also_in.iter().map(|(d, _)| d.as_str()).collect();
                    writeln!(
                        out,
                        "   also in {} other documents: {}",
                        docs.len(),
                        docs.join(", ")
                    )?;
                }
                writeln!(out)?;
            }
        }
        Format::Jsonl => {
            for h in hits {
                let mut row = serde_json::to_value(hit_record(h))?;
                if let Some(ms) = ms {
                    row["ms"] = serde_json::json!(ms);
                }
                serde_json::to_writer(&mut out, &row)?;
                out.write_all(b"\n")?;
            }
        }
        Format::Json => {
            let all: Vec<HitRecord> = hits.iter().map(hit_record).collect();
            serde_json::to_writer_pretty(&mut out, &all)?;
            out.write_all(b"\n")?;
        }
        Format::Csv => {
            let mut rows = render::RowWriter::csv(&mut out, true)?;
            for h in hits {
                rows.write(&ClaimRow::of_hit(h))?;
            }
            rows.finish()?;
        }
    }
    out.flush()?;
    Ok(())
}

/// `show --format json`: the hit record plus the claim's context.
#[derive(Serialize)]
struct ShowRecord<'a> {
    #[serde(flatten)]
    hit: HitRecord<'a>,
    /// `None` for documents indexed without their sentences.
    context: Option<ContextRecord<'a>>,
}

#[derive(Serialize)]
struct ContextRecord<'a> {
    before: Option<&'a str>,
    after: Option<&'a str>,
    nearby_claims: &'a [String],
}

pub fn show(args: ShowArgs) -> Result<ExitCode> {
    let index = ClaimIndex::open(&args.index)?;
    let Some(hit) = index.get_claim(&args.id)? else {
        eprintln!("claimdex: no claim with id {}", args.id);
        return Ok(ExitCode::from(1));
    };
    let context = index.claim_context(&hit)?;
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match args.format {
        ViewFormat::Text => {
            render::claim_text(
                &mut out,
                1,
                &render::ClaimView::of_hit(&hit),
                render::colour_stdout(),
            )?;
            let q = &hit.claim.citation.quote;
            match &context {
                Some(c) => render::context_text(&mut out, &hit.claim.text, c)?,
                // Indexed without sentences: the selector's few words.
                None => writeln!(
                    out,
                    "   in context: …{}[{}]{}…",
                    q.prefix, q.exact, q.suffix
                )?,
            }
            for (doc, claim) in &hit.also_in {
                writeln!(out, "   also in: {doc} (claim {claim})")?;
            }
            writeln!(
                out,
                "   selector: prefix {:?} exact {:?} suffix {:?}",
                q.prefix, q.exact, q.suffix
            )?;
        }
        ViewFormat::Json => {
            let record = ShowRecord {
                hit: hit_record(&hit),
                context: context.as_ref().map(|c| ContextRecord {
                    before: c.before.as_deref(),
                    after: c.after.as_deref(),
                    nearby_claims: &c.nearby,
                }),
            };
            serde_json::to_writer_pretty(&mut out, &record)?;
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
        ViewFormat::Json => {
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
        ViewFormat::Text => {
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

/// Streams claims as flat rows: every claim when the query is empty
/// (reading the index a block at a time), else the query's matches.
pub fn export(args: ExportArgs) -> Result<ExitCode> {
    let index = ClaimIndex::open(&args.index)?;
    let hits = if args.query.trim().is_empty() {
        None
    } else {
        let base = SearchRequest {
            limit: usize::MAX >> 1,
            ..SearchRequest::default()
        };
        match claimdex_index::query::parse_into(&args.query, base) {
            Ok(req) => Some(index.search(&req)?),
            Err(err) => {
                eprintln!("claimdex: {err}");
                return Ok(ExitCode::from(2));
            }
        }
    };
    let sink: Box<dyn Write> = match &args.out {
        Some(path) => Box::new(
            std::fs::File::create(path)
                .with_context(|| format!("cannot create {}", path.display()))?,
        ),
        None => Box::new(io::stdout().lock()),
    };
    let out = BufWriter::with_capacity(1 << 20, sink);
    let mut rows = match args.format {
        RowFormat::Csv => render::RowWriter::csv(out, true)?,
        RowFormat::Jsonl => render::RowWriter::jsonl(out),
    };
    let mut n = 0u64;
    let written = match &hits {
        None => index
            .for_each_row(|row| {
                n += 1;
                rows.write(row)
            })
            .map(drop),
        Some(hits) => hits.iter().try_for_each(|h| {
            n += 1;
            rows.write(&ClaimRow::of_hit(h))
        }),
    }
    .and_then(|()| Ok(rows.finish()?));
    match written {
        // A closed pipe (`| head`) ends the export quietly.
        Err(e) if is_broken_pipe(&e) => {}
        other => other?,
    }
    eprintln!("claimdex: exported {n} claims");
    Ok(ExitCode::SUCCESS)
}
