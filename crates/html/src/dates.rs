//! Calendar dates from the strings pages carry: ISO 8601 / RFC 3339 in
//! metadata, dates in URL paths, and human-written dates in bylines.

use crate::re;
use jiff::civil::Date;
use regex::Regex;
use std::sync::LazyLock;

/// First `YYYY-MM-DD` (or `/` or `.` separated) in a string.
static ISO: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?:^|[^\d])((?:19|20)\d\d)([-/.])(\d{1,2})([-/.])(\d{1,2})(?:[^\d]|$)"));
/// A compact `YYYYMMDD` at the start (some meta tags).
static COMPACT: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*((?:19|20)\d\d)(\d\d)(\d\d)(?:\D|$)"));
/// Date parts of a URL path.
static URL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"[/_-]((?:19|20)\d\d)(?:[/_-](0?[1-9]|1[0-2])[/_-](0?[1-9]|[12]\d|3[01])|(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01]))(?:[/_.-]|$)",
    )
});
/// Month-name dates: "October 28, 2025", "Oct. 28 2025", "28 October 2025", "28. Oktober 2025".
static HUMAN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?-u:\b)(?:(\d{1,2})(?:st|nd|rd|th|\.)?\s+(?:de\s+)?(\p{L}{3,12})\.?,?\s+(?:de\s+)?((?:19|20)\d\d)|(\p{L}{3,12})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d))(?-u:\b)",
    )
});
/// Chinese, Japanese and Korean dates: "2020年2月15日", "2020년 3월 4일".
static CJK: LazyLock<Regex> =
    LazyLock::new(|| re(r"((?:19|20)\d\d)\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]"));
/// Numeric day-first or month-first dates: "02.01.2020", "1/2/2020".
static NUMERIC: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?-u:\b)(\d{1,2})([./])(\d{1,2})[./]((?:19|20)\d\d)(?-u:\b)"));

/// An ISO 8601 date with a time of day and, maybe, a zone:
/// `2020-05-01T23:30:00-04:00`, `2020-12-05 23:15:0Z`, `20200316T13:00:00Z`.
static ISO_TIME: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:^|[^\d])((?:19|20)\d\d)-?(\d\d)-?(\d\d)(?:T|\s+)(\d{1,2}):(\d\d)(?::(\d{1,2})(?:[.,]\d+)?)?\s*(Z|UTC|GMT|[+-]\d\d(?::?\d\d)?)?(?:[^\d]|$)",
    )
});
/// A time of day with a zone after a human-written date
/// (`Wed, 28 Oct 2020 22:22:49 GMT`).
static HUMAN_TIME: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?:^|[^\d])(\d{1,2}):(\d\d)(?::\d\d)?\s*(Z|UTC|GMT|[+-]\d\d:?\d\d)(?:[^\d]|$)")
});

/// The zone a timestamp was written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Zone {
    /// No zone, or one named by an abbreviation we do not resolve.
    Unknown,
    /// Explicitly UTC (`Z`, `+00:00`, `UTC`, `GMT`): servers normalise to
    /// it, so the day may not be the one the page's readers saw.
    Utc,
    /// An explicit non-zero offset from UTC, in minutes: the publisher's
    /// own local time.
    Offset(i32),
}

/// A publication timestamp as a page writes it: the calendar date, the
/// time of day when given (minutes after midnight) and the zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Stamp {
    /// The date as written.
    pub date: Date,
    /// Minutes after midnight, when the string has a time of day.
    pub minutes: Option<i32>,
    /// The zone the time is in.
    pub zone: Zone,
}

/// Offsets of the zones news is published in: UTC−10 (Hawaii) to UTC+14.
const WEST_MINUTES: i32 = -10 * 60;
const EAST_MINUTES: i32 = 14 * 60;

impl Stamp {
    fn date_only(date: Date) -> Stamp {
        Stamp {
            date,
            minutes: None,
            zone: Zone::Unknown,
        }
    }

