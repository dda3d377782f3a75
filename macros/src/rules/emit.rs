//! Emits the checks of a field's rules as calls into `__private::rules`, and the
//! same checks as `const` comparisons for `new_const`.

use crate::util::runtime_path::Private;
use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};

use super::model::{AppliedRule, Bounds, Invariant, Overrides, Rule, ValueRules};

/// Names that generated validation code uses.
pub struct Names<'a> {
    /// `<runtime>::__private`.
    pub private: &'a Private,
    /// The `&mut ValidationErrors` being filled.
    pub errors: &'a Ident,
    /// The validation context (`#[validate(context = Ctx)]`): the `&Ctx` in scope and
    /// its type. `custom` functions take it; nested values are checked with it.
    pub context: Option<(&'a Ident, &'a syn::Type)>,
}

/// The checks of `rules` on `value` (an identifier bound to a `&T`), reporting under
/// the path node `at`. `depth` keeps generated names of nested loops apart.
pub fn value_checks(
    names: &Names<'_>,
    value: &Ident,
    at: &Ident,
    rules: &ValueRules,
    depth: usize,
) -> TokenStream {
    if rules.optional {
        let inner = format_ident!("__palisade_some_{}", depth);
        let private = names.private;
        let checks = direct_checks(names, &inner, at, rules, depth);
        let missing = rules.required.as_ref().map(|(span, overrides)| {
            let report = report(
                names,
                at,
                quote_spanned!(*span=> #private::rules::missing()),
                overrides,
            );
            let report = when(overrides, report);
            quote!(else { #report })
        });
        if checks.is_empty() && missing.is_none() {
            return TokenStream::new();
        }
        quote! {
            if let #private::Some(#inner) = #value {
                #checks
            } #missing
        }
    } else {
        direct_checks(names, value, at, rules, depth)
    }
}

fn direct_checks(
    names: &Names<'_>,
    value: &Ident,
    at: &Ident,
    rules: &ValueRules,
    depth: usize,
) -> TokenStream {
    let private = names.private;
    let checks = rules
        .applied
        .iter()
        .map(|check| when(&check.overrides, rule_check(names, value, at, check)));
    let each = rules.each.as_deref().map(|element| {
        let index = format_ident!("__palisade_index_{}", depth);
        let item = format_ident!("__palisade_item_{}", depth);
        let item_at = format_ident!("__palisade_at_{}", depth + 1);
        let inner = value_checks(names, &item, &item_at, element, depth + 1);
        if inner.is_empty() {
            return TokenStream::new();
        }
        quote! {
            for (#index, #item) in #private::enumerate(#value) {
                let #item_at = #at.index(#index);
                #inner
            }
        }
    });
    quote!(#(#checks)* #each)
}

/// One rule's check. A rule without `message`/`code` is one call,
/// `__palisade::rules::check::range(errors, &at, value, 1..=10);`, with its bounds in
/// Rust's range syntax: every token here is one rustc reads again on each build of the
/// user's crate, so the common case is as short as it can be. Otherwise the check,
/// `rules::range(value, Bound::Included(1), ..)`, goes into `rules::report` with the
/// overrides. Both forms name the same rule function, chosen once below.
fn rule_check(names: &Names<'_>, value: &Ident, at: &Ident, check: &AppliedRule) -> TokenStream {
    let private = names.private;
    let errors = names.errors;
    let span = check.span;
    // The value is named with the rule's span, so a type error lands on the rule.
    let value = Ident::new(&value.to_string(), span);
    // What the rule checks, and what follows it: its arguments, rendered below in
    // whichever of the two forms is emitted (only that one is built).
    let (operand, arguments) = match &check.rule {
        Rule::Range(bounds) | Rule::Length(bounds) | Rule::Chars(bounds) => {
            (quote!(#value), Arguments::Bounds(bounds))
        }
        Rule::NonEmpty
        | Rule::Email
        | Rule::Ip
        | Rule::Ipv4
        | Rule::Ipv6
        | Rule::Ascii
        | Rule::Alphanumeric
        | Rule::Finite
        | Rule::CreditCard => (quote!(#value), Arguments::None),
        Rule::OneOf(set) | Rule::NoneOf(set) => {
            let (list, listed) = (&set.list, &set.listed);
            let operand = if set.text {
                quote_spanned!(span=> &#private::rules::Text::text(#value))
            } else {
                quote!(#value)
            };
            (operand, Arguments::Same(quote!(, &#list, #listed)))
        }
        Rule::MultipleOf(of, written) => (quote!(#value), Arguments::Same(quote!(, #of, #written))),
        Rule::Prefix(text) | Rule::Suffix(text) | Rule::Contains(text) => {
            (quote!(#value), Arguments::Text(text))
        }
        Rule::Custom(path) => match names.context {
            Some((context, _)) => (
                quote_spanned!(span=> #path(#value, #context)),
                Arguments::None,
            ),
            None => (quote_spanned!(span=> #path(#value)), Arguments::None),
        },
        Rule::Url => {
            // The checker is bound to a name written with the rule's span, so that
            // "needs palisade's `url` feature" points at `url`, not at the derive.
            let call = quote_spanned! {span=> {
                let __palisade_url = #private::rules::UrlRule;
                #private::rules::url(#value, &__palisade_url)
            }};
            return report(names, at, call, &check.overrides);
        }
        Rule::Pattern(pattern) => {
            let call = quote_spanned! {span=> {
                static __PALISADE_PATTERN: #private::rules::Pattern =
                    #private::rules::Pattern::new(#pattern);
                #private::rules::pattern(#value, &__PALISADE_PATTERN)
            }};
            return report(names, at, call, &check.overrides);
        }
        Rule::Nested => {
            return match names.context {
                Some((context, ty)) => quote_spanned! {span=>
                    #private::ValidateWith::<#ty>::validate_into_with(#value, #context, &#at,
                        #errors);
                },
                None => quote_spanned! {span=>
                    #private::Validate::validate_into(#value, &#at, #errors);
                },
            };
        }
    };
    // The table names each rule's runtime function after its keyword.
    let name = Ident::new(check.kind.keyword(), span);
    let plain = check.overrides.message.is_none() && check.overrides.code.is_none();
    let short_args = match &arguments {
        _ if !plain => None,
        Arguments::Bounds(bounds) => range_syntax(bounds),
        Arguments::None => Some(TokenStream::new()),
        Arguments::Text(text) => Some(quote!(, #text)),
        Arguments::Same(args) => Some(args.clone()),
    };
    if let Some(args) = short_args {
        return quote_spanned!(span=> #private::rules::check::#name(#errors, &#at, #operand #args););
    }
    let long_args = match arguments {
        Arguments::Bounds(bounds) => bound_values(private, bounds, span),
        Arguments::None => TokenStream::new(),
        Arguments::Text(text) => quote!(, #text),
        Arguments::Same(args) => args,
    };
    report(
        names,
        at,
        quote_spanned!(span=> #private::rules::#name(#operand #long_args)),
        &check.overrides,
    )
}

/// What follows a rule's operand.
enum Arguments<'a> {
    /// Bounds: `, 1..=10` in the `check` form, `Bound` values in the `report` form.
    Bounds(&'a Bounds),
    /// Nothing.
    None,
    /// A string: `, "ab"` in both forms.
    Text(&'a syn::LitStr),
    /// The same arguments in both forms.
    Same(TokenStream),
}

/// `, 1..=10`: bounds as the `check` form takes them (`None` for `..`, which the
/// checks refuse before emission).
fn range_syntax(bounds: &Bounds) -> Option<TokenStream> {
    let (start, end) = (&bounds.start, &bounds.end);
    match (start, end, bounds.inclusive) {
        (_, Some(_), true) => Some(quote!(, #start..=#end)),
        (Some(_), _, _) | (None, Some(_), false) => Some(quote!(, #start..#end)),
        (None, None, _) => None,
    }
}

/// `check`, run only when the rule's `when = EXPR` holds. The condition is written
/// with its own span, so a non-`bool` is rustc's error on the expression.
fn when(overrides: &Overrides, check: TokenStream) -> TokenStream {
    match &overrides.when {
        Some(condition) => {
            let span = syn::spanned::Spanned::span(condition);
            quote_spanned!(span=> if #condition { #check })
        }
        None => check,
    }
}

fn report(
    names: &Names<'_>,
    at: &Ident,
    outcome: TokenStream,
    overrides: &Overrides,
) -> TokenStream {
    let private = names.private;
    let errors = names.errors;
    let overrides = overrides_tokens(private, overrides.message.as_ref(), overrides.code.as_ref());
    quote! {
        #private::rules::report(#errors, &#at, #outcome, #overrides);
    }
}

fn overrides_tokens(
    private: &Private,
    message: Option<&syn::LitStr>,
    code: Option<&syn::LitStr>,
) -> TokenStream {
    let message = message.map(|message| quote!(.message(#message)));
    let code = code.map(|code| quote!(.code(#code)));
    quote!(#private::rules::Overrides::NONE #message #code)
}

/// `, Bound::Included(1), Bound::Unbounded`: bounds as the `report` form takes them.
fn bound_values(private: &Private, bounds: &Bounds, span: Span) -> TokenStream {
    let bound = quote_spanned!(span=> #private::Bound);
    let low = match &bounds.start {
        Some(start) => quote_spanned!(span=> #bound::Included(#start)),
        None => quote_spanned!(span=> #bound::Unbounded),
    };
    let high = match (&bounds.end, bounds.inclusive) {
        (Some(end), true) => quote_spanned!(span=> #bound::Included(#end)),
        (Some(end), false) => quote_spanned!(span=> #bound::Excluded(#end)),
        (None, _) => quote_spanned!(span=> #bound::Unbounded),
    };
    quote!(, #low, #high)
}

/// The invariants of a type, run only when every field rule of this value passed.
pub fn invariant_checks(
    names: &Names<'_>,
    at: &Ident,
    before: &Ident,
    invariants: &[Invariant],
) -> TokenStream {
    if invariants.is_empty() {
        return TokenStream::new();
    }
    let private = names.private;
    let errors = names.errors;
    let checks = invariants.iter().map(|invariant| {
        let expr = &invariant.expr;
        let message = &invariant.message;
        let overrides = overrides_tokens(private, None, invariant.code.as_ref());
        // In a closure of its own, a `return` (or `?`) in the condition is a type error
        // instead of leaving `validate_into` before the invariants after it.
        quote! {
            #[allow(clippy::redundant_closure_call)]
            let __palisade_holds: bool = (|| -> bool { #expr })();
            #private::rules::report(#errors, #at, #private::rules::invariant(__palisade_holds,
                #message), #overrides);
        }
    });
    quote! {
        if #errors.len() == #before {
            #(#checks)*
        }
    }
}

/// The checks of `rules` on `value` as `const` comparisons that panic, for
/// `new_const`. Only called when [`ValueRules::is_const_evaluable`] holds.
pub fn const_checks(
    private: &Private,
    value: &Ident,
    rules: &ValueRules,
    type_name: &str,
    field: &str,
) -> TokenStream {
    let checks = rules.applied.iter().map(|check| {
        let message = format!(
            "invalid `{type_name}`: field `{field}` breaks `{}`",
            check.source.render()
        );
        let span = check.span;
        let fail = quote_spanned!(span=> #private::panic!(#message));
        let (measured, bounds) = match &check.rule {
            Rule::Range(bounds) => (quote!(#value), bounds),
            Rule::Length(bounds) => (quote!(#value.len()), bounds),
            Rule::Chars(bounds) => (quote!(#private::rules::const_char_count(#value)), bounds),
            Rule::NonEmpty => return quote!(if #value.is_empty() { #fail }),
            // Never const-evaluable: `new_const` is not generated when one is present.
            Rule::Pattern(_)
            | Rule::Email
            | Rule::Url
            | Rule::Ip
            | Rule::Ipv4
            | Rule::Ipv6
            | Rule::Ascii
            | Rule::Alphanumeric
            | Rule::Prefix(_)
            | Rule::Suffix(_)
            | Rule::Contains(_)
            | Rule::Finite
            | Rule::Custom(_)
            | Rule::Nested
            | Rule::CreditCard
            | Rule::OneOf(..)
            | Rule::NoneOf(..)
            | Rule::MultipleOf(..) => return TokenStream::new(),
        };
        let low = bounds
            .start
            .as_ref()
            .filter(|_| !bounds.start_is_trivial)
            .map(|start| quote!(if #measured < #start { #fail }));
        let high = bounds
            .end
            .as_ref()
            .filter(|_| !bounds.end_is_trivial)
            .map(|end| {
                if bounds.inclusive {
                    quote!(if #measured > #end { #fail })
                } else {
                    quote!(if #measured >= #end { #fail })
                }
            });
        quote!(#low #high)
    });
    quote!(#(#checks)*)
}
