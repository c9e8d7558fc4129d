//! Unit tests of the figure grammar, one behaviour each.

use super::*;

/// (text of the span, value, unit, kind) for every figure in `text`.
fn got(text: &str) -> Vec<(String, Option<f64>, String, FigureKind)> {
    extract(text)
        .into_iter()
        .map(|f| (f.span.slice(text).to_string(), f.value, f.unit, f.kind))
        .collect()
}

#[track_caller]
fn one(text: &str, span: &str, value: f64, unit: &str, kind: FigureKind) {
    let g = got(text);
    assert_eq!(g.len(), 1, "{text:?} gave {g:?}");
    assert_eq!(g[0].0, span, "{text:?}");
    let v = g[0].1.unwrap_or(f64::NAN);
    assert!(
        (v - value).abs() <= 1e-9 * value.abs().max(1.0),
        "{text:?}: {v} != {value}"
    );
    assert_eq!(g[0].2, unit, "{text:?}");
    assert_eq!(g[0].3, kind, "{text:?}");
}

/// `one` for each (text, span, value, unit) of one kind.
#[track_caller]
fn each(kind: FigureKind, cases: &[(&str, &str, f64, &str)]) {
    for &(text, span, value, unit) in cases {
        one(text, span, value, unit, kind);
    }
}

#[track_caller]
fn none(text: &str) {
    let g = got(text);
    assert!(g.is_empty(), "{text:?} gave {g:?}");
}

#[test]
fn money_forms() {
    each(
        FigureKind::Money,
        &[
            (
                "tariffs on over $360 billion worth",
                "over $360 billion",
                360e9,
                "USD",
            ),
            ("a US$1.2bn loan", "US$1.2bn", 1.2e9, "USD"),
            (
                "it raised C$ 16.4 million",
                "C$ 16.4 million",
                16.4e6,
                "CAD",
            ),
            (
                "sold for 420 million euros",
                "420 million euros",
                420e6,
                "EUR",
            ),
            ("a fine of £90m", "£90m", 90e6, "GBP"),
            ("priced at EUR 125.", "EUR 125", 125.0, "EUR"),
            ("about 5 million yen", "about 5 million yen", 5e6, "JPY"),
            (
                "profit of 361 million pounds",
                "361 million pounds",
                361e6,
                "GBP",
            ),
        ],
    );
}

#[test]
fn percent_forms() {
    each(
        FigureKind::Percent,
        &[
            ("rose 6.2% on Monday", "6.2%", 6.2, "%"),
            ("up 3 percentage points", "3 percentage points", 3.0, "pp"),
            ("twenty percent of voters", "twenty percent", 20.0, "%"),
            ("just 5-10% of cases", "5-10%", 5.0, "%"),
        ],
    );
}

#[test]
fn quantities() {
    each(
        FigureKind::Quantity,
        &[
            (
                "over 130,000 tons of ore",
                "over 130,000 tons",
                130000.0,
                "ton",
            ),
            ("a 45-acre farm", "45-acre", 45.0, "acre"),
            ("He is 29 years old.", "29 years old", 29.0, "yr"),
            (
                "at 90 km/h on the road",
                "90 km/h",
                90.0,
                "kilometer per hour",
            ),
            (
                "output of 2 million barrels per day",
                "2 million barrels per day",
                2e6,
                "bbl/d",
            ),
        ],
    );
}

#[test]
fn number_words() {
    each(
        FigureKind::Number,
        &[
            ("twenty-five people", "twenty-five", 25.0, ""),
            (
                "two hundred thousand people",
                "two hundred thousand",
                200000.0,
                "",
            ),
            ("half a million people", "half a million", 500000.0, ""),
            ("a dozen eggs", "a dozen", 12.0, ""),
            ("two thirds of voters", "two thirds", 2.0 / 3.0, ""),
            ("one and a half", "one and a half", 1.5, ""),
        ],
    );
}

#[test]
fn ratios() {
    use FigureKind::Ratio;
    one(
        "ten times more than the U.S.",
        "ten times more",
        10.0,
        "times",
        Ratio,
    );
    one("sales doubled last year", "doubled", 2.0, "times", Ratio);
    one("twice as many cars", "twice", 2.0, "times", Ratio);
}

#[test]
fn not_figures() {
    none("In 2024 the firm grew.");
    none("during his first term");
    none("the two nations agreed");
    none("within six months");
    none("Within two years of the deal");
    none("on October 28, 2025");
    none("a Boeing 737 landed");
    none("COVID-19 cases");
    none("call 555-1234 now");
    none("version 1.2.3 is out");
    none("at 10:30 today");
    none("meet at 6pm");
    none("the 21st century");
    none("the 1980s boom");
    none("1. What is it?");
    none("see https://example.com/a?x=30%25");
}

