//! The seed article's nine quotes come out exactly: spans (code points,
//! quoted words without the marks), kinds, speakers and speaker mentions.

use claimdex_model::{Block, BlockKind, Document, OffsetMap, SourceFormat};

const SEED: &str = include_str!("fixtures/seed_000_339b9ea0abfec546.txt");

fn seed_doc() -> Document {
    let mut doc = Document::new(
        "000_339b9ea0abfec546.txt",
        "seed",
        SourceFormat::Text,
        SEED.to_string(),
    );
    // One block per non-empty line, as the ingest stage builds them.
    doc.blocks = claimdex_quotes::line_spans(&doc.text)
        .into_iter()
        .map(|span| Block {
            kind: BlockKind::Paragraph,
            span,
        })
        .collect();
    doc
}

#[test]
fn seed_quotes_exactly() {
    let doc = seed_doc();
    let map = OffsetMap::new(&doc.text);
    let got: Vec<_> = claimdex_quotes::extract(&doc)
        .into_iter()
        .map(|q| {
            (
                map.to_char(q.span.start),
                map.to_char(q.span.end),
                q.span.slice(&doc.text).to_string(),
                q.kind.as_str(),
                q.speaker.clone(),
                q.speaker_span
                    .map(|s| (map.to_char(s.start), map.to_char(s.end))),
            )
        })
        .collect();
    let s = |x: &str| Some(x.to_string());
    let want = vec![
        (75, 89, "new golden era".to_string(), "scare", None, None),
        (
            657,
            680,
            "decades-long friendship".to_string(),
            "partial",
            s("Sanae Takaichi"),
            Some((637, 640)),
        ),
        (
            742,
            756,
            "new golden era".to_string(),
            "partial",
            s("Sanae Takaichi"),
            Some((720, 723)),
        ),
        (
            820,
            840,
            "at the highest level".to_string(),
            "partial",
            s("Donald Trump"),
            Some((782, 787)),
        ),
        (
            961,
            1002,
            "We share deep respect and love for Japan,".to_string(),
            "full",
            s("Donald Trump"),
            Some((1004, 1009)),
        ),
        (
            1017,
            1104,
            "This partnership will remain privileged and strong. We are allies at the highest level."
                .to_string(),
            "full",
            s("Donald Trump"),
            Some((1004, 1009)),
        ),
        (
            3218,
            3349,
            "We’ve already received large new orders for advanced defense equipment, and Japan is moving quickly to strengthen its capabilities."
                .to_string(),
            "full",
            s("Donald Trump"),
            Some((3178, 3183)),
        ),
        (
            3830,
            3858,
            "vitamins of modern industry.".to_string(),
            "scare",
            None,
            None,
        ),
        (5903, 5917, "new golden era".to_string(), "scare", None, None),
    ];
    assert_eq!(got, want);
}

#[test]
fn seed_without_blocks_uses_lines() {
    // The line fallback gives the same answer as explicit blocks.
    let mut doc = seed_doc();
    let with_blocks = claimdex_quotes::extract(&doc);
    doc.blocks.clear();
    assert_eq!(claimdex_quotes::extract(&doc), with_blocks);
}
