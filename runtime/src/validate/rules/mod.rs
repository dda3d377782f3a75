//! The checks behind each `#[validate(...)]` rule, called by generated code.
//!
//! Each check is a small `#[inline]` function that returns `Ok(())` without
//! allocating when the rule holds; only [`report`] turns a failure into a
//! [`ValidationError`](crate::ValidationError) with its path and message, on the cold path. The traits here
//! tell which types a rule fits, and their `on_unimplemented` messages are what a user
//! sees for a rule that does not fit.

pub mod check;
mod custom;
mod failure;
mod fit;
mod length;
mod number;
mod pattern;
mod set;
mod text;
mod url;

pub use custom::{custom, invariant, missing};
pub(crate) use failure::{listed, plain, with_text};
pub use failure::{report, Failure, Outcome, Overrides};
pub use fit::{Float, HasLength, Integer, Text};
pub use length::{chars, const_char_count, length, non_empty};
pub use number::{finite, range};
pub use pattern::{pattern, Pattern, PatternSupport};
pub use set::{credit_card, multiple_of, none_of, one_of};
pub use text::{alphanumeric, ascii, contains, email, ip, ipv4, ipv6, prefix, suffix};
pub use url::{url, UrlRule, UrlSupport};
