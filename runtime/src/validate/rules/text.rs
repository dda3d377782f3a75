//! The string rules that need no feature: `email`, `ip`, `ipv4`, `ipv6`, `ascii`,
//! `alphanumeric`, `prefix`, `suffix`, `contains`.

use super::{plain, with_text, Outcome, Text};

/// `ascii`: every char is ASCII.
///
/// # Errors
/// A [`Failure::Plain`](super::Failure::Plain) otherwise.
#[inline]
pub fn ascii<T: Text + ?Sized>(value: &T) -> Outcome {
    plain(
        value.text().is_ascii(),
        "ascii",
        "must contain only ASCII characters",
    )
}

/// `ip`: an IPv4 or IPv6 address as the standard library parses it (`192.0.2.1`,
/// `2001:db8::1`).
///
/// # Errors
/// A [`Failure::Plain`](super::Failure::Plain) otherwise.
#[inline]
pub fn ip<T: Text + ?Sized>(value: &T) -> Outcome {
    let valid = value.text().parse::<core::net::IpAddr>().is_ok();
    plain(valid, "ip", "must be an IP address")
}

/// `ipv4`: an IPv4 address in dotted-decimal form (`192.0.2.1`).
///
/// # Errors
/// A [`Failure::Plain`](super::Failure::Plain) otherwise.
#[inline]
pub fn ipv4<T: Text + ?Sized>(value: &T) -> Outcome {
    let valid = value.text().parse::<core::net::Ipv4Addr>().is_ok();
    plain(valid, "ipv4", "must be an IPv4 address")
}

/// `ipv6`: an IPv6 address (`2001:db8::1`, `::ffff:192.0.2.1`).
///
/// # Errors
/// A [`Failure::Plain`](super::Failure::Plain) otherwise.
#[inline]
pub fn ipv6<T: Text + ?Sized>(value: &T) -> Outcome {
    let valid = value.text().parse::<core::net::Ipv6Addr>().is_ok();
    plain(valid, "ipv6", "must be an IPv6 address")
}

/// `alphanumeric`: every char is a letter or a digit (Unicode `Alphabetic` or
/// `Numeric`, as [`char::is_alphanumeric`]).
///
/// # Errors
/// A [`Failure::Plain`](super::Failure::Plain) otherwise.
#[inline]
pub fn alphanumeric<T: Text + ?Sized>(value: &T) -> Outcome {
    plain(
        value.text().chars().all(char::is_alphanumeric),
        "alphanumeric",
        "must contain only letters and digits",
    )
}

/// `prefix = "..."`.
///
/// # Errors
/// A [`Failure::WithText`](super::Failure::WithText) otherwise.
#[inline]
pub fn prefix<T: Text + ?Sized>(value: &T, prefix: &'static str) -> Outcome {
    with_text(
        value.text().starts_with(prefix),
        "prefix",
        "must start with",
        prefix,
    )
}

/// `suffix = "..."`.
///
/// # Errors
/// A [`Failure::WithText`](super::Failure::WithText) otherwise.
#[inline]
pub fn suffix<T: Text + ?Sized>(value: &T, suffix: &'static str) -> Outcome {
    with_text(
        value.text().ends_with(suffix),
        "suffix",
        "must end with",
        suffix,
    )
}

/// `contains = "..."`.
///
/// # Errors
/// A [`Failure::WithText`](super::Failure::WithText) otherwise.
#[inline]
pub fn contains<T: Text + ?Sized>(value: &T, needle: &'static str) -> Outcome {
    with_text(
        value.text().contains(needle),
        "contains",
        "must contain",
        needle,
    )
}

/// `email`: a valid email address as the WHATWG HTML Standard defines it.
///
/// # Errors
/// A [`Failure::Plain`](super::Failure::Plain) otherwise.
#[inline]
pub fn email<T: Text + ?Sized>(value: &T) -> Outcome {
    plain(
        crate::validate::is_valid_email(value.text()),
        "email",
        "must be a valid email address",
    )
}
