//! `#[validated(serde)]`: `Serialize` through a struct of references, and a
//! `Deserialize` through a struct of values that finishes in `try_new`, both derived by
//! serde with the user's `#[serde(...)]` attributes and wrapped in `with_serde!`
//! (one clear error when palisade's `serde` feature is off).
//!
//! A field checked with `nested` (or `each(nested)` on a `Vec`, `VecDeque` or
//! `LinkedList`) is read as `Reported<T>`: when the inner value fails its own check,
//! the document goes on, and its errors are reported under the field's path together
//! with every sibling field's errors.

use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote, ToTokens};

use super::check::Validated;
use super::emit::fields;
use crate::derive_validate::check::Field;
use crate::rules::emit::Names;
use crate::rules::model::{Rule, ValueRules};
use crate::util::runtime_path::Private;

/// How a field is read from the document.
enum Reading {
    /// As its own type.
    Plain,
    /// `nested` on `T`: as `Reported<T>`.
    Nested,
    /// `nested` on `Option<T>`: as `Option<Reported<T>>`.
    OptionalNested(syn::Type),
    /// `each(nested)` on `Vec<T>` and its kin: as `Vec<Reported<T>>`.
    EachNested(syn::Type),
}

fn nested(rules: &ValueRules) -> bool {
    rules
        .applied
        .iter()
        .any(|check| matches!(check.rule, Rule::Nested))
}

/// The one type argument of `Name<T>`, when the path ends in one of `names`.
fn only_argument<'a>(ty: &'a syn::Type, names: &[&str]) -> Option<&'a syn::Type> {
    let syn::Type::Path(path) = ty else {
        return None;
    };
    let last = path.path.segments.last()?;
    if !names.iter().any(|name| last.ident == name) {
        return None;
    }
    let syn::PathArguments::AngleBracketed(arguments) = &last.arguments else {
        return None;
    };
    match arguments.args.iter().collect::<Vec<_>>().as_slice() {
        [syn::GenericArgument::Type(inner)] => Some(inner),
        _ => None,
    }
}

/// How `field` is read; a field with its own `#[serde(with = ..)]` (or
/// `deserialize_with`) is read as the user said.
fn reading(field: &Field, attrs: &[syn::Attribute]) -> Reading {
    let custom = attrs.iter().any(|attr| {
        let mut found = false;
        let _ = attr.parse_nested_meta(|meta| {
            found |= meta.path.is_ident("with") || meta.path.is_ident("deserialize_with");
            if meta.input.peek(syn::Token![=]) {
                meta.value()?.parse::<syn::Expr>()?;
            }
            Ok(())
        });
        found
    });
    if custom {
        return Reading::Plain;
    }
    let rules = &field.rules;
    if nested(rules) {
        if !rules.optional {
            return Reading::Nested;
        }
        if let Some(inner) = only_argument(&field.ty, &["Option"]) {
            return Reading::OptionalNested(inner.clone());
        }
    }
    let each_nested = rules.each.as_deref().is_some_and(nested);
    if each_nested && !rules.optional {
        if let Some(element) = only_argument(&field.ty, &["Vec", "VecDeque", "LinkedList"]) {
            return Reading::EachNested(element.clone());
        }
    }
    Reading::Plain
}

fn serde_attrs(attrs: &[syn::Attribute]) -> Vec<syn::Attribute> {
    attrs
        .iter()
        .filter(|attr| attr.path().is_ident("serde"))
        .cloned()
        .collect()
}

