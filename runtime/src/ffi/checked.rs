//! [`Checked<T>`]: a value C passes in as its raw integer (or raw struct), turned into
//! a `T` only by [`Checked::get`], which rejects what is not a valid `T`.

use core::fmt;
use core::marker::PhantomData;
use core::num::NonZero;

use super::{FfiSafe, FromC};
use crate::validate::ValidationErrors;

/// Why [`Checked::get`] refused what C passed.
///
/// ```
/// use palisade::ffi::{Checked, InvalidValue};
///
/// let from_c = Checked::<bool>::from_raw(200);
/// let error = from_c.get().unwrap_err();
/// assert_eq!(error, InvalidValue::BitPattern { type_name: "bool", value: 200 });
/// assert_eq!(error.to_string(), "200 is not a valid `bool`");
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum InvalidValue {
    /// The raw integer is not a value of the type: 2 for a `bool`, an unknown
    /// discriminant for an enum, 0 for a `NonZero*`.
    #[error("{value} is not a valid `{type_name}`")]
    BitPattern {
        /// The type C meant to pass.
        type_name: &'static str,
        /// The raw integer C passed (every integer repr fits in `i128`).
        value: i128,
    },
    /// The value breaks the rules of a type with checks (`#[validated]`).
    #[error("`{type_name}` breaks its rules:\n{errors}")]
    Rules {
        /// The type C meant to pass.
        type_name: &'static str,
        /// Every rule that failed.
        errors: ValidationErrors,
    },
}

/// A type that C passes as a raw representation and that becomes a `T` only after a
/// check: `bool` (as `u8`), `NonZero*` (as the integer), every `#[ffi_safe]` enum (as
/// its repr), and `#[ffi_safe]` structs with checks (`#[validated]`, as the struct,
/// checked with [`Validate`](crate::Validate)). The parameter of [`Checked<T>`].
///
/// # Safety
///
/// Every bit pattern C can write into [`Raw`](CheckedRepr::Raw) is a valid `Raw`
/// (it is [`FromC`], or a struct whose fields all are), and
/// [`from_raw`](CheckedRepr::from_raw) never produces a `Self` by reinterpreting bits
/// it has not checked.
pub unsafe trait CheckedRepr: Sized {
    /// What C writes: an integer, or the struct's own fields.
    type Raw: FfiSafe;

    /// The value, or why `raw` is not one.
    ///
    /// # Errors
    /// [`InvalidValue`] when `raw` is not a valid `Self`.
    fn from_raw(raw: Self::Raw) -> Result<Self, InvalidValue>;

    /// The raw representation of a valid value.
    fn to_raw(self) -> Self::Raw;
}

/// A `T` as C passes it: `#[repr(transparent)]` over `T`'s raw representation (the
/// integer of a `bool`, a `NonZero*` or an enum; the fields of a struct with checks),
/// rendered in C headers as that type. Whatever C writes is a valid `Checked<T>`;
/// [`get`](Checked::get) turns it into a `T` or a typed [`InvalidValue`], never by
/// a transmute.
///
/// ```
/// use palisade::ffi::{Checked, InvalidValue};
/// use palisade::ffi_safe;
///
/// #[ffi_safe]
/// #[repr(u8)]
/// #[derive(Debug, Clone, Copy, PartialEq)]
/// pub enum Mode { Off = 0, On = 1 }
///
/// #[ffi_safe]
/// pub extern "C" fn set_mode(mode: Checked<Mode>, verbose: Checked<bool>) -> i32 {
///     match (mode.get(), verbose.get()) {
///         (Ok(Mode::On), Ok(_)) => 1,
///         (Ok(Mode::Off), Ok(_)) => 0,
///         _ => -1, // C passed something that is not a `Mode` or a `bool`
///     }
/// }
///
/// assert_eq!(set_mode(Checked::new(Mode::On), Checked::new(true)), 1);
/// assert_eq!(set_mode(Checked::from_raw(200), Checked::new(true)), -1);
/// assert_eq!(
///     Checked::<Mode>::from_raw(200).get(),
///     Err(InvalidValue::BitPattern { type_name: "Mode", value: 200 }),
/// );
/// ```
#[repr(transparent)]
pub struct Checked<T: CheckedRepr> {
    raw: T::Raw,
    value: PhantomData<fn() -> T>,
}

impl<T: CheckedRepr> Checked<T> {
    /// A valid value, in its raw form (to hand to C).
    #[must_use]
    pub fn new(value: T) -> Self {
        Self::from_raw(value.to_raw())
    }

