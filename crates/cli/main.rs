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
            eprintln!("claimdex: error: {err:#}");
            ExitCode::from(2)
        }
    }
}
