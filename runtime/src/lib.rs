//! Runtime support for palisade's macros: the validation traits, errors and rule checks.
//!
//! Users depend on the `palisade` facade crate, which re-exports everything here
//! together with the macros. This crate is `no_std` + `alloc` without its `std` feature.
#![no_std]
#![cfg_attr(docsrs, feature(doc_cfg))]
#![warn(missing_docs)]

extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

#[cfg(feature = "std")]
pub mod audit;
pub mod builder;
pub mod ffi;
pub mod validate;

#[doc(hidden)]
pub mod __private;

pub use validate::{
    FieldPath, Invalid, ParamValue, Params, PathSegment, RangeValue, Valid, Validate, ValidateWith,
    ValidationError, ValidationErrors,
};

/// Builds a `#[validated]` value from constant arguments at compile time.
///
/// `valid!(Type, args...)` calls `Type::new_const(args...)` inside a `const { }` block,
/// so an argument that breaks one of the type's rules is a compile error naming the
/// type, the field and the rule. `new_const` exists when every rule of the type can be
/// checked in a const context: integer `range`s and `length`/`chars`/`non_empty` on
/// `&'static str` fields.
///
/// ```
/// use palisade::{valid, validated};
///
/// #[validated]
/// #[derive(Debug)]
/// pub struct Port(#[validate(range(1..=65535))] u16);
///
/// const HTTP: Port = valid!(Port, 80);
/// assert_eq!(*HTTP.get(), 80);
/// ```
///
/// ```compile_fail
/// use palisade::{valid, validated};
///
/// #[validated]
/// pub struct Port(#[validate(range(1..=65535))] u16);
///
/// let port = valid!(Port, 0); // error: `Port` field `0` breaks `range(1..=65535)`
/// ```
#[macro_export]
macro_rules! valid {
    ($ty:ty $(, $arg:expr)* $(,)?) => {
        const { <$ty>::new_const($($arg),*) }
    };
}
