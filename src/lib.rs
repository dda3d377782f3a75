//! palisade: compile-time safety for Rust types. The README below is the guide; its
//! examples run as doc tests.
#![doc = include_str!("../README.md")]
#![no_std]

#[doc(inline)]
pub use palisade_macros::{validated, Validate};
#[doc(inline)]
pub use palisade_runtime::{
    valid, FieldPath, Invalid, ParamValue, PathSegment, RangeValue, Valid, Validate,
    ValidationError, ValidationErrors,
};

/// Validation internals for hand-written [`Validate`] impls: the path of the value
/// being checked.
pub mod validate {
    pub use palisade_runtime::validate::{is_valid_email, PathNode};
}

/// Everything a user names in code: `use palisade::prelude::*;`.
pub mod prelude {
    pub use crate::{
        valid, validated, Invalid, Valid, Validate, ValidationError, ValidationErrors,
    };
}

#[doc(hidden)]
pub mod __private {
    pub use palisade_runtime::__private::*;
}