#[test]
fn hedges_and_comparators() {
    let f = extract("more than 65% of key materials");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].qualifier.as_deref(), Some("more than"));
    assert_eq!(f[0].comparator, Some(Comparator::Greater));
    assert_eq!(f[0].measured.as_deref(), Some("key materials"));
    let f = extract("up to 4,000 km");
    assert_eq!(f[0].comparator, Some(Comparator::LessOrEqual));
}

#[test]
fn ranges() {
    let f = extract("between 5 and 10 million people");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].value, Some(5e6));
    assert_eq!(f[0].value_max, Some(10e6));
    let f = extract("$3 billion to $4 billion");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].value, Some(3e9));
    assert_eq!(f[0].value_max, Some(4e9));
}

#[test]
fn overflow_is_none() {
    let big = "9".repeat(400);
    let f = extract(&big);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].value, None);
    let f = extract("1e999");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].value, None);
}

#[test]
fn small_counts_before_nouns() {
    use FigureKind::Number;
    one("Police arrested six men.", "six", 6.0, "", Number);
    one("Three people died in the blast.", "Three", 3.0, "", Number);
    none("The two nations signed a deal.");
    none("Their three children and all four drivers left.");
    none("It was a three-day visit.");
    none("The Group of Five met.");
    none("Payment is due March nine.");
    none("Bonds mature in five or six years.");
    none("She tried one last time.");
}

#[test]
fn one_of_a_unit() {
    one(
        "A gallon of fuel",
        "A gallon",
        1.0,
        "gal",
        FigureKind::Quantity,
    );
    one("Look, a penny!", "a penny", 1.0, "penny", FigureKind::Money);
    none("Profit fell a bit.");
    let g = got("Oil sold at 19 ringgit a kilo.");
    assert_eq!(g.len(), 1, "{g:?}");
    assert_eq!(g[0].2, "MYR/kg");
}

#[test]
fn ranges_after_from() {
    let g = got("Zones run from 7 to 10.");
    assert_eq!(g.len(), 1, "{g:?}");
    assert_eq!(g[0].0, "7 to 10");
    assert_eq!(got("Sales rose from 7 to 10 dollars.").len(), 2);
}

#[test]
fn number_words_with_scale_abbreviations() {
    one(
        "It paid five mln dlrs.",
        "five mln dlrs",
        5e6,
        "USD",
        FigureKind::Money,
    );
    one(
        "They lost 75 USD million.",
        "75 USD million",
        75e6,
        "USD",
        FigureKind::Money,
    );
}

#[test]
fn shared_units_and_uncertainty() {
    let g = got("Doses of 45 and 50 mg.");
    assert_eq!((g[0].0.as_str(), g[0].2.as_str()), ("45", "mg"));
    let g = got("It rose from 205,000 or 12.8 pct.");
    assert_eq!(g[0].2, "", "{g:?}");
    one(
        "a mass of 12 +/- 2 kg",
        "12 +/- 2 kg",
        12.0,
        "kg",
        FigureKind::Quantity,
    );
}

#[test]
fn ambiguous_currency_words_keep_the_word() {
    one(
        "It spent 500 mln francs.",
        "500 mln francs",
        5e8,
        "franc",
        FigureKind::Money,
    );
    one(
        "It spent 40 pesos.",
        "40 pesos",
        40.0,
        "peso",
        FigureKind::Money,
    );
}

#[test]
fn rates_after_an_article_stay_out_of_the_span() {
    use FigureKind::Money;
    one("Net fell $1.40 a share.", "$1.40", 1.4, "USD/share", Money);
    one(
        "It paid C$1.90 per share.",
        "C$1.90 per share",
        1.9,
        "CAD/share",
        Money,
    );
    // The rate's noun is not read again as "a kilometre".
    one(
        "It cost $3 million a kilometre.",
        "$3 million",
        3e6,
        "USD/km",
        Money,
    );
}

#[test]
fn currency_words_before_the_number() {
    use FigureKind::Money;
    one(
        "The price starts at dollar 22.5 million.",
        "dollar 22.5 million",
        22.5e6,
        "USD",
        Money,
    );
    one("A fee of euros 1,250.", "euros 1,250", 1250.0, "EUR", Money);
    // Plain numbers after a currency word are names or other figures.
    none("Euro 2020 was postponed.");
    let g = got("In dollars 5 years ago.");
    assert!(g.iter().all(|f| f.3 != Money), "{g:?}");
}

