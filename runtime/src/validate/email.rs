//! The `email` rule: a "valid email address" as defined by the WHATWG HTML Living
//! Standard (§4.10.5.1.5), the grammar browsers apply to `<input type=email>`.
//!
//! ```text
//! local  = 1*( ALPHA / DIGIT / "!#$%&'*+/=?^_`{|}~.-" )
//! domain = label *( "." label )
//! label  = let-dig [ *61( let-dig / "-" ) let-dig ]     ; 1 to 63 characters
//! ```
//!
//! It deliberately excludes quoted local parts, comments and IP-literal domains,
//! which RFC 5322 allows but no form should accept.

/// Whether `text` is `local@domain` per the grammar above.
#[must_use]
pub fn is_valid_email(text: &str) -> bool {
    let bytes = text.as_bytes();
    // Local part: one or more `atext` or `.` bytes up to the first `@`.
    let mut index = 0;
    while index < bytes.len() && CLASS[bytes[index] as usize] & LOCAL != 0 {
        index += 1;
    }
    if index == 0 || index == bytes.len() || bytes[index] != b'@' {
        return false;
    }
    is_valid_domain(&bytes[index + 1..])
}

/// A byte allowed in the local part.
const LOCAL: u8 = 1;
/// A letter or a digit (`let-dig`).
const LET_DIG: u8 = 2;

/// Byte classes, one table lookup per byte instead of a search per byte.
static CLASS: [u8; 256] = {
    let mut class = [0u8; 256];
    let mut byte = 0;
    while byte < 256 {
        let b = byte as u8;
        if b.is_ascii_alphanumeric() {
            class[byte] = LOCAL | LET_DIG;
        }
        byte += 1;
    }
    let specials = b"!#$%&'*+/=?^_`{|}~.-";
    let mut index = 0;
    while index < specials.len() {
        class[specials[index] as usize] = LOCAL;
        index += 1;
    }
    class
};

/// `label *("." label)`, each label 1 to 63 `let-dig`/`-` bytes that starts and ends
/// with a `let-dig`. A second `@` fails as a label byte.
fn is_valid_domain(domain: &[u8]) -> bool {
    let mut label_len = 0usize;
    let mut previous = b'.';
    for &byte in domain {
        if byte == b'.' {
            if label_len == 0 || previous == b'-' {
                return false;
            }
            label_len = 0;
        } else {
            let is_let_dig = CLASS[byte as usize] & LET_DIG != 0;
            if !(is_let_dig || (byte == b'-' && label_len > 0)) {
                return false;
            }
            label_len += 1;
            if label_len > 63 {
                return false;
            }
        }
        previous = byte;
    }
    label_len > 0 && previous != b'-'
}

#[cfg(test)]
mod tests {
    use super::is_valid_email;

    #[test]
    fn accepts_the_whatwg_grammar() {
        for good in [
            "a@b",
            "first.last@example.com",
            "x+tag@sub-domain.example.org",
            "!#$%&'*+/=?^_`{|}~.-@a1",
            "user@xn--bcher-kva.example",
        ] {
            assert!(is_valid_email(good), "{good}");
        }
    }

    #[test]
    fn rejects_everything_else() {
        let long_label = "a".repeat(64);
        let long = alloc::format!("user@{long_label}.com");
        for bad in [
            "",
            "@",
            "user",
            "@example.com",
            "user@",
            "user@@example.com",
            "a@b@c",
            "user@-example.com",
            "user@example-.com",
            "user@exa_mple.com",
            "user@example..com",
            "user@.example.com",
            "user@example.com.",
            "us er@example.com",
            "\"quoted\"@example.com",
            "user@[127.0.0.1]",
            "jörg@example.com",
            "user@exämple.com",
            long.as_str(),
        ] {
            assert!(!is_valid_email(bad), "{bad}");
        }
    }
}
