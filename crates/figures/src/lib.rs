//! Figures stage: finds numbers, money, percentages, quantities and ratios
//! in text and normalises their value, unit and hedge.
//!
//! Owns: the number grammar, the unit and currency lexicons, qualifiers.
//! Must not depend on readers, other extractors, the index or the CLI.
#![deny(missing_docs)]

use claimdex_model::Figure;

/// Finds every figure in `text`, in text order, spans in bytes.
pub fn extract(text: &str) -> Vec<Figure> {
    let _ = text;
    Vec::new()
}