#[test]
fn spoken_numbers_with_commas_and_zero() {
    one(
        "three million, two hundred & forty, you say?",
        "three million, two hundred & forty",
        3_000_240.0,
        "",
        FigureKind::Number,
    );
    // A smaller group without a scale of its own is a list.
    let g = got("Ten thousand, two of them children, fled.");
    assert_eq!(g.len(), 2, "{g:?}");
    assert_eq!(g[0].1, Some(10_000.0));
    let g = got("We counted 4 thousand 3 hundred and 0 here.");
    assert_eq!(g.len(), 2, "{g:?}");
    assert_eq!(
        (g[0].0.as_str(), g[1].1),
        ("4 thousand 3 hundred", Some(0.0))
    );
}

#[test]
fn fractions_of_scales_and_units() {
    use FigureKind::{Number, Quantity};
    one(
        "It is a hundred thousand trillionths.",
        "a hundred thousand trillionths",
        1e-7,
        "",
        Number,
    );
    one(
        "It is one hundred thirty-fifths.",
        "one hundred thirty-fifths",
        100.0 / 35.0,
        "",
        Number,
    );
    one(
        "They ran three quarters of a mile.",
        "three quarters of a mile",
        0.75,
        "mi",
        Quantity,
    );
    one("They ran half a mile.", "half a mile", 0.5, "mi", Quantity);
    none("It moved by a fraction of a cent.");
    none("Half an hour passed.");
}

#[test]
fn squared_denominators() {
    use FigureKind::Quantity;
    one("g is 9.81 m/s2 here", "9.81 m/s2", 9.81, "m/s2", Quantity);
    one(
        "exposed to 20 J/m^2 per year",
        "20 J/m^2 per year",
        20.0,
        "J/m2/yr",
        Quantity,
    );
}

#[test]
fn singular_ordinals_are_not_fractions() {
    none("The one hundred fifth anniversary.");
    none("He was the two millionth visitor.");
    one(
        "Each holds one one hundred fifth.",
        "one one hundred fifth",
        1.0 / 105.0,
        "",
        FigureKind::Number,
    );
    one(
        "a three quarter stake",
        "three quarter",
        0.75,
        "",
        FigureKind::Number,
    );
    one(
        "a two-third majority",
        "two-third",
        2.0 / 3.0,
        "",
        FigureKind::Number,
    );
    none("Three eleventh round blocks.");
}

#[test]
fn and_continues_only_scale_words() {
    let g = got("It cost between 25 mln and 30 mln dlrs.");
    assert_eq!(g.len(), 1, "{g:?}");
    assert_eq!(g[0].0, "between 25 mln and 30 mln dlrs");
    let g = got("Sales were 67 mln and four mln dlrs.");
    assert_eq!(g.len(), 2, "{g:?}");
    assert_eq!(g[0].1, Some(67e6));
    one(
        "4 thousand 3 hundred and 21 is one",
        "4 thousand 3 hundred and 21",
        4321.0,
        "",
        FigureKind::Number,
    );
    one(
        "worth Rs 500 crore",
        "Rs 500 crore",
        5e9,
        "INR",
        FigureKind::Money,
    );
}

#[test]
fn and_joins_smaller_groups_only() {
    use FigureKind::Number;
    one(
        "There were two and a half million people.",
        "two and a half million",
        2.5e6,
        "",
        Number,
    );
    one(
        "It was two hundred and two thousand.",
        "two hundred and two thousand",
        202_000.0,
        "",
        Number,
    );
    let g = got("It rose between one billion and three billion lire.");
    assert_eq!(g.len(), 1, "{g:?}");
    assert_eq!(g[0].0, "between one billion and three billion lire");
    let g = got("It fell from 1.50 billion and 10 pct in March.");
    assert_eq!(g.len(), 2, "{g:?}");
    assert_eq!(g[0].1, Some(1.5e9));
}

#[test]
fn clock_times_pairs_and_repeated_rates() {
    none("It ended at one am est.");
    none("We played from 7:30am on.");
    none("It set a lira/dollar rate.");
    none("Rates rose on a cents per kilowatt hour basis.");
    one(
        "Output was up to one mln bpd per day.",
        "up to one mln bpd",
        1e6,
        "bbl/d",
        FigureKind::Quantity,
    );
}

#[test]
fn quarters_of_a_year_and_half_years_are_periods() {
    none("Sales rose in the first two quarters.");
    none("It fell over the last year and a half.");
    one(
        "It lost 140,000 dlrs a quarter.",
        "140,000 dlrs",
        140_000.0,
        "USD/qtr",
        FigureKind::Money,
    );
    one(
        "It holds three quarters of the total.",
        "three quarters",
        0.75,
        "",
        FigureKind::Number,
    );
}

#[test]
fn closing_quotes_are_not_inches() {
    none("They debated the \"Farm Act of 1987\" today.");
    one(
        "It has a 50\" screen.",
        "50\"",
        50.0,
        "in",
        FigureKind::Quantity,
    );
}

