//! Emits the builder: a struct with one typestate parameter per field, `T::builder()`,
//! a setter per field, and `build()`. Setters require `IsUnset` and `build()` requires
//! `IsSet` of each field's state, both runtime traits parameterised by a marker type
//! named after the field, so their `on_unimplemented` messages name it.

use crate::util::runtime_path::Private;
use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote};

use super::check::{Field, Kind, Model};

/// The whole output of `#[derive(Builder)]`.
pub fn expand(model: &Model) -> TokenStream {
    let private = model.runtime.private();
    let states = &quote!(#private::builder);
    let ident = &model.ident;
    let vis = &model.vis;
    let builder = format_ident!("{}Builder", ident);
    let (impl_generics, ty_generics, where_clause) = model.generics.split_for_impl();
    let user_args = generic_args(&model.generics);
    let fields = &model.fields;
    let names = fields.iter().map(|field| &field.ident).collect::<Vec<_>>();
    let state_params = fields
        .iter()
        .map(|field| format_ident!("__{}", camel_case(&field.ident)))
        .collect::<Vec<_>>();

    // The builder's own generics: the struct's (without defaults), then one state per field.
    let mut builder_generics = model.generics.clone();
    for param in &mut builder_generics.params {
        match param {
            syn::GenericParam::Type(param) => {
                param.default = None;
            }
            syn::GenericParam::Const(param) => {
                param.default = None;
            }
            syn::GenericParam::Lifetime(_) => {}
        }
    }
    let mut declared_generics = builder_generics;
    declared_generics.params.extend(
        state_params
            .iter()
            .map(|state| -> syn::GenericParam { syn::parse_quote!(#state) }),
    );
    let (builder_impl_generics, builder_ty_generics, builder_where) =
        declared_generics.split_for_impl();
    let builder_params = &declared_generics.params;
    let unset_args = fields.iter().map(|_| quote!(#states::Unset));

    let type_name = ident.to_string();
    let struct_doc =
        format!("Builds a [`{type_name}`] field by field; start with [`{type_name}::builder`].");
    let builder_doc = format!(
        "Starts building a `{type_name}`: call a setter per field, then `build()`. A required \
         field left unset, or a field set twice, is a compile error that names it."
    );

    let markers = markers(model);
    let shape = BuilderShape {
        model,
        builder: &builder,
        user_args: &user_args,
        state_params: &state_params,
        states,
        private: &private,
    };
    let setters = fields
        .iter()
        .enumerate()
        .map(|(index, field)| setter(&shape, index, field));
    let build = build_method(model, &state_params, states, &private);
    let checks_guard = (!model.validated).then(|| {
        quote! {
            #[automatically_derived]
            impl #impl_generics #states::BuildsWithoutChecks for #ident #ty_generics #where_clause
                {}
        }
    });

    quote! {
        #[doc = #struct_doc]
        #[must_use = "a builder does nothing until `.build()` is called"]
        #vis struct #builder <#builder_params> #builder_where {
            #(#names: #state_params,)*
            __palisade_target: #private::PhantomData<fn() -> #ident #ty_generics>,
        }

        #markers

        const _: () = {

            #[automatically_derived]
            impl #impl_generics #ident #ty_generics #where_clause {
                #[doc = #builder_doc]
                #[inline]
                #vis fn builder() -> #builder<#(#user_args,)* #(#unset_args),*> {
                    #builder {
                        #(#names: #states::Unset,)*
                        __palisade_target: #private::PhantomData,
                    }
                }
            }

            #[automatically_derived]
            impl #builder_impl_generics #builder #builder_ty_generics #builder_where {
                #(#setters)*
                #build
            }

            #checks_guard
        };
    }
}

/// `'a, T, N` for the struct's generics, to spell the builder's type.
fn generic_args(generics: &syn::Generics) -> Vec<TokenStream> {
    generics
        .params
        .iter()
        .map(|param| match param {
            syn::GenericParam::Lifetime(param) => {
                let lifetime = &param.lifetime;
                quote!(#lifetime)
            }
            syn::GenericParam::Type(param) => {
                let ident = &param.ident;
                quote!(#ident)
            }
            syn::GenericParam::Const(param) => {
                let ident = &param.ident;
                quote!(#ident)
            }
        })
        .collect()
}

fn camel_case(ident: &Ident) -> String {
    let name = ident.to_string();
    let name = name.strip_prefix("r#").unwrap_or(&name);
    name.split('_')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let mut chars = part.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_uppercase().chain(chars).collect()
            })
        })
        .collect()
}

