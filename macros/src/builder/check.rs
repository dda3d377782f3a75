//! Checks the raw builder input into the model emission works from.

use super::parse::RawInput;
use crate::util::attr::{self, error};
use crate::util::expand::Failed;
use crate::util::runtime_path::RuntimePath;
use crate::util::shape::Shape;

/// A checked `#[derive(Builder)]`.
pub struct Model {
    /// The struct's name.
    pub ident: syn::Ident,
    /// Its visibility.
    pub vis: syn::Visibility,
    /// Its generics.
    pub generics: syn::Generics,
    /// Where generated code finds the runtime.
    pub runtime: RuntimePath,
    /// Whether `build()` goes through `try_new`.
    pub validated: bool,
    /// Its fields, in order.
    pub fields: Vec<Field>,
}

/// How `build()` gets a field's value.
pub enum Kind {
    /// Its setter must have been called.
    Required,
    /// An `Option<T>`: the setter takes `T`, `maybe_<field>` takes `Option<T>`, `None`
    /// (or the default given) when unset.
    Optional {
        /// `T` in `Option<T>`.
        inner: Box<syn::Type>,
        /// `#[builder(default = EXPR)]`, if given.
        default: Option<syn::Expr>,
    },
    /// `#[builder(default)]` or `#[builder(default = EXPR)]`.
    Default(Option<syn::Expr>),
}

/// One checked field.
pub struct Field {
    /// Its name.
    pub ident: syn::Ident,
    /// Its setter's name: the field's, except in the builder emitted next to a clash
    /// error, where it is moved out of the way so the clash adds no error of its own.
    pub setter: syn::Ident,
    /// Its type.
    pub ty: syn::Type,
    /// Its doc comments.
    pub docs: Vec<syn::Attribute>,
    /// Required, optional or defaulted.
    pub kind: Kind,
    /// Whether the setter takes `impl Into<T>`.
    pub into: bool,
}

/// Checks the fields; every problem is reported together, next to the builder as it
/// can still be emitted (so uses of `builder()` and the setters add no errors).
pub fn check(raw: RawInput) -> Result<Model, Box<Failed<Model>>> {
    let mut errors = raw.errors;
    let mut fields = raw
        .fields
        .into_iter()
        .filter_map(|field| {
            let Some(ident) = field.ident else {
                errors.push(
                    error("a builder field needs a name").at_span(proc_macro2::Span::call_site()),
                );
                return None;
            };
            let default = field.default.map(attr::Spanned::into_inner);
            let kind = match (Shape::of(&field.ty), default) {
                (Shape::Option(inner), default) => Kind::Optional {
                    inner,
                    default: default.flatten(),
                },
                (_, Some(default)) => Kind::Default(default),
                (_, None) => Kind::Required,
            };
            Some(Field {
                setter: ident.clone(),
                ident,
                ty: field.ty,
                docs: field.docs,
                kind,
                into: field.into.is_present(),
            })
        })
        .collect::<Vec<Field>>();
    let mut clashing = Vec::new();
    for field in &fields {
        let name = crate::util::member_name(&syn::Member::Named(field.ident.clone()));
        let clash = if name == "build" {
            Some("`build()`".to_owned())
        } else {
            fields
                .iter()
                .find(|other| {
                    matches!(other.kind, Kind::Optional { .. })
                        && format!(
                            "maybe_{}",
                            crate::util::member_name(&syn::Member::Named(other.ident.clone()))
                        ) == name
                })
                .map(|other| format!("the `maybe_{}` setter of `{}`", other.ident, other.ident))
        };
        if let Some(clash) = clash {
            errors.push(
                error(format!(
                    "the setter of `{name}` would clash with {clash}: rename the field"
                ))
                .at(&field.ident),
            );
            clashing.push(field.ident.clone());
        }
    }
    for field in &mut fields {
        if clashing.contains(&field.ident) {
            field.setter = quote::format_ident!("__palisade_{}", field.ident);
        }
    }
    let model = Model {
        ident: raw.ident,
        vis: raw.vis,
        generics: raw.generics,
        runtime: RuntimePath::new(raw.krate.as_ref()),
        validated: raw.validated.is_present(),
        fields,
    };
    match errors.finish() {
        Ok(()) => Ok(model),
        Err(error) => Err(Failed::new(error, model)),
    }
}
