//! Checks `#[audit_log]`: every parameter its options name exists, the outcome of a
//! call can be observed from its return type, and decides for each parameter whether
//! it is logged, redacted or left out.

use proc_macro2::TokenStream;
use quote::ToTokens;

use super::model::{Arg, Capture, Metadata, Model, PanicGuard, Resource, Returns};
use super::names::is_sensitive;
use super::parse::RawAudit;
use crate::util::attr::{closest, error, Errors};
use crate::util::expand::Failed;
use crate::util::runtime_path::RuntimePath;

/// A name a parameter binds: a plain parameter, or one bound by a destructuring
/// pattern (`(a, b): (u32, u32)`, `Creds { user, password }: Creds`).
struct Binding {
    /// The name.
    ident: syn::Ident,
    /// Its type, when the signature says it.
    ty: Option<syn::Type>,
    /// Bound under a sensitive field name (`Creds { password: p }`).
    under_sensitive_field: bool,
}

/// Checks the options against the function's parameters, reporting all problems.
pub fn check(raw: RawAudit) -> Result<Model, Box<Failed<TokenStream>>> {
    let mut errors = Errors::new();
    let options = errors.handle(raw.args).unwrap_or_default();
    let mut item = raw.item;
    let fn_name = item.sig.ident.to_string();
    if let Some(constness) = &item.sig.constness {
        errors.push(
            error(
                "a `const fn` cannot be audited: it may run at compile time, where there is no \
                clock or sink",
            )
            .at(constness),
        );
    }
    let mut params = Vec::new();
    for input in &item.sig.inputs {
        if let syn::FnArg::Typed(typed) = input {
            bindings(&typed.pat, Some(&typed.ty), false, &mut params);
        }
    }
    let names = params
        .iter()
        .map(|binding| binding.ident.to_string())
        .collect::<Vec<_>>();
    let lookup =
        |list: &Option<Vec<syn::Path>>, option: &str, errors: &mut Errors| -> Vec<syn::Ident> {
            let Some(list) = list else { return Vec::new() };
            list.iter()
                .filter_map(|path| {
                    let name = path
                        .get_ident()
                        .map(ToString::to_string)
                        .unwrap_or_else(|| crate::util::source_text(path));
                    if names.contains(&name) {
                        path.get_ident().cloned()
                    } else {
                        let close = closest(&name, names.iter().map(String::as_str));
                        let known = match close {
                            Some(close) => format!("did you mean `{close}`?"),
                            None if names.is_empty() => "it has none".to_owned(),
                            None => format!("its parameters are {}", names.join(", ")),
                        };
                        errors.push(
                            error(format!(
                            "`{option}` names `{name}`, which is not a parameter of `{fn_name}`: \
                                {known}"
                        ))
                            .at(path),
                        );
                        None
                    }
                })
                .collect()
        };
    let skip = lookup(&options.skip, "skip", &mut errors);
    let redact = lookup(&options.redact, "redact", &mut errors);
    let resources = lookup(&options.resources, "resources", &mut errors);
    let debug = lookup(&options.debug, "debug", &mut errors);
    let allow = options
        .args
        .as_ref()
        .map(|_| lookup(&options.args, "args", &mut errors));
    if options.skip_all.is_present() {
        if let Some(first) = options.args.as_ref().and_then(|list| list.first()) {
            errors.push(
                error(
                    "`skip_all` leaves out every argument, so `args(...)` has nothing to allow: \
                    keep one of them",
                )
                .at(first),
            );
        }
    }
    if options.result.is_present() && matches!(item.sig.output, syn::ReturnType::Default) {
        errors.push(
            error(format!(
                "`result` says `{fn_name}` returns a `Result`, but it returns nothing: \
                remove `result`"
            ))
            .at_span(options.result.span()),
        );
    }
    let is_redacted = |binding: &Binding| {
        let allowed_explicitly = allow
            .as_ref()
            .is_some_and(|allow| allow.contains(&binding.ident));
        redact.contains(&binding.ident)
            || binding.ty.as_ref().is_some_and(is_secret)
            || (!allowed_explicitly
                && (binding.under_sensitive_field || is_sensitive(&binding.ident.to_string())))
    };
    let capture = |binding: &Binding| {
        if is_redacted(binding) {
            Capture::Redacted
        } else if debug.contains(&binding.ident) {
            Capture::Debug
        } else {
            Capture::Value
        }
    };
    for name in &debug {
        if let Some(binding) = params.iter().find(|binding| binding.ident == *name) {
            if is_redacted(binding) {
                errors.push(
                    error(format!(
                        "`{name}` is redacted, so `debug({name})` would log nothing: remove it \
                            from `debug(...)`"
                    ))
                    .at(name),
                );
            }
        }
    }
    let args = params
        .iter()
        .filter(|binding| {
            !options.skip_all.is_present()
                && !skip.contains(&binding.ident)
                && allow
                    .as_ref()
                    .is_none_or(|allow| allow.contains(&binding.ident))
        })
        .map(|binding| Arg {
            ident: binding.ident.clone(),
            capture: capture(binding),
        })
        .collect();
    let resources = resources
        .iter()
        .filter_map(|ident| params.iter().find(|binding| binding.ident == *ident))
        .map(|binding| Resource {
            ident: binding.ident.clone(),
            capture: capture(binding),
        })
        .collect();
    let scrubbed = params
        .iter()
        .filter(|binding| is_redacted(binding))
        .map(|binding| binding.ident.clone())
        .collect();
    let mut metadata: Vec<Metadata> = Vec::new();
    for (ident, value) in options.fields.iter().flatten() {
        let name = crate::util::member_name(&syn::Member::Named(ident.clone()));
        if metadata.iter().any(|entry| entry.name == name) {
            errors.push(
                error(format!(
                    "`{name}` is written twice in `fields(..)`: keep one"
                ))
                .at(ident),
            );
            continue;
        }
        let capture = if is_sensitive(&name) {
            Capture::Redacted
        } else {
            Capture::Value
        };
        metadata.push(Metadata {
            name,
            value: value.clone(),
            capture,
        });
    }
    let returns = returns(&item, &mut errors);
    let runtime = RuntimePath::new(options.krate.as_ref());
    let operation = match &options.operation {
        None => fn_name.clone(),
        Some(syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(name),
            ..
        })) => name.value(),
        Some(other) => {
            errors.push(
                error(format!(
                    "`operation` takes a string: write `operation = \"{fn_name}\"`"
                ))
                .at(other),
            );
            fn_name.clone()
        }
    };
    match errors.finish() {
        Ok(()) => Ok(Model {
            panic_guard: panic_guard(&mut item),
            runtime,
            item,
            operation,
            start: options.start.is_present(),
            args,
            resources,
            metadata,
            scrubbed,
            returns,
        }),
        Err(error) => Err(Failed::new(error, item.into_token_stream())),
    }
}

