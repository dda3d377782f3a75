//! Redaction: [`Secret`] values, the names redacted by default, and scrubbing the
//! text of redacted values out of error messages.

// The runtime is `no_std`; auditing needs the standard library.
use std::prelude::rust_2021::*;

use std::fmt;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::RwLock;

/// Parts of a name that make it sensitive wherever they appear in it
/// (case-insensitive): `passw`, `secret`, `token`, `key`, `pin`, `crypt`, `salt`,
/// `otp`, `ssn`, `credential`, `auth`. Broad on purpose: a false positive hides a
/// harmless value, a false negative leaks a secret.
pub const SENSITIVE_NAME_PARTS: [&str; 11] = [
    "passw",
    "secret",
    "token",
    "key",
    "pin",
    "crypt",
    "salt",
    "otp",
    "ssn",
    "credential",
    "auth",
];

/// Words that make a name sensitive when the name, split into words, contains them
/// (`session_id`, `sessionId`, `SESSION-ID` and `sessionid` all contain `session id`).
/// Too short or too common to be matched anywhere in a name (`pw`, `sid`, `pass`), or
/// several words long. Written in lower case, words separated by spaces.
pub const SENSITIVE_NAME_WORDS: [&str; 48] = [
    "pw",
    "pwd",
    "pass",
    "passphrase",
    "passcode",
    "psk",
    "bearer",
    "cookie",
    "cookies",
    "session",
    "session id",
    "sid",
    "jwt",
    "mnemonic",
    "seed",
    "seed phrase",
    "cvv",
    "cvc",
    "cvv2",
    "card number",
    "pan",
    "iban",
    "account number",
    "routing number",
    "signature",
    "sig",
    "hmac",
    "cert pem",
    "pem",
    "private",
    "priv",
    "access code",
    "recovery code",
    "nonce",
    "cipher",
    "signing",
    // Non-English words for "password" and "secret".
    "passwort",
    "kennwort",
    "contrasena",
    "contraseña",
    "mot de passe",
    "mdp",
    "senha",
    "parola",
    "wachtwoord",
    "haslo",
    "hasło",
    "geheim",
];

static EXTRA_NAMES: RwLock<Vec<String>> = RwLock::new(Vec::new());
static HAS_EXTRA_NAMES: AtomicBool = AtomicBool::new(false);

/// Adds names to the sensitive ones, for this process: each is matched like the
/// entries of [`SENSITIVE_NAME_WORDS`] (split into words, case-insensitive). They
/// apply to nested keys (struct fields and map keys captured structurally) and to
/// parameter names, checked when a call is recorded; the built-in lists are checked
/// when the function compiles, at no cost per call.
///
/// ```
/// use palisade::audit;
///
/// audit::sensitive_names(["tenant ref", "employee_no"]);
/// assert!(audit::is_sensitive_name("tenantRef") && audit::is_sensitive_name("EMPLOYEE_NO"));
/// ```
pub fn sensitive_names<I, S>(names: I)
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    let mut extra = EXTRA_NAMES
        .write()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    extra.extend(names.into_iter().map(|name| words(name.as_ref()).join(" ")));
    HAS_EXTRA_NAMES.store(!extra.is_empty(), Ordering::Release);
}

