//! batch: corpus-scale inputs. Broken archives and records each give their
//! own error while the batch goes on to exit code 1 with a correct
//! summary; WARC archives read; `kill -9` at random points never leaves a
//! broken or half-written index, and a re-run ends where an uninterrupted
//! run ends.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::{assert_has, claimdex, root, run, stats, tmp};

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 temp path")
}

fn warc_fixture(name: &str) -> PathBuf {
    root().join("crates/ingest/tests/fixtures/warc").join(name)
}

/// Our own short news-like records (no evaluation text).
fn record(id: &str, n: usize) -> String {
    serde_json::json!({
        "id": id,
        "published": "2024-05-02",
        "text": format!(
            "Freight volumes at the river port rose {}% in April, the operator said on Monday. \
             “We handled {},{:03} containers, more than in any month since 2019,” said harbour chief Ada Lind.\n\
             Tolls will rise to ${}.50 per tonne from June 1.",
            n % 40 + 1,
            n % 50 + 1,
            n % 1000,
            n % 9 + 2
        ),
    })
    .to_string()
}

/// Gzips with the system's `gzip` (keeps the binary's dev-dependencies
/// as they are).
fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut child = std::process::Command::new("gzip")
        .arg("-c")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("gzip runs");
    let mut stdin = child.stdin.take().expect("piped");
    let input = bytes.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().expect("gzip finishes");
    writer.join().expect("writer").expect("write to gzip");
    out.stdout
}

/// One WARC response record holding an HTML page; `length_delta` makes
/// its Content-Length lie.
fn warc_response(id: &str, body: &str, length_delta: i64) -> String {
    let page = format!(
        "<html><head><title>{id}</title></head><body><article><p>{body}</p></article></body></html>"
    );
    let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{page}");
    let length = http.len() as i64 + length_delta;
    format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{id}>\r\nWARC-Target-URI: https://news.example/{id}\r\nWARC-Date: 2023-11-20T08:00:00Z\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {length}\r\n\r\n{http}\r\n\r\n"
    )
}

