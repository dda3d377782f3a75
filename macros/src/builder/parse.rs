//! The raw input of `#[derive(Builder)]`: the struct and its `#[builder(...)]`
//! attributes, not yet checked.

use crate::util::attr::{self, error, Errors, Flag, Keys, Spanned};
use crate::util::options::{options, Keyword as _};

options! {
    /// The options of `#[builder(...)]` on the struct.
    pub enum StructOption {
        Crate = "crate",
        Validated = "validated",
    }
}

options! {
    /// The options of `#[builder(...)]` on a field.
    pub enum FieldOption {
        Default = "default",
        Into = "into",
    }
}

/// The attribute that configures a builder.
pub const BUILDER: &str = "builder";

/// The deriving struct and its `#[builder(...)]` options.
pub struct RawInput {
    /// The struct's name.
    pub ident: syn::Ident,
    /// Its visibility, given to the builder.
    pub vis: syn::Visibility,
    /// Its generics, carried over to the builder.
    pub generics: syn::Generics,
    /// Its fields.
    pub fields: Vec<RawField>,
    /// `#[builder(crate = "path")]`: where to find palisade when it is re-exported or renamed.
    pub krate: Option<syn::Path>,
    /// `#[builder(validated)]`: build through `try_new`, returning its `Result`.
    /// `#[validated]` adds it when it sees `#[derive(Builder)]` below itself.
    pub validated: Flag,
    /// The mistakes found in `#[builder(...)]` attributes so far; checking adds its
    /// own, and the builder is emitted all the same.
    pub errors: Errors,
}

/// One field and its `#[builder(...)]` options.
pub struct RawField {
    /// The name (always there: only named fields get this far).
    pub ident: Option<syn::Ident>,
    /// The type.
    pub ty: syn::Type,
    /// Its doc comments, carried onto its setter.
    pub docs: Vec<syn::Attribute>,
    /// `default` (`None`: the type's `Default`) or `default = EXPR` (`Some`): the
    /// value when not set.
    pub default: Option<Spanned<Option<syn::Expr>>>,
    /// `into`: the setter takes `impl Into<T>`.
    pub into: Flag,
}

/// Parses the derive input; only structs with named fields have a builder (anything
/// else is the error). Mistakes in attributes are gathered in [`RawInput::errors`].
pub fn parse(input: proc_macro2::TokenStream) -> syn::Result<RawInput> {
    let input: syn::DeriveInput = syn::parse2(input)?;
    let wrong_shape = |span: &dyn quote::ToTokens, what: &str| {
        error(format!(
            "`#[derive(Builder)]` needs a struct with named fields, and this is {what}: setters \
             are named after the fields"
        ))
        .at(&span.to_token_stream())
    };
    let named = match &input.data {
        syn::Data::Struct(syn::DataStruct {
            fields: syn::Fields::Named(named),
            ..
        }) => named,
        syn::Data::Struct(data) => {
            return Err(wrong_shape(&data.struct_token, "a tuple or unit struct"));
        }
        syn::Data::Enum(data) => return Err(wrong_shape(&data.enum_token, "an enum")),
        syn::Data::Union(data) => return Err(wrong_shape(&data.union_token, "a union")),
    };
    let mut errors = Errors::new();
    let mut krate = None;
    let mut validated = Flag::default();
    let mut keys = Keys::<StructOption>::new("#[builder(...)]", "option");
    for attr in builder_attrs(&input.attrs) {
        keys.parse_attribute(attr, &mut errors, |option, meta| {
            let name = option.keyword();
            match option {
                StructOption::Crate => krate = Some(attr::path(name, meta)?),
                StructOption::Validated => validated = attr::flag(name, meta)?,
            }
            Ok(())
        });
    }
    // `#[derive(Builder)]` written above `#[validated]` runs first and sees the
    // attribute still on the struct: it builds through `try_new` then, exactly as
    // when `#[validated]` (seeing the derive below itself) asks for it.
    if let Some(above) = input.attrs.iter().find(|attr| {
        attr.path()
            .segments
            .last()
            .is_some_and(|last| last.ident == "validated")
    }) {
        validated = Flag::implied_at(syn::spanned::Spanned::span(above));
    }
    let fields = named
        .named
        .iter()
        .map(|field| {
            let mut default = None;
            let mut into = Flag::default();
            let mut keys = Keys::<FieldOption>::new("#[builder(...)]", "option");
            for attr in builder_attrs(&field.attrs) {
                keys.parse_attribute(attr, &mut errors, |option, meta| {
                    let name = option.keyword();
                    match option {
                        FieldOption::Into => into = attr::flag(name, meta)?,
                        FieldOption::Default => {
                            let value = if meta.input.is_empty() || meta.input.peek(syn::Token![,])
                            {
                                None
                            } else if meta.input.peek(syn::Token![=]) {
                                Some(attr::expr(name, meta)?)
                            } else {
                                return Err(meta.error(
                                    "write `default` (the type's `Default`) or `default = EXPR`",
                                ));
                            };
                            default = Some(attr::spanned(meta, value));
                        }
                    }
                    Ok(())
                });
            }
            RawField {
                ident: field.ident.clone(),
                ty: field.ty.clone(),
                docs: field
                    .attrs
                    .iter()
                    .filter(|attr| attr.path().is_ident("doc"))
                    .cloned()
                    .collect(),
                default,
                into,
            }
        })
        .collect();
    Ok(RawInput {
        ident: input.ident,
        vis: input.vis,
        generics: input.generics,
        fields,
        krate,
        validated,
        errors,
    })
}

fn builder_attrs(attrs: &[syn::Attribute]) -> impl Iterator<Item = &syn::Attribute> {
    attrs.iter().filter(|attr| attr.path().is_ident(BUILDER))
}
