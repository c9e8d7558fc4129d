//! Throughput of `claimdex_html::parse` over the visible dev pages, read at
//! run time from `../shared/data/html/aeb_dev/*.html.gz` (or
//! `$CLAIMDEX_HTML_PAGES`); skipped when they are absent.
//!
//! `cargo bench -p claimdex-html --bench html` prints time per pass over
//! all pages; pages/s and MB/s follow from the printed element and byte
//! throughputs.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::io::Read;
use std::path::PathBuf;

fn pages_dir() -> Option<PathBuf> {
    if let Ok(d) = std::env::var("CLAIMDEX_HTML_PAGES") {
        return Some(PathBuf::from(d));
    }
    // The bench runs from the crate folder; shared/ sits beside the repo.
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    here.ancestors()
        .map(|a| a.join("shared/data/html/aeb_dev"))
        .chain(
            here.ancestors()
                .map(|a| a.join("../shared/data/html/aeb_dev")),
        )
        .find(|p| p.is_dir())
}

fn load() -> Vec<Vec<u8>> {
    let Some(dir) = pages_dir() else {
        return Vec::new();
    };
    let Ok(rd) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| {
            let f = std::fs::File::open(p).ok()?;
            let mut raw = Vec::new();
            if p.extension().is_some_and(|e| e == "gz") {
                flate2::read::GzDecoder::new(f).read_to_end(&mut raw).ok()?;
            } else {
                std::io::BufReader::new(f).read_to_end(&mut raw).ok()?;
            }
            Some(raw)
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let pages = load();
    if pages.is_empty() {
        eprintln!("no dev pages found; set CLAIMDEX_HTML_PAGES");
        return;
    }
    let bytes: usize = pages.iter().map(Vec::len).sum();
    let mut g = c.benchmark_group("html");
    g.sample_size(10);
    g.throughput(Throughput::Elements(pages.len() as u64));
    g.bench_function("parse_dev_pages", |b| {
        b.iter(|| {
            for p in &pages {
                std::hint::black_box(claimdex_html::parse_page(p, None));
            }
        })
    });
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("parse_dev_bytes", |b| {
        b.iter(|| {
            for p in &pages {
                std::hint::black_box(claimdex_html::parse_page(p, None));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