/// The module holding the field markers: `Request_fields`. Its name is what an error
/// shows when two builders have a field of the same name (`Request_fields::url`);
/// otherwise rustc shows the marker alone (`url`).
fn markers_module(model: &Model) -> Ident {
    format_ident!("{}_fields", model.ident)
}

/// `Request_fields::url`: the marker type named after a field, so that the runtime's
/// `IsSet`/`IsUnset` messages print the field's name.
fn marker(model: &Model, field: &Field) -> TokenStream {
    let module = markers_module(model);
    let name = &field.ident;
    quote!(#module::#name)
}

fn markers(model: &Model) -> TokenStream {
    let module = markers_module(model);
    let vis = &model.vis;
    let module_doc = format!("Names the fields of `{}` in builder errors.", model.ident);
    let markers = model.fields.iter().map(|field| {
        let name = &field.ident;
        let doc = format!(
            "The field `{}` of `{}`.",
            crate::util::member_name(&syn::Member::Named(name.clone())),
            model.ident
        );
        quote! {
            #[doc = #doc]
            pub struct #name {}
        }
    });
    quote! {
        #[doc = #module_doc]
        #[doc(hidden)]
        // The module and type names are what error messages print, so they keep the
        // struct's and the fields' own spelling.
        #[allow(non_snake_case, non_camel_case_types)]
        #vis mod #module {
            #(#markers)*
        }
    }
}

/// The builder type every setter returns a version of.
struct BuilderShape<'a> {
    /// The struct being built.
    model: &'a Model,
    /// The builder's name.
    builder: &'a Ident,
    /// The struct's own generic arguments, passed on to the builder.
    user_args: &'a [TokenStream],
    /// One state parameter per field.
    state_params: &'a [Ident],
    /// The path of the typestate module.
    states: &'a TokenStream,
    /// Where generated code finds the runtime.
    private: &'a Private,
}