#[test]
fn labels_before_plain_digits() {
    none("It is recalling lot number 54238.");
    none("It filed for chapter 11 protection.");
    none("The single reached number 11.");
    one(
        "Each day 500 people queued.",
        "500",
        500.0,
        "",
        FigureKind::Number,
    );
}

#[test]
fn times_over_a_phrase_counts_occasions() {
    none("The Senate voted three times over the objections.");
    one(
        "It was covered four times over.",
        "four times",
        4.0,
        "times",
        FigureKind::Ratio,
    );
}

#[test]
fn closing_brackets_are_no_hedges() {
    let g = extract("IBM Corp's <IBM> four mln bit chip.");
    assert_eq!(g.len(), 1, "{g:?}");
    assert_eq!(g[0].qualifier, None);
    none("It bought Boeing Co <BA> 767 jets.");
    let g = extract("Of those polled >50% agreed.");
    assert_eq!(g.len(), 1, "{g:?}");
    assert_eq!(g[0].comparator, Some(Comparator::Greater));
}

#[test]
fn agency_currency_and_commodity_units() {
    use FigureKind::{Money, Quantity};
    each(
        Money,
        &[
            (
                "It paid 5 mln Canadian dlrs.",
                "5 mln Canadian dlrs",
                5e6,
                "CAD",
            ),
            ("It cost 3.5 mln crowns.", "3.5 mln crowns", 3.5e6, "crown"),
            ("Rebates of 132.50 Ecus.", "132.50 Ecus", 132.5, "XEU"),
        ],
    );
    each(
        Quantity,
        &[
            (
                "A crop of 2.1 billion bushels.",
                "2.1 billion bushels",
                2.1e9,
                "bu",
            ),
            ("It shipped 500 mt of sugar.", "500 mt", 500.0, "t"),
        ],
    );
    none("He wore a crown.");
}

#[test]
fn years_before_to_and_weighed_drachmas() {
    one(
        "Sales rose in 1986 to 900 mln dlrs.",
        "900 mln dlrs",
        9e8,
        "USD",
        FigureKind::Money,
    );
    one(
        "It cost 500 drachmas.",
        "500 drachmas",
        500.0,
        "GRD",
        FigureKind::Money,
    );
    one(
        "A coin weighing one drachma.",
        "one drachma",
        1.0,
        "dram",
        FigureKind::Quantity,
    );
    none("He had a punt on the horse.");
}

#[test]
fn compounds_end_a_number() {
    let g = got("It printed one billion one-dlr notes.");
    assert_eq!(g.len(), 2, "{g:?}");
    assert_eq!((g[0].0.as_str(), g[0].1), ("one billion", Some(1e9)));
    assert_eq!(g[1].2, "USD");
}

#[test]
fn space_groups_stand_alone() {
    one(
        "There were 40 000 people.",
        "40 000",
        40_000.0,
        "",
        FigureKind::Number,
    );
    one(
        "Backlog at January 31 747 mln dlrs.",
        "747 mln dlrs",
        747e6,
        "USD",
        FigureKind::Money,
    );
    none("Call 0845 8 505 505 now.");
    none("It runs a Core i7 860 chip.");
}

#[test]
fn currency_words_before_nouns_are_no_amounts() {
    none("It took a sterling loan.");
    none("He expects a dollar rate near current levels.");
    none("It marked a turn around in February.");
    one(
        "It costs a dollar.",
        "a dollar",
        1.0,
        "USD",
        FigureKind::Money,
    );
    one(
        "The floor is 1,600 SDRs a tonne.",
        "1,600 SDRs",
        1600.0,
        "XDR/t",
        FigureKind::Money,
    );
}

/// (span, unit) of every figure in `text`.
fn units(text: &str) -> Vec<(String, String)> {
    got(text).into_iter().map(|g| (g.0, g.2)).collect()
}

#[test]
fn elided_units_carry_from_the_compared_amount() {
    let u = units("Pretax profit climbed to 81.4 mln dlrs from 66.9 mln in 1986.");
    assert_eq!(u[1], ("66.9 mln".into(), "USD".into()), "{u:?}");
    // The nearest figure of a like value, past a percentage.
    let u = units("Runs averaged 12.6 mln bpd, up 1.8 pct from 12.38 mln.");
    assert_eq!(u[2], ("12.38 mln".into(), "bbl/d".into()), "{u:?}");
    // "vs", words between the connector and the amount, a change of scale.
    let u = units("Net was 487.5 mln rand vs 559.6 mln.");
    assert_eq!(u[1].1, "ZAR", "{u:?}");
    let u = units("It lost 1.16 billion dlrs, down from a gain of 301.8 mln a year ago.");
    assert_eq!(u[1].1, "USD", "{u:?}");
    let u = units("Stocks fell to 240,500 tonnes from 251,000, while sales rose.");
    assert_eq!(u[1].1, "t", "{u:?}");
    let u = units("The rate rose to 7-3/4 pct from 7-1/2.");
    assert_eq!(u[1].1, "%", "{u:?}");
}

