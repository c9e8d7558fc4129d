//! Output for people (text) and for tables (CSV). JSON and JSONL print the
//! contract records as they are.

use std::io::{IsTerminal, Write};

use anyhow::Result;
use claimdex_index::ClaimRow;
use claimdex_model::contract::{
    ClaimRecord, DateRecord, DocMeta, DocRecord, FigureRecord, QuoteRecord,
};

/// Whether to colour stdout: a terminal, and `NO_COLOR` unset.
pub fn colour_stdout() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stdout().is_terminal()
}

const BOLD_YELLOW: &str = "\x1b[1;33m";
const DIM: &str = "\x1b[2m";
const RESET: &str = "\x1b[0m";

/// `text` with the byte ranges in `marks` highlighted: bold colour on a
/// terminal, nothing otherwise.
pub fn highlight(text: &str, marks: &[(usize, usize)], colour: bool) -> String {
    if !colour || marks.is_empty() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + marks.len() * 12);
    let mut at = 0;
    for &(start, end) in marks {
        let (Some(before), Some(mark)) = (text.get(at..start), text.get(start..end)) else {
            continue;
        };
        out.push_str(before);
        out.push_str(BOLD_YELLOW);
        out.push_str(mark);
        out.push_str(RESET);
        at = end;
    }
    out.push_str(text.get(at..).unwrap_or(""));
    out
}

/// "over $360 billion = 360000000000 USD (>)".
pub fn figure_line(f: &FigureRecord) -> String {
    let value = f.value.map(format_number).unwrap_or_else(|| "?".into());
    let range = f
        .value_max
        .map(|m| format!("–{}", format_number(m)))
        .unwrap_or_default();
    let unit = if f.unit.is_empty() {
        String::new()
    } else {
        format!(" {}", f.unit)
    };
    let hedge = f
        .comparator
        .as_deref()
        .map(|c| format!(" ({c})"))
        .unwrap_or_default();
    let measured = f
        .measured
        .as_deref()
        .map(|m| format!(" of {m}"))
        .unwrap_or_default();
    format!(
        "“{}” = {value}{range}{unit}{hedge}{measured} [{}]",
        f.text, f.kind
    )
}

/// "“the 1980s” = 198 [DATE]".
pub fn date_line(d: &DateRecord) -> String {
    format!(
        "“{}” = {} [{}]",
        d.text,
        d.value.as_deref().unwrap_or("?"),
        d.timex_type
    )
}

fn format_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e16 {
        format!("{v:.0}")
    } else {
        format!("{v}")
    }
}

/// The citation line: title or source, date, paragraph, sentence, offsets.
pub fn citation_line(c: &ClaimRecord, doc: &DocMeta) -> String {
    let cit = &c.citation;
    let name = cit
        .title
        .as_deref()
        .or(doc.title.as_deref())
        .unwrap_or(cit.source.as_str());
    let published = cit
        .published
        .as_deref()
        .map(|p| format!(", published {p}"))
        .unwrap_or_default();
    let url = cit
        .url
        .as_deref()
        .map(|u| format!(" <{u}>"))
        .unwrap_or_default();
    let author = doc
        .author
        .as_deref()
        .map(|a| format!(", by {a}"))
        .unwrap_or_default();
    format!(
        "{name}{url}{author}{published}, ¶{} sentence {}, chars {}–{}",
        cit.paragraph + 1,
        cit.sentence + 1,
        cit.start,
        cit.end
    )
}

/// A claim with what text output shows of it.
pub struct ClaimView<'a> {
    /// The claim.
    pub claim: &'a ClaimRecord,
    /// Its document.
    pub doc: &'a DocMeta,
    /// Its figures.
    pub figures: Vec<&'a FigureRecord>,
    /// Its dates.
    pub dates: Vec<&'a DateRecord>,
    /// Its quotes.
    pub quotes: Vec<&'a QuoteRecord>,
    /// Byte ranges of `claim.text` to highlight.
    pub marks: &'a [(usize, usize)],
}

