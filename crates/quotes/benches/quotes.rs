//! Throughput of the quotes stage alone, in MB/s of document text.
//!
//! Reads the first few MB of `/work/shared/data/corpus/news.jsonl.gz` at run
//! time (override with `CLAIMDEX_NEWS=path`; the corpus is never copied into
//! the repository), builds one paragraph block per line as ingest does, and
//! times `claimdex_quotes::extract` over all documents. Without the corpus
//! it falls back to generated quote-heavy text.
//!
//! `cargo bench -p claimdex-quotes --bench quotes`

use std::hint::black_box;
use std::io::{BufRead, BufReader};

use claimdex_model::{Block, BlockKind, Document, SourceFormat};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

const TARGET_BYTES: usize = 4_000_000;

fn doc(id: usize, text: String) -> Document {
    let mut d = Document::new(format!("b{id}"), "-", SourceFormat::JsonlText, text);
    d.blocks = claimdex_quotes::line_spans(&d.text)
        .into_iter()
        .map(|span| Block {
            kind: BlockKind::Paragraph,
            span,
        })
        .collect();
    d
}

fn corpus() -> Vec<Document> {
    let path = std::env::var("CLAIMDEX_NEWS")
        .unwrap_or_else(|_| "/work/shared/data/corpus/news.jsonl.gz".to_string());
    let mut docs = Vec::new();
    let mut bytes = 0;
    if let Ok(f) = std::fs::File::open(&path) {
        let reader = BufReader::new(flate2::read::GzDecoder::new(f));
        for line in reader.lines().map_while(Result::ok) {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(&line) else {
                continue;
            };
            let Some(text) = v["text"].as_str() else {
                continue;
            };
            bytes += text.len();
            docs.push(doc(docs.len(), text.to_string()));
            if bytes >= TARGET_BYTES {
                break;
            }
        }
    }
    if docs.is_empty() {
        // Generated stand-in: attributed, partial and scare quotes.
        let para = "“We will not back down,” said Jane Porter, the minister of trade. \
                    She called the tariffs “a tax on families” and added: “Nobody wins.”\n\
                    The so-called “deal of the century” drew criticism from critics.\n\n";
        while bytes < TARGET_BYTES {
            let text = para.repeat(20);
            bytes += text.len();
            docs.push(doc(docs.len(), text));
        }
    }
    docs
}

fn bench(c: &mut Criterion) {
    let docs = corpus();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let mut g = c.benchmark_group("quotes");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    g.bench_function("extract", |b| {
        b.iter(|| {
            let mut n = 0;
            for d in &docs {
                n += claimdex_quotes::extract(black_box(d)).len();
            }
            n
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
