//! Emits a `#[validated]` struct: the struct itself, its `Validate` impl, the checked
//! constructor, getters and setters, the newtype API, `new_const` and serde impls.

use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote};

use super::check::{Fallback, Validated};
use super::hidden;
use crate::derive_validate::check::Field;
use crate::rules::emit::const_checks;

/// The whole output of `#[validated]`.
pub fn expand(validated: &Validated) -> TokenStream {
    let model = &validated.model;
    let private = model.runtime.private();
    let mut item = validated.item.clone();
    item.vis = hidden::inner_vis(&item.vis, item.struct_token.span);
    if validated.derives_builder {
        let builder = syn::Ident::new(crate::builder::parse::BUILDER, Span::call_site());
        item.attrs.push(syn::parse_quote!(#[#builder(validated)]));
    }
    // `#[ffi_safe]` below runs on the struct without its rules: tell it C must pass
    // the struct through `Checked<T>`.
    for attr in &mut item.attrs {
        mark_ffi_safe_validated(attr);
    }
    let ident = &model.ident;
    let (impl_generics, ty_generics, where_clause) = model.generics.split_for_impl();
    let validate = crate::derive_validate::emit::validate_impl(model);
    let inherent = inherent_impl(validated);
    let newtype = validated.newtype.then(|| newtype_impls(validated));
    let serde = validated.serde.then(|| super::serde::impls(validated));
    let import = model.runtime.import();
    let inner = quote! {
        #item
        const _: () = {
            #import
            #validate
            #[automatically_derived]
            impl #impl_generics #private::builder::Validated for #ident #ty_generics #where_clause
                {}
            // `try_new` and `Deserialize` drop the value a check refused: a `Drop` impl
            // would be handed it. Writing one conflicts with these two impls.
            #[allow(drop_bounds)]
            trait ValidatedTypesCannotImplementDrop {}
            impl<T: #private::Drop> ValidatedTypesCannotImplementDrop for T {}
            impl #impl_generics ValidatedTypesCannotImplementDrop for #ident #ty_generics
                #where_clause {}
            #inherent
            #newtype
            #serde
        };
    };
    let mut reexports = vec![ident.clone()];
    if validated.derives_builder {
        reexports.push(format_ident!("{}Builder", ident));
        reexports.push(format_ident!("{}_fields", ident));
    }
    hidden::wrap(&validated.item.vis, ident, &reexports, inner)
}

/// Adds `validated` to an `#[ffi_safe]` / `#[ffi_safe(...)]` attribute (by any path).
fn mark_ffi_safe_validated(attr: &mut syn::Attribute) {
    let is_ffi_safe = attr
        .path()
        .segments
        .last()
        .is_some_and(|segment| segment.ident == "ffi_safe");
    if !is_ffi_safe {
        return;
    }
    let path = attr.path().clone();
    *attr = match &attr.meta {
        syn::Meta::List(list) if list.tokens.is_empty() => syn::parse_quote!(#[#path(validated)]),
        syn::Meta::List(list) => {
            let tokens = &list.tokens;
            let trailing_comma = matches!(
                tokens.clone().into_iter().last(),
                Some(proc_macro2::TokenTree::Punct(punct)) if punct.as_char() == ','
            );
            if trailing_comma {
                syn::parse_quote!(#[#path(#tokens validated)])
            } else {
                syn::parse_quote!(#[#path(#tokens, validated)])
            }
        }
        syn::Meta::Path(_) => syn::parse_quote!(#[#path(validated)]),
        // `#[ffi_safe = ..]` is `#[ffi_safe]`'s own mistake to report.
        syn::Meta::NameValue(_) => return,
    };
}

/// What stands in for the expansion next to the errors: the whole API with no rules
/// checked where the struct's shape allows it, else the struct and a stub impl.
pub fn fallback(fallback: &Fallback) -> TokenStream {
    let (item, runtime) = match fallback {
        Fallback::Unchecked(validated) => return expand(validated),
        Fallback::Bare { item, runtime } => (item, runtime),
    };
    let mut inner = item.clone();
    inner.vis = hidden::inner_vis(&item.vis, item.struct_token.span);
    let stub = crate::derive_validate::emit::stub(&crate::derive_validate::check::Stub {
        ident: item.ident.clone(),
        generics: item.generics.clone(),
        runtime: runtime.clone(),
        context: None,
    });
    hidden::wrap(
        &item.vis,
        &item.ident,
        std::slice::from_ref(&item.ident),
        quote!(#inner #stub),
    )
}

/// The struct's checked fields.
pub fn fields(validated: &Validated) -> &[Field] {
    &validated.model.body
}

/// The names of `try_new`'s parameters: the field names, or `value` for a newtype.
fn params(validated: &Validated) -> Vec<Ident> {
    fields(validated)
        .iter()
        .map(|field| match &field.member {
            syn::Member::Named(ident) => ident.clone(),
            syn::Member::Unnamed(_) => Ident::new("value", Span::call_site()),
        })
        .collect()
}

/// `Self { a: a, b: b }` or `Self(value)` from the parameters.
fn construct(validated: &Validated, params: &[Ident]) -> TokenStream {
    if validated.newtype {
        quote!(Self(#(#params),*))
    } else {
        let members = fields(validated).iter().map(|field| &field.member);
        quote!(Self { #(#members: #params),* })
    }
}

fn docs(field: &Field, item: &syn::ItemStruct) -> Vec<syn::Attribute> {
    item.fields
        .iter()
        .zip(0..)
        .find(
            |(candidate, index)| match (&candidate.ident, &field.member) {
                (Some(ident), syn::Member::Named(name)) => ident == name,
                (None, syn::Member::Unnamed(position)) => position.index == *index,
                _ => false,
            },
        )
        .map(|(candidate, _)| {
            candidate
                .attrs
                .iter()
                .filter(|attr| attr.path().is_ident("doc"))
                .cloned()
                .collect()
        })
        .unwrap_or_default()
}

fn inherent_impl(validated: &Validated) -> TokenStream {
    let model = &validated.model;
    let private = model.runtime.private();
    let ident = &model.ident;
    let vis = &hidden::inner_vis(&validated.item.vis, validated.item.struct_token.span);
    let (impl_generics, ty_generics, where_clause) = model.generics.split_for_impl();
    let params = params(validated);
    let types = fields(validated)
        .iter()
        .map(|field| &field.ty)
        .collect::<Vec<_>>();
    let construct = construct(validated, &params);
    let type_name = ident.to_string();
    let errors = quote!(#private::ValidationErrors);

    // One parameter per field: a struct of eight fields is not a mistake in the
    // user's code for clippy to point at.
    let too_many = (params.len() > 7).then(|| quote!(#[allow(clippy::too_many_arguments)]));
    // With a context, the constructor and the setters take it first: `context`,
    // unless a field already has that name.
    let context = model.context.as_ref().map(|ty| {
        let name = if params.iter().any(|param| param == "context") {
            "validation_context"
        } else {
            "context"
        };
        (Ident::new(name, Span::call_site()), ty)
    });
    let try_new = match &context {
        None => {
            let doc = format!("Builds a `{type_name}`, checking every rule and invariant.");
            quote! {
                #[doc = #doc]
                ///
                /// # Errors
                ///
                /// Every rule that fails, each with its path.
                #too_many
                #vis fn try_new(#(#params: #types),*) -> #private::Result<Self, #errors> {
                    let __palisade_value = #construct;
                    match #private::Validate::validate(&__palisade_value) {
                        #private::Ok(()) => #private::Ok(__palisade_value),
                        #private::Err(__palisade_errors) => #private::Err(__palisade_errors),
                    }
                }
            }
        }
        Some((name, ty)) => {
            let doc =
                format!("Builds a `{type_name}`, checking every rule and invariant with `{name}`.");
            let too_many = (params.len() > 6).then(|| quote!(#[allow(clippy::too_many_arguments)]));
            quote! {
                #[doc = #doc]
                ///
                /// # Errors
                ///
                /// Every rule that fails, each with its path.
                #too_many
                #vis fn try_new_with(#name: &#ty, #(#params: #types),*)
                    -> #private::Result<Self, #errors> {
                    let __palisade_value = #construct;
                    match #private::ValidateWith::validate_with(&__palisade_value, #name) {
                        #private::Ok(()) => #private::Ok(__palisade_value),
                        #private::Err(__palisade_errors) => #private::Err(__palisade_errors),
                    }
                }
            }
        }
    };

    let accessors = fields(validated).iter().zip(&params).map(|(field, param)| {
        let member = &field.member;
        let ty = &field.ty;
        let name = &field.name;
        let (getter, setter) = if validated.newtype {
            (
                Ident::new("get", Span::call_site()),
                Ident::new("set", Span::call_site()),
            )
        } else {
            (param.clone(), format_ident!("set_{}", name))
        };
        let docs = docs(field, &validated.item);
        let getter_doc = docs.is_empty().then(|| {
            let doc = format!("Returns `{name}`.");
            quote!(#[doc = #doc])
        });
        let setter_doc = format!(
            "Replaces `{name}`, checking every rule and invariant again; on failure `self` is \
             left unchanged."
        );
        let setter = match &context {
            Some(_) => format_ident!("{}_with", setter),
            None => setter,
        };
        let slot = quote!(|__palisade_self| &mut __palisade_self.#member);
        let (context_param, replace) = match &context {
            Some((context, ty)) => (
                quote!(#context: &#ty,),
                quote!(#private::replace_checked_with(self, #context, #slot, #param)),
            ),
            None => (
                TokenStream::new(),
                quote!(#private::replace_checked(self, #slot, #param)),
            ),
        };
        let into_inner = validated.newtype.then(|| {
            quote! {
                /// Returns the wrapped value, giving up the guarantee.
                #[must_use]
                #vis fn into_inner(self) -> #ty {
                    self.#member
                }
            }
        });
        quote! {
            #(#docs)*
            #getter_doc
            #[must_use]
            #vis fn #getter(&self) -> &#ty {
                &self.#member
            }

            #into_inner

            #[doc = #setter_doc]
            ///
            /// # Errors
            ///
            /// Every rule that fails with the new value.
            #vis fn #setter(&mut self, #context_param #param: #ty)
                -> #private::Result<(), #errors> {
                #replace
            }
        }
    });

    // A literal builder default is checked where the type is defined, not when some
    // `build()` first runs without that field.
    let checked_defaults = fields(validated)
        .iter()
        .zip(&params)
        .zip(&validated.builder_defaults)
        .filter_map(|((field, param), default)| {
            let default = default.as_ref()?;
            let ty = &field.ty;
            let checks = const_checks(&private, param, &field.rules, &type_name, &field.name);
            let span = syn::spanned::Spanned::span(default);
            Some(quote::quote_spanned! {span=>
                const _: () = {
                    let #param: #ty = #default;
                    #checks
                };
            })
        });
    let new_const = validated.const_evaluable.then(|| {
        let checks = fields(validated).iter().zip(&params).map(|(field, param)| {
            const_checks(&private, param, &field.rules, &type_name, &field.name)
        });
        let doc = format!(
            "Builds a `{type_name}` in a const context. `palisade::valid!({type_name}, ...)` \
             calls it inside `const {{ }}`, so an invalid constant is a compile error."
        );
        quote! {
            #[doc = #doc]
            ///
            /// # Panics
            ///
            /// When a rule fails, naming the type, the field and the rule; in a `const`
            /// this is a compile error.
            #[must_use]
            #too_many
            #vis const fn new_const(#(#params: #types),*) -> Self {
                #(#checks)*
                #construct
            }
        }
    });

    // Without a `new_const`, `valid!` would meet rustc's "no function `new_const`",
    // which never says why: a hidden stand-in that names the reason instead, as a
    // compile-time panic wherever `valid!` evaluates it.
    let new_const = new_const.or_else(|| {
        let (reason, constructor) = if validated.model.context.is_some() {
            (
                "its rules take a context".to_owned(),
                "try_new_with(&context, ..)",
            )
        } else if validated.model.invariants.is_empty() {
            let reason = fields(validated)
                .iter()
                .find_map(|field| field.rules.const_blocker(&field.name))?;
            (reason, "try_new(..)")
        } else {
            (
                "its invariants are checked at run time".to_owned(),
                "try_new(..)",
            )
        };
        let message = format!(
            "`valid!` cannot build a `{type_name}` at compile time: {reason}; build it with \
             `{type_name}::{constructor}`"
        );
        Some(quote! {
            /// Stands in for `new_const`, which this type cannot have: says why.
            ///
            /// # Panics
            ///
            /// Always; in the `const` of `valid!`, as a compile error.
            #[doc(hidden)]
            #[must_use]
            #too_many
            #vis const fn new_const(#(#params: #types),*) -> Self {
                // Held, not dropped: a `const fn` cannot run a destructor.
                #(let _ = #private::ManuallyDrop::new(#params);)*
                #private::panic!("{}", #message)
            }
        })
    });

    quote! {
        #(#checked_defaults)*
        #[automatically_derived]
        impl #impl_generics #ident #ty_generics #where_clause {
            #try_new
            #(#accessors)*
            #new_const
        }
    }
}

fn newtype_impls(validated: &Validated) -> TokenStream {
    let model = &validated.model;
    let private = model.runtime.private();
    let ident = &model.ident;
    let (impl_generics, ty_generics, where_clause) = model.generics.split_for_impl();
    let Some(field) = fields(validated).first() else {
        return TokenStream::new();
    };
    let ty = &field.ty;
    // `impl<T> TryFrom<T> for Wrapper<T>` would overlap core's blanket `TryFrom<U> for T`
    // impl, so a newtype over a type parameter gets `try_new` only.
    // A type with a context has no conversion that could pass it.
    let convertible =
        model.context.is_none() && !crate::util::mentions_type_param(ty, &model.generics);
    let try_from = convertible.then(|| {
        quote! {
            #[automatically_derived]
            impl #impl_generics #private::TryFrom<#ty> for #ident #ty_generics #where_clause {
                type Error = #private::ValidationErrors;
                fn try_from(value: #ty) -> #private::Result<Self, Self::Error> {
                    Self::try_new(value)
                }
            }
        }
    });
    quote! {
        #[automatically_derived]
        impl #impl_generics #private::AsRef<#ty> for #ident #ty_generics #where_clause {
            fn as_ref(&self) -> &#ty {
                &self.0
            }
        }
        #try_from
    }
}