    /// The calendar date of this instant at `offset` minutes from UTC
    /// (only meaningful for UTC stamps with a time).
    pub(crate) fn date_at(&self, offset: i32) -> Date {
        let Some(m) = self.minutes else {
            return self.date;
        };
        let shifted = m + offset;
        if shifted < 0 {
            self.date.yesterday().unwrap_or(self.date)
        } else if shifted >= 24 * 60 {
            self.date.tomorrow().unwrap_or(self.date)
        } else {
            self.date
        }
    }

    /// Whether a reader somewhere could have seen this stamp as `day`:
    /// a stamp with an explicit local offset is that day only; a UTC or
    /// zone-less time may fall on the day before or after depending on
    /// the (unknown) zone of the site; a bare date is trusted to a day.
    pub(crate) fn could_be(&self, day: Date) -> bool {
        match (self.zone, self.minutes) {
            (Zone::Offset(_), Some(_)) => day == self.date,
            (_, Some(_)) => {
                day == self.date_at(WEST_MINUTES)
                    || day == self.date_at(EAST_MINUTES)
                    || day == self.date
            }
            (_, None) => {
                day == self.date
                    || self.date.yesterday().is_ok_and(|d| d == day)
                    || self.date.tomorrow().is_ok_and(|d| d == day)
            }
        }
    }

    /// Whether this is a UTC time of day (the case where the local day
    /// must be worked out).
    pub(crate) fn is_utc_time(&self) -> bool {
        self.zone == Zone::Utc && self.minutes.is_some()
    }
}

/// A zone suffix (`Z`, `UTC`, `+05:30`, `-0400`, `+03`) as a [`Zone`].
pub(crate) fn zone_of(z: &str) -> Zone {
    if z.eq_ignore_ascii_case("z") || z.eq_ignore_ascii_case("utc") || z.eq_ignore_ascii_case("gmt")
    {
        return Zone::Utc;
    }
    offset_minutes(z).map_or(Zone::Unknown, |m| {
        if m == 0 {
            Zone::Utc
        } else {
            Zone::Offset(m)
        }
    })
}

/// Minutes east of UTC of a `+hh:mm`, `+hhmm` or `+hh` suffix.
pub(crate) fn offset_minutes(z: &str) -> Option<i32> {
    let sign = match z.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let digits: String = z[1..].chars().filter(char::is_ascii_digit).collect();
    let (h, m) = match digits.len() {
        2 => (digits.parse::<i32>().ok()?, 0),
        4 => (
            digits[..2].parse::<i32>().ok()?,
            digits[2..].parse::<i32>().ok()?,
        ),
        _ => return None,
    };
    (h <= 14 && m < 60).then_some(sign * (h * 60 + m))
}

/// A publication timestamp from a metadata value: ISO 8601 with or
/// without time and zone, else a human-written date (RFC 2822 included).
pub(crate) fn stamp(s: &str) -> Option<Stamp> {
    if let Some(c) = ISO_TIME.captures(s) {
        let date = ymd(&c[1], &c[2], &c[3]);
        let h: Option<i32> = c[4].parse().ok();
        let m: Option<i32> = c[5].parse().ok();
        if let (Some(date), Some(h), Some(m)) = (date, h, m) {
            if h < 24 && m < 60 {
                return Some(Stamp {
                    date,
                    minutes: Some(h * 60 + m),
                    zone: c.get(7).map_or(Zone::Unknown, |z| zone_of(z.as_str())),
                });
            }
        }
    }
    if let Some(d) = iso_date(s) {
        return Some(Stamp::date_only(d));
    }
    let date = human_date(s)?;
    let mut st = Stamp::date_only(date);
    if let Some(c) = HUMAN_TIME.captures(s) {
        let (h, m): (Option<i32>, Option<i32>) = (c[1].parse().ok(), c[2].parse().ok());
        if let (Some(h), Some(m)) = (h, m) {
            if h < 24 && m < 60 {
                st.minutes = Some(h * 60 + m);
                st.zone = zone_of(&c[3]);
            }
        }
    }
    Some(st)
}

