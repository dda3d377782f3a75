//! Checks `#[validated]`: a struct whose fields are private, with named fields or one
//! tuple field, and rules that fit. Reuses the derive's field and invariant checks.

use super::parse::RawValidated;
use crate::rules::parse::{INVARIANT, VALIDATE};
use crate::util::attr::{error, Errors};
use crate::util::runtime_path::RuntimePath;
use crate::validate::check::{check_fields, Body, Field, Model};

/// A checked `#[validated]` struct.
pub struct Validated {
    /// The validation part, as for `#[derive(Validate)]`.
    pub model: Model,
    /// The struct as it will be emitted: palisade's attributes removed.
    pub item: syn::ItemStruct,
    /// Whether it is a one-field tuple struct.
    pub newtype: bool,
    /// `serde` was asked for.
    pub serde: bool,
    /// Whether every rule can be checked in a `const fn`.
    pub const_evaluable: bool,
    /// The struct's attributes as written, for the `#[serde(...)]` ones.
    pub original_attrs: Vec<syn::Attribute>,
    /// Each field's attributes as written, for the `#[serde(...)]` ones.
    pub original_fields: Vec<Vec<syn::Attribute>>,
    /// Whether `#[derive(Builder)]` follows, so its `build()` must go through `try_new`.
    pub derives_builder: bool,
}

/// What is left to emit when the check failed: the cleaned struct and a stub impl.
pub struct Fallback {
    /// The struct with palisade's attributes removed.
    pub item: syn::ItemStruct,
    /// Where generated code finds the runtime.
    pub runtime: RuntimePath,
}

/// Checks the struct and its rules, reporting every error together.
pub fn check(raw: RawValidated) -> Result<Validated, Box<(syn::Error, Fallback)>> {
    let mut errors = Errors::new();
    let args = errors.handle(raw.args).unwrap_or_default();
    let runtime = RuntimePath::new(args.krate.as_ref()).aliased();
    let item = raw.item;
    let newtype = match &item.fields {
        syn::Fields::Named(_) => false,
        syn::Fields::Unnamed(fields) if fields.unnamed.len() == 1 => true,
        syn::Fields::Unnamed(fields) => {
            errors.push(
                error(
                    "`#[validated]` needs named fields, or exactly one tuple field: name these fields so each gets a getter",
                )
                .at_span(fields.paren_token.span.join()),
            );
            true
        }
        syn::Fields::Unit => {
            errors.push(
                error("`#[validated]` on a struct with no fields checks nothing: add fields with rules, or remove it")
                    .at(&item.ident),
            );
            false
        }
    };
    for field in &item.fields {
        if !matches!(field.vis, syn::Visibility::Inherited) {
            let name = field
                .ident
                .as_ref()
                .map_or_else(|| "get".to_owned(), ToString::to_string);
            errors.push(
                error(format!(
                    "fields of a `#[validated]` type must be private: a visible field lets code skip the checks; remove `{}` and read it through the generated `{name}()`",
                    quote::ToTokens::to_token_stream(&field.vis)
                ))
                .at(&field.vis),
            );
        }
    }
    let raw_fields = crate::validate::parse::fields(item.fields.clone()).1;
    let fields = check_fields(raw_fields, &mut errors);
    let invariants = crate::rules::check::invariants(&item.attrs, &mut errors);
    let original_attrs = item.attrs.clone();
    let derives_builder = item.attrs.iter().any(derives_builder);
    let original_fields = item
        .fields
        .iter()
        .map(|field| field.attrs.clone())
        .collect();
    let item = clean(item);
    if let Err(error) = errors.finish() {
        return Err(Box::new((error, Fallback { item, runtime })));
    }
    let const_evaluable = invariants.is_empty()
        && fields
            .iter()
            .all(|field: &Field| field.rules.is_const_evaluable());
    let model = Model {
        ident: item.ident.clone(),
        generics: item.generics.clone(),
        runtime,
        body: Body::Struct(fields),
        invariants,
    };
    Ok(Validated {
        model,
        item,
        newtype,
        serde: args.serde.is_present(),
        const_evaluable,
        original_attrs,
        original_fields,
        derives_builder,
    })
}

/// The struct without the attributes only palisade reads: `#[validate]`,
/// `#[invariant]`, and `#[serde]`, which goes to the serde impls' own structs.
fn clean(mut item: syn::ItemStruct) -> syn::ItemStruct {
    let ours = |attr: &syn::Attribute| {
        [INVARIANT, VALIDATE, "serde"]
            .iter()
            .any(|name| attr.path().is_ident(name))
    };
    item.attrs.retain(|attr| !ours(attr));
    for field in &mut item.fields {
        field.attrs.retain(|attr| !ours(attr));
    }
    item
}

/// Whether `attr` is a `#[derive(...)]` that lists `Builder` (by any path).
fn derives_builder(attr: &syn::Attribute) -> bool {
    attr.path().is_ident("derive")
        && attr
            .parse_args_with(
                syn::punctuated::Punctuated::<syn::Path, syn::Token![,]>::parse_terminated,
            )
            .is_ok_and(|paths| {
                paths.iter().any(|path| {
                    path.segments
                        .last()
                        .is_some_and(|last| last.ident == "Builder")
                })
            })
}
