//! `claimdex extract`: documents in, the JSONL contract out.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use anyhow::Result;
use claimdex_model::contract::{DocRecord, Include};

use crate::args::{ExtractArgs, Format, IncludePart};
use crate::pipeline::{self, Decision, Summary};
use crate::render;

pub fn run(args: ExtractArgs) -> Result<ExitCode> {
    let include = Include {
        text: args.include.contains(&IncludePart::Text),
        sentences: args.include.contains(&IncludePart::Sentences),
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut summary = Summary::new(false);
    let mut first = true;
    if args.format == Format::Json {
        out.write_all(b"[")?;
    }
    let result = pipeline::run(
        &args.input,
        &mut summary,
        |_| Decision::Extract,
        |ex, _| {
            let record = DocRecord::from_extraction(&ex, include);
            match args.format {
                Format::Jsonl => {
                    serde_json::to_writer(&mut out, &record)?;
                    out.write_all(b"\n")?;
                }
                Format::Json => {
                    if !first {
                        out.write_all(b",")?;
                    }
                    out.write_all(b"\n")?;
                    serde_json::to_writer_pretty(&mut out, &record)?;
                }
                Format::Text => render::extraction_text(&mut out, &record)?,
                Format::Csv => render::claims_csv(&mut out, first, &record)?,
            }
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
            "claimdex: {} documents, {} claims; {}{}; {}",
            summary.documents,
            summary.claims,
            summary.skipped_line(),
            unsupported_note(summary.unsupported_files),
            summary.rate_line()
        );
    }
    Ok(if summary.skipped_total() > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

pub fn unsupported_note(n: u64) -> String {
    if n == 0 {
        String::new()
    } else {
        format!("; {n} files of unsupported type passed over")
    }
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
