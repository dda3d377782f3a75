//! Each rule's check and its report in one call.
//!
//! This is what `#[derive(Validate)]` and `#[validated]` emit for a rule written
//! without `message`/`code`: `check::range(errors, at, value, 1..=10)` does what
//! `report(errors, at, range(value, Included(1), Included(10)), Overrides::NONE)`
//! does, in a fraction of the tokens, which rustc reads again on every build. The
//! bounds are Rust's own range syntax.
//!
//! They serve hand-written [`Validate`](crate::validate::Validate) impls as well:
//!
//! ```
//! use palisade::validate::{rules::check, PathNode};
//! use palisade::{Validate, ValidationErrors};
//!
//! struct Window {
//!     width: u32,
//!     title: String,
//! }
//!
//! impl Validate for Window {
//!     fn validate_into(&self, at: &PathNode<'_>, errors: &mut ValidationErrors) {
//!         check::range(errors, &at.field("width"), &self.width, 1..=7680);
//!         check::chars(errors, &at.field("title"), &self.title, 1..=80);
//!     }
//! }
//!
//! let errors = Window { width: 0, title: String::new() }.validate().unwrap_err();
//! assert_eq!(errors.len(), 2);
//! assert_eq!(
//!     errors.to_string(),
//!     "width: must be between 1 and 7680\ntitle: must be between 1 and 80 characters long"
//! );
//! ```

use core::ops::{Bound, Range, RangeFrom, RangeInclusive, RangeTo, RangeToInclusive};

use super::{report, HasLength, Integer, Overrides, Text};
use crate::validate::error::{ValidationError, ValidationErrors};
use crate::validate::path::PathNode;
use crate::validate::RangeValue;

/// A range written in Rust syntax, as the bounds of a rule: `1..=10`, `1..10`,
/// `1..`, `..10`, `..=10`.
pub trait RuleBounds<T> {
    /// The lower and upper bound.
    fn into_bounds(self) -> (Bound<T>, Bound<T>);
}

impl<T> RuleBounds<T> for RangeInclusive<T> {
    fn into_bounds(self) -> (Bound<T>, Bound<T>) {
        let (start, end) = self.into_inner();
        (Bound::Included(start), Bound::Included(end))
    }
}

impl<T> RuleBounds<T> for Range<T> {
    fn into_bounds(self) -> (Bound<T>, Bound<T>) {
        (Bound::Included(self.start), Bound::Excluded(self.end))
    }
}

impl<T> RuleBounds<T> for RangeFrom<T> {
    fn into_bounds(self) -> (Bound<T>, Bound<T>) {
        (Bound::Included(self.start), Bound::Unbounded)
    }
}

impl<T> RuleBounds<T> for RangeTo<T> {
    fn into_bounds(self) -> (Bound<T>, Bound<T>) {
        (Bound::Unbounded, Bound::Excluded(self.end))
    }
}

impl<T> RuleBounds<T> for RangeToInclusive<T> {
    fn into_bounds(self) -> (Bound<T>, Bound<T>) {
        (Bound::Unbounded, Bound::Included(self.end))
    }
}

/// [`range`](super::range), reported at `at`.
#[inline]
pub fn range<T: RangeValue, B: RuleBounds<T>>(
    errors: &mut ValidationErrors,
    at: &PathNode<'_>,
    value: &T,
    bounds: B,
) {
    let (min, max) = bounds.into_bounds();
    report(errors, at, super::range(value, min, max), Overrides::NONE);
}

/// [`length`](super::length), reported at `at`.
#[inline]
pub fn length<T: HasLength + ?Sized, B: RuleBounds<usize>>(
    errors: &mut ValidationErrors,
    at: &PathNode<'_>,
    value: &T,
    bounds: B,
) {
    let (min, max) = bounds.into_bounds();
    report(errors, at, super::length(value, min, max), Overrides::NONE);
}

