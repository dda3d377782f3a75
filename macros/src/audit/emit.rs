//! Emits an audited function: the body runs between `Call::begin` (arguments
//! captured, start event) and `Call::finish` (outcome read from the value); a panic
//! drops the call while unwinding, which records it and lets the panic go on.

use proc_macro2::TokenStream;
use quote::quote;

use super::check::Model;

/// The audited function.
pub fn expand(model: &Model) -> TokenStream {
    let private = model.runtime.private();
    let audit = quote!(#private::audit);
    let mut item = model.item.clone();
    let operation = &model.operation;
    let start = model.start;
    let captures = model.args.iter().map(|arg| {
        let ident = &arg.ident;
        let name = crate::util::member_name(&syn::Member::Named(ident.clone()));
        if arg.redacted {
            quote!(__palisade_args.redacted(#name);)
        } else {
            quote! {
                __palisade_args.key(#name);
                (&&&&#audit::ArgProbe(&#ident)).write_value(__palisade_args);
            }
        }
    });
    let resources = (!model.resources.is_empty()).then(|| {
        let items = model.resources.iter().map(|ident| {
            quote! {
                __palisade_args.item();
                (&&&&#audit::ArgProbe(&#ident)).write_value(__palisade_args);
            }
        });
        quote! {
            __palisade_args.resources();
            #(#items)*
        }
    });
    let block = &item.block;
    let run = if item.sig.asyncness.is_some() {
        quote!(async move #block.await)
    } else {
        quote!(#audit::run(move || #block))
    };
    // Naming the value's type keeps a body that never returns (`panic!`, `loop`) from
    // leaving it to be inferred from the outcome probes; `impl Trait` cannot be named.
    let value_type = match &item.sig.output {
        syn::ReturnType::Default => Some(quote!(: ())),
        syn::ReturnType::Type(_, ty) if !contains_impl(ty) => Some(quote!(: #ty)),
        syn::ReturnType::Type(..) => None,
    };
    let capture_uses = (!model.args.is_empty() || !model.resources.is_empty()).then(
        || quote!(use #audit::{DebugArg as _, NumberArg as _, OpaqueArg as _, TextArg as _};),
    );
    let begin = if model.args.is_empty() && model.resources.is_empty() {
        quote!(#audit::Call::begin_bare(&__PALISADE_SITE))
    } else {
        quote! {
            #audit::Call::begin(&__PALISADE_SITE, |__palisade_args| {
                #capture_uses
                #(#captures)*
                #resources
            })
        }
    };
    item.block = syn::parse_quote!({
        static __PALISADE_SITE: #audit::CallSite = #audit::CallSite {
            operation: #operation,
            module: #private::module_path!(),
            start: #start,
            crate_name: #private::env!("CARGO_PKG_NAME"),
            version: #private::env!("CARGO_PKG_VERSION"),
            profile: if #private::cfg!(debug_assertions) { "debug" } else { "release" },
        };
        let __palisade_call = #begin;
        let __palisade_value #value_type = #run;
        {
            use #audit::{ResultDebug as _, ResultDisplay as _, ResultOpaque as _, Success as _};
            __palisade_call.finish((&&&&#audit::OutcomeProbe(&__palisade_value)).outcome());
        }
        __palisade_value
    });
    quote!(#item)
}

fn contains_impl(ty: &syn::Type) -> bool {
    fn walk(tokens: TokenStream) -> bool {
        tokens.into_iter().any(|token| match token {
            proc_macro2::TokenTree::Ident(ident) => ident == "impl",
            proc_macro2::TokenTree::Group(group) => walk(group.stream()),
            _ => false,
        })
    }
    walk(quote!(#ty))
}
