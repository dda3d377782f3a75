//! `length`, `non_empty` and `chars`.

use core::ops::Bound;

use super::number::within;
use super::{Failure, HasLength, Outcome, Text};

// Inlined into the generated check (a call per rule showed in the function-argument
// benchmark); the failure is built out of line.
#[inline]
fn check_length(
    code: &'static str,
    actual: usize,
    min: Bound<usize>,
    max: Bound<usize>,
) -> Outcome {
    if within(&actual, min.as_ref(), max.as_ref()) {
        Ok(())
    } else {
        Err(length_failure(code, actual, min, max))
    }
}

#[cold]
#[inline(never)]
fn length_failure(
    code: &'static str,
    actual: usize,
    min: Bound<usize>,
    max: Bound<usize>,
) -> alloc::boxed::Box<Failure> {
    alloc::boxed::Box::new(Failure::Length {
        code,
        min,
        max,
        actual,
    })
}

/// `length(...)`: length in bytes (strings) or elements (collections).
///
/// # Errors
/// A [`Failure::Length`] when the length is outside the bounds.
#[inline]
pub fn length<T: HasLength + ?Sized>(value: &T, min: Bound<usize>, max: Bound<usize>) -> Outcome {
    check_length("length", value.length(), min, max)
}

/// `non_empty`: length above zero.
///
/// # Errors
/// A [`Failure::Length`] when the value is empty.
#[inline]
pub fn non_empty<T: HasLength + ?Sized>(value: &T) -> Outcome {
    check_length(
        "non_empty",
        value.length(),
        Bound::Included(1),
        Bound::Unbounded,
    )
}

/// `chars(...)`: length in Unicode scalar values.
///
/// # Errors
/// A [`Failure::Length`] when the count is outside the bounds.
#[inline]
pub fn chars<T: Text + ?Sized>(value: &T, min: Bound<usize>, max: Bound<usize>) -> Outcome {
    check_length("chars", value.text().chars().count(), min, max)
}

/// Counts the chars of `text` in a const context (for `new_const`).
#[must_use]
pub const fn const_char_count(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut count = 0;
    let mut index = 0;
    while index < bytes.len() {
        // Every char has exactly one byte that is not a continuation byte (0b10xx_xxxx).
        if bytes[index] & 0xC0 != 0x80 {
            count += 1;
        }
        index += 1;
    }
    count
}
