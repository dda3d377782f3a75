//! Turns raw rule syntax into the checked rule model, reporting every rule that does
//! not fit its field: wrong type, empty or reversed ranges, out-of-type bounds, bad
//! regexes. Emission only ever sees what passed here.

use proc_macro2::Span;

use super::parse::{self, RawArgument, RawRule, RawRuleSet};
use super::table::{Fit, RuleKind};
use crate::util::attr::{error, Errors};
use crate::util::shape::{IntType, Shape};

/// `message = "..."` / `code = "..."` of a rule.
#[derive(Clone, Default)]
pub struct Overrides {
    /// The replacement human message.
    pub message: Option<syn::LitStr>,
    /// The replacement machine code.
    pub code: Option<syn::LitStr>,
}

/// The bounds of a checked range, ready to emit (literals already typed for the field).
#[derive(Clone)]
pub struct Bounds {
    /// The lower bound, if any (always inclusive).
    pub start: Option<syn::Expr>,
    /// The upper bound, if any.
    pub end: Option<syn::Expr>,
    /// Whether `end` is inclusive (`..=`).
    pub inclusive: bool,
    /// Whether `start` is a literal equal to the type's minimum, so checking it could
    /// never fail (and a const comparison with it would trip `unused_comparisons`).
    pub start_is_trivial: bool,
    /// Whether `end` is an inclusive literal equal to the type's maximum.
    pub end_is_trivial: bool,
}

/// One rule that fits its value.
#[derive(Clone)]
pub enum Rule {
    /// `range(...)`.
    Range(Bounds),
    /// `length(...)`.
    Length(Bounds),
    /// `chars(...)`.
    Chars(Bounds),
    /// `non_empty`.
    NonEmpty,
    /// `pattern = "..."`, already parsed successfully.
    Pattern(syn::LitStr),
    /// `email`.
    Email,
    /// `url`.
    Url,
    /// `ip`.
    Ip,
    /// `ipv4`.
    Ipv4,
    /// `ipv6`.
    Ipv6,
    /// `ascii`.
    Ascii,
    /// `alphanumeric`.
    Alphanumeric,
    /// `prefix = "..."`.
    Prefix(syn::LitStr),
    /// `suffix = "..."`.
    Suffix(syn::LitStr),
    /// `contains = "..."`.
    Contains(syn::LitStr),
    /// `finite`.
    Finite,
    /// `custom = path`.
    Custom(syn::Path),
    /// `nested`.
    Nested,
}

