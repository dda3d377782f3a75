//! How a rule fails: [`Failure`] (cheap, no path or message yet), and [`report`],
//! which turns one into a [`ValidationError`] on the cold path.

use alloc::borrow::Cow;
use alloc::format;
use alloc::string::String;
use core::fmt::Write as _;
use core::ops::Bound;

use crate::validate::error::{ParamValue, ValidationError, ValidationErrors};
use crate::validate::params::Params;
use crate::validate::path::PathNode;

/// Why a rule failed, before it has a path and a message. Cheap to build.
#[derive(Debug)]
pub enum Failure {
    /// `range(...)`.
    Range {
        /// The lower bound.
        min: Bound<ParamValue>,
        /// The upper bound.
        max: Bound<ParamValue>,
        /// The offending value.
        value: ParamValue,
    },
    /// `length(...)`, `chars(...)` or `non_empty`.
    Length {
        /// Which rule: `length`, `chars` or `non_empty`.
        code: &'static str,
        /// The lower bound.
        min: Bound<usize>,
        /// The upper bound.
        max: Bound<usize>,
        /// The measured length.
        actual: usize,
    },
    /// A rule without parameters, such as `email`.
    Plain {
        /// The rule's code.
        code: &'static str,
        /// Its default message.
        message: &'static str,
    },
    /// A rule with one string parameter, such as `prefix`.
    WithText {
        /// The rule's code.
        code: &'static str,
        /// Its default message, up to the parameter.
        message: &'static str,
        /// The parameter's name.
        name: &'static str,
        /// The parameter.
        text: &'static str,
    },
    /// A rule whose parameter is code as written, shown unquoted: `one_of`
    /// (`"eur", "usd"`), `multiple_of` (`5`).
    Listed {
        /// The rule's code, also the parameter's name.
        code: &'static str,
        /// Its default message, up to the parameter.
        message: &'static str,
        /// The parameter as written.
        written: &'static str,
    },
    /// An error returned by a `custom` function or an invariant.
    Error(ValidationError),
}

/// What a rule check returns: the failure is boxed so that the passing path moves
/// only a null pointer around; the box is allocated on failure only.
pub type Outcome = Result<(), alloc::boxed::Box<Failure>>;

/// `message = "..."` and `code = "..."` given with a rule.
#[derive(Debug, Clone, Copy)]
pub struct Overrides {
    message: Option<&'static str>,
    code: Option<&'static str>,
}

impl Overrides {
    /// Neither message nor code overridden.
    pub const NONE: Self = Self {
        message: None,
        code: None,
    };

    /// Replaces the human message.
    #[must_use]
    pub const fn message(mut self, message: &'static str) -> Self {
        self.message = Some(message);
        self
    }

    /// Replaces the machine code.
    #[must_use]
    pub const fn code(mut self, code: &'static str) -> Self {
        self.code = Some(code);
        self
    }
}

/// Records `outcome` in `errors` at `at` when it is a failure.
#[inline]
pub fn report(
    errors: &mut ValidationErrors,
    at: &PathNode<'_>,
    outcome: Outcome,
    overrides: Overrides,
) {
    if let Err(failure) = outcome {
        push_failure(errors, at, *failure, overrides);
    }
}

#[cold]
#[inline(never)]
fn push_failure(
    errors: &mut ValidationErrors,
    at: &PathNode<'_>,
    failure: Failure,
    overrides: Overrides,
) {
    let mut error = failure.into_error(overrides.message);
    if let Some(code) = overrides.code {
        error.code = Cow::Borrowed(code);
    }
    errors.push_at(at, error);
}

