//! Command-line flags, as close to what the user typed as possible.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Extract claims (figures, dates, quotes with speakers) from news
/// articles, with exact citations, and search them.
#[derive(Parser, Debug)]
#[command(
    name = "claimdex",
    version,
    about,
    after_help = "\
Examples:
  claimdex ingest corpus/                       index the shipped articles into ./index
  claimdex query \"refining capacity\"            search the claims
  claimdex query --speaker trump --kind quote   everything Trump is quoted saying
  claimdex extract --format jsonl article.txt   claims as JSON Lines (see CONTRACT.md)
  cat records.jsonl | claimdex extract -        JSONL records on stdin"
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Extract figures, dates, quotes and claims; print one JSON object per document.
    Extract(ExtractArgs),
    /// Extract and write claims into a search index (re-running is safe).
    Ingest(IngestArgs),
    /// Search the indexed claims.
    Query(QueryArgs),
    /// Show one claim in context, by id.
    Show(ShowArgs),
    /// Summarise what the index holds.
    Stats(StatsArgs),
    /// Write claims (all, or those matching a query) as a flat table.
    Export(ExportArgs),
}

/// Output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// For people.
    Text,
    /// One JSON document.
    Json,
    /// One JSON object per line.
    Jsonl,
    /// A CSV table (one row per claim).
    Csv,
}

/// Output formats of `show` and `stats`: one record, for people or scripts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ViewFormat {
    /// For people.
    Text,
    /// One JSON document.
    Json,
}

/// Output formats of `export`: flat rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum RowFormat {
    /// One JSON object per claim.
    Jsonl,
    /// A CSV table with a header row.
    Csv,
}

/// Flags shared by the commands that read inputs.
#[derive(Args, Debug, Clone)]
pub struct InputArgs {
    /// Files, directories (walked recursively) or `-` for JSONL on stdin.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<String>,
    /// Publication date (YYYY-MM-DD) for documents that carry none; anchors
    /// relative dates such as "last week".
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub published: Option<jiff::civil::Date>,
    /// Worker threads for extraction (default: all cores).
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
    /// Largest document (file or JSONL record) accepted, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = claimdex_ingest::read::DEFAULT_MAX_DOC_BYTES)]
    pub max_doc_bytes: u64,
    /// Print no summary, progress or warnings on stderr (errors, such as
    /// skipped inputs, are still printed; warnings still count in `--report`).
    #[arg(long, short = 'q')]
    pub quiet: bool,
}

/// `claimdex extract`.
#[derive(Args, Debug)]
#[command(after_help = "\
Examples:
  claimdex extract corpus/000_339b9ea0abfec546.txt
  claimdex extract --include text,sentences --published 2025-10-28 notes.md
  claimdex extract --format text corpus/

Exit status: 0 when every document was read, 1 when some were skipped
(the rest is still written), 2 on a usage error.")]
pub struct ExtractArgs {
    /// Inputs and reading options.
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format; `jsonl` is the stable contract (shared/eval/CONTRACT.md).
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Jsonl)]
    pub format: Format,
    /// Optional parts to add: `text` (doc.text), `sentences`.
    #[arg(long, value_delimiter = ',', value_name = "PARTS")]
    pub include: Vec<IncludePart>,
}

/// Optional output parts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum IncludePart {
    /// The document text.
    Text,
    /// The sentence spans.
    Sentences,
}

/// `claimdex ingest`.
#[derive(Args, Debug)]
#[command(after_help = "\
Examples:
  claimdex ingest corpus/
  claimdex ingest --index /data/claims news.jsonl.gz --commit-every 5000

Unchanged documents (same id and text) are skipped, changed ones replaced,
so re-running is safe. An interrupted run keeps everything committed.")]
pub struct IngestArgs {
    /// Inputs and reading options.
    #[command(flatten)]
    pub input: InputArgs,
    /// Index directory (created when missing).
    #[arg(long, default_value = "index", value_name = "DIR")]
    pub index: PathBuf,
    /// Commit after this many documents (and at the end).
    #[arg(long, default_value_t = 10_000, value_name = "N")]
    pub commit_every: usize,
    /// Write the summary and every skipped item as JSON to this file.
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,
}

/// Filters shared by `query`.
#[derive(Args, Debug, Clone, Default)]
pub struct FilterArgs {
    /// Only claims of this kind.
    #[arg(long, value_enum)]
    pub kind: Option<KindArg>,
    /// Only quotes by this speaker (any part of the name, case-insensitive).
    #[arg(long, value_name = "NAME")]
    pub speaker: Option<String>,
    /// Only claims with a figure in this unit (USD, %, t, …).
    #[arg(long, value_name = "UNIT")]
    pub unit: Option<String>,
    /// Only claims with a figure value >= this.
    #[arg(long, value_name = "X", allow_negative_numbers = true, value_parser = parse_value_bound)]
    pub min_value: Option<f64>,
    /// Only claims with a figure value <= this.
    #[arg(long, value_name = "X", allow_negative_numbers = true, value_parser = parse_value_bound)]
    pub max_value: Option<f64>,
    /// Only claims whose event happened on or after this date.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub from: Option<jiff::civil::Date>,
    /// Only claims whose event happened on or before this date.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub to: Option<jiff::civil::Date>,
    /// Only claims published on or after this date.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub published_from: Option<jiff::civil::Date>,
    /// Only claims published on or before this date.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub published_to: Option<jiff::civil::Date>,
}