/// A rule as the user wrote it, rendered only when a message needs it (reading
/// tokens back into text is slow enough to matter on every build).
#[derive(Clone)]
pub enum RuleSource {
    /// `range(1..=10)`, `length(..=64)`, `chars(2..)`.
    Bounded(&'static str, syn::ExprRange),
    /// `email`, `non_empty`, ...
    Word(&'static str),
    /// `prefix = "..."`, `pattern = "..."`, ...
    Text(&'static str, syn::LitStr),
    /// `custom = path`.
    Custom(syn::Path),
}

impl RuleSource {
    /// The rule as text: `range(1..=10)`.
    pub fn render(&self) -> String {
        match self {
            RuleSource::Bounded(name, range) => {
                format!("{name}({})", crate::util::source_text(range))
            }
            RuleSource::Word(name) => (*name).to_owned(),
            RuleSource::Text(name, lit) => format!("{name} = {}", crate::util::source_text(lit)),
            RuleSource::Custom(path) => format!("custom = {}", crate::util::source_text(path)),
        }
    }
}

/// A rule with where it was written and its overrides.
#[derive(Clone)]
pub struct Check {
    /// Which rule, as the table names it.
    pub kind: RuleKind,
    /// The rule.
    pub rule: Rule,
    /// The rule's tokens, so type errors land on it.
    pub span: Span,
    /// The rule as written, for compile-time messages (`range(1..=10)`).
    pub source: RuleSource,
    /// `message` / `code` of its attribute.
    pub overrides: Overrides,
}

/// Every rule on one value (a field, or the elements of a collection field).
#[derive(Clone)]
pub struct ValueRules {
    /// The shape of the value the checks apply to (inside the `Option`, if any).
    pub shape: Shape,
    /// Whether the value is an `Option` whose content the checks apply to.
    pub optional: bool,
    /// `required` on an `Option`, with its overrides.
    pub required: Option<(Span, Overrides)>,
    /// Checks on the value itself.
    pub checks: Vec<Check>,
    /// Rules on each element, for `each(...)`.
    pub each: Option<Box<ValueRules>>,
}

impl ValueRules {
    /// Whether nothing is checked.
    pub fn is_empty(&self) -> bool {
        self.required.is_none() && self.checks.is_empty() && self.each.is_none()
    }

    /// Whether every check can run in a `const fn` (integer ranges and lengths of `&str`).
    pub fn is_const_evaluable(&self) -> bool {
        let const_shape = match &self.shape {
            Shape::Int(_) => true,
            Shape::Text { static_str } => *static_str,
            Shape::Float { .. }
            | Shape::Scalar(_)
            | Shape::Collection(_)
            | Shape::Option(_)
            | Shape::Other => false,
        };
        !self.optional
            && self.each.is_none()
            && (self.checks.is_empty()
                || const_shape && self.checks.iter().all(|check| check.kind.const_evaluable()))
    }
}

/// A checked struct-level invariant.
pub struct Invariant {
    /// The condition over `self`.
    pub expr: syn::Expr,
    /// The message when it does not hold.
    pub message: String,
    /// The code, if overridden.
    pub code: Option<syn::LitStr>,
}

/// Reads and checks every `#[validate(...)]` of a field named `field` of type `ty`.
pub fn field_rules(
    field: &str,
    ty: &syn::Type,
    attrs: &[syn::Attribute],
    errors: &mut Errors,
) -> ValueRules {
    let sets = attrs
        .iter()
        .filter(|attr| attr.path().is_ident(parse::VALIDATE))
        .filter_map(|attr| errors.handle(parse::parse_rule_set(attr)))
        .collect::<Vec<_>>();
    value_rules(field, Some(ty), sets, errors)
}

fn value_rules(
    field: &str,
    ty: Option<&syn::Type>,
    sets: Vec<RawRuleSet>,
    errors: &mut Errors,
) -> ValueRules {
    let declared = ty.map_or(Shape::Other, Shape::of);
    let (shape, optional) = match declared {
        Shape::Option(inner) => (Shape::of(&inner), true),
        shape => (shape, false),
    };
    let mut rules = ValueRules {
        shape,
        optional,
        required: None,
        checks: Vec::new(),
        each: None,
    };
    let mut each_sets = Vec::new();
    let mut each_span = None;
    for mut set in sets {
        let overrides = Overrides {
            message: set.message.clone(),
            code: set.code.clone(),
        };
        let before = rules.checks.len() + usize::from(rules.required.is_some()) + each_sets.len();
        if set.required.is_present() {
            if optional {
                rules.required = Some((set.required.span(), overrides.clone()));
            } else {
                errors.push(
                    error(format!(
                        "`required` applies to `Option` fields, and `{field}` always has a value: remove `required`"
                    ))
                    .at_span(set.required.span()),
                );
            }
        }
        if let Some(each) = set.each.take() {
            let span = each.span();
            let mut inner = *each.into_inner();
            inner.message = inner.message.or_else(|| overrides.message.clone());
            inner.code = inner.code.or_else(|| overrides.code.clone());
            each_sets.push(inner);
            each_span.get_or_insert(span);
        }
        push_checks(
            field,
            &rules.shape,
            set.rules,
            &overrides,
            &mut rules.checks,
            errors,
        );
        let after = rules.checks.len() + usize::from(rules.required.is_some()) + each_sets.len();
        if after == before {
            if let Some(lit) = overrides.message.as_ref().or(overrides.code.as_ref()) {
                errors.push(
                    error(
                        "`message` and `code` apply to the rules of their own `#[validate(...)]`, and this one has none: add a rule next to them",
                    )
                    .at(lit),
                );
            }
        }
    }
    if let Some(span) = each_span {
        let element = match &rules.shape {
            Shape::Collection(element) => Some(element.as_deref()),
            Shape::Other => Some(None),
            other => {
                errors.push(
                    error(format!(
                        "`each` applies to collections, and `{field}` is {}: remove `each` and write its rules directly",
                        other.describe()
                    ))
                    .at_span(span),
                );
                None
            }
        };
        if let Some(element) = element {
            let element_name = format!("{field}[..]");
            rules.each = Some(Box::new(value_rules(
                &element_name,
                element,
                each_sets,
                errors,
            )));
        }
    }
    rules
}

fn push_checks(
    field: &str,
    shape: &Shape,
    raw: Vec<RawRule>,
    overrides: &Overrides,
    checks: &mut Vec<Check>,
    errors: &mut Errors,
) {
    for raw in raw {
        let name = raw.kind.keyword();
        if !fits(field, name, shape, raw.kind.fit(), raw.span, errors) {
            continue;
        }
        let Some((rule, source)) = rule(field, shape, raw.kind, raw.argument, errors) else {
            continue;
        };
        checks.push(Check {
            kind: raw.kind,
            rule,
            span: raw.span,
            source,
            overrides: overrides.clone(),
        });
    }
}

/// The checked rule `kind` with its argument, or `None` after reporting why not.
fn rule(
    field: &str,
    shape: &Shape,
    kind: RuleKind,
    argument: RawArgument,
    errors: &mut Errors,
) -> Option<(Rule, RuleSource)> {
    let name = kind.keyword();
    // The parser read each argument as the table says its rule takes, so each arm
    // finds the argument it expects.
    let bounds = |argument: RawArgument, bound_shape: &Shape, errors: &mut Errors| {
        let RawArgument::Bounds(range) = argument else {
            return None;
        };
        let bounds = check_bounds(field, kind, &range.range, bound_shape, errors)?;
        Some((bounds, RuleSource::Bounded(name, range.range)))
    };
    let text = |argument: RawArgument| match argument {
        RawArgument::Text(text) => Some(text),
        RawArgument::Flag | RawArgument::Bounds(_) | RawArgument::Path(_) => None,
    };
    let word = RuleSource::Word(name);
    Some(match kind {
        // `range` bounds have the field's type; lengths are counted in `usize`.
        RuleKind::Range => {
            let (bounds, source) = bounds(argument, shape, errors)?;
            (Rule::Range(bounds), source)
        }
        RuleKind::Length => {
            let (bounds, source) = bounds(argument, &USIZE, errors)?;
            (Rule::Length(bounds), source)
        }
        RuleKind::Chars => {
            let (bounds, source) = bounds(argument, &USIZE, errors)?;
            (Rule::Chars(bounds), source)
        }
        RuleKind::NonEmpty => (Rule::NonEmpty, word),
        RuleKind::Email => (Rule::Email, word),
        RuleKind::Url => (Rule::Url, word),
        RuleKind::Ip => (Rule::Ip, word),
        RuleKind::Ipv4 => (Rule::Ipv4, word),
        RuleKind::Ipv6 => (Rule::Ipv6, word),
        RuleKind::Ascii => (Rule::Ascii, word),
        RuleKind::Alphanumeric => (Rule::Alphanumeric, word),
        RuleKind::Finite => (Rule::Finite, word),
        RuleKind::Nested => (Rule::Nested, word),
        RuleKind::Pattern => {
            let lit = text(argument)?;
            if let Err(message) = check_pattern(&lit.value()) {
                errors.push(
                    error(format!(
                        "invalid regex in `pattern`: {message}; fix the pattern (regex crate syntax)"
                    ))
                    .at(&lit),
                );
                return None;
            }
            (Rule::Pattern(lit.clone()), RuleSource::Text(name, lit))
        }
        RuleKind::Prefix => {
            let lit = text(argument)?;
            (Rule::Prefix(lit.clone()), RuleSource::Text(name, lit))
        }
        RuleKind::Suffix => {
            let lit = text(argument)?;
            (Rule::Suffix(lit.clone()), RuleSource::Text(name, lit))
        }
        RuleKind::Contains => {
            let lit = text(argument)?;
            (Rule::Contains(lit.clone()), RuleSource::Text(name, lit))
        }
        RuleKind::Custom => {
            let RawArgument::Path(path) = argument else {
                return None;
            };
            (Rule::Custom(path.clone()), RuleSource::Custom(path))
        }
    })
}

/// Parses `pattern` as the `regex` crate will, when the `regex` feature compiled the
/// parser in; without it the runtime refuses the `pattern` rule with its own message.
#[cfg(feature = "regex")]
fn check_pattern(pattern: &str) -> Result<(), String> {
    regex_syntax::Parser::new()
        .parse(pattern)
        .map(drop)
        .map_err(|error| first_line(&error.to_string()))
}

#[cfg(not(feature = "regex"))]
fn check_pattern(_: &str) -> Result<(), String> {
    Ok(())
}

/// regex-syntax errors span several lines with an ASCII-art pointer; the last line
/// says what is wrong.
#[cfg(feature = "regex")]
fn first_line(message: &str) -> String {
    message
        .lines()
        .rev()
        .find(|line| line.starts_with("error:"))
        .map_or_else(
            || message.lines().next().unwrap_or_default().to_owned(),
            |line| line.trim_start_matches("error:").trim().to_owned(),
        )
}

fn fits(field: &str, rule: &str, shape: &Shape, fit: Fit, span: Span, errors: &mut Errors) -> bool {
    let ok = matches!(
        (fit, shape),
        (_, Shape::Other)
            | (Fit::Any, _)
            | (Fit::Number, Shape::Int(_) | Shape::Float { .. })
            | (Fit::Sized | Fit::Text, Shape::Text { .. })
            | (Fit::Sized, Shape::Collection(_))
            | (Fit::Float, Shape::Float { .. })
    );
    if !ok {
        let what = shape.describe();
        let advice = match (fit, shape) {
            (Fit::Number, Shape::Text { .. }) => {
                "use `length(..)` or `chars(..)` to bound its length".to_owned()
            }
            (Fit::Number, Shape::Collection(_)) => "use `length(..)` to bound its size".to_owned(),
            (Fit::Sized, Shape::Int(_) | Shape::Float { .. }) => {
                "use `range(..)` to bound a number".to_owned()
            }
            (Fit::Float, Shape::Int(_)) => {
                "remove `finite`, since an integer is always finite".to_owned()
            }
            (Fit::Composite, Shape::Collection(_)) => {
                "to check each element, write `each(nested)`".to_owned()
            }
            (Fit::Composite, _) => {
                format!("remove `{rule}`, since {what} has no rules of its own")
            }
            _ => format!("remove `{rule}` or change the field's type"),
        };
        let applies = match fit {
            Fit::Number => "numbers",
            Fit::Sized => "strings and collections",
            Fit::Text => "strings",
            Fit::Float => "`f32` and `f64`",
            Fit::Composite => "types that implement `Validate`",
            Fit::Any => "any value",
        };
        errors.push(
            error(format!(
                "`{rule}` applies to {applies}, and `{field}` is {what}: {advice}"
            ))
            .at_span(span),
        );
    }
    ok
}

const USIZE: Shape = Shape::Int(IntType {
    name: "usize",
    min: 0,
    max: u64::MAX as u128,
});

/// A literal bound's value.
#[derive(Clone, Copy)]
enum Number {
    Int(Integer),
    Float(f64),
}

/// An integer literal of any sign and size, ordered by value.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Integer {
    /// `false` sorts first: negative values, ordered by `u128::MAX - magnitude`.
    non_negative: bool,
    /// For negative values `u128::MAX - |value|`, else `value`, so that the derived
    /// order is the numeric order.
    key: u128,
}

impl Integer {
    fn new(negative: bool, magnitude: u128) -> Self {
        if negative && magnitude != 0 {
            Integer {
                non_negative: false,
                key: u128::MAX - magnitude,
            }
        } else {
            Integer {
                non_negative: true,
                key: magnitude,
            }
        }
    }

    fn magnitude(self) -> u128 {
        if self.non_negative {
            self.key
        } else {
            u128::MAX - self.key
        }
    }
}

impl Number {
    #[allow(clippy::cast_precision_loss)] // only used to order a float against an integer
    fn as_f64(self) -> f64 {
        match self {
            Number::Int(int) if int.non_negative => int.key as f64,
            Number::Int(int) => -(int.magnitude() as f64),
            Number::Float(float) => float,
        }
    }

    fn cmp(self, other: Number) -> Option<std::cmp::Ordering> {
        match (self, other) {
            (Number::Int(low), Number::Int(high)) => Some(low.cmp(&high)),
            (low, high) => low.as_f64().partial_cmp(&high.as_f64()),
        }
    }
}

/// The value of a literal bound (`5`, `-5`, `1.5`), or `None` for any other expression.
fn literal(expr: &syn::Expr) -> Option<Result<Number, syn::Error>> {
    match expr {
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Int(int),
            ..
        }) => Some(
            int.base10_parse::<u128>()
                .map(|magnitude| Number::Int(Integer::new(false, magnitude))),
        ),
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Float(float),
            ..
        }) => Some(float.base10_parse::<f64>().map(|value| {
            // A literal too small even for `f64` parses as 0: keep it apart from a
            // written zero, as the smallest `f64` above zero.
            let mantissa = float.base10_digits().split(['e', 'E']).next().unwrap_or("");
            let written_zero = !mantissa.chars().any(|digit| ('1'..='9').contains(&digit));
            if value == 0.0 && !written_zero {
                Number::Float(f64::from_bits(1))
            } else {
                Number::Float(value)
            }
        })),
        syn::Expr::Unary(syn::ExprUnary {
            op: syn::UnOp::Neg(_),
            expr,
            ..
        }) => literal(expr).map(|inner| {
            inner.map(|number| match number {
                Number::Int(int) => Number::Int(Integer::new(int.non_negative, int.magnitude())),
                Number::Float(float) => Number::Float(-float),
            })
        }),
        syn::Expr::Lit(syn::ExprLit { lit, .. }) => Some(Err(syn::Error::new_spanned(
            lit,
            format!(
                "`{}` is not a number: range bounds are integers or floats, such as `1..=10`",
                crate::util::source_text(lit)
            ),
        ))),
        syn::Expr::Group(group) => literal(&group.expr),
        syn::Expr::Paren(paren) => literal(&paren.expr),
        _ => None,
    }
}

