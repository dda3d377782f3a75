//! How a rule fails: [`Failure`] (cheap, no path or message yet), and [`report`],
//! which turns one into a [`ValidationError`] on the cold path.

use alloc::borrow::Cow;
use alloc::format;
use alloc::string::String;
use core::fmt::Write as _;
use core::ops::Bound;

use crate::validate::error::{ParamValue, ValidationError, ValidationErrors};
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
    let mut error = failure.into_error();
    if let Some(message) = overrides.message {
        error.message = Cow::Borrowed(message);
    }
    if let Some(code) = overrides.code {
        error.code = Cow::Borrowed(code);
    }
    errors.push_at(at, error);
}

impl Failure {
    fn into_error(self) -> ValidationError {
        match self {
            Failure::Range { min, max, value } => {
                let mut message = String::with_capacity(48);
                message.push_str("must be ");
                describe_bounds(&mut message, &min, &max);
                let mut error = ValidationError::new("range", message);
                push_bounds(&mut error.params, min, max);
                error.with_param("value", value)
            }
            Failure::Length {
                code,
                min,
                max,
                actual,
            } => {
                let message = match code {
                    "non_empty" => String::from("must not be empty"),
                    "chars" => {
                        let mut message = String::from("must be ");
                        describe_bounds(
                            &mut message,
                            &min.map(ParamValue::from),
                            &max.map(ParamValue::from),
                        );
                        let singular = matches!(max, Bound::Included(1) | Bound::Unbounded)
                            && matches!(min, Bound::Included(1) | Bound::Unbounded);
                        message.push_str(if singular {
                            " character long"
                        } else {
                            " characters long"
                        });
                        message
                    }
                    _ => {
                        let mut message = String::from("length must be ");
                        describe_bounds(
                            &mut message,
                            &min.map(ParamValue::from),
                            &max.map(ParamValue::from),
                        );
                        message
                    }
                };
                let mut error = ValidationError::new(code, message);
                push_bounds(
                    &mut error.params,
                    min.map(ParamValue::from),
                    max.map(ParamValue::from),
                );
                error.with_param("actual", actual)
            }
            Failure::Plain { code, message } => ValidationError::new(code, message),
            Failure::WithText {
                code,
                message,
                name,
                text,
            } => ValidationError::new(code, format!("{message} \"{text}\"")).with_param(name, text),
            Failure::Listed {
                code,
                message,
                written,
            } => {
                ValidationError::new(code, format!("{message} {written}")).with_param(code, written)
            }
            Failure::Error(error) => error,
        }
    }
}

/// Writes "between 1 and 10", "at least 1", "less than 10", … after "must be ".
fn describe_bounds(out: &mut String, min: &Bound<ParamValue>, max: &Bound<ParamValue>) {
    // `write!` into a `String` cannot fail.
    let _ = match (min, max) {
        (Bound::Included(min), Bound::Included(max)) => write!(out, "between {min} and {max}"),
        (Bound::Included(min), Bound::Unbounded) => write!(out, "at least {min}"),
        (Bound::Excluded(min), Bound::Unbounded) => write!(out, "greater than {min}"),
        (Bound::Unbounded, Bound::Included(max)) => write!(out, "at most {max}"),
        (Bound::Unbounded, Bound::Excluded(max)) => write!(out, "less than {max}"),
        (Bound::Unbounded, Bound::Unbounded) => write!(out, "any value"),
        (min, max) => {
            let low = match min {
                Bound::Included(min) => format!("at least {min}"),
                Bound::Excluded(min) => format!("greater than {min}"),
                Bound::Unbounded => String::new(),
            };
            let high = match max {
                Bound::Included(max) => format!("at most {max}"),
                Bound::Excluded(max) => format!("less than {max}"),
                Bound::Unbounded => String::new(),
            };
            write!(out, "{low} and {high}")
        }
    };
}

fn push_bounds(
    params: &mut alloc::collections::BTreeMap<Cow<'static, str>, ParamValue>,
    min: Bound<ParamValue>,
    max: Bound<ParamValue>,
) {
    match min {
        Bound::Included(min) => {
            params.insert(Cow::Borrowed("min"), min);
        }
        Bound::Excluded(min) => {
            params.insert(Cow::Borrowed("exclusive_min"), min);
        }
        Bound::Unbounded => {}
    }
    match max {
        Bound::Included(max) => {
            params.insert(Cow::Borrowed("max"), max);
        }
        Bound::Excluded(max) => {
            params.insert(Cow::Borrowed("exclusive_max"), max);
        }
        Bound::Unbounded => {}
    }
}

pub(crate) fn plain(ok: bool, code: &'static str, message: &'static str) -> Outcome {
    if ok {
        Ok(())
    } else {
        Err(alloc::boxed::Box::new(Failure::Plain { code, message }))
    }
}

pub(crate) fn with_text(
    ok: bool,
    code: &'static str,
    message: &'static str,
    text: &'static str,
) -> Outcome {
    if ok {
        Ok(())
    } else {
        Err(alloc::boxed::Box::new(Failure::WithText {
            code,
            message,
            name: code,
            text,
        }))
    }
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
