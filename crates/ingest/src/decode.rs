//! Bytes → text: BOM, UTF-8, or a detected legacy encoding; binary refused.

use encoding_rs::Encoding;

/// Why bytes are not text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotText(pub String);

/// Decodes file bytes to text. A BOM decides the encoding and is removed;
/// valid UTF-8 is taken as is; anything else is detected with chardetng
/// (the detector Firefox uses). Binary data (NUL bytes or many control
/// characters) is refused.
pub fn decode(bytes: &[u8]) -> Result<String, NotText> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _had_errors) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return check_text(text.into_owned());
    }
    if let Some(reason) = binary_signal(bytes) {
        return Err(NotText(reason));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => check_text(text.to_owned()),
        Err(_) => {
            let mut detector =
                chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            detector.feed(bytes, true);
            let encoding = detector.guess(None, chardetng::Utf8Detection::Allow);
            let (text, _, _) = encoding.decode(bytes);
            check_text(text.into_owned())
        }
    }
}

fn check_text(text: String) -> Result<String, NotText> {
    let control = text
        .chars()
        .take(64 * 1024)
        .filter(|&c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    let sample = text.chars().take(64 * 1024).count();
    if sample > 0 && control * 10 > sample {
        return Err(NotText(format!(
            "{control} control characters in the first {sample}"
        )));
    }
    Ok(text)
}

/// Looks at the first 8 KiB for signs of binary data, as ripgrep and git do.
fn binary_signal(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(8192)];
    if let Some(at) = head.iter().position(|&b| b == 0) {
        return Some(format!("NUL byte at offset {at}"));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_utf8_bom() {
        assert_eq!(decode(b"\xEF\xBB\xBFhello").as_deref(), Ok("hello"));
    }

    #[test]
    fn decodes_utf16_with_bom() {
        let bytes = [0xFF, 0xFE, b'h', 0, b'i', 0];
        assert_eq!(decode(&bytes).as_deref(), Ok("hi"));
    }

    #[test]
    fn detects_latin1() {
        let bytes = b"Caf\xe9 au lait co\xfbte 3 \x80 \xe0 Paris, d\xe9j\xe0 vu.";
        let text = decode(bytes).unwrap_or_default();
        assert!(text.starts_with("Café"), "{text}");
        assert!(text.contains('€'));
    }

    #[test]
    fn refuses_binary() {
        assert!(decode(b"\x7fELF\x02\x01\x01\x00\x00\x00").is_err());
        assert!(decode(&[1u8, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16]).is_err());
    }
}
