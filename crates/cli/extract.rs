//! `claimdex extract`: documents in, the JSONL contract out.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use anyhow::Result;
use claimdex_model::contract::{DocRecord, Include};
use claimdex_model::Extraction;

use crate::args::{ExtractArgs, Format, IncludePart};
use crate::pipeline::{self, Decision, Summary};
use crate::render;

pub fn run(args: ExtractArgs) -> Result<ExitCode> {
    let include = Include {
        text: args.include.contains(&IncludePart::Text),
        sentences: args.include.contains(&IncludePart::Sentences),
    };
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut summary = Summary::new(false);
    let mut first = true;
    if args.format == Format::Json {
        out.write_all(b"[")?;
    }
    let format = args.format;
    let result = pipeline::run(
        &args.input,
        &mut summary,
        |_| Decision::Extract,
        // Conversion and serialisation run on the workers; the writer only
        // copies bytes.
        |ex| render_one(&ex, format, include),
        |bytes, _| {
            match format {
                Format::Json if !first => out.write_all(b",\n")?,
                Format::Json => out.write_all(b"\n")?,
                Format::Csv if first => {
                    let mut header = csv::Writer::from_writer(&mut out);
                    header.write_record(render::CSV_HEADER)?;
                    header.flush()?;
                }
                _ => {}
            }
            out.write_all(&bytes)?;
            first = false;
            Ok(())
        },
    );
    if let Err(err) = result {
        // A closed pipe (`| head`) ends output quietly.
        if is_broken_pipe(&err) {
            return Ok(ExitCode::SUCCESS);
        }
        return Err(err);
    }
    if args.format == Format::Json {
        out.write_all(b"\n]\n")?;
    }
    out.flush().or_else(|e| {
        if e.kind() == io::ErrorKind::BrokenPipe {
            Ok(())
        } else {
            Err(e)
        }
    })?;
    if !args.input.quiet {
        eprintln!(
            "claimdex: {}, {}; {}{}; {}",
            pipeline::counted(summary.documents, "document"),
            pipeline::counted(summary.claims, "claim"),
            summary.skipped_line(),
            summary.passed_over_note(),
            summary.rate_line()
        );
    }
    Ok(if summary.skipped_total() > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// One extraction in `format`, as the bytes to print (without the JSON
/// array's separators and the CSV header, which depend on the position).
fn render_one(ex: &Extraction, format: Format, include: Include) -> Result<Vec<u8>> {
    let record = DocRecord::from_extraction(ex, include);
    let mut buf = Vec::with_capacity(4 * ex.doc.text.len() + 256);
    match format {
        Format::Jsonl => {
            serde_json::to_writer(&mut buf, &record)?;
            buf.push(b'\n');
        }
        Format::Json => serde_json::to_writer_pretty(&mut buf, &record)?,
        Format::Text => render::extraction_text(&mut buf, &record)?,
        Format::Csv => render::claims_csv(&mut buf, false, &record)?,
    }
    Ok(buf)
}

pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
            || e.downcast_ref::<serde_json::Error>()
                .and_then(|j| j.io_error_kind())
                == Some(io::ErrorKind::BrokenPipe)
    })
}
