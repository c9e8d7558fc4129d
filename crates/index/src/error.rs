//! The one error type of the index crate.

use std::path::PathBuf;

/// Everything that can go wrong while opening, writing or searching an index.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    /// `open` was pointed at a directory that holds no index.
    #[error("no claimdex index in {dir} (build one first, e.g. `claimdex ingest corpus/`)")]
    NotFound {
        /// The directory that was looked at.
        dir: PathBuf,
    },
    /// Another writer (in this or another process) holds the writer lock.
    #[error(
        "the index in {dir} is locked by another writer; wait for it to finish. If no claimdex \
         process is running, a crash left a stale lock: delete {dir}/.tantivy-writer.lock"
    )]
    Locked {
        /// The locked index directory.
        dir: PathBuf,
    },
    /// The directory holds an index built with a different schema.
    #[error(
        "the index in {dir} was built by an incompatible claimdex version (schema differs); \
         delete it and re-index"
    )]
    SchemaMismatch {
        /// The index directory.
        dir: PathBuf,
    },
    /// The free-text query could not be salvaged into anything searchable.
    #[error("bad query: {message}")]
    BadQuery {
        /// What is wrong, pointing at the offending part where possible.
        message: String,
    },
    /// A stored claim could not be decoded (a corrupt or foreign index).
    #[error("corrupt stored claim: {0}")]
    Corrupt(String),
    /// A filesystem error outside tantivy (creating the directory, sizing it).
    #[error("I/O error on {path}: {source}")]
    Io {
        /// The path involved.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// Any other tantivy error.
    #[error("index error: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
}
