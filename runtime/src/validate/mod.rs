//! Validation: the [`Validate`] trait, the proofs [`Valid`] and [`Invalid`], the
//! errors, and the rule checks that `#[derive(Validate)]` and `#[validated]` call.

mod email;
mod error;
mod params;
mod path;
#[doc(hidden)]
pub mod replace;
#[cfg(feature = "serde")]
#[doc(hidden)]
pub mod reported;
pub mod rules;

use core::fmt;
use core::ops::Deref;

pub use email::is_valid_email;
pub use error::{ParamValue, ValidationError, ValidationErrors};
pub use params::Params;
pub use path::{FieldPath, PathNode, PathSegment};

/// A value whose rules can be checked. Derive it with `#[derive(Validate)]`, or get it
/// from `#[validated]`.
///
/// ```
/// use palisade::Validate;
///
/// #[derive(Debug, Validate)]
/// struct Server {
///     #[validate(range(1..=65535))]
///     port: u32,
/// }
///
/// assert!(Server { port: 8080 }.validate().is_ok());
/// let invalid = Server { port: 0 }.into_valid().unwrap_err();
/// assert_eq!(invalid.errors().to_string(), "port: must be between 1 and 65535");
/// assert_eq!(invalid.into_inner().port, 0); // the value comes back
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not implement `Validate`",
    label = "`nested` needs a type that implements `Validate`",
    note = "add `#[derive(Validate)]` or `#[validated]` to `{Self}`, or remove `nested`; a \
            type with `#[validate(context = ..)]` is checked with `validate_with(&context)`"
)]
pub trait Validate {
    /// Checks every rule and appends each failure to `errors`, its path under `at`.
    ///
    /// Generated impls do not allocate when every rule passes. A hand-written impl
    /// reports through [`ValidationErrors::push_at`] and passes `at.field(..)` on to
    /// nested values.
    fn validate_into(&self, at: &PathNode<'_>, errors: &mut ValidationErrors);

    /// Checks every rule; on failure returns all the errors, never only the first.
    ///
    /// # Errors
    /// Every rule that failed, each with its full path.
    fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::new();
        self.validate_into(&PathNode::Root, &mut errors);
        errors.into_result()
    }

    /// Checks every rule and turns the value into proof of the check.
    ///
    /// # Errors
    /// [`Invalid`], which hands the value back together with its errors.
    fn into_valid(self) -> Result<Valid<Self>, Invalid<Self>>
    where
        Self: Sized,
    {
        match self.validate() {
            Ok(()) => Ok(Valid(self)),
            Err(errors) => Err(Invalid {
                value: self,
                errors,
            }),
        }
    }
}

/// A value whose rules need something besides the value: a repository, a clock, a
/// tenant's limits. `#[derive(Validate)]` with `#[validate(context = Ctx)]` implements
/// `ValidateWith<Ctx>` (and not [`Validate`]); its `custom` functions take
/// `(&T, &Ctx)`, and its `nested` values are checked with the same context.
///
/// Every [`Validate`] type is also `ValidateWith` any context, which it ignores, so a
/// type with a context can nest types without one.
///
/// ```
/// use palisade::{Validate, ValidateWith, ValidationError};
///
/// struct Limits {
///     max_items: usize,
/// }
///
/// fn within_limits(items: &[String], limits: &Limits) -> Result<(), ValidationError> {
///     if items.len() <= limits.max_items {
///         Ok(())
///     } else {
///         Err(ValidationError::new("too_many", "has more items than the plan allows"))
///     }
/// }
///
/// #[derive(Validate)]
/// #[validate(context = Limits)]
/// struct Order {
///     #[validate(non_empty, custom = within_limits)]
///     items: Vec<String>,
/// }
///
/// let order = Order { items: vec!["a".into(), "b".into()] };
/// assert!(order.validate_with(&Limits { max_items: 5 }).is_ok());
/// let errors = order.validate_with(&Limits { max_items: 1 }).unwrap_err();
/// assert_eq!(errors.to_string(), "items: has more items than the plan allows");
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be validated with a `{C}` context",
    label = "`{Self}` takes another context, or none",
    note = "a `nested` value is checked with the context of the value that holds it: give \
            `{Self}` `#[validate(context = {C})]`, or no context at all"
)]
pub trait ValidateWith<C: ?Sized> {
    /// Checks every rule with `context` and appends each failure to `errors`, its path
    /// under `at`.
    fn validate_into_with(&self, context: &C, at: &PathNode<'_>, errors: &mut ValidationErrors);

    /// Checks every rule with `context`; on failure returns all the errors.
    ///
    /// # Errors
    /// Every rule that failed, each with its full path.
    fn validate_with(&self, context: &C) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::new();
        self.validate_into_with(context, &PathNode::Root, &mut errors);
        errors.into_result()
    }

