//! Checks a function's parameter rules and its return type, reporting every mistake
//! together.

use quote::ToTokens as _;

use super::parse::RawFunction;
use crate::derive_validate::check::Field;
use crate::rules::check::field_rules;
use crate::util::attr::error;
use crate::util::expand::Failed;
use crate::util::runtime_path::RuntimePath;

/// A function whose parameters can be checked.
pub struct Function {
    /// The function, without palisade's attributes on its parameters.
    pub item: syn::ItemFn,
    /// Where generated code finds the runtime.
    pub runtime: RuntimePath,
    /// The parameters with rules, as fields named after them.
    pub params: Vec<Field>,
}

/// Checks `raw`; on a mistake the function is emitted as written, unchecked.
pub fn check(raw: RawFunction) -> Result<Function, Box<Failed<syn::ItemFn>>> {
    let mut errors = raw.errors;
    let item = raw.item;
    let name = &item.sig.ident;
    for (span, pattern) in &raw.unnamed {
        errors.push(
            error(format!(
                "a parameter with rules needs a name to report them under: write \
                 `name: Type` and take `{pattern}` apart in the body"
            ))
            .at_span(*span),
        );
    }
    if let Some(span) = raw.on_receiver {
        errors.push(
            error(
                "rules on `self` are its type's own: put them on the type's fields \
                 (`#[derive(Validate)]` or `#[validated]`)",
            )
            .at_span(span),
        );
    }
    if let Some(constness) = &item.sig.constness {
        errors.push(
            error(format!(
                "`{name}` is a `const fn`, and its argument checks run when it is called: \
                 remove `const`"
            ))
            .at(constness),
        );
    }
    let returns_result = match &item.sig.output {
        syn::ReturnType::Type(_, ty) => match &**ty {
            syn::Type::Path(path) => path
                .path
                .segments
                .last()
                .is_some_and(|last| last.ident == "Result"),
            _ => false,
        },
        syn::ReturnType::Default => false,
    };
    let checks_nothing = raw.params.is_empty() && raw.unnamed.is_empty();
    if !returns_result && !checks_nothing {
        let message = format!(
            "`{name}` must return `Result<_, E>` with `E: From<palisade::ValidationErrors>`, \
             so that a call with invalid arguments can return its errors"
        );
        match &item.sig.output {
            syn::ReturnType::Type(_, ty) => errors.push(error(message).at(ty)),
            syn::ReturnType::Default => errors.push(error(message).at(&item.sig.ident)),
        }
    }
    if checks_nothing && raw.on_receiver.is_none() {
        errors.push(
            error(format!(
                "`#[validated]` on `{name}` checks nothing: add `#[validate(...)]` to the \
                 parameters to check, or remove `#[validated]`"
            ))
            .at(&item.sig.ident),
        );
    }
    let params = raw
        .params
        .into_iter()
        .map(|param| {
            let name = param.ident.to_string();
            let rules = field_rules(&name, &param.ty, param.rules, &mut errors);
            Field {
                member: syn::Member::Named(param.ident),
                name,
                in_path: true,
                ty: param.ty,
                rules,
            }
        })
        .collect();
    match errors.finish() {
        Ok(()) => Ok(Function {
            item,
            runtime: RuntimePath::new(raw.krate.as_ref()).aliased(),
            params,
        }),
        Err(error) => Err(Failed::new(error, item)),
    }
}

/// The return type, for spans.
pub fn output_span(item: &syn::ItemFn) -> proc_macro2::Span {
    match &item.sig.output {
        syn::ReturnType::Type(_, ty) => syn::spanned::Spanned::span(&ty.to_token_stream()),
        syn::ReturnType::Default => item.sig.ident.span(),
    }
}
