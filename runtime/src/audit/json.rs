//! The JSON text of audit events: string escaping (RFC 8259 §7) into a `String` or a
//! byte buffer, and a `fmt::Write` that escapes what `Display`/`Debug` write.
//!
//! Events are written field by field into one reused buffer; only strings need
//! escaping, so this small module is all the JSON the runtime writes.

// The runtime is `no_std`; auditing needs the standard library.
use std::prelude::rust_2021::*;

use std::fmt;

/// Where JSON text goes.
pub(crate) trait Out {
    /// Appends `text` as it is.
    fn put(&mut self, text: &str);
}

impl Out for String {
    fn put(&mut self, text: &str) {
        self.push_str(text);
    }
}

impl Out for Vec<u8> {
    fn put(&mut self, text: &str) {
        self.extend_from_slice(text.as_bytes());
    }
}

/// Appends `text` as a JSON string, quotes included.
pub(crate) fn push_string<O: Out>(out: &mut O, text: &str) {
    out.put("\"");
    escape_into(out, text);
    out.put("\"");
}

/// Appends `text` escaped for the inside of a JSON string: `"` and `\` and every
/// control character escaped, everything else (non-ASCII included) as it is.
pub(crate) fn escape_into<O: Out>(out: &mut O, text: &str) {
    let mut rest = text;
    while let Some(at) = rest
        .bytes()
        .position(|byte| byte < 0x20 || byte == b'"' || byte == b'\\')
    {
        out.put(&rest[..at]);
        let escaped = match rest.as_bytes()[at] {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            control => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                let digits = [
                    b'\\',
                    b'u',
                    b'0',
                    b'0',
                    HEX[usize::from(control >> 4)],
                    HEX[usize::from(control & 0xf)],
                ];
                // Six ASCII bytes.
                out.put(core::str::from_utf8(&digits).unwrap_or_default());
                rest = &rest[at + 1..];
                continue;
            }
        };
        out.put(escaped);
        rest = &rest[at + 1..];
    }
    out.put(rest);
}

/// A `fmt::Write` that escapes what is written into it and stops (with
/// `fmt::Error`) once `left` bytes of the original text are written.
pub(crate) struct Escaping<'a, O: Out> {
    /// Where the escaped text goes.
    pub out: &'a mut O,
    /// How many more bytes of text to take.
    pub left: usize,
}

impl<O: Out> fmt::Write for Escaping<'_, O> {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        if text.len() > self.left {
            let mut end = self.left;
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            escape_into(self.out, &text[..end]);
            self.left = 0;
            return Err(fmt::Error);
        }
        self.left -= text.len();
        escape_into(self.out, text);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> String {
        let mut out = String::new();
        push_string(&mut out, text);
        out
    }

    #[test]
    fn escapes_what_json_requires_and_nothing_else() {
        assert_eq!(quoted(""), r#""""#);
        assert_eq!(quoted("plain é 😀"), "\"plain é 😀\"");
        assert_eq!(quoted("a\"b\\c"), r#""a\"b\\c""#);
        assert_eq!(quoted("\n\r\t"), r#""\n\r\t""#);
        assert_eq!(quoted("\u{0}\u{1f}\u{7f}"), "\"\\u0000\\u001f\u{7f}\"");
        assert_eq!(quoted("/"), "\"/\"");
    }

    #[test]
    fn bytes_and_strings_get_the_same_text() {
        let text = "x\u{8}\"\\y\u{2028}";
        let mut bytes = Vec::new();
        push_string(&mut bytes, text);
        assert_eq!(String::from_utf8(bytes).unwrap(), quoted(text));
    }

    #[test]
    fn escaping_writer_stops_at_its_limit_on_a_char_boundary() {
        use fmt::Write as _;
        let mut out = String::new();
        let mut writer = Escaping {
            out: &mut out,
            left: 4,
        };
        assert!(writer.write_str("ab").is_ok());
        assert!(writer.write_str("\"é").is_err());
        // `"` fits (1 byte), `é` (2 bytes) would pass the limit of 4.
        assert_eq!(out, "ab\\\"");
    }
}