    /// Any raw value, as C may pass it; [`get`](Self::get) checks it.
    #[must_use]
    pub const fn from_raw(raw: T::Raw) -> Self {
        Self {
            raw,
            value: PhantomData,
        }
    }

    /// The value, after checking it.
    ///
    /// # Errors
    /// [`InvalidValue`] when C passed something that is not a valid `T`.
    pub fn get(self) -> Result<T, InvalidValue> {
        T::from_raw(self.raw)
    }

    /// The raw value, unchecked.
    #[must_use]
    pub fn into_raw(self) -> T::Raw {
        self.raw
    }

    /// The raw value, unchecked.
    #[must_use]
    pub const fn raw(&self) -> &T::Raw {
        &self.raw
    }
}

impl<T: CheckedRepr> From<T> for Checked<T> {
    fn from(value: T) -> Self {
        Self::new(value)
    }
}

impl<T: CheckedRepr> Clone for Checked<T>
where
    T::Raw: Clone,
{
    fn clone(&self) -> Self {
        Self::from_raw(self.raw.clone())
    }
}

impl<T: CheckedRepr> Copy for Checked<T> where T::Raw: Copy {}

impl<T: CheckedRepr> PartialEq for Checked<T>
where
    T::Raw: PartialEq,
{
    fn eq(&self, other: &Self) -> bool {
        self.raw == other.raw
    }
}

impl<T: CheckedRepr> Eq for Checked<T> where T::Raw: Eq {}

impl<T: CheckedRepr> fmt::Debug for Checked<T>
where
    T::Raw: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Checked").field(&self.raw).finish()
    }
}

// SAFETY: `#[repr(transparent)]` over `T::Raw`, which is `FfiSafe`; a `PhantomData`
// adds nothing to the layout.
unsafe impl<T: CheckedRepr> FfiSafe for Checked<T> {
    const PADDING: usize = <T::Raw as FfiSafe>::PADDING;
}
// SAFETY: `CheckedRepr`'s contract: every bit pattern C can write into `T::Raw` is
// valid, and nothing but `get` makes a `T` of it.
unsafe impl<T: CheckedRepr> FromC for Checked<T> {}

// SAFETY: `u8` is valid for every bit pattern; only 0 and 1 become a `bool`.
unsafe impl CheckedRepr for bool {
    type Raw = u8;

    fn from_raw(raw: u8) -> Result<Self, InvalidValue> {
        match raw {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(InvalidValue::BitPattern {
                type_name: "bool",
                value: i128::from(raw),
            }),
        }
    }

    fn to_raw(self) -> u8 {
        u8::from(self)
    }
}

macro_rules! non_zero {
    ($($int:ty => $name:literal),* $(,)?) => {$(
        // SAFETY: the integer is valid for every bit pattern; only a non-zero one
        // becomes a `NonZero`, through `NonZero::new`.
        unsafe impl CheckedRepr for NonZero<$int> {
            type Raw = $int;

            fn from_raw(raw: $int) -> Result<Self, InvalidValue> {
                NonZero::new(raw).ok_or(InvalidValue::BitPattern {
                    type_name: $name,
                    value: 0,
                })
            }

            fn to_raw(self) -> $int {
                self.get()
            }
        }
    )*};
}

non_zero! {
    u8 => "NonZeroU8", u16 => "NonZeroU16", u32 => "NonZeroU32", u64 => "NonZeroU64",
    usize => "NonZeroUsize", i8 => "NonZeroI8", i16 => "NonZeroI16", i32 => "NonZeroI32",
    i64 => "NonZeroI64", isize => "NonZeroIsize",
}

/// Implements [`CheckedRepr`] for a fieldless `#[ffi_safe]` enum, through the
/// `TryFrom<Repr>` it generates.
#[doc(hidden)]
#[macro_export]
macro_rules! __palisade_impl_checked_enum {
    ($ty:ty, $repr:ty, $name:expr) => {
        // SAFETY: `$repr` is an integer, valid for every bit pattern; `from_raw` goes
        // through the generated `TryFrom`, which matches each discriminant and never
        // transmutes.
        unsafe impl $crate::ffi::CheckedRepr for $ty {
            type Raw = $repr;

            fn from_raw(raw: $repr) -> $crate::__private::Result<Self, $crate::ffi::InvalidValue> {
                <Self as $crate::__private::TryFrom<$repr>>::try_from(raw).map_err(|_| {
                    $crate::ffi::InvalidValue::BitPattern {
                        type_name: $name,
                        value: $crate::ffi::__private::Discriminant::widen(raw),
                    }
                })
            }

            fn to_raw(self) -> $repr {
                self as $repr
            }
        }
    };
}