    /// Checks every rule with `context` and turns the value into proof of the check.
    ///
    /// # Errors
    /// [`Invalid`], which hands the value back together with its errors.
    fn into_valid_with(self, context: &C) -> Result<Valid<Self>, Invalid<Self>>
    where
        Self: Sized,
    {
        match self.validate_with(context) {
            Ok(()) => Ok(Valid(self)),
            Err(errors) => Err(Invalid {
                value: self,
                errors,
            }),
        }
    }
}

impl<T: Validate + ?Sized, C: ?Sized> ValidateWith<C> for T {
    #[inline]
    fn validate_into_with(&self, _: &C, at: &PathNode<'_>, errors: &mut ValidationErrors) {
        self.validate_into(at, errors);
    }
}

impl<T: Validate + ?Sized> Validate for &T {
    fn validate_into(&self, at: &PathNode<'_>, errors: &mut ValidationErrors) {
        (**self).validate_into(at, errors);
    }
}

impl<T: Validate + ?Sized> Validate for alloc::boxed::Box<T> {
    fn validate_into(&self, at: &PathNode<'_>, errors: &mut ValidationErrors) {
        (**self).validate_into(at, errors);
    }
}

impl<T: Validate> Validate for Valid<T> {
    fn validate_into(&self, at: &PathNode<'_>, errors: &mut ValidationErrors) {
        self.0.validate_into(at, errors);
    }
}

/// Proof that a value passed validation: only [`Validate::into_valid`] builds one.
/// It derefs to the value but gives no `&mut`, so the value cannot be changed behind
/// the check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize), serde(transparent))]
pub struct Valid<T>(T);

impl<T> Valid<T> {
    /// The value, no longer tied to the proof.
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> Deref for Valid<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> AsRef<T> for Valid<T> {
    fn as_ref(&self) -> &T {
        &self.0
    }
}

impl<T: fmt::Display> fmt::Display for Valid<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// A value that failed validation, handed back together with every error.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{errors}")]
pub struct Invalid<T> {
    value: T,
    errors: ValidationErrors,
}

impl<T> Invalid<T> {
    /// The errors.
    pub fn errors(&self) -> &ValidationErrors {
        &self.errors
    }

    /// The value that failed.
    pub fn value(&self) -> &T {
        &self.value
    }

    /// The value that failed, dropping the errors.
    pub fn into_inner(self) -> T {
        self.value
    }

    /// The value and the errors.
    pub fn into_parts(self) -> (T, ValidationErrors) {
        (self.value, self.errors)
    }
}

impl<T> From<Invalid<T>> for ValidationErrors {
    fn from(invalid: Invalid<T>) -> Self {
        invalid.errors
    }
}

/// Values `range(...)` can bound: every integer and float type. Implement it for your
/// own ordered types (a decimal, a date) to use `range` on them.
///
/// ```
/// use palisade::{ParamValue, RangeValue, Validate};
///
/// #[derive(Clone, Copy, PartialEq, PartialOrd)]
/// struct Cents(i64);
///
/// impl RangeValue for Cents {
///     fn to_param(&self) -> ParamValue {
///         ParamValue::Int(self.0.into())
///     }
/// }
///
/// #[derive(Validate)]
/// struct Price {
///     #[validate(range(Cents(1)..=Cents(100_00)))]
///     amount: Cents,
/// }
/// assert!(Price { amount: Cents(0) }.validate().is_err());
/// ```
#[diagnostic::on_unimplemented(
    message = "`range` cannot bound `{Self}`",
    label = "`range` needs a number here",
    note = "`range` applies to integers and floats; for other ordered types implement \
        `palisade::RangeValue`"
)]
pub trait RangeValue: PartialOrd {
    /// The value as an error parameter.
    fn to_param(&self) -> ParamValue;
}

macro_rules! range_value {
    ($variant:ident as $wide:ty: $($ty:ty),*) => {$(
        impl RangeValue for $ty {
            #[inline]
            fn to_param(&self) -> ParamValue {
                ParamValue::$variant(<$wide>::from(*self))
            }
        }
    )*};
}

range_value!(Int as i128: i8, i16, i32, i64, i128);
range_value!(UInt as u128: u8, u16, u32, u64, u128);
range_value!(Float as f64: f32, f64);

impl RangeValue for isize {
    fn to_param(&self) -> ParamValue {
        // `isize` is at most 64 bits on every Rust target.
        ParamValue::Int(*self as i128)
    }
}

impl RangeValue for usize {
    fn to_param(&self) -> ParamValue {
        ParamValue::UInt(*self as u128)
    }
}

impl<T: RangeValue + ?Sized> RangeValue for &T {
    fn to_param(&self) -> ParamValue {
        (**self).to_param()
    }
}
