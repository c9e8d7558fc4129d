//! Robustness: arbitrary input never panics, spans are always valid, and
//! hostile pages finish with their limits reported.

use claimdex_html::{parse, parse_page, Page};
use proptest::prelude::*;

fn check_spans(p: &Page) {
    let mut last_end = 0;
    for b in &p.blocks {
        assert!(b.span.start <= b.span.end, "{b:?}");
        assert!(b.span.end <= p.text.len(), "{b:?}");
        assert!(
            b.span.start >= last_end,
            "blocks overlap or are out of order: {b:?}"
        );
        assert!(p.text.is_char_boundary(b.span.start) && p.text.is_char_boundary(b.span.end));
        assert!(b.span.start < b.span.end, "empty block {b:?}");
        last_end = b.span.end;
    }
}

/// Tag soup from pieces that real pages are made of.
fn soup() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("<div class=\"content\">".to_string()),
        Just("<div class=\"sidebar\">".to_string()),
        Just("</div>".to_string()),
        Just("<br>".to_string()),
        Just("<a href=x>".to_string()),
        Just("</a>".to_string()),
        Just("<script>".to_string()),
        Just("</script>".to_string()),
        Just("<!--".to_string()),
        Just("-->".to_string()),
        Just("<table><tr><td>".to_string()),
        Just("<li>".to_string()),
        Just("&amp;&#x1F600;&nbsp;".to_string()),
        "[a-zA-Z ,.éß€\u{200b}\u{0300}\n]{0,80}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let p = parse_page(&bytes, None);
        check_spans(&p);
        let _ = parse(&bytes, Some("https://x.example/2024/01/02/a"));
    }

    #[test]
    fn tag_soup_spans_valid(html in soup()) {
        let p = parse_page(html.as_bytes(), Some("http://x.example/a"));
        check_spans(&p);
        // Block text never spans a line break: blocks are separated by them.
        for b in &p.blocks {
            prop_assert!(!p.text[b.span.start..b.span.end].contains('\n'));
        }
    }
}

#[test]
fn deep_nesting_finishes() {
    let mut html = String::new();
    for _ in 0..10_000 {
        html.push_str("<div><span>");
    }
    html.push_str("<p>Deep text that sits below ten thousand levels of nesting, and is still article text.</p>");
    let p = parse_page(html.as_bytes(), None);
    check_spans(&p);
    assert!(p.text.contains("Deep text"), "{:?}", p.text);
}

#[test]
fn blocks_past_the_depth_cap_keep_their_word_breaks() {
    let mut html = "<div><span>".repeat(5_000);
    html.push_str(
        "<p>The first paragraph below the nesting cap ends here.</p>\
         <p>Second paragraph of the same deep article, still prose and worth keeping.</p>",
    );
    let p = parse_page(html.as_bytes(), None);
    check_spans(&p);
    assert!(p.text.contains("Second paragraph"), "{:?}", p.text);
    assert!(!p.text.contains("here.Second"), "{:?}", p.text);
}

#[test]
fn very_deep_block_nesting_finishes() {
    // Without the nesting cap the parser needs minutes for this page.
    let mut html = "<section>".repeat(150_000);
    html.push_str("<p>Text at the bottom of a page nested far too deep, which is still read.</p>");
    let p = parse_page(html.as_bytes(), None);
    check_spans(&p);
    assert!(p.text.contains("Text at the bottom"), "{:?}", p.text);
}

#[test]
fn endless_attributes_finish() {
    let mut html = String::from("<p ");
    for i in 0..50_000 {
        html.push_str(&format!("a{i}=\"{i}\" "));
    }
    html.push_str(
        ">Text after a tag with fifty thousand attributes, which is still read as prose.</p>",
    );
    let p = parse_page(html.as_bytes(), None);
    check_spans(&p);
}

#[test]
fn unclosed_script_and_style() {
    let html = b"<p>Visible opening paragraph of a page, long enough to be article text here.</p><style>p{color:red}<script>var a = '<p>not text</p>';";
    let p = parse_page(html, None);
    assert!(!p.text.contains("not text"));
    assert!(!p.text.contains("color"));
}

#[test]
fn oversized_page_is_cut_and_reported() {
    let para = "<p>A sentence of filler prose, repeated to make a page larger than the cap.</p>";
    let n = claimdex_html::MAX_PAGE_BYTES / para.len() + 10;
    let html = para.repeat(n);
    let p = parse_page(html.as_bytes(), None);
    assert!(
        p.warnings.iter().any(
            |w| matches!(w, claimdex_html::PageWarning::Truncated { .. })
                && w.to_string().contains("size cap")
        ),
        "{:?}",
        p.warnings
    );
    check_spans(&p);
}

#[test]
fn empty_page_is_no_text() {
    assert!(parse(b"", None).is_err());
    assert!(parse(
        b"<html><body><nav><a href=/>Home</a></nav></body></html>",
        None
    )
    .is_err());
}