/// Checks the bounds of `rule(A..B)` against the value's shape.
fn check_bounds(
    field: &str,
    kind: RuleKind,
    range: &syn::ExprRange,
    shape: &Shape,
    errors: &mut Errors,
) -> Option<Bounds> {
    let rule = kind.keyword();
    let inclusive = matches!(range.limits, syn::RangeLimits::Closed(_));
    let start = range.start.as_deref();
    let end = range.end.as_deref();
    if start.is_none() && end.is_none() {
        errors.push(
            error(format!(
                "`{rule}(..)` has no bounds and accepts everything: give a lower bound, an upper bound or both, such as `{rule}(1..=10)`"
            ))
            .at(range),
        );
        return None;
    }
    let mut ok = true;
    let mut values = [None, None];
    for (slot, bound) in values.iter_mut().zip([start, end]) {
        let Some(bound) = bound else { continue };
        match literal(bound) {
            None => {}
            Some(Err(error)) => {
                errors.push(error);
                ok = false;
            }
            Some(Ok(number)) => match check_literal(field, kind, bound, number, shape) {
                Ok(()) => *slot = Some(number),
                Err(error) => {
                    errors.push(error);
                    ok = false;
                }
            },
        }
    }
    if let [Some(low), Some(high)] = values {
        let texts = || {
            (
                crate::util::source_text(&start),
                crate::util::source_text(&end),
            )
        };
        let order = low.cmp(high);
        if order == Some(std::cmp::Ordering::Greater) {
            let (low_text, high_text) = texts();
            let fixed = if inclusive {
                format!("{high_text}..={low_text}")
            } else {
                format!("{high_text}..{low_text}")
            };
            errors.push(
                error(format!(
                    "this range is reversed: `{low_text}` is greater than `{high_text}`, so no value passes; write `{rule}({fixed})`"
                ))
                .at(range),
            );
            ok = false;
        } else if order == Some(std::cmp::Ordering::Equal) && !inclusive {
            let (low_text, high_text) = texts();
            errors.push(
                error(format!(
                    "this range is empty: `{low_text}..{high_text}` excludes its only value; write `{rule}({low_text}..={high_text})`"
                ))
                .at(range),
            );
            ok = false;
        }
    }
    if let ([_, Some(Number::Int(high))], Shape::Int(int), false) = (values, shape, inclusive) {
        let at_min = if high.non_negative {
            high.key == 0 && int.min == 0
        } else {
            int.min < 0 && high.magnitude() == int.min.unsigned_abs()
        };
        if at_min && ok {
            errors.push(
                error(format!(
                    "this range is empty: no `{}` is less than `{}`; raise the upper bound",
                    int.name,
                    crate::util::source_text(&end)
                ))
                .at(range),
            );
            ok = false;
        }
    }
    if !ok {
        return None;
    }
    let typed = |bound: Option<&syn::Expr>| bound.map(|bound| typed_bound(bound, shape));
    let (start_is_trivial, end_is_trivial) = match (shape, values) {
        (Shape::Int(int), [low, high]) => (
            matches!(low, Some(Number::Int(low)) if low == Integer::new(int.min < 0, int.min.unsigned_abs())),
            inclusive
                && matches!(high, Some(Number::Int(high)) if high == Integer::new(false, int.max)),
        ),
        _ => (false, false),
    };
    Some(Bounds {
        start: typed(start),
        end: typed(end),
        inclusive,
        start_is_trivial,
        end_is_trivial,
    })
}

