//! Emits the `Validate` impl of a checked model.

use super::parse::Style;
use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote};

use super::check::{AsBody, BodyRef, Field, Model, Stub, Variant};
use crate::rules::emit::{invariant_checks, value_checks, Names};

/// `#[derive(Validate)]`'s whole output.
pub fn expand(model: &Model) -> TokenStream {
    let import = model.runtime.import();
    let validate = validate_impl(model);
    quote! {
        const _: () = {
            #import
            #validate
        };
    }
}

/// The `impl Validate` of `model`.
pub fn validate_impl<B: AsBody>(model: &Model<B>) -> TokenStream {
    let private = model.runtime.private();
    let errors = Ident::new("__palisade_errors", Span::call_site());
    let at = Ident::new("__palisade_at", Span::call_site());
    let before = Ident::new("__palisade_before", Span::call_site());
    let context = Ident::new("__palisade_context", Span::call_site());
    let names = Names {
        private: &private,
        errors: &errors,
        context: model.context.as_ref().map(|ty| (&context, ty)),
    };
    let body = match model.body.as_body() {
        BodyRef::Struct(fields) => struct_checks(&names, &at, fields),
        BodyRef::Enum(variants) => enum_checks(&names, &at, variants),
    };
    let invariants = invariant_checks(&names, &at, &before, &model.invariants);
    let count = (!invariants.is_empty()).then(|| quote!(let #before = #errors.len();));
    let used = !body.is_empty() || !invariants.is_empty();
    let (at_param, errors_param) = if used {
        (quote!(#at), quote!(#errors))
    } else {
        (quote!(_), quote!(_))
    };

    let ident = &model.ident;
    let mut generics = model.generics.clone();
    let bound = match &model.context {
        Some(ty) => quote!(#private::ValidateWith<#ty>),
        None => quote!(#private::Validate),
    };
    for ty in model.nested_bounds() {
        generics
            .make_where_clause()
            .predicates
            .push(syn::parse_quote!(#ty: #bound));
    }
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    if let Some(ty) = &model.context {
        // The context is named only by `custom` and `nested`; unused otherwise.
        let context_param = if names_ident(&body, &context) || names_ident(&invariants, &context) {
            quote!(#context)
        } else {
            quote!(_)
        };
        return quote! {
            #[automatically_derived]
            impl #impl_generics #private::ValidateWith<#ty> for #ident #ty_generics
                #where_clause {
                fn validate_into_with(
                    &self,
                    #context_param: &#ty,
                    #at_param: &#private::PathNode<'_>,
                    #errors_param: &mut #private::ValidationErrors,
                ) {
                    #count
                    #body
                    #invariants
                }
            }
        };
    }
    quote! {
        #[automatically_derived]
        impl #impl_generics #private::Validate for #ident #ty_generics #where_clause {
            fn validate_into(
                &self,
                #at_param: &#private::PathNode<'_>,
                #errors_param: &mut #private::ValidationErrors,
            ) {
                #count
                #body
                #invariants
            }
        }
    }
}

/// Whether `tokens` use the identifier `name` anywhere.
fn names_ident(tokens: &TokenStream, name: &Ident) -> bool {
    tokens.clone().into_iter().any(|token| match token {
        proc_macro2::TokenTree::Ident(ident) => ident == *name,
        proc_macro2::TokenTree::Group(group) => names_ident(&group.stream(), name),
        _ => false,
    })
}

/// An impl that checks nothing, emitted next to errors so that uses of the type's
/// `Validate` methods do not add errors of their own.
pub fn stub(stub: &Stub) -> TokenStream {
    let private = stub.runtime.private();
    let import = stub.runtime.import();
    let ident = &stub.ident;
    let (impl_generics, ty_generics, where_clause) = stub.generics.split_for_impl();
    if let Some(ty) = &stub.context {
        return quote! {
            const _: () = {
                #import
                #[automatically_derived]
                impl #impl_generics #private::ValidateWith<#ty> for #ident #ty_generics
                    #where_clause {
                    fn validate_into_with(&self, _: &#ty, _: &#private::PathNode<'_>, _: &mut
                        #private::ValidationErrors) {}
                }
            };
        };
    }
    quote! {
        const _: () = {
            #import
            #[automatically_derived]
            impl #impl_generics #private::Validate for #ident #ty_generics #where_clause {
                fn validate_into(&self, _: &#private::PathNode<'_>, _: &mut
                    #private::ValidationErrors) {}
            }
        };
    }
}

/// The checks of one field on `value`, a reference to it, under `at`'s path.
pub fn field_checks(
    names: &Names<'_>,
    at: &Ident,
    field: &Field,
    value: TokenStream,
) -> TokenStream {
    let bound = Ident::new("__palisade_value", Span::call_site());
    let field_at = format_ident!("__palisade_at_0");
    let checks = value_checks(names, &bound, &field_at, &field.rules, 0);
    if checks.is_empty() {
        return checks;
    }
    let name = &field.name;
    let field_at_value = if field.in_path {
        quote!(#at.field(#name))
    } else {
        quote!(*#at)
    };
    quote! {
        {
            let #bound = #value;
            let #field_at = #field_at_value;
            #checks
        }
    }
}

fn struct_checks(names: &Names<'_>, at: &Ident, fields: &[Field]) -> TokenStream {
    fields
        .iter()
        .map(|field| {
            let member = &field.member;
            field_checks(names, at, field, quote!(&self.#member))
        })
        .collect()
}

fn enum_checks(names: &Names<'_>, at: &Ident, variants: &[Variant]) -> TokenStream {
    let mut arms = Vec::new();
    let mut unchecked = Vec::new();
    for variant in variants {
        let ident = &variant.ident;
        let bindings = variant
            .fields
            .iter()
            .map(|field| format_ident!("__palisade_field_{}", field.name))
            .collect::<Vec<_>>();
        let checks = variant
            .fields
            .iter()
            .zip(&bindings)
            .map(|(field, binding)| field_checks(names, at, field, quote!(#binding)))
            .collect::<TokenStream>();
        if checks.is_empty() {
            unchecked.push(match variant.style {
                Style::Struct => quote!(Self::#ident { .. }),
                Style::Tuple => quote!(Self::#ident(..)),
                Style::Unit => quote!(Self::#ident),
            });
            continue;
        }
        let pattern = match variant.style {
            Style::Struct => {
                let members = variant
                    .fields
                    .iter()
                    .zip(&bindings)
                    .filter(|(field, _)| !field.rules.is_empty())
                    .map(|(field, binding)| {
                        let member = &field.member;
                        quote!(#member: #binding)
                    });
                quote!(Self::#ident { #(#members,)* .. })
            }
            _ => {
                let positions = variant
                    .fields
                    .iter()
                    .zip(&bindings)
                    .map(|(field, binding)| {
                        if field.rules.is_empty() {
                            quote!(_)
                        } else {
                            quote!(#binding)
                        }
                    });
                quote!(Self::#ident(#(#positions),*))
            }
        };
        arms.push(quote!(#pattern => { #checks }));
    }
    if arms.is_empty() {
        return TokenStream::new();
    }
    let rest = (!unchecked.is_empty()).then(|| quote!(#(#unchecked)|* => {}));
    quote! {
        match self {
            #(#arms)*
            #rest
        }
    }
}
