//! The seed article: exactly its seven gold figures, nothing else.

use claimdex_model::{Comparator, FigureKind};

const SEED: &str = include_str!("fixtures/seed_000_339b9ea0abfec546.txt");

/// Code-point offset of byte offset `b` in the seed text.
fn cp(b: usize) -> usize {
    SEED[..b].chars().count()
}

/// (start, end in code points, text, value, unit, kind, qualifier)
type Want = (
    usize,
    usize,
    &'static str,
    f64,
    &'static str,
    FigureKind,
    Option<&'static str>,
);

#[test]
fn seed_has_exactly_the_gold_figures() {
    let figs = claimdex_figures::extract(SEED);
    let want: &[Want] = &[
        (
            1964,
            1972,
            "over 60%",
            60.0,
            "%",
            FigureKind::Percent,
            Some("over"),
        ),
        (2005, 2008, "92%", 92.0, "%", FigureKind::Percent, None),
        (
            2336,
            2353,
            "over $360 billion",
            360e9,
            "USD",
            FigureKind::Money,
            Some("over"),
        ),
        (
            2800,
            2813,
            "more than 65%",
            65.0,
            "%",
            FigureKind::Percent,
            Some("more than"),
        ),
        (3031, 3033, "2%", 2.0, "%", FigureKind::Percent, None),
        (
            4561,
            4578,
            "over 130,000 tons",
            130000.0,
            "ton",
            FigureKind::Quantity,
            Some("over"),
        ),
        (
            4602,
            4616,
            "ten times more",
            10.0,
            "times",
            FigureKind::Ratio,
            None,
        ),
    ];
    let got: Vec<_> = figs
        .iter()
        .map(|f| (cp(f.span.start), cp(f.span.end), f.span.slice(SEED)))
        .collect();
    assert_eq!(figs.len(), want.len(), "figures: {got:?}");
    for (f, w) in figs.iter().zip(want) {
        assert_eq!((cp(f.span.start), cp(f.span.end)), (w.0, w.1), "{}", w.2);
        assert_eq!(f.span.slice(SEED), w.2);
        assert_eq!(f.value, Some(w.3), "{}", w.2);
        assert_eq!(f.value_max, None, "{}", w.2);
        assert_eq!(f.unit, w.4, "{}", w.2);
        assert_eq!(f.kind, w.5, "{}", w.2);
        assert_eq!(f.qualifier.as_deref(), w.6, "{}", w.2);
    }
    assert_eq!(figs[0].comparator, Some(Comparator::Greater));
    assert_eq!(figs[3].comparator, Some(Comparator::Greater));
    assert_eq!(figs[1].measured.as_deref(), Some("refining capacity"));
    assert_eq!(figs[4].measured.as_deref(), Some("GDP"));
}