fn check_literal(
    field: &str,
    kind: RuleKind,
    bound: &syn::Expr,
    number: Number,
    shape: &Shape,
) -> Result<(), syn::Error> {
    let rule = kind.keyword();
    // Rendered only for a message: reading tokens back into text is not free.
    let text = || crate::util::source_text(&bound);
    match (shape, number) {
        (Shape::Int(int), Number::Float(_)) => Err(error(format!(
            "`{}` is not an integer, but `{field}` is `{}`: write an integer bound",
            text(),
            int.name
        ))
        .at(bound)),
        (Shape::Int(int), Number::Int(value)) => {
            let fits = if value.non_negative {
                value.magnitude() <= int.max
            } else {
                int.min < 0 && value.magnitude() <= int.min.unsigned_abs()
            };
            if fits {
                Ok(())
            } else if kind == RuleKind::Range {
                Err(error(format!(
                    "`{}` does not fit in `{}`, the type of `{field}` ({}..={}): use a bound within that range",
                    text(),
                    int.name,
                    int.min,
                    int.max
                ))
                .at(bound))
            } else {
                Err(error(format!(
                    "`{rule}` counts from 0, so `{}` is not a valid bound: use a non-negative integer",
                    text()
                ))
                .at(bound))
            }
        }
        (Shape::Float { bits }, Number::Float(value)) => {
            float_rounding(*bits, value).map_or(Ok(()), |(problem, hint)| {
                Err(error(format!(
                    "`{}` {problem} as `f{bits}`, the type of `{field}`, so the bound would \
                     not be the one written: {hint}",
                    text()
                ))
                .at(bound))
            })
        }
        _ => Ok(()),
    }
}