/// [`chars`](super::chars), reported at `at`.
#[inline]
pub fn chars<T: Text + ?Sized, B: RuleBounds<usize>>(
    errors: &mut ValidationErrors,
    at: &PathNode<'_>,
    value: &T,
    bounds: B,
) {
    let (min, max) = bounds.into_bounds();
    report(errors, at, super::chars(value, min, max), Overrides::NONE);
}

/// [`non_empty`](super::non_empty), reported at `at`.
#[inline]
pub fn non_empty<T: HasLength + ?Sized>(
    errors: &mut ValidationErrors,
    at: &PathNode<'_>,
    value: &T,
) {
    report(errors, at, super::non_empty(value), Overrides::NONE);
}

/// [`email`](super::email), reported at `at`.
#[inline]
pub fn email<T: Text + ?Sized>(errors: &mut ValidationErrors, at: &PathNode<'_>, value: &T) {
    report(errors, at, super::email(value), Overrides::NONE);
}

/// [`ip`](super::ip), reported at `at`.
#[inline]
pub fn ip<T: Text + ?Sized>(errors: &mut ValidationErrors, at: &PathNode<'_>, value: &T) {
    report(errors, at, super::ip(value), Overrides::NONE);
}

/// [`ipv4`](super::ipv4), reported at `at`.
#[inline]
pub fn ipv4<T: Text + ?Sized>(errors: &mut ValidationErrors, at: &PathNode<'_>, value: &T) {
    report(errors, at, super::ipv4(value), Overrides::NONE);
}

/// [`ipv6`](super::ipv6), reported at `at`.
#[inline]
pub fn ipv6<T: Text + ?Sized>(errors: &mut ValidationErrors, at: &PathNode<'_>, value: &T) {
    report(errors, at, super::ipv6(value), Overrides::NONE);
}

/// [`ascii`](super::ascii), reported at `at`.
#[inline]
pub fn ascii<T: Text + ?Sized>(errors: &mut ValidationErrors, at: &PathNode<'_>, value: &T) {
    report(errors, at, super::ascii(value), Overrides::NONE);
}

/// [`alphanumeric`](super::alphanumeric), reported at `at`.
#[inline]
pub fn alphanumeric<T: Text + ?Sized>(errors: &mut ValidationErrors, at: &PathNode<'_>, value: &T) {
    report(errors, at, super::alphanumeric(value), Overrides::NONE);
}

/// [`finite`](super::finite), reported at `at`.
#[inline]
pub fn finite<T: super::Float + ?Sized>(
    errors: &mut ValidationErrors,
    at: &PathNode<'_>,
    value: &T,
) {
    report(errors, at, super::finite(value), Overrides::NONE);
}

/// [`prefix`](super::prefix), reported at `at`.
#[inline]
pub fn prefix<T: Text + ?Sized>(
    errors: &mut ValidationErrors,
    at: &PathNode<'_>,
    value: &T,
    prefix: &'static str,
) {
    report(errors, at, super::prefix(value, prefix), Overrides::NONE);
}

/// [`suffix`](super::suffix), reported at `at`.
#[inline]
pub fn suffix<T: Text + ?Sized>(
    errors: &mut ValidationErrors,
    at: &PathNode<'_>,
    value: &T,
    suffix: &'static str,
) {
    report(errors, at, super::suffix(value, suffix), Overrides::NONE);
}

/// [`contains`](super::contains), reported at `at`.
#[inline]
pub fn contains<T: Text + ?Sized>(
    errors: &mut ValidationErrors,
    at: &PathNode<'_>,
    value: &T,
    needle: &'static str,
) {
    report(errors, at, super::contains(value, needle), Overrides::NONE);
}

/// [`custom`](super::custom), reported at `at`.
#[inline]
pub fn custom(
    errors: &mut ValidationErrors,
    at: &PathNode<'_>,
    outcome: Result<(), ValidationError>,
) {
    report(errors, at, super::custom(outcome), Overrides::NONE);
}

/// [`credit_card`](super::credit_card), reported at `at`.
#[inline]
pub fn credit_card<T: Text + ?Sized>(errors: &mut ValidationErrors, at: &PathNode<'_>, value: &T) {
    report(errors, at, super::credit_card(value), Overrides::NONE);
}

