//! Dates stage: finds temporal expressions (TIMEX3 dates, times, durations,
//! sets) and normalises them against the publication date.
//!
//! Owns: date grammar, calendar arithmetic (through jiff), TIMEX3 values.
//! Must not depend on readers, other extractors, the index or the CLI.
#![deny(missing_docs)]

use claimdex_model::DateMention;
use jiff::civil::Date;

/// Finds every temporal expression in `text`, in text order, spans in
/// bytes; relative expressions are resolved against `anchor` (the
/// publication date) when given.
pub fn extract(text: &str, anchor: Option<Date>) -> Vec<DateMention> {
    let _ = (text, anchor);
    Vec::new()
}

/// Parses one absolute calendar date written the way news writes them
/// ("October 28, 2025", "Oct. 28, 2025", "28 October 2025", "2025-10-28",
/// "10/28/2025"), e.g. from a "Last Updated on …" line. `None` when the
/// string holds no complete, valid date.
pub fn parse_date(s: &str) -> Option<Date> {
    let _ = s;
    None
}
