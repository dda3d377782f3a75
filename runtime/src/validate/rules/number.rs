//! `range` and `finite`.

use core::ops::Bound;

use super::{plain, Failure, Float, Outcome};
use crate::validate::RangeValue;

#[inline]
pub(super) fn within<T: PartialOrd + ?Sized>(value: &T, min: Bound<&T>, max: Bound<&T>) -> bool {
    // Written so that every comparison with NaN is `false`, so NaN always fails.
    let above = match min {
        Bound::Included(min) => value >= min,
        Bound::Excluded(min) => value > min,
        Bound::Unbounded => true,
    };
    let below = match max {
        Bound::Included(max) => value <= max,
        Bound::Excluded(max) => value < max,
        Bound::Unbounded => true,
    };
    above && below
}

/// `range(...)`: `value` within the bounds; NaN always fails.
///
/// # Errors
/// A [`Failure::Range`] when the value is outside the bounds.
#[inline]
pub fn range<T: RangeValue>(value: &T, min: Bound<T>, max: Bound<T>) -> Outcome {
    if within(value, min.as_ref(), max.as_ref()) {
        Ok(())
    } else {
        Err(alloc::boxed::Box::new(range_failure(value, min, max)))
    }
}

#[cold]
fn range_failure<T: RangeValue>(value: &T, min: Bound<T>, max: Bound<T>) -> Failure {
    Failure::Range {
        min: min.as_ref().map(RangeValue::to_param),
        max: max.as_ref().map(RangeValue::to_param),
        value: value.to_param(),
    }
}

/// `finite`: not NaN, not infinite.
///
/// # Errors
/// A [`Failure::Plain`] otherwise.
#[inline]
pub fn finite<T: Float + ?Sized>(value: &T) -> Outcome {
    plain(
        value.is_finite_number(),
        "finite",
        "must be a finite number",
    )
}