/// [`one_of`](super::one_of), reported at `at`.
#[inline]
pub fn one_of<T: PartialEq<U> + ?Sized, U>(
    errors: &mut ValidationErrors,
    at: &PathNode<'_>,
    value: &T,
    set: &[U],
    listed: &'static str,
) {
    report(
        errors,
        at,
        super::one_of(value, set, listed),
        Overrides::NONE,
    );
}

/// [`none_of`](super::none_of), reported at `at`.
#[inline]
pub fn none_of<T: PartialEq<U> + ?Sized, U>(
    errors: &mut ValidationErrors,
    at: &PathNode<'_>,
    value: &T,
    set: &[U],
    listed: &'static str,
) {
    report(
        errors,
        at,
        super::none_of(value, set, listed),
        Overrides::NONE,
    );
}

/// [`multiple_of`](super::multiple_of), reported at `at`.
#[inline]
pub fn multiple_of<T: Integer>(
    errors: &mut ValidationErrors,
    at: &PathNode<'_>,
    value: &T,
    of: T,
    written: &'static str,
) {
    report(
        errors,
        at,
        super::multiple_of(value, of, written),
        Overrides::NONE,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::rules;

    /// Each call reports exactly what `report(.., rule(..), Overrides::NONE)` reports.
    #[test]
    fn one_call_reports_what_check_and_report_do() {
        let root = PathNode::Root;
        let at = root.field("f");
        let both = |short: &dyn Fn(&mut ValidationErrors), long: rules::Outcome| {
            let mut a = ValidationErrors::new();
            short(&mut a);
            let mut b = ValidationErrors::new();
            report(&mut b, &at, long, Overrides::NONE);
            assert_eq!(a, b);
            a.len()
        };
        let cases = [
            both(
                &|e| range(e, &at, &5, 1..=10),
                rules::range(&5, Bound::Included(1), Bound::Included(10)),
            ),
            both(
                &|e| range(e, &at, &10, 1..10),
                rules::range(&10, Bound::Included(1), Bound::Excluded(10)),
            ),
            both(
                &|e| range(e, &at, &-1, 0..),
                rules::range(&-1, Bound::Included(0), Bound::Unbounded),
            ),
            both(
                &|e| range(e, &at, &2.5, ..2.5),
                rules::range(&2.5, Bound::Unbounded, Bound::Excluded(2.5)),
            ),
            both(
                &|e| range(e, &at, &7u8, ..=6),
                rules::range(&7u8, Bound::Unbounded, Bound::Included(6)),
            ),
            both(
                &|e| length(e, &at, "abc", 1..=2),
                rules::length("abc", Bound::Included(1), Bound::Included(2)),
            ),
            both(
                &|e| chars(e, &at, "éé", 3..),
                rules::chars("éé", Bound::Included(3), Bound::Unbounded),
            ),
            both(&|e| non_empty(e, &at, ""), rules::non_empty("")),
            both(&|e| email(e, &at, "a@b"), rules::email("a@b")),
            both(&|e| email(e, &at, "nope"), rules::email("nope")),
            both(&|e| ascii(e, &at, "é"), rules::ascii("é")),
            both(&|e| alphanumeric(e, &at, "a-b"), rules::alphanumeric("a-b")),
            both(&|e| finite(e, &at, &f64::NAN), rules::finite(&f64::NAN)),
            both(&|e| prefix(e, &at, "xa", "a"), rules::prefix("xa", "a")),
            both(&|e| suffix(e, &at, "ax", "a"), rules::suffix("ax", "a")),
            both(
                &|e| contains(e, &at, "xyz", "a"),
                rules::contains("xyz", "a"),
            ),
            both(
                &|e| custom(e, &at, Err(ValidationError::new("c", "m"))),
                rules::custom(Err(ValidationError::new("c", "m"))),
            ),
        ];
        // Every case but the passing range and email fails, once.
        assert_eq!(cases, [0, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1]);
    }
}
