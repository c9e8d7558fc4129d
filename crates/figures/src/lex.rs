//! The tokenizer: splits text into digit runs, letter runs and single
//! symbols, with byte spans. Whitespace is not a token; the gap between
//! two tokens tells whether they touch.

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tk {
    /// A run of ASCII digits.
    Num,
    /// A run of letters (any script) and combining marks.
    Word,
    /// One character that is neither (punctuation, symbol, other digits).
    Sym(char),
}

/// One token: its kind and byte span.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    pub(crate) s: usize,
    pub(crate) e: usize,
    pub(crate) k: Tk,
}

/// Splits `text` into tokens. Never fails; every span lies on char
/// boundaries because it is built from `char_indices`.
pub(crate) fn tokenize(text: &str, out: &mut Vec<Tok>) {
    out.clear();
    // About one token per four bytes of news text; reserving up front
    // saves the regrowth copies.
    out.reserve(text.len() / 4);
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_digit() {
            let s = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            out.push(Tok {
                s,
                e: i,
                k: Tk::Num,
            });
        } else if b.is_ascii_alphabetic() {
            let s = i;
            while i < bytes.len() {
                let c = bytes[i];
                if c.is_ascii_alphabetic() {
                    i += 1;
                } else if c >= 0x80 {
                    match text.get(i..).and_then(|r| r.chars().next()) {
                        Some(ch) if ch.is_alphabetic() => i += ch.len_utf8(),
                        _ => break,
                    }
                } else {
                    break;
                }
            }
            out.push(Tok {
                s,
                e: i,
                k: Tk::Word,
            });
        } else if b == b' ' || b == b'\t' || b == b'\n' || b == b'\r' {
            i += 1;
        } else if b < 0x80 {
            out.push(Tok {
                s: i,
                e: i + 1,
                k: Tk::Sym(b as char),
            });
            i += 1;
        } else {
            let Some(ch) = text.get(i..).and_then(|r| r.chars().next()) else {
                // Not on a char boundary cannot happen for a &str walked
                // this way; stop rather than loop.
                break;
            };
            let n = ch.len_utf8();
            if ch.is_whitespace() {
                i += n;
            } else if ch.is_alphabetic() {
                let s = i;
                i += n;
                while let Some(c2) = text.get(i..).and_then(|r| r.chars().next()) {
                    if c2.is_alphabetic() {
                        i += c2.len_utf8();
                    } else {
                        break;
                    }
                }
                out.push(Tok {
                    s,
                    e: i,
                    k: Tk::Word,
                });
            } else {
                out.push(Tok {
                    s: i,
                    e: i + n,
                    k: Tk::Sym(ch),
                });
                i += n;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_digits_words_symbols() {
        let mut v = Vec::new();
        tokenize("$1,234.5bn über", &mut v);
        let kinds: Vec<Tk> = v.iter().map(|t| t.k).collect();
        assert_eq!(
            kinds,
            vec![
                Tk::Sym('$'),
                Tk::Num,
                Tk::Sym(','),
                Tk::Num,
                Tk::Sym('.'),
                Tk::Num,
                Tk::Word,
                Tk::Word
            ]
        );
        assert_eq!(v[7].s, 11);
    }
}
