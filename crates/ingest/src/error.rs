//! Why an input item (a file, a JSONL record) could not become a document.

use std::path::PathBuf;

/// One input item that was skipped, and why. The batch goes on after it.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SkipReason {
    /// The file or directory could not be read.
    #[error("{path}: cannot read: {source}")]
    Io {
        /// What was being read.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// The directory walk failed at this entry (permission, loop, vanished).
    #[error("{path}: {reason}")]
    Walk {
        /// Where the walk failed.
        path: PathBuf,
        /// What went wrong.
        reason: String,
    },
    /// The file holds binary data, not text.
    #[error("{path}: binary file ({reason}), not text")]
    Binary {
        /// The file.
        path: PathBuf,
        /// What gave it away.
        reason: String,
    },
    /// The file or record is larger than the per-document limit.
    #[error("{path}{}: too large: {size} bytes, limit {limit} bytes", line_suffix(*line))]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// The JSONL line or WARC record number, for records.
        line: Option<u64>,
        /// Its size in bytes (at least this many).
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// The file or record has no text.
    #[error("{path}{}: empty document", line_suffix(*line))]
    Empty {
        /// The file.
        path: PathBuf,
        /// The JSONL line, for records.
        line: Option<u64>,
    },
    /// A JSONL line is not a valid record.
    #[error("{path}:{line}: bad record: {reason}")]
    BadRecord {
        /// The file (`-` for stdin).
        path: PathBuf,
        /// 1-based line number.
        line: u64,
        /// What is wrong with it.
        reason: String,
    },
    /// A compressed stream ended early or is corrupt.
    #[error("{path}{}: corrupt or truncated compressed data: {reason}", line_suffix(*line))]
    Compressed {
        /// The file.
        path: PathBuf,
        /// The last line read before the failure, for JSONL.
        line: Option<u64>,
        /// The decoder's message.
        reason: String,
    },
    /// A WARC record could not be read (bad header, lying length, junk
    /// between records); the reader goes on with the next record.
    #[error("{path}: WARC record {record}: {reason}")]
    Warc {
        /// The archive.
        path: PathBuf,
        /// 1-based number of the record in the archive.
        record: u64,
        /// What is wrong with it.
        reason: String,
    },
    /// A WARC archive ends inside a record.
    #[error("{path}: WARC record {record}: truncated archive: {reason}")]
    WarcTruncated {
        /// The archive.
        path: PathBuf,
        /// 1-based number of the cut record.
        record: u64,
        /// Where it was cut.
        reason: String,
    },
}

fn line_suffix(line: Option<u64>) -> String {
    line.map(|l| format!(":{l}")).unwrap_or_default()
}

impl SkipReason {
    /// A short stable name for the reason, used to count skips by kind.
    pub fn category(&self) -> &'static str {
        match self {
            SkipReason::Io { .. } => "unreadable",
            SkipReason::Walk { .. } => "walk error",
            SkipReason::Binary { .. } => "binary",
            SkipReason::TooLarge { .. } => "too large",
            SkipReason::Empty { .. } => "empty",
            SkipReason::BadRecord { .. } => "bad record",
            SkipReason::Compressed { .. } => "corrupt compressed data",
            SkipReason::Warc { .. } => "bad WARC record",
            SkipReason::WarcTruncated { .. } => "truncated WARC",
        }
    }
}