/// The names `pat` binds, with their types where the signature gives them.
fn bindings(pat: &syn::Pat, ty: Option<&syn::Type>, sensitive: bool, out: &mut Vec<Binding>) {
    let ty = ty.map(ungroup);
    match pat {
        syn::Pat::Ident(pat) => {
            out.push(Binding {
                ident: pat.ident.clone(),
                ty: ty.cloned(),
                under_sensitive_field: sensitive,
            });
            if let Some((_, sub)) = &pat.subpat {
                bindings(sub, ty, sensitive, out);
            }
        }
        syn::Pat::Tuple(tuple) => {
            let types = match ty {
                Some(syn::Type::Tuple(types)) if types.elems.len() == tuple.elems.len() => {
                    types.elems.iter().map(Some).collect()
                }
                _ => vec![None; tuple.elems.len()],
            };
            for (elem, ty) in tuple.elems.iter().zip(types) {
                bindings(elem, ty, sensitive, out);
            }
        }
        syn::Pat::TupleStruct(tuple) => {
            for elem in &tuple.elems {
                bindings(elem, None, sensitive, out);
            }
        }
        syn::Pat::Struct(fields) => {
            for field in &fields.fields {
                let field_sensitive = match &field.member {
                    syn::Member::Named(name) => {
                        is_sensitive(&crate::util::member_name(&syn::Member::Named(name.clone())))
                    }
                    syn::Member::Unnamed(_) => false,
                };
                bindings(&field.pat, None, sensitive || field_sensitive, out);
            }
        }
        syn::Pat::Reference(reference) => {
            let inner = match ty {
                Some(syn::Type::Reference(reference)) => Some(&*reference.elem),
                _ => None,
            };
            bindings(&reference.pat, inner, sensitive, out);
        }
        syn::Pat::Slice(slice) => {
            for elem in &slice.elems {
                bindings(elem, None, sensitive, out);
            }
        }
        syn::Pat::Type(typed) => bindings(&typed.pat, Some(&typed.ty), sensitive, out),
        syn::Pat::Paren(paren) => bindings(&paren.pat, ty, sensitive, out),
        _ => {}
    }
}

