//! Calendar-date ↔ timestamp conversion for the date fast fields.
//!
//! Dates are stored as midnight UTC of the civil day, in whole seconds
//! (the fields use `DateTimePrecision::Seconds`), so inclusive day bounds are
//! exact. The arithmetic is Howard Hinnant's `days_from_civil` /
//! `civil_from_days`, valid for the whole proleptic Gregorian calendar.

use jiff::civil::Date;

/// Seconds in one day.
const DAY: i64 = 86_400;

/// Days since 1970-01-01 of a civil date.
pub(crate) fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date `(y, m, d)` of a day count since 1970-01-01.
pub(crate) fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// Seconds since the epoch of midnight UTC on `date`.
pub(crate) fn date_secs(date: Date) -> i64 {
    days_from_civil(
        i64::from(date.year()),
        i64::from(date.month()),
        i64::from(date.day()),
    ) * DAY
}

/// Parses a contract date (`YYYY-MM-DD`) into seconds since the epoch;
/// `None` for anything else, so a malformed date is simply not indexed.
pub(crate) fn parse_contract_date(s: &str) -> Option<i64> {
    s.trim().parse::<Date>().ok().map(date_secs)
}

/// Formats seconds since the epoch as `YYYY-MM-DD`.
pub(crate) fn format_secs(secs: i64) -> String {
    let (y, m, d) = civil_from_days(secs.div_euclid(DAY));
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_days() {
        for z in [-800_000, -1, 0, 1, 59, 60, 10_957, 20_000, 2_932_896] {
            let (y, m, d) = civil_from_days(z);
            assert_eq!(days_from_civil(y, m, d), z, "{y}-{m}-{d}");
        }
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
    }

    #[test]
    fn parses_and_formats() {
        let s = parse_contract_date("2024-02-29").unwrap_or_default();
        assert_eq!(format_secs(s), "2024-02-29");
        assert_eq!(parse_contract_date("2024-02-30"), None);
        assert_eq!(parse_contract_date("soon"), None);
        assert_eq!(format_secs(-DAY), "1969-12-31");
    }
}
