//! The raw input of `#[validated]`: its arguments and the struct it is on.

use proc_macro2::TokenStream;
use quote::ToTokens;

use crate::rules::parse::RawInvariant;
use crate::util::attr::{self, error, Errors, Flag, Keys};
use crate::util::expand::Failed;
use crate::validate::parse::RawField;

/// The arguments of `#[validated(...)]`.
#[derive(Default)]
pub struct RawArgs {
    /// `serde`: derive `Serialize`, and a `Deserialize` that goes through `try_new`.
    pub serde: Flag,
    /// `crate = "path"`: where to find palisade when it is re-exported or renamed.
    pub krate: Option<syn::Path>,
    /// `allow_derive(A, B)`: derives palisade does not know, which the user says only
    /// read values.
    pub allow_derive: Vec<syn::Path>,
}

/// `#[validated]` before checking.
pub struct RawValidated {
    /// Its arguments, or the error reading them.
    pub args: syn::Result<RawArgs>,
    /// The struct.
    pub item: syn::ItemStruct,
    /// Every derive written on the struct, in `#[derive(...)]` or inside
    /// `#[cfg_attr(..., derive(...))]`.
    pub derives: Vec<syn::Path>,
    /// Per field, in order: a literal `#[builder(default = LITERAL)]`, which can be
    /// checked against the field's rules at compile time.
    pub builder_defaults: Vec<Option<syn::Expr>>,
    /// The fields and their rules, as for `#[derive(Validate)]`.
    pub fields: Vec<RawField>,
    /// The `#[invariant(...)]`s.
    pub invariants: Vec<RawInvariant>,
    /// The mistakes found while reading the rules; checking adds its own.
    pub errors: Errors,
}

/// Reads the arguments and the item. An item that is not a struct is refused here,
/// and handed back unchanged to be emitted next to the error.
pub fn parse(
    args: TokenStream,
    item: TokenStream,
) -> Result<RawValidated, Box<Failed<TokenStream>>> {
    let item: syn::Item = match syn::parse2(item.clone()) {
        Ok(item) => item,
        Err(failure) => return Err(Failed::new(failure, item)),
    };
    let item =
        match item {
            syn::Item::Struct(item) => item,
            syn::Item::Enum(item) => {
                return Err(Failed::new(
                    error(
                        "`#[validated]` applies to structs: an enum can hold any of its variants; \
                     use `#[derive(Validate)]` on it instead",
                    )
                    .at(&item.enum_token),
                    item.into_token_stream(),
                ))
            }
            other => return Err(Failed::new(
                error(
                    "`#[validated]` applies to structs with named fields or to one-field tuple \
                     structs",
                )
                .at(&other),
                other.into_token_stream(),
            )),
        };
    let mut errors = Errors::new();
    let mut parsed = RawArgs::default();
    Keys::new(
        "#[validated(...)]",
        "option",
        &["serde", "crate", "allow_derive"],
    )
    .parse(args, &mut errors, |name, meta| {
        if name == "serde" {
            parsed.serde = attr::flag(name, meta)?;
        } else if name == "allow_derive" {
            parsed.allow_derive = attr::names(name, meta)?;
        } else {
            parsed.krate = Some(attr::path(name, meta)?);
        }
        Ok(())
    });
    let args = errors.finish_with(parsed);
    let mut derives = Vec::new();
    for attr in &item.attrs {
        collect_derives(&attr.meta, &mut derives);
    }
    let builder_defaults = item
        .fields
        .iter()
        .map(|field| literal_default(&field.attrs))
        .collect();
    let mut errors = Errors::new();
    let fields = crate::validate::parse::fields(item.fields.clone(), &mut errors).1;
    let invariants = crate::validate::parse::invariants(&item.attrs, &mut errors);
    Ok(RawValidated {
        args,
        item,
        derives,
        builder_defaults,
        fields,
        invariants,
        errors,
    })
}

/// The literal in `#[builder(default = LITERAL)]` (or `-LITERAL`), if any. Mistakes in
/// the attribute are left to `#[derive(Builder)]`, which reports them.
fn literal_default(attrs: &[syn::Attribute]) -> Option<syn::Expr> {
    let mut found = None;
    for attr in attrs
        .iter()
        .filter(|attr| attr.path().is_ident(crate::builder::parse::BUILDER))
    {
        let _ = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("default") && meta.input.peek(syn::Token![=]) {
                let value: syn::Expr = meta.value()?.parse()?;
                let literal = match &value {
                    syn::Expr::Lit(_) => true,
                    syn::Expr::Unary(unary) => {
                        matches!(unary.op, syn::UnOp::Neg(_))
                            && matches!(*unary.expr, syn::Expr::Lit(_))
                    }
                    _ => false,
                };
                if literal {
                    found = Some(value);
                }
            } else if meta.input.peek(syn::Token![=]) {
                meta.value()?.parse::<syn::Expr>()?;
            }
            Ok(())
        });
    }
    found
}

/// The paths in `derive(...)`, looking through `cfg_attr(predicate, ...)` since any
/// configuration may switch it on. Attributes that do not parse are left to rustc.
fn collect_derives(meta: &syn::Meta, out: &mut Vec<syn::Path>) {
    type Paths = syn::punctuated::Punctuated<syn::Path, syn::Token![,]>;
    type Metas = syn::punctuated::Punctuated<syn::Meta, syn::Token![,]>;
    let syn::Meta::List(list) = meta else {
        return;
    };
    if list.path.is_ident("derive") {
        if let Ok(paths) = list.parse_args_with(Paths::parse_terminated) {
            out.extend(paths);
        }
    } else if list.path.is_ident("cfg_attr") {
        if let Ok(metas) = list.parse_args_with(Metas::parse_terminated) {
            for inner in metas.iter().skip(1) {
                collect_derives(inner, out);
            }
        }
    }
}