#[test]
fn elided_units_need_a_like_amount_and_no_noun() {
    // A noun after the number says what it counts.
    let u = units("It paid 20 dlrs a unit to buyers from 15 countries.");
    assert_eq!(u[1], ("15".into(), String::new()), "{u:?}");
    // The nearest like amount has no unit: nothing to carry.
    let u = units("Sales rose 12 pct to 640 from 571.");
    assert_eq!(u[2], ("571".into(), String::new()), "{u:?}");
    // Too far apart in value, or in another sentence.
    let u = units("It has 3 pct. Output rose to 5,100 from 4,900.");
    assert!(u.iter().all(|x| x.0 == "3 pct" || x.1.is_empty()), "{u:?}");
    let u = units("Loans of 5 mln dlrs came from 12 banks.");
    assert_eq!(u[1], ("12".into(), String::new()), "{u:?}");
    let u = units("Output was 40 tonnes. Sales came in from 38 outlets.");
    assert!(u.iter().skip(1).all(|x| x.1.is_empty()), "{u:?}");
}

#[test]
fn scale_words_in_compound_adjectives() {
    one(
        "It filed a 250-mln-dlr shelf registration.",
        "250-mln-dlr",
        250e6,
        "USD",
        FigureKind::Money,
    );
    one(
        "It won a 9.5-billion-dlr contract.",
        "9.5-billion-dlr",
        9.5e9,
        "USD",
        FigureKind::Money,
    );
}

#[test]
fn ranges_of_decimals_need_no_unit() {
    let f = extract("Heifers brought 64.50-66.25 on the day.");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!((f[0].value, f[0].value_max), (Some(64.5), Some(66.25)));
    // Plain digits are still scores and codes.
    none("Wales won 3-1.");
}

#[test]
fn day_fractions_after_a_month_are_dates() {
    none("Talks are set for March 3/4 and Nov. 18/19.");
    one("Half is 1/2 of it.", "1/2", 0.5, "", FigureKind::Number);
}

#[test]
fn country_francs_and_long_tons() {
    one(
        "Shares sold at 2,450 Belgian francs.",
        "2,450 Belgian francs",
        2450.0,
        "BEF",
        FigureKind::Money,
    );
    one(
        "It shipped 85,000 long tons.",
        "85,000 long tons",
        85000.0,
        "long ton",
        FigureKind::Quantity,
    );
}

#[test]
fn one_bit_of_is_no_amount() {
    none("The lens holds one bit of glass.");
    one(
        "A 64-bit chip.",
        "64-bit",
        64.0,
        "bit",
        FigureKind::Quantity,
    );
}

#[test]
fn measured_of_fractions_and_trailing_words() {
    let m = |t: &str| {
        extract(t)
            .into_iter()
            .map(|f| f.measured)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        m("About two-thirds of the outstanding bonds are held abroad."),
        [Some("outstanding bonds".to_string())]
    );
    assert_eq!(
        m("It sold 200 mln dlrs of mortgage bonds due 2010."),
        [Some("mortgage bonds".to_string())]
    );
    assert_eq!(
        m("It bought 40 pct of state-owned Acme Corp."),
        [Some("state-owned Acme Corp".to_string())]
    );
    // A unit after "of" is no measured thing.
    assert_eq!(m("Rates rose by a quarter of a percentage point."), [None]);
}

#[test]
fn stock_moves_of_fractions_are_no_ranges() {
    let u = units("Shell won 3/4 to 42-3/4 and Canfor 1-1/4 to 35-3/4.");
    assert_eq!(
        u.iter().map(|x| x.0.as_str()).collect::<Vec<_>>(),
        ["3/4", "42-3/4", "1-1/4", "35-3/4"]
    );
    // A range of fractions with a unit stays one.
    let f = extract("Cut it 1/2 to 1-1/2 inches thick.");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].value_max, Some(1.5));
}

#[test]
fn decimal_times_is_a_multiple() {
    one(
        "It paid 2.7 times book value.",
        "2.7 times",
        2.7,
        "times",
        FigureKind::Ratio,
    );
    // A whole number of times counts occasions.
    none("He voted three times against it.");
}

#[test]
fn measured_keeps_abbreviations() {
    let f = extract("Imports are 38 pct of U.S. consumption.");
    assert_eq!(f[0].measured.as_deref(), Some("U.S. consumption"));
}

#[test]
fn close_numbers_after_a_change_word_make_a_range() {
    let f = extract("Demand is seen rising 1.9 to 2.2 pct this year.");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!((f[0].value, f[0].value_max), (Some(1.9), Some(2.2)));
    assert_eq!(f[0].unit, "%");
    // A move and the new level stay two figures.
    assert_eq!(units("Shares rose 15 to 410p.").len(), 2);
    assert_eq!(units("Shares rose 15p to 410p.").len(), 2);
}