fn ungroup(ty: &syn::Type) -> &syn::Type {
    match ty {
        syn::Type::Group(group) => ungroup(&group.elem),
        syn::Type::Paren(paren) => ungroup(&paren.elem),
        other => other,
    }
}

/// How the outcome of a call of `item` is observed; a return type that hides it is
/// an error naming the fix.
fn returns(item: &syn::ItemFn, errors: &mut Errors) -> Returns {
    if item.sig.asyncness.is_some() {
        return Returns::Async;
    }
    let ty = match &item.sig.output {
        syn::ReturnType::Default => return Returns::Value(Some(syn::parse_quote!(()))),
        syn::ReturnType::Type(_, ty) => ungroup(ty),
    };
    let fn_name = &item.sig.ident;
    match ty {
        syn::Type::Never(_) => return Returns::Never,
        syn::Type::ImplTrait(bounds) if bounds.bounds.iter().any(is_future_bound) => {
            return Returns::ImplFuture;
        }
        _ => {}
    }
    if is_boxed_future(ty) {
        return Returns::BoxedFuture(ty.clone());
    }
    if let Some(param) = type_param(ty, &item.sig.generics) {
        if !has_bound(&item.sig.generics, &param, &["AuditOutcome"]) {
            errors.push(
                error(format!(
                    "`{fn_name}` returns `{param}`, a type parameter: `#[audit_log]` cannot see \
                        whether \
                     its value is a `Result` (or a future) and would have to guess the outcome. \
                         Bound it: \
                     `{param}: palisade::audit::AuditOutcome` (implemented for `Result<T, E: \
                         Display>` and \
                     plain values), or return a concrete type"
                ))
                .at(ty),
            );
        }
    } else if let Some(param) = result_error_param(ty, &item.sig.generics) {
        if !has_bound(
            &item.sig.generics,
            &param,
            &["Display", "Debug", "Error", "AuditOutcome"],
        ) {
            errors.push(
                error(format!(
                    "the error type `{param}` is a type parameter with no `Display` bound: \
                     `#[audit_log]` could not record an error's text. Add `{param}: \
                         std::fmt::Display` \
                     (or `std::fmt::Debug`)"
                ))
                .at(&param),
            );
        }
    }
    let contains_impl = {
        fn walk(tokens: TokenStream) -> bool {
            tokens.into_iter().any(|token| match token {
                proc_macro2::TokenTree::Ident(ident) => ident == "impl",
                proc_macro2::TokenTree::Group(group) => walk(group.stream()),
                _ => false,
            })
        }
        walk(ty.to_token_stream())
    };
    // `impl Trait` cannot be named; its value's type is known inside the body.
    Returns::Value((!contains_impl).then(|| ty.clone()))
}

fn is_future_bound(bound: &syn::TypeParamBound) -> bool {
    matches!(bound, syn::TypeParamBound::Trait(bound)
        if bound.path.segments.last().is_some_and(|last| last.ident == "Future"))
}

/// `Pin<Box<dyn Future ..>>`, `BoxFuture<..>`, `LocalBoxFuture<..>`.
fn is_boxed_future(ty: &syn::Type) -> bool {
    let Some(last) = last_segment(ty) else {
        return false;
    };
    if last.ident == "BoxFuture" || last.ident == "LocalBoxFuture" {
        return true;
    }
    if last.ident != "Pin" {
        return false;
    }
    let Some(boxed) = first_type_arg(last) else {
        return false;
    };
    let Some(boxed) = last_segment(boxed).filter(|boxed| boxed.ident == "Box") else {
        return false;
    };
    matches!(first_type_arg(boxed).map(ungroup), Some(syn::Type::TraitObject(object))
        if object.bounds.iter().any(is_future_bound))
}

