//! The checks behind each `#[validate(...)]` rule, called by generated code.
//!
//! Each check is a small `#[inline]` function that returns `Ok(())` without
//! allocating when the rule holds; only [`report`] turns a failure into a [`ValidationError`] with its path
//! and message, on the cold path. The traits here tell which types a rule fits, and
//! their `on_unimplemented` messages are what a user sees for a rule that does not fit.

use alloc::borrow::Cow;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::Write as _;
use core::ops::Bound;

pub mod check;

use super::error::{ParamValue, ValidationError, ValidationErrors};
use super::path::PathNode;
use super::RangeValue;

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

#[inline]
fn within<T: PartialOrd + ?Sized>(value: &T, min: Bound<&T>, max: Bound<&T>) -> bool {
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

fn check_length(
    code: &'static str,
    actual: usize,
    min: Bound<usize>,
    max: Bound<usize>,
) -> Outcome {
    if within(&actual, min.as_ref(), max.as_ref()) {
        Ok(())
    } else {
        Err(alloc::boxed::Box::new(Failure::Length {
            code,
            min,
            max,
            actual,
        }))
    }
}

/// Types with a length: strings (in bytes) and collections (in elements).
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no length, so `length` and `non_empty` do not apply to it",
    label = "`length` and `non_empty` need a string or a collection here",
    note = "they apply to `str`, `String`, `Vec`, slices, arrays, maps and sets; use `range` for numbers"
)]
pub trait HasLength {
    /// The length in bytes (strings) or elements (collections).
    fn length(&self) -> usize;
}

/// Types that are text: the string rules (`chars`, `pattern`, `email`, `url`,
/// `ascii`, `alphanumeric`, `prefix`, `suffix`, `contains`) read them as `&str`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a string, so this string rule does not apply to it",
    label = "this rule needs a string here",
    note = "string rules apply to `str`, `String`, `Cow<str>` and `Box<str>`"
)]
pub trait Text {
    /// The text.
    fn text(&self) -> &str;
}

/// Floating-point numbers, for `finite`.
#[diagnostic::on_unimplemented(
    message = "`finite` applies to `f32` and `f64`, not to `{Self}`",
    label = "`finite` needs a floating-point number here"
)]
pub trait Float {
    /// Neither NaN nor infinite.
    fn is_finite_number(&self) -> bool;
}

impl Float for f32 {
    fn is_finite_number(&self) -> bool {
        self.is_finite()
    }
}

impl Float for f64 {
    fn is_finite_number(&self) -> bool {
        self.is_finite()
    }
}

impl<T: HasLength + ?Sized> HasLength for &T {
    fn length(&self) -> usize {
        (**self).length()
    }
}

impl<T: Text + ?Sized> Text for &T {
    fn text(&self) -> &str {
        (**self).text()
    }
}

impl Text for str {
    fn text(&self) -> &str {
        self
    }
}

impl Text for String {
    fn text(&self) -> &str {
        self
    }
}

impl Text for Cow<'_, str> {
    fn text(&self) -> &str {
        self
    }
}

impl Text for alloc::boxed::Box<str> {
    fn text(&self) -> &str {
        self
    }
}

impl Text for alloc::rc::Rc<str> {
    fn text(&self) -> &str {
        self
    }
}

impl Text for alloc::sync::Arc<str> {
    fn text(&self) -> &str {
        self
    }
}

macro_rules! has_length {
    ($( [$($generics:tt)*] $ty:ty => $len:ident ),* $(,)?) => {$(
        impl<$($generics)*> HasLength for $ty {
            #[inline]
            fn length(&self) -> usize {
                self.$len()
            }
        }
    )*};
}