/// How a float literal's value is lost in a float of `bits` bits, if it is, and what
/// to write instead: it overflows to infinity, or underflows to zero or to a
/// subnormal, whose few bits of precision move the bound far from the one written.
/// (Rounding within the normal range is the ordinary last-bit rounding of every float
/// literal, and keeps order.)
fn float_rounding(bits: u8, value: f64) -> Option<(&'static str, &'static str)> {
    const SMALL_32: &str =
        "the smallest normal `f32` above zero is `1.1754944e-38` (`f32::MIN_POSITIVE`)";
    const SMALL_64: &str =
        "the smallest normal `f64` above zero is `2.2250738585072014e-308` (`f64::MIN_POSITIVE`)";
    const LARGE_32: &str = "the largest `f32` is `3.4028235e38` (`f32::MAX`)";
    const LARGE_64: &str = "the largest `f64` is `1.7976931348623157e308` (`f64::MAX`)";
    #[allow(clippy::cast_possible_truncation)]
    let (infinite, zero, subnormal, small, large) = if bits == 32 {
        let rounded = value as f32;
        let zero = rounded == 0.0 && value != 0.0;
        (
            rounded.is_infinite(),
            zero,
            rounded.is_subnormal(),
            SMALL_32,
            LARGE_32,
        )
    } else {
        // The literal reader keeps a literal too small for `f64` as its smallest value.
        let zero = value.to_bits() == 1;
        (
            value.is_infinite(),
            zero,
            value.is_subnormal(),
            SMALL_64,
            LARGE_64,
        )
    };
    if infinite {
        Some(("is too large and becomes infinity", large))
    } else if zero {
        Some(("is too small and rounds to 0", small))
    } else if subnormal {
        Some((
            "is too small to be held exactly (a subnormal number)",
            small,
        ))
    } else {
        None
    }
}

