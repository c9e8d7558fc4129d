//! bad_input: each broken input gives a clear message naming it, the batch
//! goes on, and the exit code is 1.

use std::fs;
use std::io::Read;
use std::path::Path;

use crate::{assert_has, claimdex, run, seed_path, tmp};

/// Runs extract over `bad` plus the seed: the seed must still come out,
/// the exit code is 1 and stderr names `bad` with `reason`.
fn assert_skipped_beside_seed(bad: &Path, reason: &str) -> crate::Run {
    let seed = seed_path();
    let out = run(&["extract", bad.to_str().unwrap(), seed.to_str().unwrap()]);
    let ids = out.doc_ids();
    assert!(
        ids.iter()
            .any(|id| id.ends_with("000_339b9ea0abfec546.txt")),
        "seed missing: {ids:?} / {}",
        out.stderr
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    let name = bad.file_name().and_then(|n| n.to_str()).unwrap();
    assert_has(&out.stderr, &[name, reason]);
    out
}

#[test]
fn empty_file() {
    let dir = tmp();
    let path = dir.path().join("empty.txt");
    fs::write(&path, "").unwrap();
    let out = assert_skipped_beside_seed(&path, "empty document");
    assert_has(&out.stderr, &["1 skipped (1 empty)"]);
}

#[test]
fn binary_file() {
    let dir = tmp();
    let path = dir.path().join("image.txt");
    fs::write(&path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00").unwrap();
    assert_skipped_beside_seed(&path, "binary");
}

#[test]
fn latin1_file_is_decoded_not_rejected() {
    let dir = tmp();
    let path = dir.path().join("latin1.txt");
    fs::write(
        &path,
        b"Le caf\xe9 co\xfbte 3 euros, a d\xe9clar\xe9 le g\xe9rant en 2024.",
    )
    .unwrap();
    let out = run(&["extract", "--include", "text", path.to_str().unwrap()]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let rec = &out.jsonl()[0];
    assert!(
        rec["doc"]["text"].as_str().unwrap().contains("café coûte"),
        "{rec}"
    );
}

#[test]
fn invalid_utf8_is_decoded_by_detection() {
    let dir = tmp();
    let path = dir.path().join("mixed.txt");
    // Valid text with one stray byte: not UTF-8, so the charset is detected.
    fs::write(&path, b"Sales rose 5% in 2024 \xff and fell after.").unwrap();
    let out = run(&["extract", path.to_str().unwrap()]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.jsonl().len(), 1);
}

#[test]
fn huge_file_is_refused_without_reading_it() {
    let dir = tmp();
    let path = dir.path().join("huge.txt");
    let file = fs::File::create(&path).unwrap();
    // Sparse: 200 MB on paper, nothing on disk.
    file.set_len(200 * 1024 * 1024).unwrap();
    drop(file);
    assert_skipped_beside_seed(&path, "too large");
}

#[test]
fn jsonl_with_broken_lines() {
    let dir = tmp();
    let path = dir.path().join("records.jsonl");
    let lines = [
        r#"{"id":"ok1","text":"Exports rose 12% in March."}"#,
        r#"{"id":"broken","text":"unterminated"#,
        r#"{"text":"no id"}"#,
        r#"{"id":"page","html":"<p>html arrives with the HTML reader</p>"}"#,
        r#"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]"#,
        r#"{"id":"ok2","text":"Imports fell."}"#,
    ];
    fs::write(&path, lines.join("\n")).unwrap();
    let out = run(&["extract", path.to_str().unwrap()]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let ids = out.doc_ids();
    assert!(
        ids.starts_with(&["ok1".to_string()]) && ids.ends_with(&["ok2".to_string()]),
        "{ids:?}"
    );
    assert_has(
        &out.stderr,
        &[
            "records.jsonl:2: bad record",
            "records.jsonl:3: bad record",
            "missing \"id\"",
            "records.jsonl:5: bad record",
        ],
    );
}

#[test]
fn missing_and_unreadable_inputs() {
    let dir = tmp();
    let gone = dir.path().join("not-there.txt");
    assert_skipped_beside_seed(&gone, "cannot read");
}

#[test]
fn directory_with_bad_and_unsupported_files() {
    let dir = tmp();
    fs::write(
        dir.path().join("good.txt"),
        "Output rose 3% in 2023, the minister said.",
    )
    .unwrap();
    fs::write(dir.path().join("bad.txt"), b"\x00\x01\x02binary").unwrap();
    fs::write(dir.path().join("notes.pdf"), b"%PDF-1.4").unwrap();
    fs::write(dir.path().join(".hidden.txt"), "Hidden 5%.").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.path(), dir.path().join("loop")).unwrap();
    let unreadable = dir.path().join("locked.txt");
    fs::write(&unreadable, "Locked 1%.").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&unreadable, fs::Permissions::from_mode(0o000)).unwrap();
    }
    let out = run(&["extract", dir.path().to_str().unwrap()]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let ids = out.doc_ids();
    assert!(ids.contains(&"good.txt".to_string()), "{ids:?}");
    assert!(!ids.iter().any(|i| i.contains("hidden")), "{ids:?}");
    assert_has(
        &out.stderr,
        &[
            "bad.txt",
            "binary",
            "1 file of unsupported type passed over",
        ],
    );
}

/// A file removed, a file replaced by a directory and a sub-directory
/// removed while the walk is under way: each error names its path, the
/// batch reads everything else and exits with 1.
///
/// Deterministic without sleeps: stdout is a pipe this test does not read
/// until the damage is done, so once the pipe and the writer's buffer are
/// full (a few dozen documents with their text) the writer stops, and the
/// pipeline's bounded window stops the reader a bounded number of items
/// later (--jobs 1: under a hundred), far before the damaged entries.
#[test]
fn entries_that_vanish_or_become_unreadable_during_the_walk() {
    let dir = tmp();
    let root = dir.path();
    let body = "The ferry line carried 41,000 passengers in May, up 6% on April, \
                the operator said on Tuesday. Fares will rise by 2% from July 1. "
        .repeat(12);
    for i in 0..600 {
        fs::write(
            root.join(format!("f{i:04}.txt")),
            format!("Report {i}. {body}"),
        )
        .unwrap();
    }
    fs::create_dir(root.join("zz")).unwrap();
    fs::write(root.join("zz/late.txt"), "Late: costs fell 1% in June.").unwrap();
    let mut child = claimdex()
        .args(["extract", "--jobs", "1", "--include", "text"])
        .arg(root)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("claimdex starts");
    let mut stdout = child.stdout.take().expect("piped");
    let mut stderr = child.stderr.take().expect("piped");
    let errors = std::thread::spawn(move || {
        let mut text = String::new();
        stderr.read_to_string(&mut text).map(|_| text)
    });
    // The first output byte means the top directory has been listed.
    let mut first = [0u8; 1];
    stdout.read_exact(&mut first).expect("first output byte");
    fs::remove_file(root.join("f0500.txt")).unwrap();
    fs::remove_file(root.join("f0501.txt")).unwrap();
    fs::create_dir(root.join("f0501.txt")).unwrap();
    fs::remove_dir_all(root.join("zz")).unwrap();
    let mut rest = Vec::new();
    stdout.read_to_end(&mut rest).expect("read stdout");
    let status = child.wait().expect("claimdex finishes");
    let stderr = errors.join().expect("stderr reader").expect("stderr");
    assert_eq!(status.code(), Some(1), "{stderr}");
    let out = [&first[..], &rest].concat();
    let ids: Vec<String> = String::from_utf8_lossy(&out)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("JSONL");
            v["doc"]["id"].as_str().unwrap_or("").to_string()
        })
        .collect();
    assert_eq!(ids.len(), 598, "{stderr}");
    for id in ["f0000.txt", "f0499.txt", "f0502.txt", "f0599.txt"] {
        assert!(ids.iter().any(|i| i == id), "{id} missing: {stderr}");
    }
    let skipped: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("claimdex: skipped"))
        .collect();
    assert_eq!(skipped.len(), 3, "{stderr}");
    assert!(
        skipped[0].contains("f0500.txt") && skipped[0].contains("cannot read"),
        "{stderr}"
    );
    assert!(
        skipped[1].contains("f0501.txt") && skipped[1].contains("cannot read"),
        "{stderr}"
    );
    assert!(skipped[2].contains("zz"), "{stderr}");
    assert_has(&stderr, &["598 documents", "3 skipped"]);
}