has_length! {
    [] str => len,
    [] String => len,
    ['a] Cow<'a, str> => len,
    [] alloc::boxed::Box<str> => len,
    [T] [T] => len,
    [T, const N: usize] [T; N] => len,
    [T] Vec<T> => len,
    [T] alloc::boxed::Box<[T]> => len,
    [T] alloc::collections::VecDeque<T> => len,
    [T] alloc::collections::BTreeSet<T> => len,
    [K, V] alloc::collections::BTreeMap<K, V> => len,
}

#[cfg(feature = "std")]
has_length! {
    [T, S] std::collections::HashSet<T, S> => len,
    [K, V, S] std::collections::HashMap<K, V, S> => len,
}

/// `length(...)`: length in bytes (strings) or elements (collections).
///
/// # Errors
/// A [`Failure::Length`] when the length is outside the bounds.
#[inline]
pub fn length<T: HasLength + ?Sized>(value: &T, min: Bound<usize>, max: Bound<usize>) -> Outcome {
    check_length("length", value.length(), min, max)
}

/// `non_empty`: length above zero.
///
/// # Errors
/// A [`Failure::Length`] when the value is empty.
#[inline]
pub fn non_empty<T: HasLength + ?Sized>(value: &T) -> Outcome {
    check_length(
        "non_empty",
        value.length(),
        Bound::Included(1),
        Bound::Unbounded,
    )
}

/// `chars(...)`: length in Unicode scalar values.
///
/// # Errors
/// A [`Failure::Length`] when the count is outside the bounds.
#[inline]
pub fn chars<T: Text + ?Sized>(value: &T, min: Bound<usize>, max: Bound<usize>) -> Outcome {
    check_length("chars", value.text().chars().count(), min, max)
}

/// Counts the chars of `text` in a const context (for `new_const`).
#[must_use]
pub const fn const_char_count(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut count = 0;
    let mut index = 0;
    while index < bytes.len() {
        // Every char has exactly one byte that is not a continuation byte (0b10xx_xxxx).
        if bytes[index] & 0xC0 != 0x80 {
            count += 1;
        }
        index += 1;
    }
    count
}

fn plain(ok: bool, code: &'static str, message: &'static str) -> Outcome {
    if ok {
        Ok(())
    } else {
        Err(alloc::boxed::Box::new(Failure::Plain { code, message }))
    }
}

/// `ascii`: every char is ASCII.
///
/// # Errors
/// A [`Failure::Plain`] otherwise.
#[inline]
pub fn ascii<T: Text + ?Sized>(value: &T) -> Outcome {
    plain(
        value.text().is_ascii(),
        "ascii",
        "must contain only ASCII characters",
    )
}

/// `ip`: an IPv4 or IPv6 address as the standard library parses it (`192.0.2.1`,
/// `2001:db8::1`).
///
/// # Errors
/// A [`Failure::Plain`] otherwise.
#[inline]
pub fn ip<T: Text + ?Sized>(value: &T) -> Outcome {
    let valid = value.text().parse::<core::net::IpAddr>().is_ok();
    plain(valid, "ip", "must be an IP address")
}

/// `ipv4`: an IPv4 address in dotted-decimal form (`192.0.2.1`).
///
/// # Errors
/// A [`Failure::Plain`] otherwise.
#[inline]
pub fn ipv4<T: Text + ?Sized>(value: &T) -> Outcome {
    let valid = value.text().parse::<core::net::Ipv4Addr>().is_ok();
    plain(valid, "ipv4", "must be an IPv4 address")
}

/// `ipv6`: an IPv6 address (`2001:db8::1`, `::ffff:192.0.2.1`).
///
/// # Errors
/// A [`Failure::Plain`] otherwise.
#[inline]
pub fn ipv6<T: Text + ?Sized>(value: &T) -> Outcome {
    let valid = value.text().parse::<core::net::Ipv6Addr>().is_ok();
    plain(valid, "ipv6", "must be an IPv6 address")
}

/// `alphanumeric`: every char is a letter or a digit (Unicode `Alphabetic` or
/// `Numeric`, as [`char::is_alphanumeric`]).
///
/// # Errors
/// A [`Failure::Plain`] otherwise.
#[inline]
pub fn alphanumeric<T: Text + ?Sized>(value: &T) -> Outcome {
    plain(
        value.text().chars().all(char::is_alphanumeric),
        "alphanumeric",
        "must contain only letters and digits",
    )
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

fn with_text(ok: bool, code: &'static str, message: &'static str, text: &'static str) -> Outcome {
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

/// `prefix = "..."`.
///
/// # Errors
/// A [`Failure::WithText`] otherwise.
#[inline]
pub fn prefix<T: Text + ?Sized>(value: &T, prefix: &'static str) -> Outcome {
    with_text(
        value.text().starts_with(prefix),
        "prefix",
        "must start with",
        prefix,
    )
}

/// `suffix = "..."`.
///
/// # Errors
/// A [`Failure::WithText`] otherwise.
#[inline]
pub fn suffix<T: Text + ?Sized>(value: &T, suffix: &'static str) -> Outcome {
    with_text(
        value.text().ends_with(suffix),
        "suffix",
        "must end with",
        suffix,
    )
}

/// `contains = "..."`.
///
/// # Errors
/// A [`Failure::WithText`] otherwise.
#[inline]
pub fn contains<T: Text + ?Sized>(value: &T, needle: &'static str) -> Outcome {
    with_text(
        value.text().contains(needle),
        "contains",
        "must contain",
        needle,
    )
}

/// `email`: a valid email address as the WHATWG HTML Standard defines it.
///
/// # Errors
/// A [`Failure::Plain`] otherwise.
#[inline]
pub fn email<T: Text + ?Sized>(value: &T) -> Outcome {
    plain(
        super::email::is_valid_email(value.text()),
        "email",
        "must be a valid email address",
    )
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

/// Marks that the `url` rule is compiled in: the runtime's `url` feature is on.
#[diagnostic::on_unimplemented(
    message = "the `url` rule needs palisade's `url` feature",
    label = "`url` used here",
    note = "enable it with `palisade = {{ version = \"...\", features = [\"url\"] }}`"
)]
pub trait UrlSupport {
    /// Whether `text` is an absolute URL.
    fn is_url(&self, text: &str) -> bool;
}

/// The `url` rule's checker.
#[derive(Debug, Clone, Copy)]
pub struct UrlRule;

#[cfg(feature = "url")]
impl UrlSupport for UrlRule {
    fn is_url(&self, text: &str) -> bool {
        // The parser accepts only absolute URLs (with a scheme). It also repairs input
        // the WHATWG URL Standard calls a validation error — tabs and newlines inside
        // it (`\r\n` header injection), leading or trailing controls and spaces,
        // backslashes, unencoded spaces, credentials — and the rule would then pass the
        // raw text it never checked; any such report fails the rule.
        // The parser does not report every one (control characters in an opaque host
        // pass unremarked), so text with a character that no part of a valid URL
        // string may hold fails first.
        if !text.chars().all(url_unit) {
            return false;
        }
        let violation = core::cell::Cell::new(false);
        let report = |_| violation.set(true);
        url::Url::options()
            .syntax_violation_callback(Some(&report))
            .parse(text)
            .is_ok()
            && !violation.get()
    }
}

/// Whether `c` may appear in a valid URL string: a URL code point, `%` of an escape,
/// or a delimiter (`#` before the fragment, `[` `]` around an IPv6 host). Spaces,
/// controls, `"<>\\^`{|}` and Unicode noncharacters may not.
#[cfg(feature = "url")]
fn url_unit(c: char) -> bool {
    let noncharacter = ('\u{FDD0}'..='\u{FDEF}').contains(&c) || (u32::from(c) & 0xFFFE) == 0xFFFE;
    c.is_ascii_alphanumeric()
        || "!$&'()*+,-./:;=?@_~#%[]".contains(c)
        || (!c.is_ascii() && !noncharacter)
}

/// `url`: an absolute URL as the WHATWG URL Standard parses it, with no validation
/// error: text the parser would have to repair (a tab, a newline, a space, a
/// backslash, a control character, credentials) fails.
///
/// # Errors
/// A [`Failure::Plain`] otherwise.
#[inline]
pub fn url<T: Text + ?Sized, R: UrlSupport>(value: &T, rule: &R) -> Outcome {
    plain(
        rule.is_url(value.text()),
        "url",
        "must be a valid absolute URL",
    )
}

/// Marks that the `pattern` rule is compiled in: the runtime's `regex` feature is on.
#[diagnostic::on_unimplemented(
    message = "the `pattern` rule needs palisade's `regex` feature",
    label = "`pattern` used here",
    note = "enable it with `palisade = {{ version = \"...\", features = [\"regex\"] }}`"
)]
pub trait PatternSupport {
    /// Whether the whole of `text` matches.
    fn is_full_match(&self, text: &str) -> bool;
    /// The pattern as the user wrote it.
    fn source(&self) -> &'static str;
}