impl<'a> ClaimView<'a> {
    /// The view of a search hit.
    pub fn of_hit(h: &'a claimdex_index::Hit) -> Self {
        ClaimView {
            claim: &h.claim,
            doc: &h.doc,
            figures: h.figures.iter().collect(),
            dates: h.dates.iter().collect(),
            quotes: h.quotes.iter().collect(),
            marks: &h.highlights,
        }
    }
}

/// One claim for people: statement, kinds, speaker, mentions, citation.
pub fn claim_text(out: &mut impl Write, n: usize, view: &ClaimView, colour: bool) -> Result<()> {
    let ClaimView {
        claim,
        doc,
        figures,
        dates,
        quotes,
        marks,
    } = view;
    let (dim, reset) = if colour { (DIM, RESET) } else { ("", "") };
    writeln!(
        out,
        "{n}. [{}] {}",
        claim.kind.join(", "),
        highlight(&claim.text, marks, colour)
    )?;
    if let Some(s) = &claim.speaker {
        writeln!(out, "   speaker: {s}")?;
    }
    for q in quotes.iter().filter(|q| q.speaker.is_some()) {
        writeln!(
            out,
            "   quote ({}): “{}” — {}",
            q.kind,
            q.text,
            q.speaker.as_deref().unwrap_or("?")
        )?;
    }
    for f in figures {
        writeln!(out, "   figure: {}", figure_line(f))?;
    }
    for d in dates {
        writeln!(out, "   date: {}", date_line(d))?;
    }
    if let Some(e) = &claim.event_date {
        writeln!(out, "   event date: {e}")?;
    }
    writeln!(out, "   {dim}source: {}{reset}", citation_line(claim, doc))?;
    if let Some(link) = &claim.citation.fragment_url {
        writeln!(out, "   {dim}link: {link}{reset}")?;
    }
    writeln!(out, "   {dim}id: {}{reset}", claim.id)?;
    Ok(())
}

/// The sentences around a claim (`show`), the claim between them, and the
/// ids of the claims near it.
pub fn context_text(
    out: &mut impl Write,
    claim: &str,
    ctx: &claimdex_index::ClaimContext,
) -> Result<()> {
    writeln!(out, "   in context:")?;
    if let Some(b) = &ctx.before {
        writeln!(out, "     {b}")?;
    }
    writeln!(out, "   > {claim}")?;
    if let Some(a) = &ctx.after {
        writeln!(out, "     {a}")?;
    }
    if !ctx.nearby.is_empty() {
        writeln!(out, "   nearby claims: {}", ctx.nearby.join(", "))?;
    }
    Ok(())
}

/// A whole extraction for people.
pub fn extraction_text(out: &mut impl Write, r: &DocRecord) -> Result<()> {
    let title = r.doc.title.as_deref().unwrap_or("(no title)");
    writeln!(
        out,
        "== {} — {title}, published {} — {} claims, {} figures, {} dates, {} quotes",
        r.doc.id,
        r.doc.published.as_deref().unwrap_or("unknown"),
        r.claims.len(),
        r.figures.len(),
        r.dates.len(),
        r.quotes.len()
    )?;
    for (i, c) in r.claims.iter().enumerate() {
        let figures: Vec<&FigureRecord> =
            c.figures.iter().filter_map(|&k| r.figures.get(k)).collect();
        let dates: Vec<&DateRecord> = c.dates.iter().filter_map(|&k| r.dates.get(k)).collect();
        let quotes: Vec<&QuoteRecord> = c.quotes.iter().filter_map(|&k| r.quotes.get(k)).collect();
        let view = ClaimView {
            claim: c,
            doc: &r.doc,
            figures,
            dates,
            quotes,
            marks: &[],
        };
        claim_text(out, i + 1, &view, false)?;
    }
    writeln!(out)?;
    Ok(())
}

/// CSV columns, one row per claim. Documented in the README.
pub const CSV_HEADER: [&str; 18] = [
    "claim_id",
    "doc_id",
    "kinds",
    "text",
    "speaker",
    "figure_values",
    "figure_units",
    "figure_texts",
    "date_values",
    "event_date",
    "published",
    "title",
    "source",
    "url",
    "paragraph",
    "sentence",
    "start",
    "end",
];

