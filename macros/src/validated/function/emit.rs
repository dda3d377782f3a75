//! Emits the function with its argument checks in front of the body.

use proc_macro2::{Ident, Span, TokenStream};
use quote::{quote, quote_spanned, ToTokens as _};

use super::check::{output_span, Function};
use crate::derive_validate::emit::field_checks;
use crate::rules::emit::Names;

/// The function, checking its arguments first. The checks run before the body's
/// first statement (in an `async fn`, when the future is first polled, before its
/// body), and a rejected call returns `Err(E::from(errors))`.
pub fn expand(function: &Function) -> TokenStream {
    let private = function.runtime.private();
    let import = function.runtime.import();
    let errors = Ident::new("__palisade_errors", Span::call_site());
    let found = Ident::new("__palisade_found", Span::call_site());
    let at = Ident::new("__palisade_at", Span::call_site());
    let names = Names {
        private: &private,
        errors: &errors,
        context: None,
    };
    let checks = function.params.iter().map(|param| {
        let syn::Member::Named(ident) = &param.member else {
            return TokenStream::new();
        };
        // A parameter that is already a reference is checked as the value it points
        // to (as a field of that type would be): `&[T]` is a collection to `each`.
        let value = if matches!(param.ty, syn::Type::Reference(_)) {
            quote!(#ident)
        } else {
            quote!(&#ident)
        };
        field_checks(&names, &at, param, value)
    });
    // Named with the return type's span, so that an `E` without
    // `From<ValidationErrors>` is reported on the return type.
    let output = output_span(&function.item);
    let rejected = Ident::new("__palisade_found", output);
    let reject = quote_spanned! {output=>
        return #private::Err(#private::Into::into(#rejected));
    };
    let mut item = function.item.clone();
    let block = &item.block;
    item.block = syn::parse_quote!({
        {
            #import
            let mut #found = #private::ValidationErrors::new();
            {
                let #errors = &mut #found;
                let #at = #private::PathNode::Root;
                #(#checks)*
            }
            if !#found.is_empty() {
                #reject
            }
            // Empty: the checks only push, so it never allocated (a hand-written
            // `validate_into` that swapped in an allocated empty list would leak that
            // list, never more). Skipping its destructor saves the passing call a call.
            let _ = #private::ManuallyDrop::new(#found);
        }
        #block
    });
    item.into_token_stream()
}

/// The function as written (its parameters' rules taken off), next to the errors.
pub fn fallback(item: &syn::ItemFn) -> TokenStream {
    quote!(#item)
}