/// A `pattern = "..."` rule: the regex is compiled on first use, once per pattern.
#[derive(Debug)]
pub struct Pattern {
    source: &'static str,
    #[cfg(feature = "regex")]
    compiled: std::sync::OnceLock<Option<regex::Regex>>,
}

impl Pattern {
    /// The pattern as the user wrote it.
    #[must_use]
    pub const fn as_str(&self) -> &'static str {
        self.source
    }

    /// A pattern that must match the whole text. `source` was checked by the macro.
    #[must_use]
    pub const fn new(source: &'static str) -> Self {
        Self {
            source,
            #[cfg(feature = "regex")]
            compiled: std::sync::OnceLock::new(),
        }
    }
}

/// Whether `source` ends inside a verbose-mode comment.
#[cfg(feature = "regex")]
fn ends_in_comment(source: &str) -> bool {
    regex_syntax::ast::parse::Parser::new()
        .parse_with_comments(source)
        .is_ok_and(|parsed| {
            parsed
                .comments
                .last()
                .is_some_and(|comment| comment.span.end.offset == source.len())
        })
}

#[cfg(feature = "regex")]
impl PatternSupport for Pattern {
    fn is_full_match(&self, text: &str) -> bool {
        let regex = self.compiled.get_or_init(|| {
            // Anchoring the whole pattern makes `a|b` mean `^(?:a|b)$`, not `^a|b$`.
            // A verbose-mode (`(?x)`) pattern that ends in a `# comment` would swallow
            // the closing `)`: a newline ends the comment first (and is whitespace in
            // that mode). The macro already parsed `source` with regex-syntax; one that
            // still fails here (over the size limit) matches nothing rather than
            // panicking.
            let end = if ends_in_comment(self.source) {
                "\n"
            } else {
                ""
            };
            regex::Regex::new(&format!(r"\A(?:{}{end})\z", self.source)).ok()
        });
        regex.as_ref().is_some_and(|regex| regex.is_match(text))
    }

    fn source(&self) -> &'static str {
        self.source
    }
}

/// `pattern = "..."`: the whole text matches the regex.
///
/// # Errors
/// A [`Failure::WithText`] otherwise.
#[inline]
pub fn pattern<T: Text + ?Sized, P: PatternSupport>(value: &T, pattern: &P) -> Outcome {
    if pattern.is_full_match(value.text()) {
        Ok(())
    } else {
        Err(alloc::boxed::Box::new(Failure::WithText {
            code: "pattern",
            message: "must match the pattern",
            name: "pattern",
            text: pattern.source(),
        }))
    }
}
