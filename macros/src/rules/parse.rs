//! The raw syntax of `#[validate(...)]` and `#[invariant(...)]`, as the user wrote it.

use proc_macro2::{Span, TokenStream};
use syn::meta::ParseNestedMeta;
use syn::parse::{Parse, ParseStream};
use syn::spanned::Spanned as _;

use super::table::{Argument, InvariantOption, RuleKey, RuleKind, RuleOption};
use crate::util::attr::{self, error, Errors, Flag, Keys, Spanned};
use crate::util::options::Keyword as _;

/// The attribute that holds field rules.
pub const VALIDATE: &str = "validate";
/// The attribute that holds a struct-level invariant.
pub const INVARIANT: &str = "invariant";

/// One `#[validate(...)]` attribute, or the inside of `each(...)`. `message` and
/// `code` apply to every rule of the same attribute.
#[derive(Default)]
pub struct RawRuleSet {
    /// Its rules, in the order they run (the table's).
    pub rules: Vec<RawRule>,
    /// `each(...)`: rules for every element of a collection.
    pub each: Option<Spanned<Box<RawRuleSet>>>,
    /// `required`: an `Option` must be `Some`.
    pub required: Flag,
    /// `message = "..."`: replaces the human message of this attribute's rules.
    pub message: Option<syn::LitStr>,
    /// `code = "..."`: replaces the machine code of this attribute's rules.
    pub code: Option<syn::LitStr>,
    /// `when = EXPR`: this attribute's rules apply only when `EXPR` holds.
    pub when: Option<syn::Expr>,
}

/// One rule as written.
pub struct RawRule {
    /// Which rule.
    pub kind: RuleKind,
    /// What followed its keyword, read as the table says it takes.
    pub argument: RawArgument,
    /// Where it was written: the keyword, or the string of a text rule.
    pub span: Span,
}

/// What followed a rule's keyword.
pub enum RawArgument {
    /// Nothing.
    Flag,
    /// `(A..=B)`.
    Bounds(RawRange),
    /// `= "..."`.
    Text(syn::LitStr),
    /// `= path`.
    Path(syn::Path),
    /// `= 5` or `= -5`: an integer literal, and its digits.
    Integer(syn::Expr, syn::LitInt),
    /// `= [a, b]`: literals.
    List(syn::ExprArray),
}

/// The `A..=B` inside `range(...)`, `length(...)` or `chars(...)`.
pub struct RawRange {
    /// The range as written.
    pub range: syn::ExprRange,
}

/// Reads the bounds of `name(...)`.
fn range(name: &str, meta: &ParseNestedMeta) -> syn::Result<Spanned<RawRange>> {
    let Some(tokens) = attr::group(meta)? else {
        return Err(meta.error(format!(
            "`{name}` needs bounds: write `{name}(1..=10)`, `{name}(1..)` or `{name}(..=10)`"
        )));
    };
    if let Some(range) = literal_range(tokens.clone()) {
        return Ok(attr::spanned(meta, RawRange { range }));
    }
    if starts_with_key(&tokens) {
        return keyword_range(name, tokens).map(|range| attr::spanned(meta, RawRange { range }));
    }
    match syn::parse2::<syn::Expr>(tokens.clone()) {
        Ok(syn::Expr::Range(range)) => Ok(attr::spanned(meta, RawRange { range })),
        _ => Err(error(format!(
            "expected a range such as `{name}(1..=10)`, `{name}(1..)` or `{name}(..=10)`"
        ))
        .at(&tokens)),
    }
}

/// Whether `tokens` start `key =` (not `==`): validator's spelling of bounds.
fn starts_with_key(tokens: &TokenStream) -> bool {
    use proc_macro2::{Spacing, TokenTree};
    let mut trees = tokens.clone().into_iter();
    matches!(
        (trees.next(), trees.next()),
        (Some(TokenTree::Ident(_)), Some(TokenTree::Punct(equals)))
            if equals.as_char() == '=' && equals.spacing() == Spacing::Alone
    )
}