/// The `Serialize` and `Deserialize` impls, inside `with_serde!`.
#[allow(clippy::too_many_lines)]
pub fn impls(validated: &Validated) -> TokenStream {
    let model = &validated.model;
    let private = model.runtime.private();
    let serde = quote!(#private::serde);
    let serde_path = format!("{}::serde", model.runtime.private_string());
    let ident = &model.ident;
    let generics = &model.generics;
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();

    let mut container = serde_attrs(&validated.original_attrs);
    let renamed = container.iter().any(|attr| {
        let mut renamed = false;
        let _ = attr.parse_nested_meta(|meta| {
            renamed |= meta.path.is_ident("rename");
            if meta.input.peek(syn::Token![=]) {
                meta.value()?.parse::<syn::Expr>()?;
            } else if meta.input.peek(syn::token::Paren) {
                meta.input.parse::<proc_macro2::Group>()?;
            }
            Ok(())
        });
        renamed
    });
    if !renamed {
        let name = ident.to_string();
        container.push(syn::parse_quote!(#[serde(rename = #name)]));
    }
    let field_attrs = validated
        .original_fields
        .iter()
        .map(|attrs| serde_attrs(attrs))
        .collect::<Vec<_>>();
    let fields = fields(validated);
    let readings = fields
        .iter()
        .zip(&field_attrs)
        .map(|(field, attrs)| reading(field, attrs))
        .collect::<Vec<_>>();
    let members = fields.iter().map(|field| &field.member).collect::<Vec<_>>();
    let types = fields.iter().map(|field| &field.ty).collect::<Vec<_>>();
    let read_types = fields
        .iter()
        .zip(&readings)
        .map(|(field, reading)| {
            let ty = &field.ty;
            match reading {
                Reading::Plain => quote!(#ty),
                Reading::Nested => quote!(#private::Reported<#ty>),
                Reading::OptionalNested(inner) => {
                    quote!(#private::Option<#private::Reported<#inner>>)
                }
                Reading::EachNested(element) => {
                    let mut ty = ty.clone();
                    replace_only_argument(&mut ty, quote!(#private::Reported<#element>));
                    ty.into_token_stream()
                }
            }
        })
        .collect::<Vec<_>>();
    let names = validated
        .item
        .fields
        .iter()
        .map(|field| field.ident.as_ref())
        .collect::<Vec<_>>();

    let by_ref = Ident::new("__PalisadeSerialize", Span::call_site());
    let by_value = Ident::new("__PalisadeDeserialize", Span::call_site());
    let lifetime: syn::Lifetime = syn::parse_quote!('__palisade);
    let mut ref_generics = generics.clone();
    ref_generics.params.insert(0, syn::parse_quote!(#lifetime));
    let shadow = |name: &Ident, generics: &syn::Generics, types: &[TokenStream]| {
        let declared = names
            .iter()
            .zip(types)
            .zip(&field_attrs)
            .map(|((name, ty), attrs)| {
                let name = name.map(|name| quote!(#name:));
                quote!(#(#attrs)* #name #ty)
            });
        let body = if validated.newtype {
            quote!((#(#declared),*) #where_clause;)
        } else {
            quote!(#where_clause { #(#declared),* })
        };
        quote! {
            #[serde(crate = #serde_path)]
            #(#container)*
            struct #name #generics #body
        }
    };
    let ref_types = types
        .iter()
        .map(|ty| quote!(&#lifetime #ty))
        .collect::<Vec<_>>();
    let ref_struct = shadow(&by_ref, &ref_generics, &ref_types);
    let value_struct = shadow(&by_value, generics, &read_types);
    let refs = if validated.newtype {
        quote!(#by_ref(&self.0))
    } else {
        quote!(#by_ref { #(#members: &self.#members),* })
    };

    let mut serialize_generics = generics.clone();
    for param in generics.type_params() {
        let param = &param.ident;
        serialize_generics
            .make_where_clause()
            .predicates
            .push(syn::parse_quote!(#param: #serde::Serialize));
    }
    let (_, _, serialize_where) = serialize_generics.split_for_impl();

    let mut deserialize_generics = generics.clone();
    deserialize_generics
        .params
        .insert(0, syn::parse_quote!('de));
    deserialize_generics
        .make_where_clause()
        .predicates
        .push(syn::parse_quote!(#by_value #ty_generics: #serde::Deserialize<'de>));
    let (deserialize_impl_generics, _, deserialize_where) = deserialize_generics.split_for_impl();

    let finish = finish(validated, &readings, &private, &serde);
    quote! {
        #private::with_serde! {
            #[derive(#serde::Serialize)]
            #ref_struct

            #[automatically_derived]
            impl #impl_generics #serde::Serialize for #ident #ty_generics #serialize_where {
                fn serialize<__S>(&self, serializer: __S) -> #private::Result<__S::Ok, __S::Error>
                where
                    __S: #serde::Serializer,
                {
                    #serde::Serialize::serialize(&#refs, serializer)
                }
            }

            #[derive(#serde::Deserialize)]
            #value_struct

            #[automatically_derived]
            impl #deserialize_impl_generics #serde::Deserialize<'de> for #ident #ty_generics
                #deserialize_where {
                fn deserialize<__D>(deserializer: __D) -> #private::Result<Self, __D::Error>
                where
                    __D: #serde::Deserializer<'de>,
                {
                    let __palisade_level = #private::Level::enter();
                    let __palisade_read = <#by_value #ty_generics as
                        #serde::Deserialize<'de>>::deserialize(deserializer)?;
                    #finish
                }
            }
        }
    }
}

/// `field` without its `when = ..` rules: their conditions read `self`, which does
/// not exist yet while the document is read; `try_new` checks them on the value.
fn unconditional(field: &Field) -> Field {
    fn strip(rules: &mut ValueRules) {
        rules.applied.retain(|rule| rule.overrides.when.is_none());
        if rules
            .required
            .as_ref()
            .is_some_and(|(_, overrides)| overrides.when.is_some())
        {
            rules.required = None;
        }
        if let Some(each) = &mut rules.each {
            strip(each);
        }
    }
    let mut field = field.clone();
    strip(&mut field.rules);
    field
}

/// Replaces the one type argument of `Vec<T>` (or its kin) with `with`.
fn replace_only_argument(ty: &mut syn::Type, with: TokenStream) {
    if let syn::Type::Path(path) = ty {
        if let Some(last) = path.path.segments.last_mut() {
            if let syn::PathArguments::AngleBracketed(arguments) = &mut last.arguments {
                if let Some(syn::GenericArgument::Type(argument)) = arguments.args.first_mut() {
                    *argument = syn::Type::Verbatim(with);
                }
            }
        }
    }
}

/// From the value read to `Self`: unwraps the reported fields, checks every field
/// as it goes, and builds through `try_new` when nothing failed; otherwise every error
/// (a nested value's under its path, with its siblings') is recorded on the level for
/// an enclosing `Reported` and becomes one serde error listing them all.
fn finish(
    validated: &Validated,
    readings: &[Reading],
    private: &Private,
    serde: &TokenStream,
) -> TokenStream {
    let fields = fields(validated);
    // `errors` is the `&mut` the checks fill; `found` owns what it points to.
    let errors = Ident::new("__palisade_errors", Span::call_site());
    let found = Ident::new("__palisade_found", Span::call_site());
    let at = Ident::new("__palisade_at", Span::call_site());
    let type_name = validated.model.ident.to_string();
    let fail = quote! {
        let __palisade_error = <__D::Error as #serde::de::Error>::custom(#private::Failed {
            type_name: #type_name,
            errors: &#found,
        });
        __palisade_level.fail(#found);
        #private::Err(__palisade_error)
    };
    let reported = readings
        .iter()
        .any(|reading| !matches!(reading, Reading::Plain));
    if !reported {
        let members = fields.iter().map(|field| &field.member);
        return quote! {
            match Self::try_new(#(__palisade_read.#members),*) {
                #private::Ok(__palisade_value) => #private::Ok(__palisade_value),
                #private::Err(#found) => { #fail }
            }
        };
    }
    let names = Names {
        private,
        errors: &errors,
        context: None,
    };
    let values = (0..fields.len())
        .map(|index| format_ident!("__palisade_field_{}", index))
        .collect::<Vec<_>>();
    let unwraps = fields
        .iter()
        .zip(readings)
        .zip(&values)
        .map(|((field, reading), value)| {
            let member = &field.member;
            let name = &field.name;
            let path = if field.in_path {
                quote!(#at.field(#name))
            } else {
                quote!(#at)
            };
            let checks = crate::derive_validate::emit::field_checks(
                &names,
                &at,
                &unconditional(field),
                quote!(#value),
            );
            let failed = |path: TokenStream| {
                quote! {
                    #private::Err(__palisade_nested) => {
                        #errors.extend_at(&#path, __palisade_nested);
                        #private::None
                    }
                }
            };
            match reading {
                Reading::Plain => quote! {
                    let #value = __palisade_read.#member;
                    {
                        let #value = &#value;
                        #checks
                    }
                },
                Reading::Nested => {
                    let failed = failed(path);
                    quote! {
                        let #value = match __palisade_read.#member.0 {
                            #private::Ok(__palisade_value) => #private::Some(__palisade_value),
                            #failed
                        };
                        if let #private::Some(#value) = &#value {
                            #checks
                        }
                    }
                }
                Reading::OptionalNested(_) => {
                    let failed = failed(path);
                    quote! {
                        let #value = match __palisade_read.#member {
                            #private::None => #private::Some(#private::None),
                            #private::Some(__palisade_read) => match __palisade_read.0 {
                                #private::Ok(__palisade_value) => {
                                    #private::Some(#private::Some(__palisade_value))
                                }
                                #failed
                            },
                        };
                        if let #private::Some(#value) = &#value {
                            #checks
                        }
                    }
                }
                Reading::EachNested(_) => {
                    let ty = &field.ty;
                    let failed = failed(quote!(#path.index(__palisade_index)));
                    quote! {
                        let #value = {
                            let __palisade_before = #errors.len();
                            let __palisade_items = #private::Iterator::filter_map(
                                #private::enumerate(__palisade_read.#member),
                                |(__palisade_index, __palisade_item)| match __palisade_item.0 {
                                    #private::Ok(__palisade_value) =>
                                        #private::Some(__palisade_value),
                                    #failed
                                },
                            );
                            let __palisade_items: #ty =
                                #private::Iterator::collect(__palisade_items);
                            if #errors.len() == __palisade_before {
                                #private::Some(__palisade_items)
                            } else {
                                #private::None
                            }
                        };
                        if let #private::Some(#value) = &#value {
                            #checks
                        }
                    }
                }
            }
        })
        .collect::<Vec<_>>();
    let reported_values = values
        .iter()
        .zip(readings)
        .filter(|(_, reading)| !matches!(reading, Reading::Plain))
        .map(|(value, _)| value)
        .collect::<Vec<_>>();
    quote! {
        let mut #found = #private::ValidationErrors::new();
        let #errors = &mut #found;
        let #at = #private::PathNode::Root;
        #(#unwraps)*
        if #errors.is_empty() {
            if let (#(#private::Some(#reported_values),)*) = (#(#reported_values,)*) {
                return match Self::try_new(#(#values),*) {
                    #private::Ok(__palisade_value) => #private::Ok(__palisade_value),
                    #private::Err(#found) => { #fail }
                };
            }
        }
        #fail
    }
}
