//! Turns raw rule syntax into the checked rule model, reporting every rule that does
//! not fit its field: wrong type, empty or reversed ranges, out-of-type bounds, bad
//! regexes. Emission only ever sees what passed here.

use proc_macro2::Span;

use super::bounds::{check_bounds, USIZE};
use super::model::{AppliedRule, Invariant, Overrides, Rule, RuleSource, Set, ValueRules};
use super::parse::{RawArgument, RawInvariant, RawRule, RawRuleSet};
use super::table::{Fit, RuleKind};
use crate::util::attr::{error, Errors};
use crate::util::shape::Shape;

/// Checks every `#[validate(...)]` of a field named `field` of type `ty`.
pub fn field_rules(
    field: &str,
    ty: &syn::Type,
    sets: Vec<RawRuleSet>,
    errors: &mut Errors,
) -> ValueRules {
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
        applied: Vec::new(),
        each: None,
    };
    let mut each_sets = Vec::new();
    let mut each_span = None;
    for mut set in sets {
        let overrides = Overrides {
            message: set.message.clone(),
            code: set.code.clone(),
            when: set.when.clone(),
        };
        let before = rules.applied.len() + usize::from(rules.required.is_some()) + each_sets.len();
        if set.required.is_present() {
            if optional {
                rules.required = Some((set.required.span(), overrides.clone()));
            } else {
                errors.push(
                    error(format!(
                        "`required` applies to `Option` fields, and `{field}` always has a \
                         value: remove `required`"
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
            inner.when = inner.when.or_else(|| overrides.when.clone());
            each_sets.push(inner);
            each_span.get_or_insert(span);
        }
        push_checks(
            field,
            &rules.shape,
            set.rules,
            &overrides,
            &mut rules.applied,
            errors,
        );
        let after = rules.applied.len() + usize::from(rules.required.is_some()) + each_sets.len();
        if after == before {
            if let Some(when) = &overrides.when {
                errors.push(
                    error(
                        "`when` says when the rules of its own `#[validate(...)]` apply, and \
                         this one has none: add a rule next to it (`required` for \"required \
                         if\")",
                    )
                    .at(when),
                );
            } else if let Some(lit) = overrides.message.as_ref().or(overrides.code.as_ref()) {
                errors.push(
                    error(
                        "`message` and `code` apply to the rules of their own \
                         `#[validate(...)]`, and this one has none: add a rule next to them",
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
                        "`each` applies to collections, and `{field}` is {}: remove `each` and \
                         write its rules directly",
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
    checks: &mut Vec<AppliedRule>,
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
        checks.push(AppliedRule {
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
        RawArgument::Flag
        | RawArgument::Bounds(_)
        | RawArgument::Path(_)
        | RawArgument::Integer(..)
        | RawArgument::List(_) => None,
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
                        "invalid regex in `pattern`: {message}; fix the pattern (regex crate \
                         syntax)"
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
        RuleKind::CreditCard => (Rule::CreditCard, word),
        RuleKind::OneOf | RuleKind::NoneOf => {
            let RawArgument::List(list) = argument else {
                return None;
            };
            let listed = set_literals(name, shape, &list, errors)?;
            let source = RuleSource::Valued(name, format!("[{listed}]"));
            let set = Set {
                text: matches!(shape, Shape::Text { .. }),
                list,
                listed,
            };
            if kind == RuleKind::OneOf {
                (Rule::OneOf(set), source)
            } else {
                (Rule::NoneOf(set), source)
            }
        }
        RuleKind::MultipleOf => {
            let RawArgument::Integer(value, digits) = argument else {
                return None;
            };
            let written = crate::util::source_text(&value);
            if digits.base10_parse::<u128>().ok() == Some(0) {
                errors.push(
                    error(
                        "nothing divides by 0: write a divisor other than 0, as in \
                         `multiple_of = 5`",
                    )
                    .at(&value),
                );
                return None;
            }
            let source = RuleSource::Valued(name, written.clone());
            (Rule::MultipleOf(value, written), source)
        }
    })
}

/// The literals of `one_of`/`none_of` as text (`"eur", "usd"`), after checking that
/// there is at least one and that each is a literal of the field's kind: strings for a
/// string, integers for an integer.
fn set_literals(
    name: &str,
    shape: &Shape,
    list: &syn::ExprArray,
    errors: &mut Errors,
) -> Option<String> {
    if list.elems.is_empty() {
        errors.push(
            error(format!(
                "`{name} = []` lists nothing: write the values, `{name} = [\"a\", \"b\"]`"
            ))
            .at(list),
        );
        return None;
    }
    let text = matches!(shape, Shape::Text { .. });
    let mut ok = true;
    for element in &list.elems {
        let integer = super::parse::integer_literal(element).is_some();
        let string = matches!(
            element,
            syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(_),
                ..
            })
        );
        let fits = match shape {
            Shape::Text { .. } => string,
            Shape::Int(_) => integer,
            _ => string || integer,
        };
        if !fits {
            let expected = if text {
                "a string literal"
            } else {
                "an integer literal"
            };
            errors.push(
                error(format!(
                    "`{name}` compares the field with literals of its own type: write {expected} \
                     here"
                ))
                .at(element),
            );
            ok = false;
        }
    }
    ok.then(|| {
        list.elems
            .iter()
            .map(crate::util::source_text)
            .collect::<Vec<_>>()
            .join(", ")
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

/// Whether a rule that fits `fit` applies to a value of `shape`.
fn fit_matches(fit: Fit, shape: &Shape) -> bool {
    matches!(
        (fit, shape),
        (_, Shape::Other)
            | (Fit::Any, _)
            | (Fit::Number, Shape::Int(_) | Shape::Float { .. })
            | (Fit::Sized | Fit::Text, Shape::Text { .. })
            | (Fit::Sized, Shape::Collection(_))
            | (Fit::Float, Shape::Float { .. })
            | (Fit::Integer, Shape::Int(_))
            | (Fit::Set, Shape::Text { .. } | Shape::Int(_))
    )
}

fn fits(field: &str, rule: &str, shape: &Shape, fit: Fit, span: Span, errors: &mut Errors) -> bool {
    let ok = fit_matches(fit, shape);
    if !ok {
        let what = shape.describe();
        let element_fits = match shape {
            Shape::Collection(Some(element)) => {
                let element = Shape::of(element);
                !matches!(element, Shape::Other) && fit_matches(fit, &element)
            }
            _ => false,
        };
        let advice = match (fit, shape) {
            _ if element_fits && !matches!(fit, Fit::Composite) => {
                format!("to check each element, move `{rule}` into `each(...)`")
            }
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
            Fit::Integer => "integers",
            Fit::Set => "strings and integers",
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

/// The checked `#[invariant(...)]`s of a type: each with its message.
pub fn invariants(raw: Vec<RawInvariant>) -> Vec<Invariant> {
    raw.into_iter()
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
