//! FFI layout safety: the [`FfiSafe`] marker, checked conversions for what a C caller
//! passes in, and C headers whose layout a C compiler can confirm ([`CType`],
//! [`CHeader`]).
//!
//! What C passes in is valid for every bit pattern ([`FromC`]) or arrives as
//! [`Checked<T>`], whose `get()` checks it.
//!
//! Every helper here returns a typed error for bad input (null, misaligned, lengths
//! that overflow, invalid UTF-8) and never panics.

mod checked;
mod ctype;
mod discriminant;
mod header;
mod input;
mod message;
mod safe;
mod views;

pub use checked::{Checked, CheckedRepr, InvalidValue};
// Named in a message when a struct with checks would come from C directly.
#[doc(hidden)]
pub use checked::probe::{NoChecks, NoChecksIn, RunsChecks};
pub use ctype::{CField, CType, CTypeRef};
pub use discriminant::InvalidDiscriminant;
pub use header::{CFunction, CHeader, CPrototype, HeaderError, HeaderProblem};
pub use input::{check_aligned, check_range, cstr_to_str, AlignmentError, CStrError, RangeError};
pub use safe::{FfiSafe, FromC};
pub use views::{ElementError, FfiSlice, FfiStr, ViewError};

#[doc(hidden)]
pub mod __private {
    pub use super::checked::probe::{Plain, Validated};
    pub use super::ctype::{CChar, Described, Fallback, Probe};
    pub use super::discriminant::Discriminant;
    pub use super::message::Message;
}
