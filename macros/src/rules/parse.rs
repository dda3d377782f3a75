//! The raw syntax of `#[validate(...)]` and `#[invariant(...)]`, as the user wrote it.

use darling::util::{Flag, SpannedValue};
use darling::FromMeta;
use syn::parse::{Parse, ParseStream};

/// The attribute that holds field rules.
pub const VALIDATE: &str = "validate";
/// The attribute that holds a struct-level invariant.
pub const INVARIANT: &str = "invariant";

/// One `#[validate(...)]` attribute, or the inside of `each(...)`. `message` and
/// `code` apply to every rule of the same attribute.
#[derive(Debug, Default, FromMeta)]
pub struct RawRuleSet {
    /// `range(A..=B)`: a number within bounds.
    pub range: Option<SpannedValue<RawRange>>,
    /// `length(A..=B)`: length in bytes or elements.
    pub length: Option<SpannedValue<RawRange>>,
    /// `chars(A..=B)`: length in chars.
    pub chars: Option<SpannedValue<RawRange>>,
    /// `non_empty`: length above zero.
    pub non_empty: Flag,
    /// `pattern = "regex"`: the whole string matches.
    pub pattern: Option<syn::LitStr>,
    /// `email`: a WHATWG valid email address.
    pub email: Flag,
    /// `url`: an absolute URL.
    pub url: Flag,
    /// `ascii`: only ASCII characters.
    pub ascii: Flag,
    /// `alphanumeric`: only letters and digits.
    pub alphanumeric: Flag,
    /// `prefix = "..."`.
    pub prefix: Option<syn::LitStr>,
    /// `suffix = "..."`.
    pub suffix: Option<syn::LitStr>,
    /// `contains = "..."`.
    pub contains: Option<syn::LitStr>,
    /// `finite`: not NaN, not infinite.
    pub finite: Flag,
    /// `custom = path`: a `fn(&T) -> Result<(), ValidationError>`.
    pub custom: Option<SpannedValue<syn::Path>>,
    /// `nested`: the field's own `Validate` impl, its errors under the field's path.
    pub nested: Flag,
    /// `each(...)`: rules for every element of a collection.
    pub each: Option<SpannedValue<Box<RawRuleSet>>>,
    /// `required`: an `Option` must be `Some`.
    pub required: Flag,
    /// `message = "..."`: replaces the human message of this attribute's rules.
    pub message: Option<syn::LitStr>,
    /// `code = "..."`: replaces the machine code of this attribute's rules.
    pub code: Option<syn::LitStr>,
}

/// The `A..=B` inside `range(...)`, `length(...)` or `chars(...)`.
#[derive(Debug)]
pub struct RawRange {
    /// The range as written.
    pub range: syn::ExprRange,
}

impl FromMeta for RawRange {
    fn from_meta(item: &syn::Meta) -> darling::Result<Self> {
        let name = darling::util::path_to_string(item.path());
        let syn::Meta::List(list) = item else {
            return Err(darling::Error::custom(format!(
                "`{name}` needs bounds: write `{name}(1..=10)`, `{name}(1..)` or `{name}(..=10)`"
            ))
            .with_span(item));
        };
        match syn::parse2::<syn::Expr>(list.tokens.clone()) {
            Ok(syn::Expr::Range(range)) => Ok(RawRange { range }),
            _ => Err(darling::Error::custom(format!(
                "expected a range such as `{name}(1..=10)`, `{name}(1..)` or `{name}(..=10)`"
            ))
            .with_span(&list.tokens)),
        }
    }
}

/// The options after the expression of `#[invariant(EXPR, ...)]`.
#[derive(Debug, Default, FromMeta)]
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
pub fn parse_invariant(attr: &syn::Attribute) -> darling::Result<RawInvariant> {
    let syn::Meta::List(list) = &attr.meta else {
        return Err(darling::Error::custom(
            "`invariant` needs a condition: write `#[invariant(self.min <= self.max, message = \"...\")]`",
        )
        .with_span(attr));
    };
    if list.tokens.is_empty() {
        return Err(darling::Error::custom(
            "`invariant` needs a condition: write `#[invariant(self.min <= self.max, message = \"...\")]`",
        )
        .with_span(list));
    }
    let syntax: InvariantSyntax = syn::parse2(list.tokens.clone())?;
    let items = darling::ast::NestedMeta::parse_meta_list(syntax.rest)?;
    let options = RawInvariantOptions::from_list(&items)?;
    Ok(RawInvariant {
        expr: syntax.expr,
        options,
    })
}

/// Reads one `#[validate(...)]` attribute on a field.
pub fn parse_rule_set(attr: &syn::Attribute) -> darling::Result<RawRuleSet> {
    let syn::Meta::List(list) = &attr.meta else {
        return Err(darling::Error::custom(
            "`validate` needs rules: write `#[validate(range(1..=10))]`, `#[validate(email)]`, …",
        )
        .with_span(&attr.meta));
    };
    let items = darling::ast::NestedMeta::parse_meta_list(list.tokens.clone())?;
    let mut errors = darling::Error::accumulator();
    let items = without_repeats(items, &mut errors);
    let rules = errors.handle(RawRuleSet::from_list(&items));
    errors.finish_with(rules.unwrap_or_default())
}

/// Drops a key written twice in one attribute, reporting it on the second one with
/// what to write instead.
fn without_repeats(
    items: Vec<darling::ast::NestedMeta>,
    errors: &mut darling::error::Accumulator,
) -> Vec<darling::ast::NestedMeta> {
    let mut seen = Vec::new();
    items
        .into_iter()
        .filter(|item| {
            let darling::ast::NestedMeta::Meta(meta) = item else {
                return true;
            };
            let name = darling::util::path_to_string(meta.path());
            if seen.contains(&name) {
                errors.push(
                    darling::Error::custom(format!(
                        "`{name}` is written twice in this `#[validate(...)]`: keep one, or move the second into its own `#[validate(...)]`"
                    ))
                    .with_span(meta.path()),
                );
                false
            } else {
                seen.push(name);
                true
            }
        })
        .collect()
}
