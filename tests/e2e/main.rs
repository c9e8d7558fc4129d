//! End-to-end tests of the `claimdex` binary, organised by topic.
//!
//! extract: the JSONL contract and the seed article's gold.
//! bad_input: every kind of broken input gives a message and exit code 1.
//! index: ingest, re-ingest, interruption, query.

mod bad_input;
mod batch;
mod extract;
mod html;
mod index;
mod query;

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// The repository root (where `corpus/` and `tests/` live).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The seed article shipped in `corpus/`.
pub fn seed_path() -> PathBuf {
    root().join("corpus/000_339b9ea0abfec546.txt")
}

/// A `claimdex` command.
pub fn claimdex() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_claimdex"));
    cmd.env("NO_COLOR", "1");
    cmd
}

/// Output of a finished command.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Parses stdout as JSON Lines.
    pub fn jsonl(&self) -> Vec<Value> {
        self.stdout
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSONL line {l:?}: {e}"))
            })
            .collect()
    }
}

/// Runs `claimdex ARGS` (in `dir`, if given) with `stdin` as input.
pub fn run_in(dir: Option<&Path>, args: &[&str], stdin: Option<&str>) -> Run {
    use std::io::Write;
    let mut cmd = claimdex();
    cmd.args(args);
    if let Some(dir) = dir {
        cmd.current_dir(dir);
    }
    cmd.stdin(if stdin.is_some() {
        std::process::Stdio::piped()
    } else {
        std::process::Stdio::null()
    });
    cmd.stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let mut child = cmd.spawn().expect("claimdex starts");
    if let Some(input) = stdin {
        let mut pipe = child.stdin.take().expect("stdin is piped");
        pipe.write_all(input.as_bytes()).expect("write stdin");
    }
    let out = child.wait_with_output().expect("claimdex finishes");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Runs `claimdex ARGS`.
pub fn run(args: &[&str]) -> Run {
    run_in(None, args, None)
}
