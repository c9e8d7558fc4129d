//! Snapshot of the stage over tricky one-line cases (tests/fixtures/
//! tricky.txt, written for this crate): each case is its own document.

use claimdex_model::{Document, SourceFormat};

/// The speakers of the quotes the stage finds in `doc`, in text order
/// ("" for a quote without one).
fn speakers(doc: &Document) -> Vec<String> {
    claimdex_quotes::extract(doc)
        .into_iter()
        .map(|q| q.speaker.unwrap_or_default())
        .collect()
}

#[test]
fn tricky_cases() {
    let cases = include_str!("fixtures/tricky.txt");
    let mut out = String::new();
    for line in cases.lines().filter(|l| !l.trim().is_empty()) {
        let doc = Document::new("case", "-", SourceFormat::Text, line.to_string());
        out.push_str(line);
        out.push('\n');
        for q in claimdex_quotes::extract_all(&doc) {
            out.push_str(&format!(
                "  {:<7} {:?} speaker={:?} mention={:?}\n",
                q.kind.as_str(),
                q.span.slice(&doc.text),
                q.speaker.as_deref().unwrap_or("-"),
                q.speaker_span.map(|s| s.slice(&doc.text)).unwrap_or("-"),
            ));
        }
    }
    insta::assert_snapshot!(out);
}

#[test]
fn multi_paragraph_and_said_colon() {
    let text = "Caddell continued:\n“The first part runs on\n“and the second part ends here.”\nShe added, “One more.”";
    let doc = Document::new("mp", "-", SourceFormat::Text, text.to_string());
    let qs = claimdex_quotes::extract(&doc);
    let got: Vec<(&str, Option<&str>)> = qs
        .iter()
        .map(|q| (q.span.slice(text), q.speaker.as_deref()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("The first part runs on", Some("Caddell")),
            ("and the second part ends here.", Some("Caddell")),
            ("One more.", Some("Caddell")),
        ]
    );
}

#[test]
fn first_person_in_an_excerpt_is_its_speaker() {
    // "I’m" inside the quoted passage is Ross, who the frame names.
    let text = "Ross continued:\n\"The numbers are close, and I’m going to read you the question: “Do you trust the council?” Most said yes.";
    let doc = Document::new("ex", "-", SourceFormat::Text, text.to_string());
    let got: Vec<Option<String>> = claimdex_quotes::extract(&doc)
        .into_iter()
        .map(|q| q.speaker)
        .collect();
    assert_eq!(got, vec![Some("Ross".to_string())]);
}

#[test]
fn surnames_take_the_full_name_but_never_merge_two_people() {
    let filler = "The council met for hours and the vote was delayed again. ".repeat(8);
    let text = format!(
        "Envoy visit ends\nPrime Minister Sanae Takaichi met the visiting envoy at her office on Monday morning.\n“We agreed on the plan,” Takaichi said.\n\
         Maria Kerr, the mayor, and Tom Kerr, her brother, both ran for the seat.\n{filler}\n\
         “We will win,” Kerr said.\nTom Kerr spoke later. “I will not quit,” Kerr said."
    );
    let doc = Document::new("kerr", "-", SourceFormat::Text, text);
    assert_eq!(
        speakers(&doc),
        vec!["Sanae Takaichi", "Kerr", "Tom Kerr"],
        "a surname two people share stays as written unless one was just named"
    );
}

#[test]
fn single_marks_in_body_text() {
    // Single marks quote in body paragraphs; a first line quoting with
    // single marks only is a headline and is skipped.
    let text =
        "Pollster Says Voters ‘Worried’\nIt’s ‘in their heads,’ the pollster told reporters.";
    let doc = Document::new("sq", "-", SourceFormat::Text, text.to_string());
    let qs = claimdex_quotes::extract(&doc);
    assert_eq!(qs.len(), 1);
    assert_eq!(qs[0].span.slice(text), "in their heads");
    assert_eq!(qs[0].speaker.as_deref(), Some("the pollster"));
}

#[test]
fn deck_quotes_are_headline_quotes() {
    // The line after the headline (its deck) quotes bare phrases with
    // single marks: a headline convention, not the article's quotes.
    let text = "Mayor backs harbor plan\nCritics call the deal 'a giveaway' to developers.\nThe council voted on Monday, and Ana Ruiz said the plan was “long overdue.”";
    let doc = Document::new("deck", "-", SourceFormat::Text, text.to_string());
    let qs = claimdex_quotes::extract(&doc);
    assert_eq!(qs.len(), 1);
    assert_eq!(qs[0].span.slice(text), "long overdue.");
    assert_eq!(qs[0].speaker.as_deref(), Some("Ana Ruiz"));
}

#[test]
fn signatures_and_paragraph_frames() {
    use claimdex_model::{Block, BlockKind, Span};
    // One block joining two signed lines (a reader joins a line that ends
    // without punctuation with the next): each line keeps its own signer.
    let text =
        "“We need more buses.” ― Jorge Ruiz\n“Build the wall around the budget.” ― Steve Kim";
    let mut doc = Document::new("sig", "-", SourceFormat::Text, text.to_string());
    doc.blocks = vec![Block {
        kind: BlockKind::Paragraph,
        span: Span::new(0, text.len()),
    }];
    assert_eq!(speakers(&doc), ["Jorge Ruiz", "Steve Kim"]);

    // A quote-only paragraph signed in the next one, and one after a
    // paragraph about its speaker.
    let text = "“We must act now.”\n- Maria Chen.\nLena Howard continued her remarks.\n“Eight years ago the race was different.”";
    let doc = Document::new("sig2", "-", SourceFormat::Text, text.to_string());
    assert_eq!(speakers(&doc), ["Maria Chen", "Lena Howard"]);
}
