//! FFI layout safety: the [`FfiSafe`] marker, checked conversions for what a C caller
//! passes in, and C headers whose layout a C compiler can confirm ([`CType`],
//! [`CHeader`]).
//!
//! Every helper here returns a typed error for bad input (null, misaligned, lengths
//! that overflow, invalid UTF-8) and never panics.

mod checks;
mod ctype;
mod layout;
mod safe;
mod views;

pub use checks::{check_aligned, check_range, cstr_to_str, AlignmentError, CStrError, RangeError};
pub use ctype::{CField, CHeader, CType, CTypeRef};
pub use layout::InvalidDiscriminant;
pub use safe::FfiSafe;
pub use views::{FfiSlice, FfiStr, ViewError};

#[doc(hidden)]
pub mod __private {
    pub use super::ctype::{Described, Fallback, Probe};
    pub use super::layout::{Discriminant, Message};
}
