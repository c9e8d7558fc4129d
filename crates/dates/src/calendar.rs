//! Calendar arithmetic (through jiff) and TIMEX3 value formatting.
//!
//! Every function here returns `None` instead of panicking when the
//! arithmetic leaves jiff's range or the result cannot be written as a
//! TIMEX3 value (years outside 0..=9999).

use jiff::civil::{Date, Weekday};
use jiff::Span;

/// `d` moved by `n` days.
pub(crate) fn add_days(d: Date, n: i64) -> Option<Date> {
    d.checked_add(Span::new().try_days(n).ok()?).ok()
}

/// `d` moved by `n` weeks.
pub(crate) fn add_weeks(d: Date, n: i64) -> Option<Date> {
    d.checked_add(Span::new().try_weeks(n).ok()?).ok()
}

/// `d` moved by `n` months (clamped to the month's last day).
pub(crate) fn add_months(d: Date, n: i64) -> Option<Date> {
    d.checked_add(Span::new().try_months(n).ok()?).ok()
}

/// `d` moved by `n` years (Feb 29 clamps to Feb 28).
pub(crate) fn add_years(d: Date, n: i64) -> Option<Date> {
    d.checked_add(Span::new().try_years(n).ok()?).ok()
}

/// A valid calendar date, or `None` (February 30, month 13, year 0…).
pub(crate) fn date(y: i64, m: i64, d: i64) -> Option<Date> {
    if !(1..=9999).contains(&y) {
        return None;
    }
    Date::new(
        i16::try_from(y).ok()?,
        i8::try_from(m).ok()?,
        i8::try_from(d).ok()?,
    )
    .ok()
}

/// `YYYY` for a year TIMEX3 can write.
pub(crate) fn fmt_year(y: i64) -> Option<String> {
    (0..=9999).contains(&y).then(|| format!("{y:04}"))
}

/// `YYYY-MM`.
pub(crate) fn fmt_month(y: i64, m: i64) -> Option<String> {
    ((1..=12).contains(&m) && (0..=9999).contains(&y)).then(|| format!("{y:04}-{m:02}"))
}

/// `YYYY-MM-DD`.
pub(crate) fn fmt_date(d: Date) -> Option<String> {
    let y = i64::from(d.year());
    (1..=9999)
        .contains(&y)
        .then(|| format!("{:04}-{:02}-{:02}", y, d.month(), d.day()))
}

/// `YYYY-Www`, the ISO week holding `d`.
pub(crate) fn fmt_week(d: Date) -> Option<String> {
    let w = d.iso_week_date();
    let y = i64::from(w.year());
    (1..=9999)
        .contains(&y)
        .then(|| format!("{:04}-W{:02}", y, w.week()))
}

/// Year-month of `d`.
pub(crate) fn fmt_month_of(d: Date) -> Option<String> {
    fmt_month(i64::from(d.year()), i64::from(d.month()))
}

/// Year of `d`.
pub(crate) fn fmt_year_of(d: Date) -> Option<String> {
    fmt_year(i64::from(d.year()))
}

/// The quarter (1-4) holding `d`.
pub(crate) fn quarter_of(d: Date) -> i64 {
    (i64::from(d.month()) - 1) / 3 + 1
}

/// `YYYY-Qn`.
pub(crate) fn fmt_quarter(y: i64, q: i64) -> Option<String> {
    ((1..=4).contains(&q) && (0..=9999).contains(&y)).then(|| format!("{y:04}-Q{q}"))
}

/// The quarter `n` quarters after the one holding `d`, as (year, quarter).
pub(crate) fn shift_quarter(d: Date, n: i64) -> (i64, i64) {
    let idx = i64::from(d.year()) * 4 + quarter_of(d) - 1 + n;
    (idx.div_euclid(4), idx.rem_euclid(4) + 1)
}

/// ISO weekday number, Monday = 1.
pub(crate) fn iso_weekday(d: Date) -> i64 {
    i64::from(d.weekday().to_monday_one_offset())
}

/// The season of a month, as TIMEX3 codes it, and the year it is
/// counted in (December belongs to the next year's winter).
pub(crate) fn season_of(d: Date) -> (i64, &'static str) {
    let y = i64::from(d.year());
    match d.month() {
        3..=5 => (y, "SP"),
        6..=8 => (y, "SU"),
        9..=11 => (y, "FA"),
        12 => (y + 1, "WI"),
        _ => (y, "WI"),
    }
}

/// Index of a season code in the year's order (winter first).
pub(crate) fn season_index(code: &str) -> i64 {
    match code {
        "WI" => 0,
        "SP" => 1,
        "SU" => 2,
        _ => 3,
    }
}

/// The `n`th (1-based) `weekday` of month `m` in year `y`; `n = -1` is the last.
pub(crate) fn nth_weekday(y: i64, m: i64, n: i8, weekday: Weekday) -> Option<Date> {
    date(y, m, 1)?.nth_weekday_of_month(n, weekday).ok()
}

/// Easter Sunday (Gregorian computus).
pub(crate) fn easter(y: i64) -> Option<Date> {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    date(y, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arithmetic_clamps_and_refuses() {
        let d = date(2024, 1, 31).unwrap();
        assert_eq!(fmt_date(add_months(d, 1).unwrap()).unwrap(), "2024-02-29");
        assert!(date(2025, 2, 30).is_none());
        assert!(date(0, 1, 1).is_none());
        assert!(add_years(d, i64::MAX).is_none());
        assert!(add_days(d, -10_000_000).is_none());
    }

    #[test]
    fn weeks_quarters_easter() {
        let d = date(2025, 10, 28).unwrap();
        assert_eq!(fmt_week(d).unwrap(), "2025-W44");
        assert_eq!(shift_quarter(d, -1), (2025, 3));
        assert_eq!(shift_quarter(d, 1), (2026, 1));
        assert_eq!(fmt_date(easter(2024).unwrap()).unwrap(), "2024-03-31");
        assert_eq!(fmt_date(easter(2025).unwrap()).unwrap(), "2025-04-20");
    }
}