#[test]
fn truncated_jsonl_gz_keeps_what_precedes_the_cut() {
    let dir = tmp();
    let lines: Vec<String> = (0..200).map(|i| record(&format!("r{i}"), i)).collect();
    let gz = gzip(lines.join("\n").as_bytes());
    let path = dir.path().join("cut.jsonl.gz");
    fs::write(&path, &gz[..gz.len() / 2]).unwrap();
    let out = run(&["extract", s(&path)]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let got = out.doc_ids();
    assert!(!got.is_empty() && got.len() < 200, "{}", got.len());
    // What came out is exactly the input's prefix, in order.
    for (i, id) in got.iter().enumerate() {
        assert_eq!(id, &format!("r{i}"));
    }
    assert_has(
        &out.stderr,
        &["cut.jsonl.gz", "corrupt or truncated compressed data"],
    );
    assert_has(
        &out.stderr,
        &[&format!("claimdex: {} documents", got.len())],
    );
    assert_has(&out.stderr, &["skipped (1 corrupt compressed data"]);
}

/// The real archives through the binary (the passed-over record counts
/// are checked in the reader's unit tests, and in `--report` below).
#[test]
fn real_warc_archives_read() {
    let cc = warc_fixture("resiliparse-cc-excerpt.warc.gz");
    let chunked = warc_fixture("warcio-example-iana.org-chunked.warc");
    let out = run(&["extract", s(&cc), s(&chunked)]);
    assert!(out.code == 0 || out.code == 1, "{}", out.stderr);
    assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
    // 16 responses in the Common Crawl excerpt, one in the chunked file;
    // most hold article text. Skips, if any, are pages without text.
    let got = out.doc_ids();
    assert!(got.len() >= 10, "{got:?}");
    assert!(got.iter().all(|id| id.starts_with("urn:uuid:")), "{got:?}");
    for line in out
        .stderr
        .lines()
        .filter(|l| l.starts_with("claimdex: skipped"))
    {
        assert!(
            line.contains("no article text") || line.contains("empty document"),
            "{line}"
        );
    }
}

/// With several workers and documents of very different lengths (so that
/// they finish out of order), output is still in input order, bad records
/// included in the count, and repeated runs print the same bytes.
#[test]
fn parallel_extract_keeps_input_order() {
    let dir = tmp();
    let path = dir.path().join("mixed.jsonl");
    let mut lines = Vec::new();
    let mut want = Vec::new();
    for i in 0..240 {
        if i % 50 == 17 {
            lines.push("{broken".to_string());
            continue;
        }
        let id = format!("d{i:03}");
        let mut rec: serde_json::Value = serde_json::from_str(&record(&id, i)).unwrap();
        if i % 7 == 0 {
            let long = rec["text"].as_str().unwrap().repeat(40);
            rec["text"] = long.into();
        }
        lines.push(rec.to_string());
        want.push(id);
    }
    fs::write(&path, lines.join("\n")).unwrap();
    let first = run(&["extract", "--jobs", "3", s(&path)]);
    assert_eq!(first.code, 1, "{}", first.stderr);
    assert_eq!(first.doc_ids(), want);
    assert_has(&first.stderr, &["5 skipped (5 bad record)"]);
    let again = run(&["extract", "--jobs", "2", s(&path)]);
    assert_eq!(again.stdout, first.stdout);
}

/// Records that hold no document are counted by kind in the summary line
/// (and are no error: exit 0).
#[test]
fn summary_counts_warc_records_passed_over() {
    let dir = tmp();
    let path = dir.path().join("crawl.warc");
    let request = "WARC/1.0\r\nWARC-Type: request\r\nWARC-Record-ID: <urn:uuid:q1>\r\nContent-Type: application/http; msgtype=request\r\nContent-Length: 4\r\n\r\nGET \r\n\r\n";
    let info = "WARC/1.0\r\nWARC-Type: warcinfo\r\nWARC-Record-ID: <urn:uuid:i1>\r\nContent-Type: application/warc-fields\r\nContent-Length: 9\r\n\r\nsoftware:\r\n\r\n";
    let page = warc_response("p1", "Wheat exports rose 6% in March, the board said.", 0);
    fs::write(&path, format!("{info}{request}{page}{request}")).unwrap();
    let out = run(&["extract", s(&path)]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.doc_ids(), ["urn:uuid:p1"]);
    assert_has(
        &out.stderr,
        &["3 records (2 warc request, 1 warc warcinfo) passed over"],
    );
}

/// The HTML reader's warnings (here: the element cap) are printed with
/// the record they concern and counted; the page is still a document.
#[test]
fn html_page_warnings_are_printed_with_their_source() {
    let dir = tmp();
    let path = dir.path().join("pages.jsonl");
    let mut html =
        String::from("<html><body><article><p>Fares rose 3% in May, the operator said.</p>");
    html.push_str(&"<i>x</i>".repeat(400_001));
    html.push_str("</article></body></html>");
    let lines = [
        serde_json::json!({"id": "big", "html": html}).to_string(),
        record("plain", 1),
    ];
    fs::write(&path, lines.join("\n")).unwrap();
    let out = run(&["extract", s(&path)]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.doc_ids(), ["big", "plain"]);
    let warning = out
        .stderr
        .lines()
        .find(|l| l.starts_with("claimdex: warning:"))
        .unwrap_or_else(|| panic!("no warning: {}", out.stderr));
    assert!(
        warning.contains("pages.jsonl:1") && warning.contains("node cap"),
        "{warning}"
    );
    // Every warning printed is counted in the summary (the page may also
    // draw others, e.g. for having no publication date).
    let printed = out
        .stderr
        .lines()
        .filter(|l| l.starts_with("claimdex: warning:"))
        .count();
    let counted = if printed == 1 {
        "; 1 warning (".to_string()
    } else {
        format!("; {printed} warnings (")
    };
    assert_has(&out.stderr, &[&counted]);
    // Counted by kind, too.
    assert_has(&out.stderr, &["1 too many elements"]);
}

#[test]
fn warc_pages_carry_target_uri_and_crawl_date() {
    let dir = tmp();
    let path = dir.path().join("news.warc");
    let body = "Shipments of grain rose 14% last year, the ministry said.";
    fs::write(&path, warc_response("p1", body, 0)).unwrap();
    let out = run(&["extract", s(&path)]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let recs = out.jsonl();
    assert_eq!(recs.len(), 1);
    let doc = &recs[0]["doc"];
    assert_eq!(doc["id"], "urn:uuid:p1", "{doc}");
    assert_eq!(doc["url"], "https://news.example/p1", "{doc}");
    assert_eq!(doc["published"], "2023-11-20", "{doc}");
}

#[test]
fn truncated_warc_gz_and_warc() {
    let dir = tmp();
    let real = fs::read(warc_fixture("resiliparse-cc-excerpt.warc.gz")).unwrap();
    let cut_gz = dir.path().join("cut.warc.gz");
    fs::write(&cut_gz, &real[..real.len() / 2]).unwrap();
    let plain: String = (0..3)
        .map(|i| {
            warc_response(
                &format!("w{i}"),
                "Prices rose 3% in May, the agency said.",
                0,
            )
        })
        .collect();
    let cut = dir.path().join("cut.warc");
    fs::write(&cut, &plain.as_bytes()[..plain.len() - 60]).unwrap();
    let out = run(&["extract", s(&cut_gz), s(&cut)]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let got = out.doc_ids();
    assert!(
        got.ends_with(&["urn:uuid:w0".to_string(), "urn:uuid:w1".to_string()]),
        "{got:?}"
    );
    assert!(got.len() > 2, "the gzip prefix yields pages: {got:?}");
    assert_has(
        &out.stderr,
        &[
            "cut.warc.gz",
            "truncated",
            "cut.warc: WARC record 3: truncated archive",
            "1 truncated WARC",
        ],
    );
}

#[test]
fn warc_record_with_lying_content_length() {
    let dir = tmp();
    let text = "Output rose 2% in June, the statistics office said.";
    for (name, delta) in [("short.warc", -25i64), ("long.warc", 40)] {
        let archive = [
            warc_response("a", text, 0),
            warc_response("liar", text, delta),
            warc_response("b", text, 0),
            warc_response("c", text, 0),
        ]
        .concat();
        let path = dir.path().join(name);
        fs::write(&path, archive).unwrap();
        let out = run(&["extract", s(&path)]);
        assert_eq!(out.code, 1, "{name}: {}", out.stderr);
        assert_eq!(
            out.doc_ids(),
            ["urn:uuid:a", "urn:uuid:b", "urn:uuid:c"],
            "{name}: {}",
            out.stderr
        );
        assert!(
            out.stderr
                .contains(&format!("{name}: WARC record 2: Content-Length")),
            "{name}: {}",
            out.stderr
        );
        assert!(
            out.stderr.contains("claimdex: 3 documents")
                && out.stderr.contains("1 skipped (1 bad WARC record)"),
            "{name}: {}",
            out.stderr
        );
    }
}

#[test]
fn jsonl_line_of_100_mb_is_skipped_and_the_file_goes_on() {
    let dir = tmp();
    let path = dir.path().join("huge-line.jsonl");
    {
        let mut f = std::io::BufWriter::new(fs::File::create(&path).unwrap());
        writeln!(f, "{}", record("before", 1)).unwrap();
        write!(f, "{{\"id\":\"huge\",\"text\":\"").unwrap();
        let chunk = "Prices rose 5% again. ".repeat(1000);
        let mut written = 0;
        while written < 100 * 1024 * 1024 {
            f.write_all(chunk.as_bytes()).unwrap();
            written += chunk.len();
        }
        writeln!(f, "\"}}").unwrap();
        writeln!(f, "{}", record("after", 2)).unwrap();
    }
    let out = run(&["extract", s(&path)]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(out.doc_ids(), ["before", "after"]);
    assert_has(
        &out.stderr,
        &[
            "huge-line.jsonl:2: too large",
            "claimdex: 2 documents",
            "1 skipped (1 too large)",
        ],
    );
}

#[test]
fn invalid_utf8_and_deep_nesting_in_json() {
    let dir = tmp();
    let path = dir.path().join("bad.jsonl");
    let mut bytes = Vec::new();
    bytes.extend(record("ok1", 1).as_bytes());
    bytes.extend(b"\n{\"id\":\"latin\",\"text\":\"Le caf\xe9 a co\xfbt\xe9 3 euros.\"}\n");
    bytes.extend(b"{\"id\":\"surrogate\",\"text\":\"broken \\ud800 escape\"}\n");
    // Deep inside a value serde_json builds: its recursion limit (128)
    // turns it into an error, not a stack overflow.
    let deep = format!("{}{}", "[".repeat(200_000), "]".repeat(200_000));
    bytes.extend(format!("{{\"id\":{deep},\"text\":\"x\"}}\n").as_bytes());
    // Deep and unbalanced inside an ignored key.
    let deep_obj = "{\"a\":".repeat(100_000);
    bytes.extend(format!("{{\"id\":\"o\",\"text\":\"x\",\"extra\":{deep_obj}1\n").as_bytes());
    bytes.extend(record("ok2", 2).as_bytes());
    fs::write(&path, bytes).unwrap();
    let out = run(&["extract", s(&path)]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(!out.stderr.contains("overflow"), "{}", out.stderr);
    assert_eq!(out.doc_ids(), ["ok1", "ok2"]);
    for line in 2..=5 {
        assert!(
            out.stderr
                .contains(&format!("bad.jsonl:{line}: bad record")),
            "line {line}: {}",
            out.stderr
        );
    }
    assert_has(&out.stderr, &["4 skipped (4 bad record)"]);
}

#[cfg(unix)]
#[test]
fn symlink_loops_end_with_an_error_not_a_hang() {
    let dir = tmp();
    let corpus = dir.path().join("corpus");
    fs::create_dir(&corpus).unwrap();
    fs::write(
        corpus.join("good.txt"),
        "Output rose 3% in 2023, the minister said.",
    )
    .unwrap();
    std::os::unix::fs::symlink("b.txt", corpus.join("a.txt")).unwrap();
    std::os::unix::fs::symlink("a.txt", corpus.join("b.txt")).unwrap();
    std::os::unix::fs::symlink(&corpus, corpus.join("up")).unwrap();
    let started = Instant::now();
    let out = run(&["extract", s(&corpus), s(&corpus.join("a.txt"))]);
    assert!(started.elapsed() < Duration::from_secs(60));
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(out.doc_ids(), ["good.txt"]);
    // Named on the command line, the loop is an error of its own.
    assert_has(
        &out.stderr,
        &[
            "a.txt: cannot read",
            "symbolic links",
            "1 skipped (1 unreadable)",
        ],
    );
}

/// All kinds at once through `ingest --report`: the report counts each
/// reason and lists every skipped item.
#[test]
fn ingest_report_counts_every_bad_item() {
    let dir = tmp();
    let inputs = dir.path().join("in");
    fs::create_dir(&inputs).unwrap();
    let good: Vec<String> = (0..5).map(|i| record(&format!("g{i}"), i)).collect();
    fs::write(inputs.join("good.jsonl"), good.join("\n")).unwrap();
    let gz = gzip(good.join("\n").replace("\"g", "\"z").as_bytes());
    fs::write(inputs.join("trunc.jsonl.gz"), &gz[..gz.len() - 30]).unwrap();
    let text = "Wages rose 4% in 2022, the union said.";
    fs::write(
        inputs.join("liar.warc"),
        [
            warc_response("l1", text, 0),
            warc_response("l2", text, -10),
            warc_response("l3", text, 0),
        ]
        .concat(),
    )
    .unwrap();
    fs::write(
        inputs.join("bad.jsonl"),
        b"{\"id\":\"x\",\"text\":\"\xff\xfe\"}\n[[[[\n",
    )
    .unwrap();
    // warcinfo, request, response (gzip body), request, revisit, warcinfo.
    fs::copy(
        warc_fixture("warcio-example.warc.gz"),
        inputs.join("example.warc.gz"),
    )
    .unwrap();
    let report = dir.path().join("report.json");
    let index = dir.path().join("idx");
    let out = run(&[
        "ingest",
        "--quiet",
        "--index",
        s(&index),
        "--report",
        s(&report),
        s(&inputs),
    ]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let r: Value = serde_json::from_str(&fs::read_to_string(&report).unwrap()).unwrap();
    assert_eq!(r["skipped"]["bad record"], 2, "{r}");
    assert_eq!(r["skipped"]["bad WARC record"], 1, "{r}");
    assert_eq!(r["skipped"]["corrupt compressed data"], 1, "{r}");
    let items = r["skipped_items"].as_array().unwrap();
    assert_eq!(items.len(), 4, "{r}");
    let passed = &r["records_passed_over"];
    assert_eq!(passed["warc request"], 2, "{r}");
    assert_eq!(passed["warc revisit"], 1, "{r}");
    assert_eq!(passed["warc warcinfo"], 2, "{r}");
    assert!(
        items.iter().any(|i| i["message"]
            .as_str()
            .unwrap()
            .contains("liar.warc: WARC record 2")),
        "{r}"
    );
    // 5 good records, 2 of 3 WARC pages, the example page, and the
    // truncated file's prefix.
    let docs = r["documents"].as_u64().unwrap();
    assert!((8..13).contains(&docs), "{r}");
    let indexed = stats(&index);
    assert_eq!(indexed["documents"].as_u64(), Some(docs), "{indexed}");
}

// ---------------------------------------------------------------------
// Fault injection: kill -9 at seeded random moments.

/// All claims in the index: claim id → document id.
fn claims_of(index: &Path) -> BTreeMap<String, String> {
    let out = run(&[
        "query",
        "--index",
        s(index),
        "--format",
        "jsonl",
        "--limit",
        "1000000",
    ]);
    assert!(out.code == 0 || out.code == 1, "{}", out.stderr);
    out.jsonl()
        .iter()
        .map(|h| {
            (
                h["id"].as_str().expect("claim id").to_string(),
                h["citation"]["doc_id"]
                    .as_str()
                    .expect("doc id")
                    .to_string(),
            )
        })
        .collect()
}

fn by_doc(claims: &BTreeMap<String, String>) -> BTreeMap<String, BTreeSet<String>> {
    let mut docs: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (claim, doc) in claims {
        docs.entry(doc.clone()).or_default().insert(claim.clone());
    }
    docs
}

/// A small deterministic generator (no dependency needed for a seed).
struct Lcg(u64);

impl Lcg {
    fn next_f64(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn ingest_args<'a>(index: &'a Path, input: &'a Path) -> Vec<&'a str> {
    vec![
        "ingest",
        "--quiet",
        "--commit-every",
        "64",
        "--index",
        s(index),
        s(input),
    ]
}

#[test]
fn kill_at_random_points_then_rerun_matches_an_uninterrupted_run() {
    let dir = tmp();
    let input = dir.path().join("corpus.jsonl");
    let lines: Vec<String> = (0..1500).map(|i| record(&format!("d{i:04}"), i)).collect();
    fs::write(&input, lines.join("\n")).unwrap();

    let reference = dir.path().join("reference");
    let started = Instant::now();
    let out = run(&ingest_args(&reference, &input));
    let full_time = started.elapsed();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let want = claims_of(&reference);
    let want_docs = by_doc(&want);
    let want_stats = stats(&reference);
    assert_eq!(want_stats["documents"], 1500);
    assert_eq!(want.len() as u64, want_stats["claims"].as_u64().unwrap());

    let mut rng = Lcg(0x5eed_c1a1_d3c5);
    for run_no in 0..4 {
        let index = dir.path().join(format!("killed{run_no}"));
        // Two kills in a row on the same index, then a full re-run.
        for _ in 0..2 {
            let delay = full_time.mul_f64(0.05 + 0.85 * rng.next_f64());
            let mut child = claimdex()
                .args(ingest_args(&index, &input))
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn()
                .expect("claimdex starts");
            std::thread::sleep(delay);
            let _ = child.kill(); // SIGKILL
            let _ = child.wait();
            if !index.join("meta.json").exists() {
                continue; // killed before the index was created
            }
            let now = stats(&index);
            let docs = now["documents"].as_u64().unwrap();
            assert!(docs <= 1500, "{now}");
            // Only whole documents: every document present has exactly
            // the claims it has after an uninterrupted run.
            let have = claims_of(&index);
            assert_eq!(have.len() as u64, now["claims"].as_u64().unwrap(), "{now}");
            for (doc, claims) in by_doc(&have) {
                assert_eq!(
                    Some(&claims),
                    want_docs.get(&doc),
                    "run {run_no}: document {doc} is partial"
                );
            }
        }
        let out = run(&ingest_args(&index, &input));
        assert_eq!(out.code, 0, "{}", out.stderr);
        assert_eq!(
            claims_of(&index),
            want,
            "run {run_no}: re-run differs from the uninterrupted run"
        );
        let now = stats(&index);
        assert_eq!(now["documents"], want_stats["documents"]);
        assert_eq!(now["claims"], want_stats["claims"]);
    }
}
