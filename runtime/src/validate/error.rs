//! The errors a validation reports: one [`ValidationError`] per failed rule, all of
//! them collected in [`ValidationErrors`].

use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use super::params::Params;
use super::path::{FieldPath, PathNode};

/// A value a rule was checked against (a bound, a pattern, a measured length), kept
/// so callers can render their own or translated messages.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize), serde(untagged))]
pub enum ParamValue {
    /// A signed integer.
    Int(i128),
    /// An unsigned integer too large for [`ParamValue::Int`], or any unsigned one.
    UInt(u128),
    /// A floating-point number.
    Float(f64),
    /// A string, such as a pattern or a prefix.
    Str(Cow<'static, str>),
}

impl fmt::Display for ParamValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParamValue::Int(value) => write!(f, "{value}"),
            ParamValue::UInt(value) => write!(f, "{value}"),
            ParamValue::Float(value) => write!(f, "{value}"),
            ParamValue::Str(value) => f.write_str(value),
        }
    }
}

impl From<&'static str> for ParamValue {
    fn from(value: &'static str) -> Self {
        ParamValue::Str(Cow::Borrowed(value))
    }
}

impl From<String> for ParamValue {
    fn from(value: String) -> Self {
        ParamValue::Str(Cow::Owned(value))
    }
}

impl From<usize> for ParamValue {
    fn from(value: usize) -> Self {
        ParamValue::UInt(value as u128)
    }
}

impl From<u128> for ParamValue {
    fn from(value: u128) -> Self {
        ParamValue::UInt(value)
    }
}

impl From<i128> for ParamValue {
    fn from(value: i128) -> Self {
        ParamValue::Int(value)
    }
}

impl From<f64> for ParamValue {
    fn from(value: f64) -> Self {
        ParamValue::Float(value)
    }
}

/// One failed rule: where (`path`), which rule (`code`), a message for people
/// (`message`) and the rule's parameters (`params`).
///
/// `Display` prints `path: message` (just the message at the root).
///
/// A `custom = path` function returns this; palisade fills in the path.
///
/// ```
/// use palisade::ValidationError;
///
/// fn even(value: &u32) -> Result<(), ValidationError> {
///     if value % 2 == 0 {
///         Ok(())
///     } else {
///         Err(ValidationError::new("even", "must be even")
///             .with_param("value", u128::from(*value)))
///     }
/// }
/// let error = even(&3).unwrap_err();
/// assert_eq!(error.code, "even");
/// assert_eq!(error.to_string(), "must be even");
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[error("{}", DisplayError(self))]
pub struct ValidationError {
    /// Where the failed value sits, such as `servers[2].tls.port`.
    pub path: FieldPath,
    /// A stable machine-readable name of the rule: `range`, `length`, `email`, … or the
    /// `code = "..."` given in the attribute.
    pub code: Cow<'static, str>,
    /// A message for people: the rule's default, or the `message = "..."` given.
    pub message: Cow<'static, str>,
    /// The rule's parameters by name (`min`, `max`, `value`, `pattern`, …).
    pub params: Params,
}

struct DisplayError<'a>(&'a ValidationError);

impl fmt::Display for DisplayError<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.path.is_root() {
            f.write_str(&self.0.message)
        } else {
            write!(f, "{}: {}", self.0.path, self.0.message)
        }
    }
}

impl ValidationError {
    /// An error at the root path with no parameters.
    #[must_use]
    pub fn new(code: impl Into<Cow<'static, str>>, message: impl Into<Cow<'static, str>>) -> Self {
        Self {
            path: FieldPath::root(),
            code: code.into(),
            message: message.into(),
            params: Params::new(),
        }
    }

    /// Adds a parameter.
    #[must_use]
    pub fn with_param(
        mut self,
        name: impl Into<Cow<'static, str>>,
        value: impl Into<ParamValue>,
    ) -> Self {
        self.params.insert(name.into(), value.into());
        self
    }

