//! The raw input of `#[derive(Validate)]`: the item, its container options and the
//! attributes of its fields, not yet checked.

use crate::util::attr::{self, error, Errors, Keys};

/// The deriving item.
pub struct RawInput {
    /// The type's name.
    pub ident: syn::Ident,
    /// Its generics.
    pub generics: syn::Generics,
    /// Its fields or variants.
    pub data: RawData,
    /// Its `#[invariant(...)]` attributes.
    pub attrs: Vec<syn::Attribute>,
    /// `#[validate(crate = "path")]`: where to find palisade when it is re-exported or renamed.
    pub krate: Option<syn::Path>,
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

/// One field, with its `#[validate(...)]` attributes still unparsed (each one is read
/// separately, since `message` and `code` belong to their own attribute).
pub struct RawField {
    /// The name, for named fields.
    pub ident: Option<syn::Ident>,
    /// The type.
    pub ty: syn::Type,
    /// Its `#[validate(...)]` and `#[invariant(...)]` attributes.
    pub attrs: Vec<syn::Attribute>,
}

/// One enum variant.
pub struct RawVariant {
    /// The variant's name.
    pub ident: syn::Ident,
    /// How it writes its fields.
    pub style: Style,
    /// Its fields.
    pub fields: Vec<RawField>,
    /// Attributes palisade does not allow on a variant, kept to report them.
    pub attrs: Vec<syn::Attribute>,
}

/// Whether `attr` is one palisade reads on a field or variant.
fn ours(attr: &syn::Attribute) -> bool {
    attr.path().is_ident(crate::rules::parse::VALIDATE)
        || attr.path().is_ident(crate::rules::parse::INVARIANT)
}

/// The fields of a struct or variant, and how they are written.
pub fn fields(fields: syn::Fields) -> (Style, Vec<RawField>) {
    let style = match &fields {
        syn::Fields::Named(_) => Style::Struct,
        syn::Fields::Unnamed(_) => Style::Tuple,
        syn::Fields::Unit => Style::Unit,
    };
    let fields = fields
        .into_iter()
        .map(|field| RawField {
            ident: field.ident,
            ty: field.ty,
            attrs: field.attrs.into_iter().filter(ours).collect(),
        })
        .collect();
    (style, fields)
}

/// Parses the derive input. Unions are refused here with a message of our own.
pub fn parse(input: proc_macro2::TokenStream) -> syn::Result<RawInput> {
    let input: syn::DeriveInput = syn::parse2(input)?;
    let data = match input.data {
        syn::Data::Struct(data) => RawData::Struct(fields(data.fields).1),
        syn::Data::Enum(data) => RawData::Enum(
            data.variants
                .into_iter()
                .map(|variant| {
                    let (style, fields) = fields(variant.fields);
                    RawVariant {
                        ident: variant.ident,
                        style,
                        fields,
                        attrs: variant.attrs.into_iter().filter(ours).collect(),
                    }
                })
                .collect(),
        ),
        syn::Data::Union(union) => {
            return Err(error(
                "`#[derive(Validate)]` does not support unions: palisade cannot know which field is set; validate a struct or an enum instead",
            )
            .at(&union.union_token));
        }
    };
    let mut errors = Errors::new();
    let mut krate = None;
    let mut keys = Keys::new("#[validate(...)]", "option", &["crate"]);
    for attr in input
        .attrs
        .iter()
        .filter(|attr| attr.path().is_ident(crate::rules::parse::VALIDATE))
    {
        keys.parse_attribute(attr, &mut errors, |name, meta| {
            krate = Some(attr::path(name, meta)?);
            Ok(())
        });
    }
    errors.finish_with(RawInput {
        ident: input.ident,
        generics: input.generics,
        data,
        attrs: input
            .attrs
            .into_iter()
            .filter(|attr| attr.path().is_ident(crate::rules::parse::INVARIANT))
            .collect(),
        krate,
    })
}
