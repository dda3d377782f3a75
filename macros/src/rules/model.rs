//! The checked model of field rules: what emission works from, and all it needs.

use proc_macro2::Span;

use super::table::RuleKind;
use crate::util::shape::Shape;

/// `message = "..."` / `code = "..."` / `when = EXPR` of a rule.
#[derive(Clone, Default)]
pub struct Overrides {
    /// The replacement human message.
    pub message: Option<syn::LitStr>,
    /// The replacement machine code.
    pub code: Option<syn::LitStr>,
    /// The condition under which the rule applies.
    pub when: Option<syn::Expr>,
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
    /// `credit_card`.
    CreditCard,
    /// `one_of = [..]`.
    OneOf(Set),
    /// `none_of = [..]`.
    NoneOf(Set),
    /// `multiple_of = N`: the literal (never 0), and its text for messages.
    MultipleOf(syn::Expr, String),
}

/// The literals of `one_of`/`none_of`.
#[derive(Clone)]
pub struct Set {
    /// The literals.
    pub list: syn::ExprArray,
    /// Their text, for messages: `"eur", "usd"`.
    pub listed: String,
    /// Whether they are strings, compared with the value's text (so every string
    /// type compares, `Box<str>` included).
    pub text: bool,
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
    /// `one_of = [..]`, `multiple_of = 5`: the rule and its argument's text.
    Valued(&'static str, String),
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
            RuleSource::Valued(name, text) => format!("{name} = {text}"),
        }
    }
}

/// A rule with where it was written and its overrides.
#[derive(Clone)]
pub struct AppliedRule {
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
    /// The rules on the value itself.
    pub applied: Vec<AppliedRule>,
    /// Rules on each element, for `each(...)`.
    pub each: Option<Box<ValueRules>>,
}

impl ValueRules {
    /// Whether nothing is checked.
    pub fn is_empty(&self) -> bool {
        self.required.is_none() && self.applied.is_empty() && self.each.is_none()
    }

    /// Why the checks cannot all run in a `const fn`, said of the value called
    /// `name`; `None` when they can.
    pub fn const_blocker(&self, name: &str) -> Option<String> {
        if self.is_const_evaluable() {
            return None;
        }
        if self.optional {
            return Some(format!(
                "`{name}` is an `Option`, whose rules are checked at run time"
            ));
        }
        if self.each.is_some() {
            return Some(format!("`each(...)` on `{name}` is checked at run time"));
        }
        if let Some(rule) = self
            .applied
            .iter()
            .find(|rule| rule.overrides.when.is_some())
        {
            return Some(format!(
                "rule `{}` on `{name}` applies `when` a condition holds",
                rule.kind.keyword()
            ));
        }
        if let Some(rule) = self
            .applied
            .iter()
            .find(|rule| !rule.kind.const_evaluable())
        {
            return Some(format!(
                "rule `{}` on `{name}` is checked at run time",
                rule.kind.keyword()
            ));
        }
        Some(format!(
            "the rules on `{name}` are checked in a const context only on integers and \
             `&'static str`"
        ))
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
            && (self.applied.is_empty()
                || const_shape
                    && self.applied.iter().all(|check| {
                        check.kind.const_evaluable() && check.overrides.when.is_none()
                    }))
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
