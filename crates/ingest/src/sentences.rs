//! Sentence segmentation inside one block. (Interim splitter; the full
//! rule set replaces it.)

use claimdex_model::Span;

/// Splits the text inside `within` into trimmed, non-empty sentence spans.
pub fn segment(text: &str, within: Span) -> Vec<Span> {
    let Some(slice) = text.get(within.start..within.end) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = slice.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if matches!(b, b'.' | b'!' | b'?')
            && bytes.get(i + 1) == Some(&b' ')
            && bytes.get(i + 2).is_some_and(|c| c.is_ascii_uppercase())
        {
            push_trimmed(slice, start, i + 1, within.start, &mut out);
            start = i + 1;
        }
    }
    push_trimmed(slice, start, slice.len(), within.start, &mut out);
    out
}

fn push_trimmed(slice: &str, start: usize, end: usize, base: usize, out: &mut Vec<Span>) {
    let part = &slice[start..end];
    let lead = part.len() - part.trim_start().len();
    let trimmed = part.trim();
    if !trimmed.is_empty() {
        out.push(Span::new(
            base + start + lead,
            base + start + lead + trimmed.len(),
        ));
    }
}