/// Implements [`CheckedRepr`] for an `#[ffi_safe]` struct with checks: the raw form
/// is the struct itself, and `from_raw` runs its `Validate` checks.
#[doc(hidden)]
#[macro_export]
macro_rules! __palisade_impl_checked_struct {
    ([$($generics:tt)*] $ty:ty, [$($bounds:tt)*], $name:expr) => {
        // SAFETY: `#[ffi_safe]` emits this only for a `#[repr(C)]`/`#[repr(transparent)]`
        // struct whose fields are all `FromC` (`$bounds`), so every bit pattern of the
        // struct is a valid value of its fields; the value is handed out only after
        // its `Validate` checks pass.
        unsafe impl<$($generics)*> $crate::ffi::CheckedRepr for $ty where $($bounds)* {
            type Raw = Self;

            fn from_raw(raw: Self) -> $crate::__private::Result<Self, $crate::ffi::InvalidValue> {
                match $crate::Validate::validate(&raw) {
                    $crate::__private::Ok(()) => $crate::__private::Ok(raw),
                    $crate::__private::Err(errors) => $crate::__private::Err(
                        $crate::ffi::InvalidValue::Rules { type_name: $name, errors },
                    ),
                }
            }

            fn to_raw(self) -> Self {
                self
            }
        }
    };
}

/// Generated code's way to refuse `FromC` for a struct that implements
/// [`Validate`](crate::Validate) which `#[ffi_safe]` could not see (its
/// `#[validated]` ran first): `must_run_no_checks((&&Probe::<T>::NEW).checks())`
/// picks `RunsChecks` when `T: Validate`, else `Plain`.
pub(super) mod probe {
    use core::marker::PhantomData;

    use super::super::ctype::Probe;
    use crate::validate::Validate;

    /// The probe's answer for a type with checks.
    pub struct RunsChecks<T>(PhantomData<T>);

    /// The probe's answer for a type without.
    pub struct NoChecks;

    /// The [`Validate`] side of the probe.
    pub trait Validated<T> {
        /// [`RunsChecks`].
        fn checks(&self) -> RunsChecks<T>;
    }

    impl<T: Validate> Validated<T> for &Probe<T> {
        fn checks(&self) -> RunsChecks<T> {
            RunsChecks(PhantomData)
        }
    }

    /// The other side of the probe.
    pub trait Plain {
        /// [`NoChecks`].
        fn checks(&self) -> NoChecks;
    }

    impl<T> Plain for Probe<T> {
        fn checks(&self) -> NoChecks {
            NoChecks
        }
    }

    /// Implemented only by [`NoChecks`]: a bound on it refuses a type with checks.
    #[diagnostic::on_unimplemented(
        message = "`{T}` runs checks (it implements `Validate`), so C must not build one directly",
        label = "C could pass a value that breaks its rules",
        note = "write `#[ffi_safe]` below `#[validated]` (or, for a hand-written `Validate` impl, \
            `#[ffi_safe(validated)]`): C then passes `palisade::ffi::Checked<{T}>`, whose `get()` \
                runs the checks"
    )]
    pub trait NoChecksIn<T> {}

    impl<T> NoChecksIn<T> for NoChecks {}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_byte_is_a_bool_or_an_error() {
        for raw in 0..=u8::MAX {
            let checked = Checked::<bool>::from_raw(raw);
            match raw {
                0 => assert_eq!(checked.get(), Ok(false)),
                1 => assert_eq!(checked.get(), Ok(true)),
                _ => assert_eq!(
                    checked.get(),
                    Err(InvalidValue::BitPattern {
                        type_name: "bool",
                        value: i128::from(raw)
                    })
                ),
            }
        }
        assert_eq!(Checked::new(true).into_raw(), 1);
    }

    #[test]
    fn zero_is_not_a_non_zero() {
        assert_eq!(
            Checked::<NonZero<u32>>::from_raw(0).get(),
            Err(InvalidValue::BitPattern {
                type_name: "NonZeroU32",
                value: 0
            })
        );
        assert_eq!(
            Checked::<NonZero<i64>>::from_raw(-5).get(),
            Ok(NonZero::new(-5i64).unwrap())
        );
        assert_eq!(Checked::new(NonZero::new(9u8).unwrap()).into_raw(), 9);
    }

    #[test]
    fn checked_has_the_raw_layout() {
        assert_eq!(core::mem::size_of::<Checked<bool>>(), 1);
        assert_eq!(core::mem::size_of::<Checked<NonZero<u64>>>(), 8);
        assert_eq!(core::mem::align_of::<Checked<NonZero<u64>>>(), 8);
    }
}
