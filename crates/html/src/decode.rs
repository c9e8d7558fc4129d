//! Page bytes to text: BOM, then valid UTF-8, then the declared charset,
//! then detection.

use encoding_rs::{Encoding, UTF_8};
use regex::bytes::Regex;
use std::sync::LazyLock;

/// `<meta charset=…>` and `<meta http-equiv=content-type content="…; charset=…">`.
static META_CHARSET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i-u)<meta[^>]{0,512}?charset\s*=\s*["']?\s*([a-z0-9_:.\-]{1,40})"#)
        .unwrap_or_else(|_| unreachable!("static regex"))
});

/// How many leading bytes are searched for a charset declaration (the
/// HTML standard's prescan looks at 1024; real pages put it later).
const PRESCAN: usize = 8192;

/// A page decoded to text.
pub(crate) struct Decoded {
    /// The page as text.
    pub text: String,
    /// Name of the encoding used.
    pub encoding: &'static str,
    /// No BOM, not valid UTF-8 and no usable declaration: the encoding
    /// was guessed from the bytes.
    pub guessed: bool,
    /// Some bytes were invalid in that encoding (now U+FFFD).
    pub errors: bool,
}

/// Decodes page bytes.
///
/// Valid UTF-8 wins over a declared single-byte charset on purpose: pages
/// often reach us already re-encoded (JSONL `html` records, crawlers) while
/// their `<meta charset>` still names the original, and non-ASCII text that
/// is by accident valid UTF-8 in another charset is vanishingly rare.
pub(crate) fn decode(bytes: &[u8], url: Option<&str>) -> Decoded {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return Decoded {
            text: text.into_owned(),
            encoding: enc.name(),
            guessed: false,
            errors,
        };
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Decoded {
            text: s.to_owned(),
            encoding: UTF_8.name(),
            guessed: false,
            errors: false,
        };
    }
    let head = &bytes[..bytes.len().min(PRESCAN)];
    let declared = META_CHARSET
        .captures(head)
        .and_then(|c| c.get(1))
        .and_then(|m| Encoding::for_label(m.as_bytes()))
        // A page that names UTF-16 in ASCII is not UTF-16 (HTML standard).
        .map(|e| {
            if e.is_single_byte() || e == UTF_8 {
                e
            } else {
                e.output_encoding()
            }
        });
    let guessed = declared.is_none();
    let enc = declared.unwrap_or_else(|| {
        let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
        det.feed(bytes, true);
        let tld = url.and_then(tld_of);
        det.guess(
            tld.as_deref().map(str::as_bytes),
            chardetng::Utf8Detection::Allow,
        )
    });
    let (text, used, errors) = enc.decode(bytes);
    Decoded {
        text: text.into_owned(),
        encoding: used.name(),
        guessed,
        errors,
    }
}

/// The top-level domain of a URL's host ("dk" for `https://sn.dk/…`),
/// which chardetng uses as a hint.
fn tld_of(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#', ':']).next()?;
    let tld = host.rsplit('.').next()?;
    (!tld.is_empty() && tld.bytes().all(|b| b.is_ascii_alphabetic()))
        .then(|| tld.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_bom_is_stripped() {
        let d = decode(b"\xEF\xBB\xBFhi", None);
        assert_eq!((d.text.as_str(), d.encoding), ("hi", "UTF-8"));
        assert!(!d.guessed && !d.errors);
    }

    #[test]
    fn declared_charset_used_for_invalid_utf8() {
        let page = b"<meta charset=\"windows-1252\"><p>caf\xE9</p>";
        let d = decode(page, None);
        assert!(d.text.contains("café"), "{}", d.text);
        assert_eq!(d.encoding, "windows-1252");
        assert!(!d.guessed);
    }

    #[test]
    fn http_equiv_charset() {
        let page = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"><p>\xE9t\xE9</p>";
        let d = decode(page, None);
        assert!(d.text.contains("été"), "{}", d.text);
    }

    #[test]
    fn valid_utf8_beats_stale_declaration() {
        let page = "<meta charset=\"iso-8859-1\"><p>café</p>".as_bytes();
        let d = decode(page, None);
        assert!(d.text.contains("café"));
        assert_eq!(d.encoding, "UTF-8");
    }

    #[test]
    fn undeclared_legacy_bytes_are_detected() {
        let page = b"<p>Le caf\xE9 \xE9tait ferm\xE9 et la client\xE8le \xE9tait d\xE9\xE7ue.</p>";
        let d = decode(page, Some("https://exemple.fr/a"));
        assert!(d.text.contains("café"), "{}", d.text);
        assert!(d.guessed);
    }

    #[test]
    fn tld() {
        assert_eq!(tld_of("https://sn.dk/a/b").as_deref(), Some("dk"));
        assert_eq!(tld_of("http://127.0.0.1/").as_deref(), None);
    }
}