/// validator's spelling, `range(min = 1, max = 10)`, `length(min = 3)`,
/// `length(equal = 8)`, read as the range it means (`1..=10`, `3..`, `8..=8`), so every
/// check of palisade's own spelling applies to it. `exclusive_max = B` is `..B`.
fn keyword_range(name: &str, tokens: TokenStream) -> syn::Result<syn::ExprRange> {
    type Pairs = syn::punctuated::Punctuated<syn::ExprAssign, syn::Token![,]>;
    let pairs =
        syn::parse::Parser::parse2(Pairs::parse_terminated, tokens.clone()).map_err(|_| {
            error(format!(
                "write the bounds either as a range, `{name}(1..=10)`, or as keys, \
                 `{name}(min = 1, max = 10)`, not both"
            ))
            .at(&tokens)
        })?;
    let keys: &[&str] = if name == "range" {
        &["min", "max", "exclusive_max"]
    } else {
        &["min", "max", "equal"]
    };
    let (mut min, mut max, mut exclusive_max, mut equal) = (None, None, None, None);
    for pair in pairs {
        let key = match &*pair.left {
            syn::Expr::Path(path) => path.path.get_ident().map(ToString::to_string),
            _ => None,
        };
        let slot = match key.as_deref() {
            Some("min") => &mut min,
            Some("max") => &mut max,
            Some("exclusive_max") if name == "range" => &mut exclusive_max,
            Some("equal") if name != "range" => &mut equal,
            Some("exclusive_min") if name == "range" => {
                return Err(error(
                    "a range cannot exclude its lower bound: write `min = ` with the next value \
                     up (`min = 1` for integers above 0)",
                )
                .at(&pair.left));
            }
            written => {
                let written = written.unwrap_or_default();
                let hint = attr::closest(written, keys.iter().copied()).map_or_else(
                    || {
                        let list = keys
                            .iter()
                            .map(|key| format!("`{key}`"))
                            .collect::<Vec<_>>();
                        format!("expected one of {}", list.join(", "))
                    },
                    |known| format!("did you mean `{known}`?"),
                );
                return Err(error(format!("unknown bound in `{name}(...)`: {hint}")).at(&pair.left));
            }
        };
        if slot.is_some() {
            return Err(error(format!(
                "this bound is written twice in `{name}(...)`: keep one"
            ))
            .at(&pair.left));
        }
        *slot = Some(*pair.right);
    }
    if let Some(equal) = equal {
        if let Some(other) = min.as_ref().or(max.as_ref()) {
            return Err(error(
                "`equal` is the whole range: remove `min`/`max`, or write `min`/`max` without \
                 `equal`",
            )
            .at(other));
        }
        return Ok(syn::parse_quote!(#equal..=#equal));
    }
    if let (Some(max), Some(_)) = (&max, &exclusive_max) {
        return Err(error("write `max` or `exclusive_max`, not both").at(max));
    }
    Ok(match (min, max, exclusive_max) {
        (Some(min), Some(max), None) => syn::parse_quote!(#min..=#max),
        (Some(min), None, Some(max)) => syn::parse_quote!(#min..#max),
        (Some(min), None, None) => syn::parse_quote!(#min..),
        (None, Some(max), None) => syn::parse_quote!(..=#max),
        (None, None, Some(max)) => syn::parse_quote!(..#max),
        _ => {
            return Err(error(format!("`{name}` needs a bound: `min`, `max` or both")).at(&tokens))
        }
    })
}

/// `A..=B`, `A..B`, `A..` or `..=B` with (possibly negative) literal bounds, read
/// straight from the tokens: nearly every range is written so, and syn's expression
/// parser is the slowest part of reading a rule. Anything else is `None`, for syn.
fn literal_range(tokens: TokenStream) -> Option<syn::ExprRange> {
    use proc_macro2::{Spacing, TokenTree};
    let mut trees = tokens.into_iter().peekable();
    let start = literal_bound(&mut trees)?;
    let Some(TokenTree::Punct(first)) = trees.next() else {
        return None;
    };
    let Some(TokenTree::Punct(second)) = trees.next() else {
        return None;
    };
    if first.as_char() != '.' || first.spacing() != Spacing::Joint || second.as_char() != '.' {
        return None;
    }
    let limits = if second.spacing() == Spacing::Joint {
        match trees.next() {
            Some(TokenTree::Punct(equals)) if equals.as_char() == '=' => {
                syn::RangeLimits::Closed(syn::Token![..=]([
                    first.span(),
                    second.span(),
                    equals.span(),
                ]))
            }
            _ => return None,
        }
    } else {
        syn::RangeLimits::HalfOpen(syn::Token![..]([first.span(), second.span()]))
    };
    let end = literal_bound(&mut trees)?;
    // `A..=` is not an expression; syn says so.
    if trees.next().is_some() || (end.is_none() && matches!(limits, syn::RangeLimits::Closed(_))) {
        return None;
    }
    Some(syn::ExprRange {
        attrs: Vec::new(),
        start,
        limits,
        end,
    })
}

/// A bound of [`literal_range`]: `Some(None)` when there is none (the next token is
/// the `..`), `None` when it is not a plain or negated literal.
fn literal_bound(
    trees: &mut std::iter::Peekable<proc_macro2::token_stream::IntoIter>,
) -> Option<Option<Box<syn::Expr>>> {
    use proc_macro2::TokenTree;
    let literal = |literal: proc_macro2::Literal| {
        syn::Expr::Lit(syn::ExprLit {
            attrs: Vec::new(),
            lit: syn::Lit::new(literal),
        })
    };
    match trees.peek() {
        None => Some(None),
        Some(TokenTree::Punct(punct)) if punct.as_char() == '.' => Some(None),
        Some(TokenTree::Literal(_)) => match trees.next() {
            Some(TokenTree::Literal(value)) => Some(Some(Box::new(literal(value)))),
            _ => None,
        },
        Some(TokenTree::Punct(punct)) if punct.as_char() == '-' => {
            let minus = punct.span();
            trees.next();
            match trees.next() {
                Some(TokenTree::Literal(value)) => {
                    Some(Some(Box::new(syn::Expr::Unary(syn::ExprUnary {
                        attrs: Vec::new(),
                        op: syn::UnOp::Neg(syn::Token![-](minus)),
                        expr: Box::new(literal(value)),
                    }))))
                }
                _ => None,
            }
        }
        Some(_) => None,
    }
}

/// The options after the expression of `#[invariant(EXPR, ...)]`.
#[derive(Default)]
pub struct RawInvariantOptions {
    /// `message = "..."`: the human message when the invariant does not hold.
    pub message: Option<syn::LitStr>,
    /// `code = "..."`: the machine code (default `invariant`).
    pub code: Option<syn::LitStr>,
}

/// One `#[invariant(EXPR, message = "...")]`.
pub struct RawInvariant {
    /// The boolean expression over `self`.
    pub expr: syn::Expr,
    /// Its options.
    pub options: RawInvariantOptions,
}

struct InvariantSyntax {
    expr: syn::Expr,
    rest: proc_macro2::TokenStream,
}

impl Parse for InvariantSyntax {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let expr = input.parse()?;
        if !input.is_empty() {
            input.parse::<syn::Token![,]>()?;
        }
        Ok(InvariantSyntax {
            expr,
            rest: input.parse()?,
        })
    }
}

/// Reads one `#[invariant(...)]` attribute.
pub fn parse_invariant(attr: &syn::Attribute) -> syn::Result<RawInvariant> {
    const NEEDS: &str =
        "`invariant` needs a condition: write `#[invariant(self.min <= self.max, message = \
         \"...\")]`";
    let syn::Meta::List(list) = &attr.meta else {
        return Err(error(NEEDS).at(attr));
    };
    if list.tokens.is_empty() {
        return Err(error(NEEDS).at(list));
    }
    let syntax: InvariantSyntax = syn::parse2(list.tokens.clone())?;
    if let Ok(text) = syn::parse2::<syn::LitStr>(syntax.rest.clone().into_iter().take(1).collect())
    {
        let text = text.value();
        return Err(error(format!(
            "a message after the condition is written `message = \"{}\"`",
            text.escape_default()
        ))
        .at(&syntax.rest));
    }
    let mut errors = Errors::new();
    let mut options = RawInvariantOptions::default();
    Keys::<InvariantOption>::new("#[invariant(...)]", "option").parse(
        syntax.rest,
        &mut errors,
        |option, meta| {
            let text = attr::string(option.keyword(), meta)?;
            match option {
                InvariantOption::Message => options.message = Some(text),
                InvariantOption::Code => options.code = Some(text),
            }
            Ok(())
        },
    );
    errors.finish_with(RawInvariant {
        expr: syntax.expr,
        options,
    })
}

/// Reads one `#[validate(...)]` attribute on a field.
pub fn parse_rule_set(attr: &syn::Attribute) -> syn::Result<RawRuleSet> {
    let syn::Meta::List(list) = &attr.meta else {
        return Err(error(
            "`validate` needs rules: write `#[validate(range(1..=10))]`, `#[validate(email)]`, …",
        )
        .at(&attr.meta));
    };
    let mut errors = Errors::new();
    let rules = rule_set(list.tokens.clone(), "#[validate(...)]", &mut errors);
    errors.finish_with(rules)
}

/// Reads the rules of `#[validate(...)]` or of `each(...)`, keeping what can be read
/// and gathering every error.
fn rule_set(tokens: TokenStream, attribute: &str, errors: &mut Errors) -> RawRuleSet {
    let mut set = RawRuleSet::default();
    let mut nested_errors = Errors::new();
    Keys::<RuleKey>::new(attribute, "rule")
        .repeat_hint(", or move the second into its own `#[validate(...)]`")
        .parse(tokens, errors, |key, meta| {
            let name = key.keyword();
            match key {
                RuleKey::Rule(kind) => set.rules.push(rule(kind, meta)?),
                RuleKey::Option(RuleOption::Each) => {
                    let Some(inner) = attr::group(meta)? else {
                        return Err(meta.error(
                            "`each` needs the rules for every element: write \
                             `each(length(1..=64))`",
                        ));
                    };
                    let inner = rule_set(inner, "each(...)", &mut nested_errors);
                    set.each = Some(attr::spanned(meta, Box::new(inner)));
                }
                RuleKey::Option(RuleOption::Required) => set.required = attr::flag(name, meta)?,
                RuleKey::Option(RuleOption::Message) => {
                    set.message = Some(attr::string(name, meta)?);
                }
                RuleKey::Option(RuleOption::Code) => set.code = Some(attr::string(name, meta)?),
                RuleKey::Option(RuleOption::When) => set.when = Some(attr::expr(name, meta)?),
            }
            Ok(())
        });
    if let Err(nested) = nested_errors.finish() {
        errors.push(nested);
    }
    set.rules.sort_by_key(|rule| rule.kind);
    set
}

/// The digits of an integer literal, `5` or `-5`; `None` for any other expression.
pub fn integer_literal(expr: &syn::Expr) -> Option<&syn::LitInt> {
    let expr = match expr {
        syn::Expr::Unary(unary) if matches!(unary.op, syn::UnOp::Neg(_)) => &*unary.expr,
        other => other,
    };
    match expr {
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Int(int),
            ..
        }) => Some(int),
        _ => None,
    }
}

/// Reads the argument of rule `kind` as the table says it takes.
fn rule(kind: RuleKind, meta: &ParseNestedMeta) -> syn::Result<RawRule> {
    let name = kind.keyword();
    let span = meta.path.span();
    let (argument, span) = match kind.argument() {
        Argument::Flag => {
            attr::flag(name, meta)?;
            (RawArgument::Flag, span)
        }
        Argument::Bounds => (RawArgument::Bounds(range(name, meta)?.into_inner()), span),
        Argument::Text => {
            // validator's spelling, `contains(pattern = "..")`, is what schemars reads.
            let text = if kind == RuleKind::Contains && meta.input.peek(syn::token::Paren) {
                let mut text = None;
                meta.parse_nested_meta(|inner| {
                    if inner.path.is_ident("pattern") {
                        text = Some(attr::string("pattern", &inner)?);
                        Ok(())
                    } else {
                        Err(inner
                            .error("write `contains = \"..\"` or `contains(pattern = \"..\")`"))
                    }
                })?;
                text.ok_or_else(|| {
                    meta.error("write `contains = \"..\"` or `contains(pattern = \"..\")`")
                })?
            } else {
                attr::string(name, meta)?
            };
            let span = text.span();
            (RawArgument::Text(text), span)
        }
        Argument::Path => {
            let path = attr::expr(name, meta).and_then(|value| match value {
                syn::Expr::Path(path) if path.qself.is_none() => Ok(path.path),
                other => Err(error(format!(
                    "`{name}` takes a function's path: write `{name} = my_check`"
                ))
                .at(&other)),
            })?;
            (RawArgument::Path(path), span)
        }
        Argument::Integer => {
            let value = attr::expr(name, meta)?;
            let Some(digits) = integer_literal(&value).cloned() else {
                return Err(error(format!(
                    "`{name}` takes an integer literal: write `{name} = 5`"
                ))
                .at(&value));
            };
            (RawArgument::Integer(value, digits), span)
        }
        Argument::List => {
            let value = attr::expr(name, meta)?;
            let syn::Expr::Array(array) = value else {
                return Err(error(format!(
                    "`{name}` takes a list of literals in brackets: write \
                     `{name} = [\"a\", \"b\"]` or `{name} = [1, 2]`"
                ))
                .at(&value));
            };
            (RawArgument::List(array), span)
        }
    };
    Ok(RawRule {
        kind,
        argument,
        span,
    })
}

#[cfg(test)]
mod tests {
    use quote::ToTokens;

    /// The fast path reads exactly what syn reads, and leaves the rest to syn.
    #[test]
    fn literal_ranges_read_like_syn() {
        for text in [
            "1..=10",
            "1..10",
            "1..",
            "..=10",
            "..10",
            "..",
            "-5..=-1",
            "0.0..=1.0",
            "-1.5..",
            "1u8..=2u8",
            "\"a\"..=\"f\"",
            "'a'..='z'",
        ] {
            let tokens: proc_macro2::TokenStream = text.parse().unwrap();
            let fast = super::literal_range(tokens.clone())
                .unwrap_or_else(|| panic!("`{text}` takes the fast path"));
            let syn::Expr::Range(slow) = syn::parse2::<syn::Expr>(tokens).unwrap() else {
                panic!("`{text}` is a range");
            };
            assert_eq!(
                fast.to_token_stream().to_string(),
                slow.to_token_stream().to_string(),
                "{text}"
            );
        }
        for text in [
            "5",
            "N..=10",
            "1..=N",
            "-x..",
            "1..=2..=3",
            "1...2",
            "(1)..=2",
            "1..=10,",
        ] {
            let tokens: proc_macro2::TokenStream = text.parse().unwrap();
            assert!(
                super::literal_range(tokens).is_none(),
                "`{text}` goes to syn"
            );
        }
    }
}
