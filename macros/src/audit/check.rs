//! Checks `#[audit_log]`: every parameter its options name exists, and decides for
//! each parameter whether it is logged, redacted or left out.

use proc_macro2::TokenStream;
use quote::ToTokens;

use super::parse::RawAudit;
use crate::util::attr::{error, Errors};
use crate::util::runtime_path::RuntimePath;

/// A checked `#[audit_log]`.
pub struct Model {
    /// Where generated code finds the runtime.
    pub runtime: RuntimePath,
    /// The function.
    pub item: syn::ItemFn,
    /// The event's operation.
    pub operation: String,
    /// Whether to emit a start event.
    pub start: bool,
    /// What goes into `args`, in parameter order.
    pub args: Vec<Arg>,
    /// Parameters whose values go to `resources_affected`.
    pub resources: Vec<syn::Ident>,
}

/// One parameter in `args`.
pub struct Arg {
    /// Its name.
    pub ident: syn::Ident,
    /// Logged as `"[REDACTED]"`.
    pub redacted: bool,
}

/// Checks the options against the function's parameters, reporting all problems.
pub fn check(raw: RawAudit) -> Result<Model, Box<(syn::Error, TokenStream)>> {
    let mut errors = Errors::new();
    let options = errors.handle(raw.args).unwrap_or_default();
    let item = raw.item;
    let fn_name = item.sig.ident.to_string();
    if let Some(constness) = &item.sig.constness {
        errors.push(
            error("a `const fn` cannot be audited: it may run at compile time, where there is no clock or sink")
                .at(constness),
        );
    }
    let params = item
        .sig
        .inputs
        .iter()
        .filter_map(|input| match input {
            syn::FnArg::Typed(typed) => match &*typed.pat {
                syn::Pat::Ident(pat) => Some((pat.ident.clone(), (*typed.ty).clone())),
                _ => None,
            },
            syn::FnArg::Receiver(_) => None,
        })
        .collect::<Vec<_>>();
    let names = params
        .iter()
        .map(|(ident, _)| ident.to_string())
        .collect::<Vec<_>>();
    let lookup = |list: &Option<Vec<syn::Path>>,
                  option: &str,
                  errors: &mut Errors|
     -> Vec<syn::Ident> {
        let Some(list) = list else { return Vec::new() };
        list.iter()
            .filter_map(|path| {
                let name = path.get_ident().map(ToString::to_string).unwrap_or_else(|| crate::util::source_text(path));
                if names.contains(&name) {
                    path.get_ident().cloned()
                } else {
                    let known = if names.is_empty() { "it has none".to_owned() } else { format!("its parameters are {}", names.join(", ")) };
                    errors.push(
                        error(format!(
                            "`{option}` names `{name}`, which is not a parameter of `{fn_name}`: {known}"
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
    let allow = options
        .args
        .as_ref()
        .map(|_| lookup(&options.args, "args", &mut errors));
    if options.skip_all.is_present() {
        if let Some(first) = options.args.as_ref().and_then(|list| list.first()) {
            errors.push(
                error("`skip_all` leaves out every argument, so `args(...)` has nothing to allow: keep one of them")
                    .at(first),
            );
        }
    }
    if options.result.is_present() && matches!(item.sig.output, syn::ReturnType::Default) {
        errors.push(
            error(format!("`result` says `{fn_name}` returns a `Result`, but it returns nothing: remove `result`"))
                .at_span(options.result.span()),
        );
    }
    let args = params
        .iter()
        .filter(|(ident, _)| {
            !options.skip_all.is_present()
                && !skip.contains(ident)
                && allow.as_ref().is_none_or(|allow| allow.contains(ident))
        })
        .map(|(ident, ty)| {
            let allowed_explicitly = allow.as_ref().is_some_and(|allow| allow.contains(ident));
            let redacted = redact.contains(ident)
                || is_secret(ty)
                || (!allowed_explicitly && is_sensitive(&ident.to_string()));
            Arg {
                ident: ident.clone(),
                redacted,
            }
        })
        .collect();
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
            runtime,
            item,
            operation,
            start: options.start.is_present(),
            args,
            resources,
        }),
        Err(error) => Err(Box::new((error, item.into_token_stream()))),
    }
}

/// The name parts the runtime documents as sensitive (`SENSITIVE_NAME_PARTS`).
const SENSITIVE: [&str; 11] = [
    "passw",
    "secret",
    "token",
    "key",
    "pin",
    "crypt",
    "salt",
    "otp",
    "ssn",
    "credential",
    "auth",
];

fn is_sensitive(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    SENSITIVE.iter().any(|part| lower.contains(part))
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
