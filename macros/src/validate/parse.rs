//! The raw input of `#[derive(Validate)]`: the item, its container options and the
//! attributes of its fields, not yet checked.

use darling::{ast, FromDeriveInput, FromField, FromVariant};

/// The deriving item.
#[derive(FromDeriveInput)]
#[darling(attributes(validate), forward_attrs(invariant))]
pub struct RawInput {
    /// The type's name.
    pub ident: syn::Ident,
    /// Its generics.
    pub generics: syn::Generics,
    /// Its fields or variants.
    pub data: ast::Data<RawVariant, RawField>,
    /// Its `#[invariant(...)]` attributes.
    pub attrs: Vec<syn::Attribute>,
    /// `#[validate(crate = "path")]`: where to find palisade when it is re-exported or renamed.
    #[darling(rename = "crate")]
    pub krate: Option<syn::Path>,
}

/// One field, with its `#[validate(...)]` attributes still unparsed (each one is read
/// separately, since `message` and `code` belong to their own attribute).
#[derive(FromField)]
#[darling(forward_attrs(validate, invariant))]
pub struct RawField {
    /// The name, for named fields.
    pub ident: Option<syn::Ident>,
    /// The type.
    pub ty: syn::Type,
    /// Its `#[validate(...)]` attributes.
    pub attrs: Vec<syn::Attribute>,
}

/// One enum variant.
#[derive(FromVariant)]
#[darling(forward_attrs(validate, invariant))]
pub struct RawVariant {
    /// The variant's name.
    pub ident: syn::Ident,
    /// Its fields.
    pub fields: ast::Fields<RawField>,
    /// Attributes palisade does not allow on a variant, kept to report them.
    pub attrs: Vec<syn::Attribute>,
}

/// Parses the derive input. Unions are refused here with a message of our own.
pub fn parse(input: proc_macro2::TokenStream) -> darling::Result<RawInput> {
    let input: syn::DeriveInput = syn::parse2(input)?;
    if let syn::Data::Union(union) = &input.data {
        return Err(darling::Error::custom(
            "`#[derive(Validate)]` does not support unions: palisade cannot know which field is set; validate a struct or an enum instead",
        )
        .with_span(&union.union_token));
    }
    RawInput::from_derive_input(&input)
}
