//! An `#[ffi_safe]` enum's discriminants: the error of a C integer that is not one,
//! and the widening its C constants are written with.

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