/// Claim kinds on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    /// Sentences with figures.
    Figure,
    /// Sentences with dated events.
    Date,
    /// Attributed quotes.
    Quote,
}

/// Result orders.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SortArg {
    /// Best match first.
    Relevance,
    /// Newest publication first.
    Published,
    /// Latest event date first.
    Date,
    /// Largest figure value first.
    Value,
}

/// `claimdex query`.
#[derive(Args, Debug)]
#[command(after_help = "\
Query language: free text (phrases in quotes, AND/OR/NOT) plus fields:
  speaker:trump  kind:quote  unit:USD  value:>1e9  value:[60 TO 95]
  date:2020..2024  published:>=2025-01  source:reuters  title:tariffs  url:example.com
Every range field takes >x, >=x, <x, <=x, [a TO b] and a..b; dates as YYYY,
YYYY-MM or YYYY-MM-DD. The flags below set the same filters for scripts.

Examples:
  claimdex query \"refining capacity\"
  claimdex query --speaker trump
  claimdex query 'tariffs kind:figure value:>1e11 unit:USD'
  claimdex query \"rare earths\" --from 2020-01-01 --to 2024-12-31 --format jsonl
  claimdex query --queries questions.txt --timings > results.jsonl

Text output colours matched words when stdout is a terminal (set NO_COLOR
to turn that off). Exit status: 0 with results, 1 with none, 2 on errors
(a bad query is shown with the bad part marked).")]
pub struct QueryArgs {
    /// The query (may be empty when filters are given).
    #[arg(default_value = "", value_name = "QUERY")]
    pub text: String,
    /// Run one query per line of FILE (`-` for stdin); prints JSONL tagged
    /// with the query.
    #[arg(long, value_name = "FILE", conflicts_with = "text")]
    pub queries: Option<PathBuf>,
    /// Add each query's latency in milliseconds to its output.
    #[arg(long)]
    pub timings: bool,
    /// Result order.
    #[arg(long, value_enum, default_value_t = SortArg::Relevance)]
    pub sort: SortArg,
    /// Oldest / smallest first with --sort.
    #[arg(long)]
    pub asc: bool,
    /// Say for each result in how many other documents the same claim
    /// appears.
    #[arg(long)]
    pub group: bool,
    /// Index directory.
    #[arg(long, default_value = "index", value_name = "DIR")]
    pub index: PathBuf,
    /// Filters.
    #[command(flatten)]
    pub filters: FilterArgs,
    /// At most this many results.
    #[arg(long, short = 'n', default_value_t = 10, value_name = "N")]
    pub limit: usize,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// `claimdex export`.
#[derive(Args, Debug)]
#[command(after_help = "\
Examples:
  claimdex export --format csv --out claims.csv
  claimdex export 'kind:figure unit:USD' --format jsonl | duckdb -c \"select * from read_json_auto('/dev/stdin')\"

One row per claim; the columns are documented in the README. Streams: memory
stays bounded whatever the number of claims.")]
pub struct ExportArgs {
    /// Only claims matching this query (same language as `query`).
    #[arg(default_value = "", value_name = "QUERY")]
    pub query: String,
    /// Index directory.
    #[arg(long, default_value = "index", value_name = "DIR")]
    pub index: PathBuf,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = RowFormat::Jsonl)]
    pub format: RowFormat,
    /// Write here instead of stdout.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub out: Option<PathBuf>,
}

/// `claimdex show`.
#[derive(Args, Debug)]
pub struct ShowArgs {
    /// The claim id (as printed by `query`).
    pub id: String,
    /// Index directory.
    #[arg(long, default_value = "index", value_name = "DIR")]
    pub index: PathBuf,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = ViewFormat::Text)]
    pub format: ViewFormat,
}

/// `claimdex stats`.
#[derive(Args, Debug)]
pub struct StatsArgs {
    /// Index directory.
    #[arg(long, default_value = "index", value_name = "DIR")]
    pub index: PathBuf,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = ViewFormat::Text)]
    pub format: ViewFormat,
}

/// A figure-value bound: any number, infinities included, but not NaN
/// (which bounds nothing and would silently match every claim).
fn parse_value_bound(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(v) if v.is_nan() => Err("NaN is not a bound; give a number such as 1e9".into()),
        Ok(v) => Ok(v),
        Err(_) => Err("expected a number such as 1e9, 60 or -2.5".into()),
    }
}

fn parse_date(s: &str) -> Result<jiff::civil::Date, String> {
    s.parse()
        .map_err(|e| format!("expected a date as YYYY-MM-DD: {e}"))
}