#[test]
fn only_and_that_before_small_counts() {
    one(
        "Only two cases were found.",
        "two",
        2.0,
        "",
        FigureKind::Number,
    );
    one(
        "Police said that three men fled.",
        "three",
        3.0,
        "",
        FigureKind::Number,
    );
    none("The only two cases were old.");
    none("He liked that two-seater and that three men fled.");
}

#[test]
fn two_way_prices_are_one_figure() {
    let f = extract("The dollar ended at 1.8205/15 marks against 1.8260/70.");
    assert_eq!(f.len(), 2, "{f:?}");
    assert_eq!(
        f[0].span.slice("The dollar ended at 1.8205/15 marks"),
        "1.8205/15 marks"
    );
    assert_eq!((f[0].value, f[0].value_max), (Some(1.8205), Some(1.8215)));
    assert_eq!(f[0].unit, "DEM");
    // The compared quote takes the unit too.
    assert_eq!((f[1].value, f[1].value_max), (Some(1.826), Some(1.827)));
    assert_eq!(f[1].unit, "DEM");
    // Rolling over, and offered/bid rates.
    let f = extract("Sterling opened at 1.6195/05 dlrs; CDs yield 4.58/42 pct.");
    assert_eq!(f[0].value_max, Some(1.6205), "{f:?}");
    assert_eq!((f[1].value, f[1].value_max), (Some(4.42), Some(4.58)));
    // Fractions and dates are no prices.
    one("Add 1/2 cup.", "1/2 cup", 0.5, "cup", FigureKind::Quantity);
    none("On 12/3/87 it closed.");
}

#[test]
fn elided_units_carry_through_and() {
    let u = units("Imports fell to 75,500 tonnes from 97,070 in December and 120,228 a year ago.");
    assert_eq!(u[2], ("120,228".into(), "t".into()), "{u:?}");
    // Large amounts may differ more.
    let u = units("Pretax profit 143.8 mln stg vs 3.5 mln.");
    assert_eq!(u[1].1, "GBP", "{u:?}");
    // "and" alone carries nothing.
    let u = units("It sold 5,000 tonnes and 4,000 more.");
    assert_eq!(u[1].1, "", "{u:?}");
}

#[test]
fn models_names_and_games_are_no_figures() {
    none("Both the 7E7 and the A350 are new.");
    one("It is 1.5E+10.", "1.5E+10", 1.5e10, "", FigureKind::Number);
    none("50 Cent was on air.");
    one(
        "It costs 50 cents.",
        "50 cents",
        50.0,
        "cent",
        FigureKind::Money,
    );
    none("He won the mixed doubles and a doubles title.");
    none(
        "She will play doubles at the Open doubles, won doubles gold with the best doubles teams.",
    );
    none("The phone doubles up as a camera.");
    one(
        "The price doubles.",
        "doubles",
        2.0,
        "times",
        FigureKind::Ratio,
    );
}

#[test]
fn stock_moves_and_named_amounts() {
    // A move with a unit and a far bigger bare price: two figures.
    let u = units("British Telecom rose 2p to 254.");
    assert_eq!(u.len(), 2, "{u:?}");
    let f = extract("Prices ranged from 5p to 8p.");
    assert_eq!(f[0].value_max, Some(8.0), "{f:?}");
    // "deficit" names the amount itself, so the unit carries.
    let u = units("It had an 8.3 mln dlr deficit against a 10.33 mln deficit.");
    assert_eq!(u[1].1, "USD", "{u:?}");
}

#[test]
fn touching_m_is_a_million_before_plural_units_and_noun_phrases() {
    one(
        "Stocks fell 2m barrels.",
        "2m barrels",
        2e6,
        "bbl",
        FigureKind::Quantity,
    );
    one(
        "Exports hit 120m tons.",
        "120m tons",
        1.2e8,
        "ton",
        FigureKind::Quantity,
    );
    one(
        "Some 2.4m Canadians voted.",
        "Some 2.4m",
        2.4e6,
        "",
        FigureKind::Number,
    );
    one(
        "About 212m web pages exist.",
        "About 212m",
        2.12e8,
        "",
        FigureKind::Number,
    );
    one("It sold 3m PC games.", "3m", 3e6, "", FigureKind::Number);
    // A decimal of 100 or more is no length in metres.
    one(
        "Stocks fell to 318.2m.",
        "318.2m",
        3.182e8,
        "",
        FigureKind::Number,
    );
    // Races, jumps and buildings keep metres.
    let u = units("She won the 800m Olympic final, cleared 4.62m and ran 300m races.");
    assert!(u.iter().all(|(_, u)| u == "m"), "{u:?}");
    let u = units("The 1500m Olympic champions met by a 200m stretch of road.");
    assert!(u.iter().all(|(_, u)| u == "m"), "{u:?}");
}

