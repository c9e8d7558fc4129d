//! Calendar-date ↔ timestamp conversion for the date fast fields.
//!
//! Dates are stored as midnight UTC of the civil day, in whole seconds
//! (the fields use `DateTimePrecision::Seconds`), so inclusive day bounds are
//! exact. Calendar arithmetic is jiff's. tantivy keeps dates as i64
//! nanoseconds, so only days between 1678 and 2261 can be stored: a date
//! outside that range (a misread "2990") is not indexed rather than wrapped.

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::Timestamp;

/// Earliest storable second: 1678-01-01 (i64 nanoseconds reach 1677-09-21).
const MIN_SECS: i64 = -9_214_560_000;
/// Latest storable second: 2261-12-31 (i64 nanoseconds reach 2262-04-11).
const MAX_SECS: i64 = 9_214_560_000;

/// Seconds since the epoch of midnight UTC on `date`, clamped to what the
/// index can store (for search bounds, where clamping is exact enough).
pub(crate) fn date_secs(date: Date) -> i64 {
    exact_secs(date)
        .unwrap_or(if date.year() < 1970 {
            MIN_SECS
        } else {
            MAX_SECS
        })
        .clamp(MIN_SECS, MAX_SECS)
}

fn exact_secs(date: Date) -> Option<i64> {
    let midnight = date.to_datetime(jiff::civil::Time::midnight());
    TimeZone::UTC
        .to_timestamp(midnight)
        .ok()
        .map(|t| t.as_second())
}

/// Parses a contract date (`YYYY-MM-DD`) into seconds since the epoch;
/// `None` for anything else or outside the storable range, so such a date
/// is simply not indexed.
pub(crate) fn parse_contract_date(s: &str) -> Option<i64> {
    let secs = exact_secs(s.trim().parse::<Date>().ok()?)?;
    (MIN_SECS..=MAX_SECS).contains(&secs).then_some(secs)
}

/// Formats seconds since the epoch as `YYYY-MM-DD`.
pub(crate) fn format_secs(secs: i64) -> String {
    match Timestamp::from_second(secs) {
        Ok(ts) => TimeZone::UTC.to_datetime(ts).date().to_string(),
        Err(_) => String::from("?"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_formats() {
        let s = parse_contract_date("2024-02-29").unwrap_or_default();
        assert_eq!(format_secs(s), "2024-02-29");
        assert_eq!(parse_contract_date("2024-02-30"), None);
        assert_eq!(parse_contract_date("soon"), None);
        assert_eq!(format_secs(-86_400), "1969-12-31");
        assert_eq!(parse_contract_date("1970-01-01"), Some(0));
    }

    #[test]
    fn out_of_range_dates_are_not_indexed() {
        assert_eq!(parse_contract_date("2990-01-01"), None);
        assert_eq!(parse_contract_date("1200-01-01"), None);
        assert!(parse_contract_date("2261-12-31").is_some());
        assert!(parse_contract_date("1678-01-01").is_some());
        let far = Date::new(9999, 1, 1).unwrap_or_default();
        assert_eq!(date_secs(far), MAX_SECS);
        // Every clamped bound converts to tantivy without overflow.
        let _ = tantivy::DateTime::from_timestamp_secs(date_secs(far));
        let _ = tantivy::DateTime::from_timestamp_secs(MIN_SECS);
    }
}