/// A date from an ISO 8601 / RFC 3339 string (time and zone ignored: the
/// page's own calendar date is what it was published on).
pub(crate) fn iso_date(s: &str) -> Option<Date> {
    if let Some(c) = ISO.captures(s) {
        if c[2] == c[4] {
            return ymd(&c[1], &c[3], &c[5]);
        }
    }
    let c = COMPACT.captures(s)?;
    ymd(&c[1], &c[2], &c[3])
}

/// A date from a URL path such as `/2025/10/28/` or `-20251028-`.
pub(crate) fn url_date(url: &str) -> Option<Date> {
    // Only the path: hosts and query strings hold ids that look like dates.
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let path = rest.find('/').map_or("", |i| &rest[i..]);
    let path = path.split(['?', '#']).next().unwrap_or("");
    URL.captures_iter(path).find_map(|c| {
        let (m, d) = match (c.get(2), c.get(3)) {
            (Some(m), Some(d)) => (m, d),
            _ => (c.get(4)?, c.get(5)?),
        };
        ymd(&c[1], m.as_str(), d.as_str())
    })
}

/// A human-written date ("Oct. 28, 2025", "28 October 2025", "28.10.2025").
pub(crate) fn human_date(s: &str) -> Option<Date> {
    for c in HUMAN.captures_iter(s) {
        let (d, m, y) = if let Some(d) = c.get(1) {
            (d.as_str(), c.get(2), c.get(3))
        } else {
            (c.get(5).map_or("", |m| m.as_str()), c.get(4), c.get(6))
        };
        let (Some(m), Some(y)) = (m, y) else { continue };
        let Some(month) = month_number(m.as_str()) else {
            continue;
        };
        if let Some(date) = ymd(y.as_str(), &month.to_string(), d) {
            return Some(date);
        }
    }
    if let Some(d) = CJK.captures(s).and_then(|c| ymd(&c[1], &c[2], &c[3])) {
        return Some(d);
    }
    if let Some(d) = iso_date(s) {
        return Some(d);
    }
    let c = NUMERIC.captures(s)?;
    let (a, b) = (&c[1], &c[3]);
    if &c[2] == "/" {
        // Slashes: month first unless that cannot be a month.
        ymd(&c[4], a, b).or_else(|| ymd(&c[4], b, a))
    } else {
        ymd(&c[4], b, a)
    }
}

fn ymd(y: &str, m: &str, d: &str) -> Option<Date> {
    let y: i16 = y.parse().ok()?;
    let m: i8 = m.parse().ok()?;
    let d: i8 = d.parse().ok()?;
    Date::new(y, m, d).ok()
}

