//! Titles that hold a date word: newspapers ("the Daily Mail", "the Sunday
//! Times", "the Mail on Sunday") and programmes ("the Today programme").
//! They name a publication, not a time, and British news cites them often;
//! TimeML does not tag a word inside a name.

use crate::rules::Cand;

/// Nouns that follow "Daily"/"Sunday"/… in newspaper titles. A weekday
/// before another capitalised word stays a date ("on Sunday Mr Blair
/// said"), so only these make a title.
const PAPER: &[&str] = &[
    "Times",
    "Telegraph",
    "Mirror",
    "Express",
    "Herald",
    "People",
    "Post",
    "Mail",
    "Independent",
    "Tribune",
    "Star",
    "Record",
    "News",
    "Business",
    "Sport",
    "Journal",
    "Standard",
    "Press",
    "Sun",
    "Variety",
    "Observer",
    "Gazette",
    "Chronicle",
];

/// Paper names after a weekday that are a title even without "the".
const WEEKDAY_PAPER: &[&str] = &[
    "Times",
    "Telegraph",
    "Mirror",
    "Express",
    "Herald",
    "Mail",
    "Independent",
    "Tribune",
];

/// Titles that end in a weekday: "the Mail on Sunday", "the Independent
/// on Sunday".
const ON_DAY: &[&str] = &["Mail", "Independent", "Observer", "Post", "Express"];

/// What a capitalised "Today" names when one of these follows it.
const SHOW: &[&str] = &["programme", "Programme", "show", "Show", "newspaper"];

const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Drops the mentions that are part of a newspaper or programme title.
pub(crate) fn drop_titles(text: &str, kept: &mut Vec<Cand>) {
    kept.retain(|c| !is_title(text, c.start, c.end));
}

fn is_title(text: &str, start: usize, end: usize) -> bool {
    let (Some(word), Some(before), Some(after)) =
        (text.get(start..end), text.get(..start), text.get(end..))
    else {
        return false;
    };
    let next = next_word(after);
    match word {
        // "the Daily Telegraph", "New York Daily News", "Daily Variety".
        // "the China Daily newspaper": a name before it, mid-sentence.
        "Daily" | "Weekly" => {
            PAPER.contains(&next)
                || (capitalised(next) && mid_sentence(before))
                || after_name(before)
        }
        "Today" => SHOW.contains(&next),
        // "the Sunday Times", "Sunday Telegraph"; "on Monday Business
        // Secretary … said" stays a date: without "the", only names that
        // no other noun phrase starts with.
        w if WEEKDAYS.contains(&w) => {
            (PAPER.contains(&next) && before.ends_with("the "))
                || WEEKDAY_PAPER.contains(&next)
                || (w == "Sunday" && on_day_title(before))
        }
        _ => false,
    }
}

/// The word right after a mention, when only spaces separate them.
fn next_word(after: &str) -> &str {
    let rest = after.trim_start_matches(' ');
    if rest.len() == after.len() {
        return "";
    }
    let n = rest
        .find(|ch: char| !ch.is_ascii_alphabetic())
        .unwrap_or(rest.len());
    &rest[..n]
}

fn capitalised(w: &str) -> bool {
    w.len() >= 2 && w.starts_with(|ch: char| ch.is_ascii_uppercase())
}

/// Whether `before` ends inside a sentence: a lower-case word or a comma
/// comes right before, so a capital there marks a name.
fn mid_sentence(before: &str) -> bool {
    let prev = before.trim_end_matches(' ');
    if prev.len() == before.len() {
        return false;
    }
    prev.ends_with(|ch: char| ch.is_ascii_lowercase() || ch == ',')
        || prev.ends_with("'s")
        || prev.ends_with("\u{2019}s")
}

/// Whether a capitalised word that follows a lower-case one ends
/// `before` ("the China ", "said Lloyd's "): the start of a name.
fn after_name(before: &str) -> bool {
    let Some(head) = before.strip_suffix(' ') else {
        return false;
    };
    let Some(i) = head.rfind(' ') else {
        return false;
    };
    let word = &head[i + 1..];
    capitalised(word) && word.bytes().all(|b| b.is_ascii_alphabetic()) && mid_sentence(&head[..=i])
}

/// "… the Mail on Sunday": a paper's name and "on" right before.
fn on_day_title(before: &str) -> bool {
    let Some(head) = before.strip_suffix(" on ") else {
        return false;
    };
    ON_DAY.iter().any(|p| {
        head.strip_suffix(p)
            .is_some_and(|rest| rest.is_empty() || rest.ends_with(' '))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn title_at(text: &str, word: &str) -> bool {
        let start = text.find(word).unwrap_or(0);
        is_title(text, start, start + word.len())
    }

    #[test]
    fn newspapers_and_programmes_are_titles() {
        assert!(title_at("a poll for the Sunday Times showed", "Sunday"));
        assert!(title_at("he told the Daily Mail.", "Daily"));
        assert!(title_at("the New York Daily News said", "Daily"));
        assert!(title_at("she told the Mail on Sunday that", "Sunday"));
        assert!(title_at("BBC Radio 4's Today programme", "Today"));
        assert!(title_at("according to Daily Variety.", "Daily"));
        assert!(title_at("the China Daily newspaper said", "Daily"));
    }

    #[test]
    fn dates_stay_dates() {
        assert!(!title_at("On Sunday Mr Blair said", "Sunday"));
        assert!(!title_at("they met on Sunday and talked", "Sunday"));
        assert!(!title_at("Daily trading was thin.", "Daily"));
        assert!(!title_at("Prices rose. Daily volume was thin.", "Daily"));
        assert!(!title_at("Today the index fell.", "Today"));
        assert!(!title_at("the vote on Sunday.", "Sunday"));
        assert!(!title_at("Daily Mail", "Mail"));
        assert!(!title_at(
            "on Monday Business Secretary Jo Roe said",
            "Monday"
        ));
        assert!(title_at("a report in the Sunday Business said", "Sunday"));
    }
}