fn last_segment(ty: &syn::Type) -> Option<&syn::PathSegment> {
    match ungroup(ty) {
        syn::Type::Path(path) if path.qself.is_none() => path.path.segments.last(),
        _ => None,
    }
}

fn type_args(segment: &syn::PathSegment) -> Vec<&syn::Type> {
    match &segment.arguments {
        syn::PathArguments::AngleBracketed(args) => args
            .args
            .iter()
            .filter_map(|arg| match arg {
                syn::GenericArgument::Type(ty) => Some(ty),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

fn first_type_arg(segment: &syn::PathSegment) -> Option<&syn::Type> {
    type_args(segment).into_iter().next()
}

/// `ty` when it is one of the function's type parameters, bare.
fn type_param(ty: &syn::Type, generics: &syn::Generics) -> Option<syn::Ident> {
    let syn::Type::Path(path) = ungroup(ty) else {
        return None;
    };
    let ident = path.path.get_ident()?;
    generics
        .type_params()
        .any(|param| param.ident == *ident)
        .then(|| ident.clone())
}

/// `E` in `Result<T, E>` when it is one of the function's type parameters.
fn result_error_param(ty: &syn::Type, generics: &syn::Generics) -> Option<syn::Ident> {
    let last = last_segment(ty)?;
    if last.ident != "Result" {
        return None;
    }
    let args = type_args(last);
    type_param(args.get(1)?, generics)
}

/// Whether `param` has a bound (inline or in the `where` clause) whose trait's name
/// is one of `traits`.
fn has_bound(generics: &syn::Generics, param: &syn::Ident, traits: &[&str]) -> bool {
    let named = |bound: &syn::TypeParamBound| {
        matches!(bound, syn::TypeParamBound::Trait(bound)
            if bound.path.segments.last().is_some_and(|last| traits.iter().any(|name| last.ident
                == name)))
    };
    let inline = generics
        .type_params()
        .filter(|tp| tp.ident == *param)
        .any(|tp| tp.bounds.iter().any(named));
    let in_where = generics.where_clause.as_ref().is_some_and(|clause| {
        clause.predicates.iter().any(|predicate| match predicate {
            syn::WherePredicate::Type(predicate) => {
                type_param(&predicate.bounded_ty, generics).as_ref() == Some(param)
                    && predicate.bounds.iter().any(named)
            }
            _ => false,
        })
    });
    inline || in_where
}

/// Takes the panic guard `#[ffi_safe(on_panic = ..)]` put around the body when it was
/// written above `#[audit_log]` (and so expanded first), so the call is audited
/// inside it.
fn panic_guard(item: &mut syn::ItemFn) -> Option<PanicGuard> {
    let (last, before) = item.block.stmts.split_last()?;
    let syn::Stmt::Expr(syn::Expr::Match(guard), None) = last else {
        return None;
    };
    let syn::Expr::Call(catch) = &*guard.expr else {
        return None;
    };
    let syn::Expr::Path(function) = &*catch.func else {
        return None;
    };
    let segments = &function.path.segments;
    let from_palisade = segments.len() >= 2
        && segments[segments.len() - 1].ident == "catch_unwind"
        && segments[segments.len() - 2].ident == "__private";
    if !from_palisade || catch.args.len() != 1 || guard.arms.len() != 2 {
        return None;
    }
    let syn::Expr::Call(assert) = &catch.args[0] else {
        return None;
    };
    let Some(syn::Expr::Closure(closure)) = assert.args.first() else {
        return None;
    };
    let syn::Expr::Block(body) = &*closure.body else {
        return None;
    };
    let model = PanicGuard {
        before: before.to_vec(),
        guard: guard.clone(),
        body: body.block.clone(),
    };
    item.block.stmts.clear();
    Some(model)
}

/// `Secret<T>`, `&Secret<T>`, `audit::Secret<T>`, …
fn is_secret(ty: &syn::Type) -> bool {
    match ty {
        syn::Type::Reference(reference) => is_secret(&reference.elem),
        syn::Type::Group(group) => is_secret(&group.elem),
        syn::Type::Path(path) => path
            .path
            .segments
            .last()
            .is_some_and(|last| last.ident == "Secret"),
        _ => false,
    }
}