#[test]
fn capitalised_number_words_in_names_are_no_counts() {
    none("They watched Ocean's Fifteen and the Birmingham Six on BBC Two.");
    none("It was built after World War Two.");
    // At a sentence start the word still counts; lower case always does.
    one(
        "Twenty people came.",
        "Twenty",
        20.0,
        "",
        FigureKind::Number,
    );
    one(
        "Then twenty people came.",
        "twenty",
        20.0,
        "",
        FigureKind::Number,
    );
}

#[test]
fn days_listed_around_a_month_are_dates() {
    none("The fair runs on 11 and 12 May.");
    none("Shows are on 3, 9 and 30 October.");
    none("It met between Sept 8 and 21.");
    none("Talks are set for 2 or 3 March.");
    // A lower-case "may" is a verb, and a count before a noun stays.
    for text in [
        "Between 12 and 18 workers may leave.",
        "Between 12 and 18 may leave.",
    ] {
        let f = extract(text);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].value_max, Some(18.0), "{f:?}");
    }
}

#[test]
fn elided_unit_after_a_change_and_to() {
    let u = units("Deposits rose by 1.5 billion crowns to 12.8 billion in May.");
    assert_eq!(u[1].1, "crown", "{u:?}");
    let u = units("Profit fell some six mln stg to 71.3 mln.");
    assert_eq!(u[1].1, "GBP", "{u:?}");
    let u = units("Reserves rose by 150 mln marks to 730 mln after a fall.");
    assert_eq!(u[1].1, "DEM", "{u:?}");
    // A percentage change carries nothing; nor does a noun after the level.
    let u = units("Sales rose 10 pct to 43.1 billion.");
    assert_eq!(u[1].1, "", "{u:?}");
    let u = units("It raised 5 mln dlrs to 2 mln shareholders.");
    assert_eq!(u[1].1, "", "{u:?}");
}

#[test]
fn rate_after_an_article_before_from_or_earlier() {
    let u = units("Net was 28 cts a share from 35 cts.");
    assert_eq!(u[0].1, "cent/share", "{u:?}");
    let u = units("It raised crude to 19.40 dlrs a barrel from its old level.");
    assert_eq!(u[0].1, "USD/bbl", "{u:?}");
    // A period before "earlier" or "ago" is a time phrase, no rate.
    let u = units("Sales were 5 mln dlrs a year earlier.");
    assert_eq!(u[0].1, "USD", "{u:?}");
}

#[test]
fn hours_in_the_morning_are_times_of_day() {
    none("Pubs stay open until two or three in the morning.");
    none("He worked till 5 in the afternoon.");
    // A move in the morning session is an amount.
    one(
        "Shares were down 4 in the morning session.",
        "4",
        4.0,
        "",
        FigureKind::Number,
    );
}

#[test]
fn the_n_mark_is_a_level_not_marks() {
    let u = units("The index broke the 3,000 mark for the first time.");
    assert_eq!(u, vec![("3,000".to_string(), String::new())]);
    let u = units("Sales hit the two million mark.");
    assert_eq!(u, vec![("two million".to_string(), String::new())]);
    none("He bowed as a mark of respect.");
    // Before a noun or a year the mark is a currency.
    let u = units("It sold the 1,000 mark bonds against the 90 billion mark 1986 record.");
    assert!(u.iter().all(|(_, u)| u == "DEM"), "{u:?}");
}

#[test]
fn trade_units_of_farm_gas_and_shipping_copy() {
    let u = units("Hogs topped at 49.75 dlrs per cwt, and the crop was 3,100,000 cwts.");
    assert_eq!(
        u[0],
        ("49.75 dlrs per cwt".into(), "USD/cwt".into()),
        "{u:?}"
    );
    assert_eq!(u[1], ("3,100,000 cwts".into(), "cwt".into()), "{u:?}");
    // "bcf" carries its billion; "mcf" is thousand or million cubic feet
    // depending on the desk, so it keeps its symbol and the written value.
    one(
        "Reserves were 4.2 bcf of gas.",
        "4.2 bcf",
        4.2e9,
        "cubic foot",
        FigureKind::Quantity,
    );
    one(
        "It bought 310 mcf of gas.",
        "310 mcf",
        310.0,
        "mcf",
        FigureKind::Quantity,
    );
    let u = units("Gas sold at 1.85 dlrs per mcf, or 2.40 dlrs per thousand cubic feet.");
    assert_eq!(u[0].1, "USD/mcf", "{u:?}");
    assert_eq!(u[1].1, "USD/mcf", "{u:?}");
    let u = units("Transport cost 41 cts per mln Btu.");
    assert_eq!(
        u[0],
        ("41 cts per mln Btu".into(), "cent/MMBtu".into()),
        "{u:?}"
    );
    one(
        "The 96,400 dwt tanker sailed.",
        "96,400 dwt",
        96400.0,
        "dwt",
        FigureKind::Quantity,
    );
    one(
        "A carrier of 61,250 deadweight tonnes sank.",
        "61,250 deadweight tonnes",
        61250.0,
        "dwt",
        FigureKind::Quantity,
    );
}

