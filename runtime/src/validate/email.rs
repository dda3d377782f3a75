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
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    !local.is_empty() && local.bytes().all(is_local_byte) && is_valid_domain(domain)
}

fn is_local_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || b"!#$%&'*+/=?^_`{|}~.-".contains(&byte)
}

fn is_valid_domain(domain: &str) -> bool {
    // A second `@` lands here and fails as a label byte.
    domain.split('.').all(|label| {
        let bytes = label.as_bytes();
        match (bytes.first(), bytes.last()) {
            (Some(first), Some(last)) => {
                bytes.len() <= 63
                    && first.is_ascii_alphanumeric()
                    && last.is_ascii_alphanumeric()
                    && bytes
                        .iter()
                        .all(|byte| byte.is_ascii_alphanumeric() || *byte == b'-')
            }
            _ => false,
        }
    })
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
