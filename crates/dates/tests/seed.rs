//! The seed article's dates, exactly: the nine gold mentions and nothing
//! else, anchored on its publication date.

use claimdex_dates::extract;
use jiff::civil::Date;

#[test]
fn seed_article_dates_are_exact() {
    let text = include_str!("fixtures/seed_000_339b9ea0abfec546.txt");
    let anchor = Date::new(2025, 10, 28).ok();
    let got: Vec<(usize, usize, &str, &str, String)> = extract(text, anchor)
        .into_iter()
        .map(|m| {
            // Gold offsets are code points; the seed text before each
            // mention may hold multi-byte characters.
            let cp = |b: usize| text[..b].chars().count();
            (
                cp(m.span.start),
                cp(m.span.end),
                m.span.slice(text),
                m.timex_type.as_str(),
                m.value.unwrap_or_default(),
            )
        })
        .collect();
    let want: Vec<(usize, usize, &str, &str, String)> = vec![
        (16, 32, "October 28, 2025", "DATE", "2025-10-28".into()),
        (606, 612, "a week", "DURATION", "P1W".into()),
        (1548, 1565, "Within six months", "DURATION", "P6M".into()),
        (2747, 2751, "2023", "DATE", "2023".into()),
        (2834, 2838, "2030", "DATE", "2030".into()),
        (3041, 3050, "two years", "DURATION", "P2Y".into()),
        (4597, 4601, "2024", "DATE", "2024".into()),
        (4699, 4703, "2002", "DATE", "2002".into()),
        (4849, 4858, "the 1980s", "DATE", "198".into()),
    ];
    assert_eq!(got, want);
}
