//! Byte offsets ↔ Unicode code-point offsets.

/// Converts byte offsets of one text into code-point offsets.
///
/// Built once per document in O(n); each lookup is O(log n) in the number of
/// non-ASCII characters, and O(1) for all-ASCII text.
#[derive(Clone, Debug, Default)]
pub struct OffsetMap {
    /// Byte offset of every non-ASCII char, in order. Code point offset of a
    /// byte offset `b` is `b - (extra bytes of the multi-byte chars before b)`.
    multibyte: Vec<(usize, usize)>,
    len_bytes: usize,
}

impl OffsetMap {
    /// Indexes `text`.
    pub fn new(text: &str) -> Self {
        let mut multibyte = Vec::new();
        let mut extra = 0usize;
        for (at, ch) in text.char_indices() {
            let width = ch.len_utf8();
            if width > 1 {
                extra += width - 1;
                // (byte offset just past this char, extra bytes so far)
                multibyte.push((at + width, extra));
            }
        }
        OffsetMap {
            multibyte,
            len_bytes: text.len(),
        }
    }

    /// The code-point offset of byte offset `byte` (clamped to the text; a
    /// byte inside a multi-byte char maps to that char's start).
    pub fn to_char(&self, byte: usize) -> usize {
        let byte = byte.min(self.len_bytes);
        let i = self.multibyte.partition_point(|&(end, _)| end <= byte);
        let extra_before = if i == 0 { 0 } else { self.multibyte[i - 1].1 };
        // A byte strictly inside char i (between its start and end) maps to
        // that char's start.
        if let Some(&(end, extra)) = self.multibyte.get(i) {
            let width_minus_one = extra - extra_before;
            let start = end - width_minus_one - 1;
            if byte > start {
                return start - extra_before;
            }
        }
        byte - extra_before
    }

    /// The length of the text in code points.
    pub fn len_chars(&self) -> usize {
        self.to_char(self.len_bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_every_char_boundary() {
        let text = "a€b“c”😀d";
        let map = OffsetMap::new(text);
        for (chars, (bytes, _)) in text.char_indices().enumerate() {
            assert_eq!(map.to_char(bytes), chars, "byte {bytes}");
        }
        assert_eq!(map.len_chars(), text.chars().count());
    }

    #[test]
    fn inside_a_char_maps_to_its_start() {
        let map = OffsetMap::new("a€b");
        assert_eq!(map.to_char(2), 1);
        assert_eq!(map.to_char(3), 1);
        assert_eq!(map.to_char(4), 2);
        assert_eq!(map.to_char(99), 3);
    }
}