/// The claims of one extraction as CSV rows (with the header first).
pub fn claims_csv(out: &mut impl Write, header: bool, r: &DocRecord) -> Result<()> {
    let mut rows = RowWriter::csv(out, header)?;
    for c in &r.claims {
        let figures: Vec<&FigureRecord> =
            c.figures.iter().filter_map(|&k| r.figures.get(k)).collect();
        let dates: Vec<&DateRecord> = c.dates.iter().filter_map(|&k| r.dates.get(k)).collect();
        rows.write(&ClaimRow::of_claim(c, &r.doc.id, &figures, &dates))?;
    }
    rows.finish()?;
    Ok(())
}

/// `items` joined with `|` into `cell` (cleared first).
fn joined<'c, 'i>(cell: &'c mut String, items: impl Iterator<Item = &'i str>) -> &'c str {
    cell.clear();
    for (i, item) in items.enumerate() {
        if i > 0 {
            cell.push('|');
        }
        cell.push_str(item);
    }
    cell
}

/// Writes [`ClaimRow`]s as JSONL (one flat object per claim, lists as
/// arrays and numbers as numbers, for pandas, DuckDB, Spark) or as CSV with
/// [`CSV_HEADER`] (list cells joined with `|`). The one writer of claim
/// rows: `extract`, `query` and `export` print the same columns.
pub struct RowWriter<W: Write> {
    out: RowSink<W>,
    /// Reused for joined CSV cells.
    cell: String,
}

enum RowSink<W: Write> {
    Jsonl(W),
    // Boxed: the CSV writer is much larger than a plain `W`.
    Csv(Box<csv::Writer<W>>),
}

impl<W: Write> RowWriter<W> {
    /// A writer of JSONL rows to `out`.
    pub fn jsonl(out: W) -> Self {
        RowWriter {
            out: RowSink::Jsonl(out),
            cell: String::new(),
        }
    }

    /// A writer of CSV rows to `out`, with [`CSV_HEADER`] written now when
    /// `header` (a caller printing several batches wants it only once).
    pub fn csv(out: W, header: bool) -> Result<Self> {
        let mut w = csv::Writer::from_writer(out);
        if header {
            w.write_record(CSV_HEADER)?;
        }
        Ok(RowWriter {
            out: RowSink::Csv(Box::new(w)),
            cell: String::new(),
        })
    }

    /// Writes one row.
    pub fn write(&mut self, r: &ClaimRow<'_>) -> Result<()> {
        match &mut self.out {
            RowSink::Jsonl(out) => {
                serde_json::to_writer(&mut *out, r)?;
                out.write_all(b"\n")?;
            }
            RowSink::Csv(w) => {
                let cell = &mut self.cell;
                w.write_field(r.claim_id)?;
                w.write_field(r.doc_id)?;
                w.write_field(joined(cell, r.kinds.iter().copied()))?;
                w.write_field(r.text)?;
                w.write_field(r.speaker.unwrap_or_default())?;
                let values: Vec<String> = r
                    .figure_values
                    .iter()
                    .map(|v| v.map(|v| v.to_string()).unwrap_or_default())
                    .collect();
                w.write_field(joined(cell, values.iter().map(String::as_str)))?;
                w.write_field(joined(cell, r.figure_units.iter().copied()))?;
                w.write_field(joined(cell, r.figure_texts.iter().copied()))?;
                let dates = r.date_values.iter().map(|d| d.unwrap_or_default());
                w.write_field(joined(cell, dates))?;
                w.write_field(r.event_date.unwrap_or_default())?;
                w.write_field(r.published.unwrap_or_default())?;
                w.write_field(r.title.unwrap_or_default())?;
                w.write_field(r.source)?;
                w.write_field(r.url.unwrap_or_default())?;
                for v in [r.paragraph, r.sentence, r.start, r.end] {
                    cell.clear();
                    std::fmt::Write::write_fmt(cell, format_args!("{v}"))?;
                    w.write_field(cell.as_bytes())?;
                }
                w.write_record(None::<&[u8]>)?;
            }
        }
        Ok(())
    }

    /// Flushes everything written.
    pub fn finish(self) -> std::io::Result<()> {
        match self.out {
            RowSink::Jsonl(mut out) => out.flush(),
            RowSink::Csv(mut w) => w.flush(),
        }
    }
}
