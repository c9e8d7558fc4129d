//! Word lists shared by the grammar: number words, month and weekday
//! names, units, and the regex fragments built from them.

/// Months, full names before abbreviations so that leftmost-first
/// alternation takes the longest name.
pub(crate) const MONTH: &str = r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)";

/// Weekday names (full, then the usual abbreviations with a period).
pub(crate) const WEEKDAY: &str = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon\.|Tue\.|Tues\.|Wed\.|Thu\.|Thur\.|Thurs\.|Fri\.|Sat\.|Sun\.)";

/// A cardinal written in words or digits, or a vague quantity.
pub(crate) const NUM: &str = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?:\s+1/2)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:a|one)\s+hundred|hundred|(?:a\s+)?dozen|a\s+couple\s+of|a\s+couple|couple\s+of|a\s+few|few|several|a|an)";

/// Calendar and clock units, singular or plural.
pub(crate) const UNIT: &str = r"(?:(?:trading|business|working)\s+days?|seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|century|centuries|quarters?|fortnights?)";

/// Month number (1-12) from a month name or abbreviation.
pub(crate) fn month_number(s: &str) -> Option<i8> {
    let lower: String = s.chars().take(3).flat_map(char::to_lowercase).collect();
    let m = match lower.as_str() {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(m)
}

/// Whether lowercase `text` holds a month name or its abbreviation as a
/// word ("in january", "oct. 28").
pub(crate) fn names_month(text: &str) -> bool {
    // A `match` compiles to a switch on length and a compare, several
    // times cheaper than a scan of a list: this runs for every mention.
    text.split(|ch: char| !ch.is_ascii_alphabetic()).any(|w| {
        matches!(
            w,
            "january"
                | "february"
                | "march"
                | "april"
                | "may"
                | "june"
                | "july"
                | "august"
                | "september"
                | "october"
                | "november"
                | "december"
                | "jan"
                | "feb"
                | "mar"
                | "apr"
                | "jun"
                | "jul"
                | "aug"
                | "sep"
                | "sept"
                | "oct"
                | "nov"
                | "dec"
        )
    })
}

/// ISO weekday number (Monday = 1) from a weekday name.
pub(crate) fn weekday_number(s: &str) -> Option<i8> {
    let lower: String = s.chars().take(3).flat_map(char::to_lowercase).collect();
    let d = match lower.as_str() {
        "mon" => 1,
        "tue" => 2,
        "wed" => 3,
        "thu" => 4,
        "fri" => 5,
        "sat" => 6,
        "sun" => 7,
        _ => return None,
    };
    Some(d)
}

fn small_number(w: &str) -> Option<u32> {
    let n = match w {
        "zero" => 0,
        "one" | "a" | "an" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    };
    Some(n)
}

/// A quantity as TIMEX3 writes it: an exact amount, or `X` (unknown).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Amount {
    /// A whole number of units plus, possibly, a half.
    Exact { whole: u64, half: bool },
    /// A decimal amount ("1.5 years").
    Decimal(f64),
    /// "several", "a few": unspecified.
    Vague,
}

/// Reads a [`NUM`] match. `None` for words that are not amounts.
pub(crate) fn parse_amount(s: &str) -> Option<Amount> {
    let lower = s.trim().to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .collect();
    match words.as_slice() {
        [] => None,
        ["a", "few"] | ["few"] | ["several"] => Some(Amount::Vague),
        ["a", "couple", ..] | ["couple", ..] => Some(Amount::Exact {
            whole: 2,
            half: false,
        }),
        ["a", "dozen"] | ["dozen"] => Some(Amount::Exact {
            whole: 12,
            half: false,
        }),
        ["a" | "one", "hundred"] | ["hundred"] => Some(Amount::Exact {
            whole: 100,
            half: false,
        }),
        [tens, ones] if small_number(tens).is_some() && small_number(ones).is_some() => {
            let t = small_number(tens)?;
            let o = small_number(ones)?;
            (t >= 20 && t % 10 == 0 && (1..10).contains(&o)).then_some(Amount::Exact {
                whole: u64::from(t + o),
                half: false,
            })
        }
        [digits, "1/2"] => Some(Amount::Exact {
            whole: parse_digits(digits)?,
            half: true,
        }),
        [w] => {
            if let Some(n) = small_number(w) {
                return Some(Amount::Exact {
                    whole: u64::from(n),
                    half: false,
                });
            }
            if w.contains('.') {
                let v: f64 = w.parse().ok()?;
                return v.is_finite().then_some(Amount::Decimal(v));
            }
            Some(Amount::Exact {
                whole: parse_digits(w)?,
                half: false,
            })
        }
        _ => None,
    }
}

fn parse_digits(s: &str) -> Option<u64> {
    let cleaned: String = s.chars().filter(|c| *c != ',').collect();
    if cleaned.is_empty() || !cleaned.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    cleaned.parse().ok()
}

/// A spelled-out year ("nineteen ninety-six", "two thousand one").
pub(crate) fn spelled_year(s: &str) -> Option<i32> {
    let lower = s.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty() && *w != "and")
        .collect();
    match words.as_slice() {
        ["two", "thousand"] => Some(2000),
        ["two", "thousand", rest @ ..] => {
            let n: u32 = rest.iter().map(|w| small_number(w)).sum::<Option<u32>>()?;
            (n < 100).then_some(2000 + n as i32)
        }
        [century, rest @ ..] if !rest.is_empty() => {
            let c = small_number(century)?;
            if !(10..=20).contains(&c) {
                return None;
            }
            let n: u32 = rest.iter().map(|w| small_number(w)).sum::<Option<u32>>()?;
            (10..100).contains(&n).then_some((c * 100 + n) as i32)
        }
        _ => None,
    }
}

/// Ordinal words and numbers 1-31 (for days, quarters and centuries).
pub(crate) fn ordinal(s: &str) -> Option<u32> {
    let lower = s.to_lowercase();
    let n = match lower.as_str() {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "twenty-first" | "twenty first" => 21,
        _ => {
            let digits: String = lower.chars().take_while(char::is_ascii_digit).collect();
            if digits.is_empty() || digits.len() > 3 {
                return None;
            }
            digits.parse().ok()?
        }
    };
    Some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts() {
        assert_eq!(
            parse_amount("twenty-four"),
            Some(Amount::Exact {
                whole: 24,
                half: false
            })
        );
        assert_eq!(
            parse_amount("a couple of"),
            Some(Amount::Exact {
                whole: 2,
                half: false
            })
        );
        assert_eq!(parse_amount("several"), Some(Amount::Vague));
        assert_eq!(
            parse_amount("2 1/2"),
            Some(Amount::Exact {
                whole: 2,
                half: true
            })
        );
        assert_eq!(parse_amount("99999999999999999999999"), None);
    }

    #[test]
    fn spelled_years() {
        assert_eq!(spelled_year("nineteen ninety-six"), Some(1996));
        assert_eq!(spelled_year("two thousand"), Some(2000));
        assert_eq!(spelled_year("two thousand and one"), Some(2001));
        assert_eq!(spelled_year("nineteen"), None);
    }

    #[test]
    fn months_and_days() {
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(weekday_number("Thurs."), Some(4));
        assert_eq!(ordinal("21st"), Some(21));
        assert_eq!(ordinal("third"), Some(3));
    }
}