/// An integer literal bound on a float field becomes a float literal, so `range(0..=1)`
/// works on an `f64` as it reads.
fn typed_bound(bound: &syn::Expr, shape: &Shape) -> syn::Expr {
    match (shape, bound) {
        (
            Shape::Float { .. },
            syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Int(int),
                attrs,
            }),
        ) if int.suffix().is_empty() => {
            let float = syn::LitFloat::new(&format!("{}.0", int.base10_digits()), int.span());
            syn::Expr::Lit(syn::ExprLit {
                attrs: attrs.clone(),
                lit: syn::Lit::Float(float),
            })
        }
        (Shape::Float { .. }, syn::Expr::Unary(unary)) => {
            let mut unary = unary.clone();
            *unary.expr = typed_bound(&unary.expr, shape);
            syn::Expr::Unary(unary)
        }
        _ => bound.clone(),
    }
}

/// Reads and checks the `#[invariant(...)]`s of a type.
pub fn invariants(attrs: &[syn::Attribute], errors: &mut Errors) -> Vec<Invariant> {
    attrs
        .iter()
        .filter(|attr| attr.path().is_ident(parse::INVARIANT))
        .filter_map(|attr| errors.handle(parse::parse_invariant(attr)))
        .map(|raw| Invariant {
            message: raw.options.message.as_ref().map_or_else(
                || {
                    format!(
                        "invariant `{}` does not hold",
                        crate::util::source_text(&raw.expr)
                    )
                },
                syn::LitStr::value,
            ),
            code: raw.options.code,
            expr: raw.expr,
        })
        .collect()
}