/// The setter of field `index` (and its `maybe_` form for an `Option`).
fn setter(shape: &BuilderShape<'_>, index: usize, field: &Field) -> TokenStream {
    let BuilderShape {
        model,
        builder,
        user_args,
        state_params,
        states,
        private,
    } = *shape;
    let vis = &model.vis;
    let name = &field.ident;
    let setter = &field.setter;
    let ty = &field.ty;
    let target = &model.ident;
    let (_, target_generics, _) = model.generics.split_for_impl();
    let marker = marker(model, field);
    let is_unset = quote!(#states::IsUnset<#target #target_generics, #marker>);
    let output_states = state_params.iter().enumerate().map(|(position, state)| {
        if position == index {
            quote!(#states::Set<#ty>)
        } else {
            quote!(#state)
        }
    });
    let output = quote!(#builder<#(#user_args,)* #(#output_states),*>);
    let others = model
        .fields
        .iter()
        .filter(|other| other.ident != field.ident)
        .map(|other| {
            let other = &other.ident;
            quote!(#other: self.#other)
        });
    let others = quote!(#(#others,)*);
    let value = Ident::new("value", Span::call_site());
    let (value_ty, stored) = match &field.kind {
        Kind::Optional { inner, .. } if field.into => (
            quote!(impl #private::Into<#inner>),
            quote!(#private::Some(#private::Into::into(#value))),
        ),
        Kind::Optional { inner, .. } => (quote!(#inner), quote!(#private::Some(#value))),
        _ if field.into => (
            quote!(impl #private::Into<#ty>),
            quote!(#private::Into::into(#value)),
        ),
        _ => (quote!(#ty), quote!(#value)),
    };
    let field_name = crate::util::member_name(&syn::Member::Named(name.clone()));
    let docs = if field.docs.is_empty() {
        let doc = format!("Sets `{field_name}`.");
        quote!(#[doc = #doc])
    } else {
        let docs = &field.docs;
        quote!(#(#docs)*)
    };
    let state = &state_params[index];
    let maybe = match &field.kind {
        Kind::Optional { inner, .. } => {
            let maybe_name = format_ident!("maybe_{}", setter, span = Span::call_site());
            let doc = format!("Sets `{field_name}` from an `Option`: `None` leaves it unset.");
            let (value_ty, stored) = if field.into {
                (
                    quote!(#private::Option<impl #private::Into<#inner>>),
                    quote!(#value.map(#private::Into::into)),
                )
            } else {
                (quote!(#private::Option<#inner>), quote!(#value))
            };
            quote! {
                #[doc = #doc]
                #[inline]
                #vis fn #maybe_name(self, #value: #value_ty) -> #output
                where
                    #state: #is_unset,
                {
                    #builder {
                        #name: #states::Set::new(#stored),
                        #others
                        __palisade_target: #private::PhantomData,
                    }
                }
            }
        }
        _ => TokenStream::new(),
    };
    quote! {
        #docs
        #[inline]
        #vis fn #setter(self, #value: #value_ty) -> #output
        where
            #state: #is_unset,
        {
            #builder {
                #name: #states::Set::new(#stored),
                #others
                __palisade_target: #private::PhantomData,
            }
        }

        #maybe
    }
}

fn build_method(
    model: &Model,
    state_params: &[Ident],
    states: &TokenStream,
    private: &Private,
) -> TokenStream {
    let vis = &model.vis;
    let ident = &model.ident;
    let (_, ty_generics, _) = model.generics.split_for_impl();
    let locals = (0..model.fields.len())
        .map(|index| format_ident!("__palisade_field_{}", index))
        .collect::<Vec<_>>();
    let mut bounds = Vec::new();
    let values = model.fields.iter().zip(state_params).map(|(field, state)| {
        let name = &field.ident;
        let ty = &field.ty;
        match &field.kind {
            Kind::Required => {
                let marker = marker(model, field);
                let is_set = quote!(#states::IsSet<#ident #ty_generics, #marker, #ty>);
                bounds.push(quote!(#state: #is_set));
                quote!(<#state as #is_set>::into_value(self.#name))
            }
            Kind::Optional { default, .. } => {
                bounds.push(quote!(#state: #states::OrDefault<#ty>));
                let default = default
                    .as_ref()
                    .map_or_else(|| quote!(#private::None), |default| quote!(#default));
                quote!(#states::OrDefault::or_else(self.#name, || #default))
            }
            Kind::Default(None) => {
                bounds.push(quote!(#state: #states::OrDefault<#ty>));
                quote!(#states::OrDefault::or_else(self.#name, #private::Default::default))
            }
            Kind::Default(Some(default)) => {
                bounds.push(quote!(#state: #states::OrDefault<#ty>));
                quote!(#states::OrDefault::or_else(self.#name, || #default))
            }
        }
    });
    let values = values.collect::<Vec<_>>();
    let names = model.fields.iter().map(|field| &field.ident);
    let type_name = ident.to_string();
    if model.validated {
        let doc = format!(
            "Builds the `{type_name}` through `{type_name}::try_new`, checking every rule."
        );
        quote! {
            #[doc = #doc]
            ///
            /// # Errors
            ///
            /// Every rule that fails, each with its path.
            #[inline]
            #vis fn build(self) -> #private::Result<#ident #ty_generics, #private::ValidationErrors>
            where
                #(#bounds,)*
            {
                #(let #locals = #values;)*
                #ident::try_new(#(#locals),*)
            }
        }
    } else {
        let doc = format!("Builds the `{type_name}`.");
        quote! {
            #[doc = #doc]
            #[inline]
            #vis fn build(self) -> #ident #ty_generics
            where
                #(#bounds,)*
            {
                #(let #locals = #values;)*
                #ident { #(#names: #locals),* }
            }
        }
    }
}
