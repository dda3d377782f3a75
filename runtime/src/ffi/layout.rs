//! What `#[ffi_safe]`'s compile-time layout assertions and enum conversions need.

use core::fmt;

/// A C integer that is not a discriminant of the `#[ffi_safe]` enum it was meant to
/// become. Conversion never transmutes an unknown value.
///
/// ```
/// use palisade::ffi::InvalidDiscriminant;
/// use palisade::ffi_safe;
///
/// #[ffi_safe]
/// #[repr(u8)]
/// #[derive(Debug, PartialEq)]
/// pub enum Color { Red = 1, Green = 2 }
///
/// assert_eq!(Color::try_from(2), Ok(Color::Green));
/// let error = Color::try_from(7).unwrap_err();
/// assert_eq!(error, InvalidDiscriminant { type_name: "Color", value: 7u8 });
/// assert_eq!(error.to_string(), "7 is not a discriminant of `Color`");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("{value} is not a discriminant of `{type_name}`")]
pub struct InvalidDiscriminant<R: fmt::Display + fmt::Debug> {
    /// The enum's name.
    pub type_name: &'static str,
    /// The value rejected.
    pub value: R,
}

/// Widens an enum's integer representation for its C constants.
pub trait Discriminant: Copy {
    /// The value as `i128`, which holds every 64-bit integer.
    fn widen(self) -> i128;
}

macro_rules! discriminant {
    ($($int:ty),*) => {$(
        impl Discriminant for $int {
            fn widen(self) -> i128 {
                // Every integer repr is at most 64 bits wide.
                #[allow(clippy::cast_lossless, clippy::cast_possible_wrap)]
                let wide = self as i128;
                wide
            }
        }
    )*};
}

discriminant!(u8, u16, u32, u64, usize, i8, i16, i32, i64, isize);

/// A message assembled in a `const` context, so a failed layout assertion can say
/// the actual size or offset: `panic!` in `const` only formats a `&str`.
#[derive(Debug, Clone, Copy)]
pub struct Message {
    bytes: [u8; 512],
    len: usize,
}

impl Message {
    /// An empty message.
    #[must_use]
    pub const fn new() -> Self {
        Self {
            bytes: [0; 512],
            len: 0,
        }
    }

    /// Appends `text` (dropped whole if it does not fit, so the message stays UTF-8).
    #[must_use]
    pub const fn text(mut self, text: &str) -> Self {
        let bytes = text.as_bytes();
        if self.len + bytes.len() > self.bytes.len() {
            return self;
        }
        let mut index = 0;
        while index < bytes.len() {
            self.bytes[self.len] = bytes[index];
            self.len += 1;
            index += 1;
        }
        self
    }

    /// Appends `number` in decimal.
    #[must_use]
    pub const fn number(self, number: usize) -> Self {
        let mut digits = [0u8; 20];
        let mut start = digits.len();
        let mut rest = number;
        loop {
            start -= 1;
            // `rest % 10` is below 10, so the cast cannot truncate.
            #[allow(clippy::cast_possible_truncation)]
            let digit = (rest % 10) as u8;
            digits[start] = b'0' + digit;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        let (_, used) = digits.split_at(start);
        match core::str::from_utf8(used) {
            Ok(text) => self.text(text),
            Err(_) => self,
        }
    }

    /// The message.
    #[must_use]
    pub const fn as_str(&self) -> &str {
        let (used, _) = self.bytes.split_at(self.len);
        match core::str::from_utf8(used) {
            Ok(text) => text,
            Err(_) => "layout assertion failed",
        }
    }
}

impl Default for Message {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::Message;

    #[test]
    fn messages_are_built_in_const() {
        const TEXT: Message = Message::new()
            .text("size ")
            .number(0)
            .text(", ")
            .number(usize::MAX);
        assert_eq!(TEXT.as_str(), "size 0, 18446744073709551615");
        let long = "x".repeat(600);
        assert_eq!(
            Message::new().text("a").text(&long).text("b").as_str(),
            "ab"
        );
    }
}
