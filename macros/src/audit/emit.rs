//! Emits an audited function: the body runs between `Call::begin` (arguments
//! captured, start event) and `Call::finish` (outcome read from the value, or from a
//! returned future's output when it completes); a panic is recorded with its message
//! and goes on.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned as _;

use super::model::{Capture, Model, Returns};

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
        match arg.capture {
            Capture::Redacted => quote!(__palisade_args.redacted(#name);),
            Capture::Debug => quote! {
                if __palisade_args.key(#name) {
                    __palisade_args.debug(&#ident);
                }
            },
            Capture::Value => quote! {
                if __palisade_args.key(#name) {
                    (&&&#audit::ArgProbe(&#ident)).write_value(__palisade_args);
                }
            },
        }
    });
    let resources = (!model.resources.is_empty()).then(|| {
        let items = model.resources.iter().map(|resource| {
            let ident = &resource.ident;
            match resource.capture {
                Capture::Redacted => quote!(__palisade_args.redacted_item();),
                Capture::Debug => quote! {
                    __palisade_args.item();
                    __palisade_args.debug(&#ident);
                },
                Capture::Value => quote! {
                    __palisade_args.item();
                    (&&&#audit::ArgProbe(&#ident)).write_value(__palisade_args);
                },
            }
        });
        quote! {
            __palisade_args.resources();
            #(#items)*
        }
    });
    let metadata = (!model.metadata.is_empty()).then(|| {
        let entries = model.metadata.iter().map(|entry| {
            let (name, value) = (&entry.name, &entry.value);
            match entry.capture {
                // Its text is scrubbed from `error_detail`, as a redacted argument's is.
                Capture::Redacted => quote! {
                    __palisade_args.remember((&&#audit::ScrubProbe(&(#value))).text());
                    __palisade_args.redacted(#name);
                },
                Capture::Value | Capture::Debug => quote! {
                    if __palisade_args.key(#name) {
                        (&&&#audit::ArgProbe(&(#value))).write_value(__palisade_args);
                    }
                },
            }
        });
        quote! {
            __palisade_args.metadata();
            #(#entries)*
        }
    });
    let scrubbed = model
        .scrubbed
        .iter()
        .map(|ident| quote!(__palisade_args.remember((&&#audit::ScrubProbe(&#ident)).text());));
    let begin = if model.args.is_empty()
        && model.resources.is_empty()
        && model.metadata.is_empty()
        && model.scrubbed.is_empty()
    {
        quote!(#audit::Call::begin_bare(&__PALISADE_SITE))
    } else {
        quote! {
            #audit::Call::begin(&__PALISADE_SITE, |__palisade_args| {
                use #audit::{KnownText as _, NoText as _, OpaqueArg as _, SerializeArg as _,
                    StructuredArg as _};
                #(#scrubbed)*
                #(#captures)*
                #resources
                #metadata
            })
        }
    };
    let outcome = |value: TokenStream| {
        quote! {{
            use #audit::{
                Declared as _, ResultDebug as _, ResultDisplay as _, ResultOpaque as _,
                Success as _, UnobservedFuture as _,
            };
            (&&&&&&#audit::OutcomeProbe(#value)).outcome()
        }}
    };
    let block = match &model.panic_guard {
        Some(guard) => &guard.body,
        None => &item.block,
    };
    let observe = |future: TokenStream| {
        let probe = outcome(quote!(__palisade_value));
        quote!(#audit::Observed::new(__palisade_call, #future, |__palisade_value| #probe))
    };
    let run = match &model.returns {
        Returns::Async => {
            let observed = observe(quote!(async move #block));
            quote!(#observed.await)
        }
        Returns::Value(ty) => {
            let value_type = ty.as_ref().map(|ty| quote!(: #ty));
            let finish = outcome(quote!(&__palisade_value));
            // An error about the outcome (a future returned unobserved) points at the
            // return type.
            let span = match &item.sig.output {
                syn::ReturnType::Type(_, ty) => ty.span(),
                syn::ReturnType::Default => proc_macro2::Span::call_site(),
            };
            let finish = quote_spanned!(span=> __palisade_call.finish(#finish););
            quote! {
                let __palisade_value #value_type = __palisade_call.run(move || #block);
                #finish
                __palisade_value
            }
        }
        Returns::Never => quote!(#audit::never(&__palisade_call, move || #block)),
        Returns::ImplFuture => {
            let observed = observe(quote!(__palisade_future));
            quote! {
                let __palisade_future = __palisade_call.run(move || #block);
                #observed
            }
        }
        Returns::BoxedFuture(ty) => {
            let observed = observe(quote!(__palisade_future));
            quote! {
                let __palisade_future: #ty = __palisade_call.run(move || #block);
                #audit::boxed(#observed)
            }
        }
    };
    let returns_future = matches!(model.returns, Returns::ImplFuture | Returns::BoxedFuture(_));
    let audited: syn::Block = syn::parse_quote!({
        static __PALISADE_SITE: #audit::CallSite = #audit::CallSite {
            operation: #operation,
            module: #private::module_path!(),
            start: #start,
            returns_future: #returns_future,
            crate_name: #private::env!("CARGO_PKG_NAME"),
            version: #private::env!("CARGO_PKG_VERSION"),
            profile: if #private::cfg!(debug_assertions) { "debug" } else { "release" },
        };
        let __palisade_call = #begin;
        #run
    });
    item.block = match &model.panic_guard {
        // The guard of `#[ffi_safe(on_panic = ..)]` goes around the audited call, so
        // the call sees the panic before the guard turns it into a value.
        Some(guard) => {
            let mut around = guard.guard.clone();
            if let syn::Expr::Call(catch) = &mut *around.expr {
                if let Some(syn::Expr::Call(assert)) = catch.args.first_mut() {
                    if let Some(syn::Expr::Closure(closure)) = assert.args.first_mut() {
                        *closure.body = syn::Expr::Block(syn::ExprBlock {
                            attrs: Vec::new(),
                            label: None,
                            block: audited,
                        });
                    }
                }
            }
            let before = &guard.before;
            Box::new(syn::parse_quote!({
                #(#before)*
                #around
            }))
        }
        None => Box::new(audited),
    };
    quote!(#item)
}
