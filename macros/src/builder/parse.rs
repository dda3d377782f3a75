//! The raw input of `#[derive(Builder)]`: the struct and its `#[builder(...)]`
//! attributes, not yet checked.

use darling::util::{Flag, Override, PreservedStrExpr, SpannedValue};
use darling::{ast, FromDeriveInput, FromField};

/// The attribute that configures a builder.
pub const BUILDER: &str = "builder";

/// The deriving struct and its `#[builder(...)]` options.
#[derive(FromDeriveInput)]
#[darling(attributes(builder))]
pub struct RawInput {
    /// The struct's name.
    pub ident: syn::Ident,
    /// Its visibility, given to the builder.
    pub vis: syn::Visibility,
    /// Its generics, carried over to the builder.
    pub generics: syn::Generics,
    /// Its fields.
    pub data: ast::Data<(), RawField>,
    /// `#[builder(crate = "path")]`: where to find palisade when it is re-exported or renamed.
    #[darling(rename = "crate")]
    pub krate: Option<syn::Path>,
    /// `#[builder(validated)]`: build through `try_new`, returning its `Result`.
    /// `#[validated]` adds it when it sees `#[derive(Builder)]` below itself.
    pub validated: Flag,
}

/// One field and its `#[builder(...)]` options.
#[derive(FromField)]
#[darling(attributes(builder), forward_attrs(doc))]
pub struct RawField {
    /// The name.
    pub ident: Option<syn::Ident>,
    /// The type.
    pub ty: syn::Type,
    /// Its doc comments, carried onto its setter.
    pub attrs: Vec<syn::Attribute>,
    /// `default` (the type's `Default`) or `default = EXPR`: the value when not set.
    pub default: Option<SpannedValue<Override<PreservedStrExpr>>>,
    /// `into`: the setter takes `impl Into<T>`.
    pub into: Flag,
}

/// Parses the derive input; only structs with named fields have a builder.
pub fn parse(input: proc_macro2::TokenStream) -> darling::Result<RawInput> {
    let input: syn::DeriveInput = syn::parse2(input)?;
    let wrong_shape = |span: &dyn quote::ToTokens, what: &str| {
        darling::Error::custom(format!(
            "`#[derive(Builder)]` needs a struct with named fields, and this is {what}: setters are named after the fields"
        ))
        .with_span(&span.to_token_stream())
    };
    match &input.data {
        syn::Data::Struct(data) if matches!(data.fields, syn::Fields::Named(_)) => {}
        syn::Data::Struct(data) => {
            return Err(wrong_shape(&data.struct_token, "a tuple or unit struct"));
        }
        syn::Data::Enum(data) => return Err(wrong_shape(&data.enum_token, "an enum")),
        syn::Data::Union(data) => return Err(wrong_shape(&data.union_token, "a union")),
    }
    RawInput::from_derive_input(&input)
}
