//! End-to-end tests of the `claimdex` binary, organised by topic.
//!
//! extract: the JSONL contract and the seed article's gold.
//! bad_input: every kind of broken input gives a message and exit code 1.
//! index: ingest, re-ingest, interruption, query.
//! batch: corpus-scale inputs, broken archives, kill -9 at random points.
//! html: a saved news page through extract, ingest, query and show.
//! query: the query language, sorting, batch queries, show, export, stats.

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
    /// The `doc.id` of every document `extract` printed, in order (`""`
    /// for a record without one).
    pub fn doc_ids(&self) -> Vec<String> {
        self.jsonl()
            .iter()
            .map(|l| l["doc"]["id"].as_str().unwrap_or("").to_string())
            .collect()
    }

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

/// A temporary directory, removed when dropped.
pub fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

/// Asserts that `text` holds every one of `needles`; a failure names the
/// missing one and prints `text`.
#[track_caller]
pub fn assert_has(text: &str, needles: &[&str]) {
    for needle in needles {
        assert!(text.contains(needle), "{needle:?} missing from:\n{text}");
    }
}

/// `claimdex stats --format json` of `index`, which must open.
pub fn stats(index: &Path) -> Value {
    let out = run(&[
        "stats",
        "--index",
        index.to_str().expect("utf-8 path"),
        "--format",
        "json",
    ]);
    assert_eq!(out.code, 0, "index must open: {}", out.stderr);
    serde_json::from_str(&out.stdout).expect("stats JSON")
}