/// A file named on the command line is read whatever its extension (as
/// plain text), while the same file found in a directory walk is passed
/// over; a binary named that way is still refused as binary.
#[test]
fn named_file_of_unknown_type_is_read_as_text() {
    let dir = tmp();
    let log = dir.path().join("notes.log");
    fs::write(&log, "Output rose 3% in 2023, the minister said.").unwrap();
    let out = run(&["extract", log.to_str().unwrap()]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.doc_ids(), vec![log.to_str().unwrap().to_string()]);
    assert!(out.stdout.contains("\"unit\":\"%\""), "{}", out.stdout);

    let walked = run(&["extract", dir.path().to_str().unwrap()]);
    assert_eq!(walked.code, 0, "{}", walked.stderr);
    assert!(walked.doc_ids().is_empty(), "{:?}", walked.doc_ids());
    assert_has(&walked.stderr, &["1 file of unsupported type passed over"]);

    let blob = dir.path().join("image.bin");
    fs::write(&blob, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR").unwrap();
    let out = run(&["extract", blob.to_str().unwrap()]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_has(&out.stderr, &["image.bin", "binary"]);
}

/// `--quiet` keeps stderr for errors: a page warning is counted (and
/// reported without `--quiet`) but not printed, a skipped file still is.
#[test]
fn quiet_prints_errors_but_not_warnings() {
    let dir = tmp();
    let page = dir.path().join("page.html");
    fs::write(
        &page,
        "<html><body><article><p>Sales rose 5% to $3 million, the company said on \
         Monday in a statement about its results for the period.</p></article></body></html>",
    )
    .unwrap();
    let loud = run(&["extract", page.to_str().unwrap()]);
    assert_eq!(loud.code, 0, "{}", loud.stderr);
    assert_has(&loud.stderr, &["warning", "page.html"]);

    let missing = dir.path().join("missing.txt");
    let quiet = run(&[
        "extract",
        "--quiet",
        page.to_str().unwrap(),
        missing.to_str().unwrap(),
    ]);
    assert_eq!(quiet.code, 1, "{}", quiet.stderr);
    assert!(!quiet.stderr.contains("warning"), "{}", quiet.stderr);
    assert_has(&quiet.stderr, &["missing.txt"]);
    assert_eq!(quiet.doc_ids(), vec![page.to_str().unwrap().to_string()]);
}
