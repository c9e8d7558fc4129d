//! A fast byte scan that removes scripts, styles, comments and inline SVG
//! before the HTML parser sees the page. They are most of a news page's
//! bytes, never article text, and the parser's raw-text states walk them a
//! character at a time. JSON-LD scripts are kept for the metadata.
//!
//! It also caps the nesting of block elements: each of their start tags
//! makes the parser walk its stack of open elements, so a page nested
//! hundreds of thousands deep would take hours to parse.

/// Elements whose whole content is dropped, with their closing tags.
const DROPPED: &[(&[u8], &[u8])] = &[
    (b"script", b"</script"),
    (b"style", b"</style"),
    (b"noscript", b"</noscript"),
    (b"svg", b"</svg"),
    (b"template", b"</template"),
];

/// Block elements whose start tag makes the HTML parser look down its
/// stack of open elements for a `<p>` to close (linear in the depth).
const NESTING: &[&[u8]] = &[
    b"address",
    b"article",
    b"aside",
    b"blockquote",
    b"center",
    b"details",
    b"dialog",
    b"dir",
    b"div",
    b"dl",
    b"fieldset",
    b"figcaption",
    b"figure",
    b"footer",
    b"header",
    b"hgroup",
    b"main",
    b"menu",
    b"nav",
    b"ol",
    b"section",
    b"summary",
    b"ul",
];

/// Open [`NESTING`] elements kept; deeper start tags (and as many of the
/// next end tags) are dropped. Far above real pages, whose text the
/// arena flattens below 512 levels anyway.
const MAX_NESTING: usize = 2048;

/// Counts open [`NESTING`] elements to drop the tags past [`MAX_NESTING`].
#[derive(Default)]
struct Nesting {
    depth: usize,
    dropped: usize,
}

impl Nesting {
    /// The end of the tag at `lt` when it is to be dropped.
    fn drop_tag(&mut self, b: &[u8], lt: usize) -> Option<usize> {
        let rest = &b[lt + 1..];
        let close = rest.first() == Some(&b'/');
        let from = usize::from(close);
        let len = rest[from..]
            .iter()
            .take(12)
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        let name = &rest[from..from + len];
        if !matches!(
            rest.get(from + len),
            None | Some(b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'>' | b'/')
        ) || !NESTING.iter().any(|n| n.eq_ignore_ascii_case(name))
        {
            return None;
        }
        let tag_end = || find(&b[lt..], b">").map_or(b.len(), |p| lt + p + 1);
        if close {
            if self.dropped > 0 {
                self.dropped -= 1;
                return Some(tag_end());
            }
            self.depth = self.depth.saturating_sub(1);
            None
        } else if self.depth >= MAX_NESTING {
            self.dropped += 1;
            Some(tag_end())
        } else {
            self.depth += 1;
            None
        }
    }
}

/// Returns the page without its scripts (except JSON-LD), styles,
/// comments, `<noscript>` and inline SVG, and with block elements nested
/// no deeper than [`MAX_NESTING`].
pub(crate) fn strip(src: &str) -> String {
    let b = src.as_bytes();
    let mut out = String::with_capacity(src.len() / 2);
    let mut copied = 0; // bytes of `src` already handled
    let mut i = 0;
    let mut nesting = Nesting::default();
    while let Some(off) = memchr_lt(&b[i..]) {
        let lt = i + off;
        i = lt + 1;
        let rest = &b[lt + 1..];
        let skip_to = if rest.starts_with(b"!--") {
            // A comment runs to the next "-->" (or the end of the page).
            Some(find(&b[lt + 4..], b"-->").map_or(b.len(), |p| lt + 4 + p + 3))
        } else {
            DROPPED.iter().find_map(|(name, close)| {
                if !starts_with_ci(rest, name) {
                    return None;
                }
                let after = rest.get(name.len()).copied();
                if !matches!(
                    after,
                    Some(b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'>' | b'/')
                ) {
                    return None;
                }
                let tag_end = find(&b[lt..], b">").map_or(b.len(), |p| lt + p + 1);
                if *name == b"script" && is_json_ld(&b[lt..tag_end]) {
                    return None;
                }
                let end = find_ci(&b[tag_end..], close).map_or(b.len(), |p| {
                    let close_start = tag_end + p;
                    find(&b[close_start..], b">").map_or(b.len(), |q| close_start + q + 1)
                });
                Some(end)
            })
        }
        .or_else(|| nesting.drop_tag(b, lt));
        if let Some(end) = skip_to {
            // `lt` and `end` sit on ASCII bytes (or the end), so both are
            // char boundaries.
            out.push_str(src.get(copied..lt).unwrap_or(""));
            out.push(' ');
            copied = end;
            i = end;
        }
        if i >= b.len() {
            break;
        }
    }
    out.push_str(src.get(copied..).unwrap_or(""));
    out
}

fn memchr_lt(b: &[u8]) -> Option<usize> {
    b.iter().position(|&c| c == b'<')
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    let first = needle[0];
    let mut i = 0;
    while let Some(p) = hay[i..].iter().position(|&c| c == first) {
        let at = i + p;
        if hay[at..].starts_with(needle) {
            return Some(at);
        }
        i = at + 1;
        if i + needle.len() > hay.len() {
            return None;
        }
    }
    None
}

/// Case-insensitive search for an ASCII needle that starts with `<`.
fn find_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let mut i = 0;
    while let Some(p) = memchr_lt(&hay[i..]) {
        let at = i + p;
        if starts_with_ci(&hay[at..], needle) {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

fn starts_with_ci(hay: &[u8], needle: &[u8]) -> bool {
    hay.len() >= needle.len() && hay[..needle.len()].eq_ignore_ascii_case(needle)
}

fn is_json_ld(open_tag: &[u8]) -> bool {
    let lower = open_tag.to_ascii_lowercase();
    find(&lower, b"ld+json").is_some()
}

#[cfg(test)]
mod tests {
    use super::strip;

    #[test]
    fn drops_scripts_styles_comments() {
        let s = strip(
            "<p>a</p><SCRIPT>if (a<b) x='</p>'</script ><p>b<!-- c --></p><style>p{}</style>",
        );
        assert_eq!(s, "<p>a</p> <p>b </p> ");
    }

    #[test]
    fn keeps_json_ld_and_lookalikes() {
        let src = r#"<script type="application/ld+json">{"a":1}</script><scripts>x</scripts>"#;
        assert_eq!(strip(src), src);
    }

    #[test]
    fn block_nesting_is_capped() {
        let deep = format!("{}x{}", "<div>".repeat(3000), "</div>".repeat(3000));
        let s = strip(&deep);
        assert_eq!(s.matches("<div>").count(), super::MAX_NESTING);
        assert_eq!(s.matches("</div>").count(), super::MAX_NESTING);
        // Inline elements and closed blocks are not counted.
        let flat = "<div></div><SPAN>".repeat(3000) + "<div class=a>";
        assert_eq!(strip(&flat), flat);
    }

    #[test]
    fn unterminated_runs_to_end() {
        assert_eq!(strip("<p>é</p><script>never closed"), "<p>é</p> ");
        assert_eq!(strip("<p>é</p><!-- open"), "<p>é</p> ");
        assert_eq!(strip("<"), "<");
    }
}