    /// The parameter called `name`, if the rule has one.
    #[must_use]
    pub fn param(&self, name: &str) -> Option<&ParamValue> {
        self.params.get(name)
    }
}

/// Every error of one validation, in the order the rules ran; never just the first.
///
/// `Display` prints one error per line.
///
/// ```
/// use palisade::Validate;
///
/// #[derive(Validate)]
/// struct Signup {
///     #[validate(chars(3..=16))]
///     name: String,
///     #[validate(range(13..))]
///     age: u8,
/// }
///
/// let errors = Signup { name: "x".into(), age: 4 }.validate().unwrap_err();
/// assert_eq!(errors.len(), 2);
/// assert_eq!(
///     errors.to_string(),
///     "name: must be between 3 and 16 characters long\nage: must be at least 13"
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq, thiserror::Error)]
#[cfg_attr(feature = "serde", derive(serde::Serialize), serde(transparent))]
#[error("{}", DisplayErrors(&self.errors))]
pub struct ValidationErrors {
    errors: Vec<ValidationError>,
}

struct DisplayErrors<'a>(&'a [ValidationError]);

impl fmt::Display for DisplayErrors<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (position, error) in self.0.iter().enumerate() {
            if position > 0 {
                f.write_str("\n")?;
            }
            fmt::Display::fmt(error, f)?;
        }
        Ok(())
    }
}

impl ValidationErrors {
    /// No errors. Does not allocate.
    #[must_use]
    pub const fn new() -> Self {
        Self { errors: Vec::new() }
    }

    /// How many rules failed.
    #[must_use]
    pub fn len(&self) -> usize {
        self.errors.len()
    }

    /// Whether no rule failed.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    /// The errors, in the order the rules ran.
    pub fn iter(&self) -> core::slice::Iter<'_, ValidationError> {
        self.errors.iter()
    }

    /// The errors as a slice.
    #[must_use]
    pub fn as_slice(&self) -> &[ValidationError] {
        &self.errors
    }

    /// Adds an error as it is.
    pub fn push(&mut self, error: ValidationError) {
        self.errors.push(error);
    }

    /// Adds an error found at `at`, putting that path in front of the error's own.
    /// Hand-written validation and `custom` rules report through this.
    #[cold]
    pub fn push_at(&mut self, at: &PathNode<'_>, mut error: ValidationError) {
        if error.path.is_root() {
            // A rule's own error: the path is all `at`'s, built once in place.
            error.path = at.to_path();
        } else if !matches!(at, PathNode::Root) {
            error.path.prepend(&at.to_path());
        }
        self.errors.push(error);
    }

    /// Adds every error of `other`, each under `at`.
    pub fn extend_at(&mut self, at: &PathNode<'_>, other: ValidationErrors) {
        for error in other.errors {
            self.push_at(at, error);
        }
    }

    /// `Ok(())` when empty, else `Err(self)`.
    ///
    /// # Errors
    /// Returns `self` when it holds at least one error.
    pub fn into_result(self) -> Result<(), Self> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(self)
        }
    }
}

impl IntoIterator for ValidationErrors {
    type Item = ValidationError;
    type IntoIter = alloc::vec::IntoIter<ValidationError>;
    fn into_iter(self) -> Self::IntoIter {
        self.errors.into_iter()
    }
}

impl<'a> IntoIterator for &'a ValidationErrors {
    type Item = &'a ValidationError;
    type IntoIter = core::slice::Iter<'a, ValidationError>;
    fn into_iter(self) -> Self::IntoIter {
        self.errors.iter()
    }
}

impl From<ValidationError> for ValidationErrors {
    fn from(error: ValidationError) -> Self {
        Self {
            errors: alloc::vec![error],
        }
    }
}

impl FromIterator<ValidationError> for ValidationErrors {
    fn from_iter<I: IntoIterator<Item = ValidationError>>(iter: I) -> Self {
        Self {
            errors: iter.into_iter().collect(),
        }
    }
}