/// The message `message = "..."` gave, or else the rule's default, which is then
/// written (and only then: a replaced default costs nothing).
fn message_or(given: Option<&'static str>, default: impl FnOnce() -> String) -> Cow<'static, str> {
    match given {
        Some(message) => Cow::Borrowed(message),
        None => Cow::Owned(default()),
    }
}

impl Failure {
    fn into_error(self, message: Option<&'static str>) -> ValidationError {
        match self {
            Failure::Range { min, max, value } => {
                let message = message_or(message, || {
                    let mut message = String::with_capacity(48);
                    message.push_str("must be ");
                    describe_bounds(&mut message, &min, &max);
                    message
                });
                let mut params = Params::with_capacity(3);
                push_bounds(&mut params, min, max);
                params.push_last("value", value);
                error(Cow::Borrowed("range"), message, params)
            }
            Failure::Length {
                code,
                min,
                max,
                actual,
            } => {
                let min = min.map(ParamValue::from);
                let max = max.map(ParamValue::from);
                let message = message_or(message, || length_message(code, &min, &max));
                let mut params = Params::with_capacity(3);
                push_bounds(&mut params, min, max);
                params.insert("actual", actual);
                error(Cow::Borrowed(code), message, params)
            }
            Failure::Plain {
                code,
                message: default,
            } => error(
                Cow::Borrowed(code),
                Cow::Borrowed(message.unwrap_or(default)),
                Params::new(),
            ),
            Failure::WithText {
                code,
                message: default,
                name,
                text,
            } => {
                let message = message_or(message, || format!("{default} \"{text}\""));
                let mut params = Params::with_capacity(1);
                params.insert(name, text);
                error(Cow::Borrowed(code), message, params)
            }
            Failure::Listed {
                code,
                message: default,
                written,
            } => {
                let message = message_or(message, || format!("{default} {written}"));
                let mut params = Params::with_capacity(1);
                params.insert(code, written);
                error(Cow::Borrowed(code), message, params)
            }
            Failure::Error(mut error) => {
                if let Some(message) = message {
                    error.message = Cow::Borrowed(message);
                }
                error
            }
        }
    }
}

fn error(code: Cow<'static, str>, message: Cow<'static, str>, params: Params) -> ValidationError {
    let mut error = ValidationError::new(code, message);
    error.params = params;
    error
}

/// "must not be empty", "must be between 3 and 16 characters long", "length must be
/// at most 10".
fn length_message(code: &str, min: &Bound<ParamValue>, max: &Bound<ParamValue>) -> String {
    match code {
        "non_empty" => String::from("must not be empty"),
        "chars" => {
            let mut message = String::with_capacity(48);
            message.push_str("must be ");
            describe_bounds(&mut message, min, max);
            let one = |bound: &Bound<ParamValue>| {
                matches!(
                    bound,
                    Bound::Included(ParamValue::UInt(1)) | Bound::Unbounded
                )
            };
            message.push_str(if one(min) && one(max) {
                " character long"
            } else {
                " characters long"
            });
            message
        }
        _ => {
            let mut message = String::with_capacity(48);
            message.push_str("length must be ");
            describe_bounds(&mut message, min, max);
            message
        }
    }
}

/// Writes "between 1 and 10", "at least 1", "less than 10", … after "must be ".
/// Pieces are pushed one by one and integers written with `itoa`: `core::fmt`'s
/// machinery was most of the failing path's time.
fn describe_bounds(out: &mut String, min: &Bound<ParamValue>, max: &Bound<ParamValue>) {
    match (min, max) {
        (Bound::Included(min), Bound::Included(max)) => {
            out.push_str("between ");
            write_param(out, min);
            out.push_str(" and ");
            write_param(out, max);
        }
        (Bound::Unbounded, Bound::Unbounded) => out.push_str("any value"),
        (min, Bound::Unbounded) => lower(out, min),
        (Bound::Unbounded, max) => upper(out, max),
        (min, max) => {
            lower(out, min);
            out.push_str(" and ");
            upper(out, max);
        }
    }
}

fn lower(out: &mut String, min: &Bound<ParamValue>) {
    match min {
        Bound::Included(min) => {
            out.push_str("at least ");
            write_param(out, min);
        }
        Bound::Excluded(min) => {
            out.push_str("greater than ");
            write_param(out, min);
        }
        Bound::Unbounded => {}
    }
}

fn upper(out: &mut String, max: &Bound<ParamValue>) {
    match max {
        Bound::Included(max) => {
            out.push_str("at most ");
            write_param(out, max);
        }
        Bound::Excluded(max) => {
            out.push_str("less than ");
            write_param(out, max);
        }
        Bound::Unbounded => {}
    }
}

/// The parameter as `Display` writes it.
fn write_param(out: &mut String, value: &ParamValue) {
    match value {
        ParamValue::Int(value) => out.push_str(itoa::Buffer::new().format(*value)),
        ParamValue::UInt(value) => out.push_str(itoa::Buffer::new().format(*value)),
        // `Display` writes a whole float below 2^53 as its integer (`1`, not `1.0`);
        // `-0.0` (written `-0`) and the rest go through `core::fmt`.
        ParamValue::Float(value) => match whole(*value) {
            Some(whole) => out.push_str(itoa::Buffer::new().format(whole)),
            // `write!` into a `String` cannot fail.
            None => {
                let _ = write!(out, "{value}");
            }
        },
        ParamValue::Str(value) => out.push_str(value),
    }
}

/// Adds `min`/`exclusive_min` and `max`/`exclusive_max`, in name order.
/// `value` as an integer when it is whole, within ±2^53 (so exact) and not `-0.0`.
fn whole(value: f64) -> Option<i64> {
    const EXACT: f64 = 9_007_199_254_740_992.0;
    #[allow(clippy::cast_possible_truncation)] // checked below: the cast must round-trip
    let whole = value as i64;
    #[allow(clippy::cast_precision_loss)] // within ±2^53, exact
    let back = whole as f64;
    let exact = back == value && -EXACT < value && value < EXACT;
    (exact && !(whole == 0 && value.is_sign_negative())).then_some(whole)
}

fn push_bounds(params: &mut Params, min: Bound<ParamValue>, max: Bound<ParamValue>) {
    let min = match min {
        Bound::Included(min) => Some(("min", min)),
        Bound::Excluded(min) => Some(("exclusive_min", min)),
        Bound::Unbounded => None,
    };
    let max = match max {
        Bound::Included(max) => Some(("max", max)),
        Bound::Excluded(max) => Some(("exclusive_max", max)),
        Bound::Unbounded => None,
    };
    let (first, second) = match (min, max) {
        (Some(min), Some(max)) if max.0 < min.0 => (Some(max), Some(min)),
        (min, max) => (min, max),
    };
    for (name, value) in first.into_iter().chain(second) {
        params.push_last(name, value);
    }
}

/// `Ok` when `ok`, else a [`Failure::Plain`]. Inlined into the generated check (it
/// was a call per rule); the failure is built out of line.
#[inline]
pub(crate) fn plain(ok: bool, code: &'static str, message: &'static str) -> Outcome {
    if ok {
        Ok(())
    } else {
        Err(plain_failure(code, message))
    }
}

#[cold]
#[inline(never)]
fn plain_failure(code: &'static str, message: &'static str) -> alloc::boxed::Box<Failure> {
    alloc::boxed::Box::new(Failure::Plain { code, message })
}

/// `Ok` when `ok`, else a [`Failure::WithText`].
#[inline]
pub(crate) fn with_text(
    ok: bool,
    code: &'static str,
    message: &'static str,
    text: &'static str,
) -> Outcome {
    if ok {
        Ok(())
    } else {
        Err(text_failure(code, message, text))
    }
}

#[cold]
#[inline(never)]
fn text_failure(
    code: &'static str,
    message: &'static str,
    text: &'static str,
) -> alloc::boxed::Box<Failure> {
    alloc::boxed::Box::new(Failure::WithText {
        code,
        message,
        name: code,
        text,
    })
}

/// `Ok` when `ok`, else a [`Failure::Listed`].
#[inline]
pub(crate) fn listed(
    ok: bool,
    code: &'static str,
    message: &'static str,
    written: &'static str,
) -> Outcome {
    if ok {
        Ok(())
    } else {
        Err(alloc::boxed::Box::new(Failure::Listed {
            code,
            message,
            written,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_are_written_as_display_writes_them() {
        let values = [
            ParamValue::Int(-130),
            ParamValue::Int(i128::MIN),
            ParamValue::UInt(u128::MAX),
            ParamValue::Float(0.0),
            ParamValue::Float(-0.0),
            ParamValue::Float(1.0),
            ParamValue::Float(-2.5),
            ParamValue::Float(0.1),
            ParamValue::Float(1e15),
            ParamValue::Float(9_007_199_254_740_992.0),
            ParamValue::Float(1e300),
            ParamValue::Float(f64::NAN),
            ParamValue::Float(f64::NEG_INFINITY),
            ParamValue::Float(f64::from(0.1_f32)),
            ParamValue::Str("abc".into()),
        ];
        for value in values {
            let mut written = String::new();
            write_param(&mut written, &value);
            assert_eq!(written, alloc::format!("{value}"), "{value:?}");
        }
    }
}