/// Splits an identifier into lower-case words: at `_`, `-`, `.`, spaces and other
/// punctuation, at a lower-to-upper case change (`apiKey`), and before the last capital
/// of a run of capitals (`HTTPHeader` → `http header`).
#[must_use]
pub fn words(name: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut current = String::new();
    let chars = name.chars().collect::<Vec<_>>();
    for (at, &c) in chars.iter().enumerate() {
        if !c.is_alphanumeric() {
            if !current.is_empty() {
                words.push(std::mem::take(&mut current));
            }
            continue;
        }
        let previous = at.checked_sub(1).map(|before| chars[before]);
        let next = chars.get(at + 1).copied();
        let boundary = c.is_uppercase()
            && previous.is_some_and(|p| {
                p.is_lowercase() || (p.is_uppercase() && next.is_some_and(char::is_lowercase))
            });
        if boundary && !current.is_empty() {
            words.push(std::mem::take(&mut current));
        }
        current.extend(c.to_lowercase());
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
}

/// Whether the words of a name contain `entry` (words separated by spaces), as
/// consecutive words or run together as one word (`cardnumber`).
fn contains_entry(words: &[String], entry: &str) -> bool {
    let parts = entry.split(' ').collect::<Vec<_>>();
    let joined = parts.concat();
    words.contains(&joined)
        || words
            .windows(parts.len())
            .any(|window| window.iter().zip(&parts).all(|(word, part)| word == part))
}

/// Whether `#[audit_log]` redacts a parameter, field or map key called `name`: it
/// contains one of [`SENSITIVE_NAME_PARTS`] anywhere, or one of
/// [`SENSITIVE_NAME_WORDS`] (or a name added with [`sensitive_names`]) as words.
///
/// ```
/// use palisade::audit::is_sensitive_name;
///
/// for name in [
///     "api_key", "apiKey", "X-API-KEY", "_password", "pwd", "session_id", "cvv", "mot_de_passe",
/// ] {
///     assert!(is_sensitive_name(name), "{name}");
/// }
/// assert!(!is_sensitive_name("user_id") && !is_sensitive_name("compass"));
/// ```
#[must_use]
pub fn is_sensitive_name(name: &str) -> bool {
    is_sensitive_builtin(name) || is_sensitive_extra(name)
}

/// The built-in lists only (what the macro decides at compile time).
pub(crate) fn is_sensitive_builtin(name: &str) -> bool {
    let lower = name.to_lowercase();
    if SENSITIVE_NAME_PARTS.iter().any(|part| lower.contains(part)) {
        return true;
    }
    let words = words(name);
    SENSITIVE_NAME_WORDS
        .iter()
        .any(|entry| contains_entry(&words, entry))
}

/// The names added with [`sensitive_names`]; one atomic load when there are none.
#[inline]
pub(crate) fn is_sensitive_extra(name: &str) -> bool {
    HAS_EXTRA_NAMES.load(Ordering::Acquire) && is_extra_listed(name)
}

fn is_extra_listed(name: &str) -> bool {
    let words = words(name);
    EXTRA_NAMES
        .read()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .iter()
        .any(|entry| contains_entry(&words, entry))
}

/// A value that must never be logged: its `Debug`, `Display` and `Serialize` all
/// print `[REDACTED]`, and `#[audit_log]` redacts a `Secret<T>` wherever it is in an
/// argument (a parameter, an element of a `Vec`, an `Option`, a map value).
///
/// ```
/// use palisade::audit::Secret;
///
/// let key = Secret::new(String::from("hunter2"));
/// assert_eq!(format!("{key:?} {key}"), "[REDACTED] [REDACTED]");
/// assert_eq!(key.expose(), "hunter2");
/// ```
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Secret<T>(T);

impl<T> Secret<T> {
    /// Wraps `value`.
    pub const fn new(value: T) -> Self {
        Secret(value)
    }

    /// The value, for the code that really needs it.
    pub fn expose(&self) -> &T {
        &self.0
    }

    /// The value, unwrapped.
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> From<T> for Secret<T> {
    fn from(value: T) -> Self {
        Secret(value)
    }
}

impl<T> fmt::Debug for Secret<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

impl<T> fmt::Display for Secret<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

#[cfg(feature = "serde")]
impl<T> serde::Serialize for Secret<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(REDACTED)
    }
}

/// What a redacted value is written as.
pub(crate) const REDACTED: &str = "[REDACTED]";

/// Texts shorter than this are not scrubbed from error messages: a two-digit PIN
/// would erase every `12` in them.
pub(crate) const MIN_SCRUBBED_LEN: usize = 4;

/// Replaces every occurrence of each of `secrets` in `text` by `[REDACTED]`.
pub(crate) fn scrub(text: &mut String, secrets: &[String]) {
    for secret in secrets {
        if secret.len() >= MIN_SCRUBBED_LEN && text.contains(secret.as_str()) {
            *text = text.replace(secret.as_str(), REDACTED);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_split_into_words() {
        assert_eq!(words("apiKey"), ["api", "key"]);
        assert_eq!(words("x_api_key"), ["x", "api", "key"]);
        assert_eq!(words("HTTPHeader"), ["http", "header"]);
        assert_eq!(words("_PASSWORD"), ["password"]);
        assert_eq!(words("session-ID"), ["session", "id"]);
    }

    #[test]
    fn the_issue_names_are_sensitive_and_ordinary_ones_are_not() {
        for name in [
            "pw",
            "pwd",
            "pass",
            "passphrase",
            "passcode",
            "psk",
            "bearer",
            "cookie",
            "session_id",
            "sessionId",
            "sid",
            "jwt",
            "mnemonic",
            "seed",
            "cvv",
            "card_number",
            "cardNumber",
            "signature",
            "hmac",
            "cert_pem",
            "access_code",
            "passwort",
            "contrasena",
            "contraseña",
            "mot_de_passe",
            "apiKey",
            "x_api_key",
            "PASSWORD",
            "_password",
        ] {
            assert!(is_sensitive_name(name), "{name}");
        }
        for name in [
            "user",
            "user_id",
            "compass",
            "amount",
            "inside",
            "passenger_count",
        ] {
            assert!(!is_sensitive_name(name), "{name}");
        }
    }

    #[test]
    fn scrubbing_replaces_every_occurrence() {
        let mut text = String::from("bad password hunter2 (hunter2)");
        scrub(&mut text, &["hunter2".into(), "ab".into()]);
        assert_eq!(text, "bad password [REDACTED] ([REDACTED])");
    }
}
