//! Redaction: [`Secret`] values and the parameter names redacted by default.

// The runtime is `no_std`; auditing needs the standard library.
use std::prelude::rust_2021::*;

use std::fmt;

/// The parts of a parameter name that make `#[audit_log]` redact it without being
/// asked (case-insensitive, anywhere in the name): `passw`, `secret`, `token`, `key`,
/// `pin`, `crypt`, `salt`, `otp`, `ssn`, `credential`, `auth`. Broad on purpose: a
/// false positive hides a harmless value, a false negative leaks a secret. Name the
/// parameter in `args(...)` to log it anyway.
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

/// Whether `#[audit_log]` redacts a parameter called `name` by default.
///
/// ```
/// use palisade::audit::is_sensitive_name;
///
/// assert!(is_sensitive_name("api_key") && is_sensitive_name("Password") && is_sensitive_name("otp_code"));
/// assert!(!is_sensitive_name("user_id"));
/// ```
#[must_use]
pub fn is_sensitive_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    SENSITIVE_NAME_PARTS.iter().any(|part| lower.contains(part))
}

/// A value that must never be logged: its `Debug`, `Display` and `Serialize` all
/// print `[REDACTED]`, and `#[audit_log]` redacts a `Secret<T>` parameter by its type.
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