#[test]
fn race_times_and_field_distances() {
    // Race times without their unit are durations, not counts.
    none("She finished fourth in 7.41 and he took the title in 45.88.");
    none("He set a personal best of 20.71, clocking 20.65 in the heat.");
    // A level after "record" stays ("a record low of 148.40").
    let u = units("The yen hit a record low of 151.25.");
    assert_eq!(u, vec![("151.25".to_string(), String::new())]);
    // A touching "m" before a field or height word is metres.
    one(
        "He missed a 45m penalty.",
        "45m",
        45.0,
        "m",
        FigureKind::Quantity,
    );
    one(
        "The tower is 30m taller than the old one.",
        "30m",
        30.0,
        "m",
        FigureKind::Quantity,
    );
}

#[test]
fn an_all_time_high_is_no_race_time() {
    let u = units("The index hit an all-time closing high of 2310.45.");
    assert_eq!(u, vec![("2310.45".to_string(), String::new())]);
}

#[test]
fn names_with_numbers_in_them() {
    // A capitalised number word inside a name is no figure even with a
    // unit or "in" after it.
    none("It aired on BBC Two in 1994 near the Four Mile reactor.");
    none("They backed the Group of Seven dollar accord.");
    none("Delegates of the Group of 77 met the Group of 10 ministers.");
    // Days before a month; a futures month with its year is no date.
    none("Ties will be played on 12/13 March.");
    let u = units("WHEAT MAY7 284 UP 1/2 DEC7 279");
    assert!(u.iter().any(|(s, _)| s == "1/2"), "{u:?}");
    // A ranked list without dots numbers its lines.
    none("1 Ann Smith (Canada)\n2 Bea Jones (Chile)\n3 Cy Brown (Peru)");
}

#[test]
fn two_way_rates_in_fractions() {
    // The bare fraction after a comma is the other side, not an eighth.
    let g = got("Deposits were quoted at 6-1/4, 1/8 pct.");
    assert_eq!(g.len(), 1, "{g:?}");
    assert_eq!(g[0].0, "6-1/4, 1/8 pct");
    assert_eq!(g[0].1, Some(6.125));
    assert_eq!(g[0].2, "%");
    let g = got("Funds opened at 5-3/4, 5-1/2 pct.");
    assert_eq!(g.len(), 1, "{g:?}");
    assert_eq!(g[0].1, Some(5.5));
    // A margin after the fraction, or a list going on, keeps them apart.
    let u = units("The stock rose to 30-1/8, 1/4 over the bid.");
    assert_eq!(u.len(), 2, "{u:?}");
    let u = units("Rates rose to 6-3/16, 6-1/4 and 6-3/8 pct respectively.");
    assert_eq!(u.len(), 3, "{u:?}");
}

#[test]
fn a_day_or_a_far_smaller_number_before_to_is_no_low_end() {
    let u = units("Balances rose on March 9 to 3.412 billion dlrs.");
    assert_eq!(u, vec![("3.412 billion dlrs".into(), "USD".into())]);
    let u = units("Reserves rose 300 mln to 86.1 billion, and the index fell 215.40 to 21,880.10.");
    assert_eq!(u.len(), 4, "{u:?}");
    let u = units("The rate goes up on April 1 to 12 pct.");
    assert_eq!(u, vec![("12 pct".into(), "%".into())]);
    // Real ranges stay: after "from" or "between", close ends, durations.
    let u = units("Cinemas ranging from 40 to 1,800, prices between 25 and 5,000 stg.");
    assert_eq!(u.len(), 2, "{u:?}");
    let u = units("Exports were 3 to 4 million tonnes.");
    assert_eq!(u.len(), 1, "{u:?}");
}

#[test]
fn a_short_low_end_before_thousands_is_in_thousands() {
    let g = got("Output was 120-130,000 bpd and fines $40-90,000.");
    assert_eq!(g[0].1, Some(120000.0), "{g:?}");
    assert_eq!(g[1].1, Some(40000.0), "{g:?}");
    // Far apart, the low end stays as written.
    let g = got("Grants of 1-100,000 dlrs.");
    assert_eq!(g[0].1, Some(1.0), "{g:?}");
}
