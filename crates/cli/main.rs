//! The `claimdex` command line: a thin layer over the library crates.
//!
//! Owns argument parsing, output formats, progress and exit codes. The
//! work itself is done by `claimdex-ingest` (reading, extraction) and
//! `claimdex-index` (storage, search).

mod args;
mod extract;
mod ingest;
mod pipeline;
mod query;
mod render;

use std::process::ExitCode;

use clap::Parser;

use args::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(a) => extract::run(a),
        Command::Ingest(a) => ingest::run(a),
        Command::Query(a) => query::run(a),
        Command::Show(a) => query::show(a),
        Command::Stats(a) => query::stats(a),
        Command::Export(a) => query::export(a),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("claimdex: error: {}", error_chain(&err));
            ExitCode::from(2)
        }
    }
}

/// The error and its causes, joined by ": ", each said once: library
/// errors often repeat their source in their own message ("I/O error on
/// x: File exists" caused by "File exists"), and anyhow's `{:#}` would
/// print it twice.
fn error_chain(err: &anyhow::Error) -> String {
    let mut out = String::new();
    for cause in err.chain() {
        let message = cause.to_string();
        if out.contains(&message) {
            continue;
        }
        if !out.is_empty() {
            out.push_str(": ");
        }
        out.push_str(&message);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_chain_says_each_cause_once() {
        let io = std::io::Error::other("File exists (os error 17)");
        let err = anyhow::Error::new(io).context("I/O error on /x: File exists (os error 17)");
        let err = err.context("cannot open the index at /x");
        assert_eq!(
            error_chain(&err),
            "cannot open the index at /x: I/O error on /x: File exists (os error 17)"
        );
        let err = anyhow::anyhow!("inner").context("outer");
        assert_eq!(error_chain(&err), "outer: inner");
    }
}