/// Month names and abbreviations in the languages news pages most often use.
fn month_number(word: &str) -> Option<u8> {
    let w = word.to_lowercase();
    let w = w.trim_end_matches('.');
    const MONTHS: [&[&str]; 12] = [
        &[
            "january", "jan", "januar", "janvier", "enero", "gennaio", "janeiro", "januari", "ene",
        ],
        &[
            "february",
            "feb",
            "februar",
            "février",
            "fevrier",
            "febrero",
            "febbraio",
            "fevereiro",
            "februari",
            "févr",
            "fév",
        ],
        &[
            "march", "mar", "märz", "maerz", "mars", "marzo", "março", "maart", "marts", "mär",
        ],
        &["april", "apr", "avril", "abril", "aprile", "avr", "abr"],
        &["may", "mai", "mayo", "maggio", "maio", "mei", "maj"],
        &["june", "jun", "juni", "juin", "junio", "giugno", "junho"],
        &[
            "july", "jul", "juli", "juillet", "julio", "luglio", "julho", "juil",
        ],
        &["august", "aug", "août", "aout", "agosto", "augustus", "ago"],
        &[
            "september",
            "sep",
            "sept",
            "septembre",
            "septiembre",
            "settembre",
            "setembro",
            "set",
        ],
        &[
            "october", "oct", "oktober", "octobre", "octubre", "ottobre", "outubro", "okt", "out",
        ],
        &["november", "nov", "novembre", "noviembre", "novembro"],
        &[
            "december",
            "dec",
            "dezember",
            "décembre",
            "decembre",
            "diciembre",
            "dicembre",
            "dezembro",
            "dic",
            "dez",
            "déc",
        ],
    ];
    // Genitive forms of Slavic languages, and Turkish, Scandinavian and
    // Indonesian names, in a second table so the first stays readable.
    const MORE: [&[&str]; 12] = [
        &["января", "stycznia", "ledna", "ocak"],
        &["февраля", "lutego", "února", "şubat"],
        &["марта", "marca", "března", "mart", "maret"],
        &["апреля", "kwietnia", "dubna", "nisan"],
        &["мая", "maja", "května", "mayıs"],
        &["июня", "czerwca", "června", "haziran"],
        &["июля", "lipca", "července", "temmuz"],
        &["августа", "sierpnia", "srpna", "ağustos", "agustus"],
        &["сентября", "września", "září", "eylül"],
        &["октября", "października", "října", "ekim"],
        &["ноября", "listopada", "listopadu", "kasım"],
        &["декабря", "grudnia", "prosince", "aralık", "desember"],
    ];
    MONTHS
        .iter()
        .zip(MORE.iter())
        .position(|(names, more)| names.contains(&w) || more.contains(&w))
        .map(|i| i as u8 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn iso() {
        assert_eq!(
            iso_date("2025-10-28T09:00:00-04:00"),
            Some(date(2025, 10, 28))
        );
        assert_eq!(iso_date("2025/10/28"), Some(date(2025, 10, 28)));
        assert_eq!(iso_date("20251028"), Some(date(2025, 10, 28)));
        assert_eq!(iso_date("2025-13-28"), None);
        assert_eq!(iso_date("Tuesday"), None);
    }

    proptest::proptest! {
        #[test]
        fn stamps_never_panic_and_stay_within_a_day(
            s in "(19|20)[0-9]{2}-?[0-9]{2}-?[0-9]{2}[T ][0-9]{1,2}:[0-9]{2}(:[0-9]{1,2}(\\.[0-9]{1,3})?)?(Z|UTC|[+-][0-9]{2}(:?[0-9]{2})?)?",
            junk in "\\PC{0,40}",
            off in -14 * 60..=14 * 60i32,
        ) {
            let _ = stamp(&junk);
            let _ = human_date(&junk);
            let _ = url_date(&junk);
            if let Some(st) = stamp(&s) {
                proptest::prop_assert!(st.could_be(st.date));
                let d = st.date_at(off);
                let diff = (d - st.date).get_days();
                proptest::prop_assert!((-1..=1).contains(&diff), "{s} {off} {d}");
            }
        }
    }

    #[test]
    fn stamps() {
        let s = stamp("2020-05-02T02:54:29.000Z").unwrap();
        assert_eq!(
            (s.date, s.minutes, s.zone),
            (date(2020, 5, 2), Some(174), Zone::Utc)
        );
        let s = stamp("2020-12-05T23:15:0Z").unwrap();
        assert_eq!((s.minutes, s.zone), (Some(23 * 60 + 15), Zone::Utc));
        let s = stamp("2020-06-29T00:16:15+03:00").unwrap();
        assert_eq!(s.zone, Zone::Offset(180));
        assert_eq!(stamp("20200316T13:00:00+0000").unwrap().zone, Zone::Utc);
        assert_eq!(stamp("2020-09-29T00:30:00PDT").unwrap().zone, Zone::Unknown);
        assert_eq!(
            stamp("2020-02-14 21:42:56").unwrap().minutes,
            Some(21 * 60 + 42)
        );
        let s = stamp("Tue, Sep 15 2020 10:01:41 EDT").unwrap();
        assert_eq!((s.date, s.zone), (date(2020, 9, 15), Zone::Unknown));
        let s = stamp("Wed, 28 Oct 2020 22:22:49 GMT").unwrap();
        assert_eq!(
            (s.date, s.minutes, s.zone),
            (date(2020, 10, 28), Some(1342), Zone::Utc)
        );
        assert_eq!(stamp("2024-03-05").unwrap().minutes, None);
        assert_eq!(stamp("soon"), None);
        assert_eq!(offset_minutes("-04:00"), Some(-240));
        assert_eq!(offset_minutes("+0530"), Some(330));
        assert_eq!(offset_minutes("+03"), Some(180));
        assert_eq!(offset_minutes("+2500"), None);
    }

    #[test]
    fn local_days() {
        // 02:54 UTC is the evening before in New York, the same day in Rome.
        let s = stamp("2020-05-02T02:54:00Z").unwrap();
        assert_eq!(s.date_at(-240), date(2020, 5, 1));
        assert_eq!(s.date_at(60), date(2020, 5, 2));
        assert!(s.could_be(date(2020, 5, 1)) && s.could_be(date(2020, 5, 2)));
        assert!(!s.could_be(date(2020, 5, 3)));
        // 10:04 UTC is the same day from UTC-10 to UTC+13:55.
        let s = stamp("2020-07-09T10:04:00Z").unwrap();
        assert!(!s.could_be(date(2020, 7, 8)));
        // An explicit local offset is that day and no other.
        let s = stamp("2020-06-29T00:16:00+03:00").unwrap();
        assert!(s.could_be(date(2020, 6, 29)) && !s.could_be(date(2020, 6, 28)));
        // A bare date is trusted to a day either way.
        let s = stamp("2020-03-23").unwrap();
        assert!(s.could_be(date(2020, 3, 22)) && !s.could_be(date(2020, 3, 25)));
    }

    #[test]
    fn url() {
        assert_eq!(
            url_date("https://x.com/2025/10/28/story"),
            Some(date(2025, 10, 28))
        );
        assert_eq!(
            url_date("https://x.com/news/2025-10-28-story.html"),
            Some(date(2025, 10, 28))
        );
        assert_eq!(
            url_date("https://x.com/a/20251028/story"),
            Some(date(2025, 10, 28))
        );
        assert_eq!(url_date("https://x.com/a/story-12345678"), None);
        assert_eq!(url_date("https://2025.x.com/?d=2025/10/28"), None);
        assert_eq!(
            url_date("https://x.jp/0215/ori_200215_7568645051.html"),
            None
        );
    }

    #[test]
    fn human() {
        assert_eq!(
            human_date("Published Oct. 28, 2025 at 9am"),
            Some(date(2025, 10, 28))
        );
        assert_eq!(human_date("28 October 2025"), Some(date(2025, 10, 28)));
        assert_eq!(
            human_date("Updated: 3rd March 2024"),
            Some(date(2024, 3, 3))
        );
        assert_eq!(human_date("28. Oktober 2025"), Some(date(2025, 10, 28)));
        assert_eq!(human_date("3 février 2024"), Some(date(2024, 2, 3)));
        assert_eq!(human_date("5. März 2024"), Some(date(2024, 3, 5)));
        assert_eq!(human_date("28.10.2025 kl. 10"), Some(date(2025, 10, 28)));
        assert_eq!(human_date("10/28/2025"), Some(date(2025, 10, 28)));
        assert_eq!(human_date("in the 2025 season"), None);
        assert_eq!(human_date("МОСКВА, 29 июня 2020"), Some(date(2020, 6, 29)));
        assert_eq!(human_date("31 października 2020"), Some(date(2020, 10, 31)));
        assert_eq!(human_date("14. března 2021"), Some(date(2021, 3, 14)));
        assert_eq!(human_date("12 Ağustos 2020"), Some(date(2020, 8, 12)));
        assert_eq!(human_date("公開（2020年2月15日）"), Some(date(2020, 2, 15)));
        assert_eq!(human_date("2020년 3월 4일 16:52"), Some(date(2020, 3, 4)));
    }
}
