//! The raw input of `#[derive(Validate)]`: the item, its container options and the
//! attributes of its fields, not yet checked.

use proc_macro2::Span;
use syn::spanned::Spanned as _;

use crate::rules::parse::{parse_invariant, parse_rule_set, RawInvariant, RawRuleSet};
use crate::util::attr::{self, error, Errors, Keys};
use crate::util::options::{options, Keyword as _};

options! {
    /// The options of `#[validate(...)]` on the type itself.
    pub enum StructOption {
        Crate = "crate",
        Context = "context",
    }
}

/// The deriving item.
pub struct RawInput {
    /// The type's name.
    pub ident: syn::Ident,
    /// Its generics.
    pub generics: syn::Generics,
    /// Its fields or variants.
    pub data: RawData,
    /// Its `#[invariant(...)]`s.
    pub invariants: Vec<RawInvariant>,
    /// `#[validate(crate = "path")]`: where to find palisade when it is re-exported or renamed.
    pub krate: Option<syn::Path>,
    /// `#[validate(context = Ctx)]`: what `custom` functions and nested values are
    /// checked with.
    pub context: Option<syn::Type>,
    /// The mistakes found while reading; checking adds its own.
    pub errors: Errors,
}

/// A struct's fields or an enum's variants.
pub enum RawData {
    /// A struct.
    Struct(Vec<RawField>),
    /// An enum.
    Enum(Vec<RawVariant>),
}

/// How a struct or variant writes its fields.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// `{ a: T }`.
    Struct,
    /// `(T)`.
    Tuple,
    /// No fields.
    Unit,
}

/// One field and its rules: one set per `#[validate(...)]`, since `message` and `code`
/// belong to the rules of their own attribute.
pub struct RawField {
    /// The name, for named fields.
    pub ident: Option<syn::Ident>,
    /// The type.
    pub ty: syn::Type,
    /// Its `#[validate(...)]`s.
    pub rules: Vec<RawRuleSet>,
    /// Where an `#[invariant(...)]` was written on it, which is a mistake.
    pub misplaced_invariants: Vec<Span>,
}

/// One enum variant.
pub struct RawVariant {
    /// The variant's name.
    pub ident: syn::Ident,
    /// How it writes its fields.
    pub style: Style,
    /// Its fields.
    pub fields: Vec<RawField>,
    /// Where palisade's attributes were written on the variant itself, which is a
    /// mistake.
    pub misplaced: Vec<Span>,
}

/// Whether `attr` is one palisade reads on a field or variant.
fn ours(attr: &syn::Attribute) -> bool {
    attr.path().is_ident(crate::rules::parse::VALIDATE)
        || attr.path().is_ident(crate::rules::parse::INVARIANT)
}

/// The fields of a struct or variant, and how they are written.
pub fn fields(fields: syn::Fields, errors: &mut Errors) -> (Style, Vec<RawField>) {
    let style = match &fields {
        syn::Fields::Named(_) => Style::Struct,
        syn::Fields::Unnamed(_) => Style::Tuple,
        syn::Fields::Unit => Style::Unit,
    };
    let fields = fields
        .into_iter()
        .map(|field| {
            let is = |attr: &&syn::Attribute, name: &str| attr.path().is_ident(name);
            RawField {
                rules: field
                    .attrs
                    .iter()
                    .filter(|attr| is(attr, crate::rules::parse::VALIDATE))
                    .filter_map(|attr| errors.handle(parse_rule_set(attr)))
                    .collect(),
                misplaced_invariants: field
                    .attrs
                    .iter()
                    .filter(|attr| is(attr, crate::rules::parse::INVARIANT))
                    .map(syn::spanned::Spanned::span)
                    .collect(),
                ident: field.ident,
                ty: field.ty,
            }
        })
        .collect();
    (style, fields)
}

/// Reads the `#[invariant(...)]`s among `attrs`.
pub fn invariants(attrs: &[syn::Attribute], errors: &mut Errors) -> Vec<RawInvariant> {
    attrs
        .iter()
        .filter(|attr| attr.path().is_ident(crate::rules::parse::INVARIANT))
        .filter_map(|attr| errors.handle(parse_invariant(attr)))
        .collect()
}

/// Parses the derive input. Unions are refused here with a message of our own.
pub fn parse(input: proc_macro2::TokenStream) -> syn::Result<RawInput> {
    let input: syn::DeriveInput = syn::parse2(input)?;
    let mut errors = Errors::new();
    let data = match input.data {
        syn::Data::Struct(data) => RawData::Struct(fields(data.fields, &mut errors).1),
        syn::Data::Enum(data) => RawData::Enum(
            data.variants
                .into_iter()
                .map(|variant| {
                    let (style, fields) = fields(variant.fields, &mut errors);
                    RawVariant {
                        ident: variant.ident,
                        style,
                        fields,
                        misplaced: variant
                            .attrs
                            .iter()
                            .filter(|attr| ours(attr))
                            .map(|attr| attr.span())
                            .collect(),
                    }
                })
                .collect(),
        ),
        syn::Data::Union(union) => {
            return Err(error(
                "`#[derive(Validate)]` does not support unions: palisade cannot know which field \
                    is set; validate a struct or an enum instead",
            )
            .at(&union.union_token));
        }
    };
    let mut krate = None;
    let mut context = None;
    let mut keys = Keys::<StructOption>::new("#[validate(...)]", "option");
    for attr in input
        .attrs
        .iter()
        .filter(|attr| attr.path().is_ident(crate::rules::parse::VALIDATE))
    {
        keys.parse_attribute(attr, &mut errors, |option, meta| {
            match option {
                StructOption::Crate => krate = Some(attr::path(option.keyword(), meta)?),
                StructOption::Context => {
                    if !meta.input.peek(syn::Token![=]) {
                        return Err(
                            meta.error("write the context's type: `#[validate(context = Ctx)]`")
                        );
                    }
                    context = Some(meta.value()?.parse::<syn::Type>()?);
                }
            }
            Ok(())
        });
    }
    let invariants = invariants(&input.attrs, &mut errors);
    Ok(RawInput {
        ident: input.ident,
        generics: input.generics,
        data,
        invariants,
        krate,
        context,
        errors,
    })
}
