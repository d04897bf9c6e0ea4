//! URL-safe base64 without padding (RFC 4648 §5), the alphabet of links:
//! a link's deflated scenario (`s=`) and the strings of a preset's changes
//! (`d=`, `*…`).
//!
//! Written here rather than taken from the `base64` crate: its general
//! engine cost about 6 KiB of the first download for what is two loops.
//! It reads exactly what that crate's `URL_SAFE_NO_PAD` reads (held by a
//! property test against the crate, `tests/links.rs`): no padding, no other
//! alphabet, and the unused bits of the last character zero, so that each
//! text has one meaning.

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// `bytes` in URL-safe base64, without padding.
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        // The chunk's bytes in the top 24 bits, read 6 bits at a time: 1 byte
        // gives 2 characters, 2 give 3, 3 give 4.
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
    out
}

/// The bytes of URL-safe base64 without padding; `None` for any other
/// character (padding included), a length that no bytes have (4k + 1), or
/// unused bits that are not zero.
pub fn decode(text: &[u8]) -> Option<Vec<u8>> {
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() / 4 * 3 + 2);
    for chunk in text.chunks(4) {
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            let sextet = match c {
                b'A'..=b'Z' => c - b'A',
                b'a'..=b'z' => c - b'a' + 26,
                b'0'..=b'9' => c - b'0' + 52,
                b'-' => 62,
                b'_' => 63,
                _ => return None,
            };
            n |= u32::from(sextet) << (18 - 6 * i);
        }
        // 2, 3 or 4 characters carry 1, 2 or 3 bytes; the bits after them must be zero.
        let len = chunk.len() - 1;
        if n & (0xFF_FFFF >> (8 * len)) != 0 {
            return None;
        }
        out.extend_from_slice(&n.to_be_bytes()[1..=len]);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rfc_4648_test_vectors() {
        // RFC 4648 §10 (its padding left out, as links write none).
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(encode(plain.as_bytes()), coded);
            assert_eq!(decode(coded.as_bytes()).as_deref(), Some(plain.as_bytes()));
        }
        // The two characters of the URL-safe alphabet: 0xfb 0xff is "-_8".
        assert_eq!(encode(&[0xfb, 0xff]), "-_8");
        assert_eq!(decode(b"-_8"), Some(vec![0xfb, 0xff]));
    }

    #[test]
    fn anything_else_is_refused() {
        // Padding, the standard alphabet's + and /, a length of 4k + 1, unused bits set.
        // ("Zh", "Zm9" and "Zm-" would be "f" and "fo" with bits to spare: one text per bytes.)
        for bad in ["Zg==", "Zm9v=", "+/8", "Z", "Zm9vY", "Zh", "Zm9", "Zm-", " Zg", "Zg\n", "é"] {
            assert_eq!(decode(bad.as_bytes()), None, "{bad}");
        }
    }
}
