//! `url`, with the `url` feature.

use super::{plain, Outcome, Text};

/// Marks that the `url` rule is compiled in: the runtime's `url` feature is on.
#[diagnostic::on_unimplemented(
    message = "the `url` rule needs palisade's `url` feature",
    label = "`url` used here",
    note = "enable it with `palisade = {{ version = \"...\", features = [\"url\"] }}`"
)]
pub trait UrlSupport {
    /// Whether `text` is an absolute URL.
    fn is_url(&self, text: &str) -> bool;
}

/// The `url` rule's checker.
#[derive(Debug, Clone, Copy)]
pub struct UrlRule;

#[cfg(feature = "url")]
impl UrlSupport for UrlRule {
    fn is_url(&self, text: &str) -> bool {
        // The parser accepts only absolute URLs (with a scheme). It also repairs input
        // the WHATWG URL Standard calls a validation error — tabs and newlines inside
        // it (`\r\n` header injection), leading or trailing controls and spaces,
        // backslashes, unencoded spaces, credentials — and the rule would then pass the
        // raw text it never checked; any such report fails the rule.
        // The parser does not report every one (control characters in an opaque host
        // pass unremarked), so text with a character that no part of a valid URL
        // string may hold fails first.
        if !text.chars().all(url_unit) {
            return false;
        }
        let violation = core::cell::Cell::new(false);
        let report = |_| violation.set(true);
        url::Url::options()
            .syntax_violation_callback(Some(&report))
            .parse(text)
            .is_ok()
            && !violation.get()
    }
}

/// Whether `c` may appear in a valid URL string: a URL code point, `%` of an escape,
/// or a delimiter (`#` before the fragment, `[` `]` around an IPv6 host). Spaces,
/// controls, `"<>\\^`{|}` and Unicode noncharacters may not.
#[cfg(feature = "url")]
fn url_unit(c: char) -> bool {
    let noncharacter = ('\u{FDD0}'..='\u{FDEF}').contains(&c) || (u32::from(c) & 0xFFFE) == 0xFFFE;
    c.is_ascii_alphanumeric()
        || "!$&'()*+,-./:;=?@_~#%[]".contains(c)
        || (!c.is_ascii() && !noncharacter)
}

/// `url`: an absolute URL as the WHATWG URL Standard parses it, with no validation
/// error: text the parser would have to repair (a tab, a newline, a space, a
/// backslash, a control character, credentials) fails.
///
/// # Errors
/// A [`Failure::Plain`](super::Failure::Plain) otherwise.
#[inline]
pub fn url<T: Text + ?Sized, R: UrlSupport>(value: &T, rule: &R) -> Outcome {
    plain(
        rule.is_url(value.text()),
        "url",
        "must be a valid absolute URL",
    )
}
