//! The outcomes of rules the user writes: `custom`, invariants, and `required`.

use super::{Failure, Outcome};
use crate::validate::ValidationError;

/// `required` on an `Option` that is `None`.
///
/// # Errors
/// Always: the value is missing.
pub fn missing() -> Outcome {
    Err(alloc::boxed::Box::new(Failure::Plain {
        code: "required",
        message: "is required",
    }))
}

/// `custom = path`: the user's function, whose error is kept as it is.
///
/// # Errors
/// A [`Failure::Error`] carrying the function's error.
#[inline]
pub fn custom(outcome: Result<(), ValidationError>) -> Outcome {
    outcome.map_err(|error| alloc::boxed::Box::new(Failure::Error(error)))
}

/// A struct-level `#[invariant(...)]`.
///
/// # Errors
/// A [`Failure::Error`] with code `invariant` when `holds` is false.
#[inline]
pub fn invariant(holds: bool, message: &'static str) -> Outcome {
    if holds {
        Ok(())
    } else {
        Err(alloc::boxed::Box::new(Failure::Error(
            ValidationError::new("invariant", message),
        )))
    }
}
