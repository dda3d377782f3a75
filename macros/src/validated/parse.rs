//! The raw input of `#[validated]`: its arguments and the struct it is on.

use proc_macro2::TokenStream;
use quote::ToTokens;

use crate::derive_validate::parse::RawField;
use crate::rules::parse::RawInvariant;
use crate::util::attr::{self, error, Errors, Flag, Keys};
use crate::util::expand::Failed;
use crate::util::options::{options, Keyword as _};

options! {
    /// The options of `#[validated(...)]`, each a field of [`RawArgs`].
    pub enum ValidatedOption {
        Serde = "serde",
        Crate = "crate",
        AllowDerive = "allow_derive",
        AllowAttr = "allow_attr",
    }
}

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
    /// `allow_attr(a, b)`: attributes palisade does not know, which the user says
    /// do not build or change values.
    pub allow_attr: Vec<syn::Path>,
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
    /// Every other attribute on the struct (looking through `cfg_attr`), by path.
    pub attributes: Vec<syn::Path>,
    /// Where `validate` or `invariant` was written inside `cfg_attr`, on the struct or
    /// a field.
    pub conditional_rules: Vec<proc_macro2::Span>,
    /// Per struct attribute, in order: the paths of a plain `#[derive(...)]`, so that
    /// refused derives can be taken out of it.
    pub derive_lists: Vec<Option<DerivePaths>>,
    /// Code in palisade's attributes (`#[invariant]`, `#[validate]`, `#[builder]`) that
    /// could define items inside the module that owns the fields: an item keyword
    /// (`impl`, `fn`, …) or a macro call palisade does not know, with what it is.
    pub pasted_items: Vec<(proc_macro2::Span, String)>,
    /// Where a field carries `#[from]` (thiserror's conversion).
    pub from_fields: Vec<proc_macro2::Span>,
    /// Per field, in order: a literal `#[builder(default = LITERAL)]`, which can be
    /// checked against the field's rules at compile time.
    pub builder_defaults: Vec<Option<syn::Expr>>,
    /// The fields and their rules, as for `#[derive(Validate)]`.
    pub fields: Vec<RawField>,
    /// The `#[invariant(...)]`s.
    pub invariants: Vec<RawInvariant>,
    /// The mistakes found while reading the rules; checking adds its own.
    pub errors: Errors,
    /// `#[validate(context = Ctx)]` on the struct: its rules take a `&Ctx`.
    pub context: Option<syn::Type>,
    /// Any other key of a `#[validate(...)]` on the struct (`#[derive(Validate)]`'s
    /// `crate`), which `#[validated]` takes in its own arguments.
    pub struct_options: Vec<proc_macro2::Span>,
}

/// The paths inside one `#[derive(...)]`.
pub type DerivePaths = syn::punctuated::Punctuated<syn::Path, syn::Token![,]>;

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
    let item = match item {
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
        other => {
            return Err(Failed::new(
                error(
                    "`#[validated]` applies to structs with named fields, to one-field tuple \
                     structs, and to functions whose parameters it checks",
                )
                .at(&other),
                other.into_token_stream(),
            ))
        }
    };
    let mut errors = Errors::new();
    let mut parsed = RawArgs::default();
    Keys::<ValidatedOption>::new("#[validated(...)]", "option").parse(
        args,
        &mut errors,
        |option, meta| {
            let name = option.keyword();
            match option {
                ValidatedOption::Serde => parsed.serde = attr::flag(name, meta)?,
                ValidatedOption::Crate => parsed.krate = Some(attr::path(name, meta)?),
                ValidatedOption::AllowDerive => parsed.allow_derive = attr::names(name, meta)?,
                ValidatedOption::AllowAttr => parsed.allow_attr = attr::names(name, meta)?,
            }
            Ok(())
        },
    );
    let args = errors.finish_with(parsed);
    let mut seen = Attributes::default();
    for attr in &item.attrs {
        seen.collect(&attr.meta, false);
    }
    let mut on_fields = Attributes::default();
    let mut from_fields = Vec::new();
    for attr in item.fields.iter().flat_map(|field| &field.attrs) {
        on_fields.collect(&attr.meta, false);
        if attr.path().is_ident("from") {
            from_fields.push(syn::spanned::Spanned::span(attr));
        }
    }
    let Attributes {
        derives,
        attributes,
        mut conditional_rules,
    } = seen;
    conditional_rules.extend(on_fields.conditional_rules);
    let mut pasted_items = Vec::new();
    for attr in item
        .attrs
        .iter()
        .chain(item.fields.iter().flat_map(|field| &field.attrs))
        .filter(|attr| PASTED.iter().any(|name| attr.path().is_ident(name)))
    {
        if let syn::Meta::List(list) = &attr.meta {
            // The first finding of an attribute is its mistake; what follows inside it
            // (the `fn` of an `impl`, the `Self` it builds) is part of the same one.
            let mut found = Vec::new();
            find_items(list.tokens.clone(), &item.ident, &mut found);
            pasted_items.extend(found.into_iter().next());
        }
    }
    let derive_lists = item
        .attrs
        .iter()
        .map(|attr| {
            attr.path()
                .is_ident("derive")
                .then(|| attr.parse_args_with(DerivePaths::parse_terminated).ok())
                .flatten()
        })
        .collect();
    let builder_defaults = item
        .fields
        .iter()
        .map(|field| literal_default(&field.attrs))
        .collect();
    let mut errors = Errors::new();
    let fields = crate::derive_validate::parse::fields(item.fields.clone(), &mut errors).1;
    let invariants = crate::derive_validate::parse::invariants(&item.attrs, &mut errors);
    let mut context = None;
    let mut struct_options = Vec::new();
    for attr in &item.attrs {
        if !attr.path().is_ident(crate::rules::parse::VALIDATE) {
            continue;
        }
        let syn::Meta::List(list) = &attr.meta else {
            struct_options.push(syn::spanned::Spanned::span(attr));
            continue;
        };
        let read = list.parse_nested_meta(|meta| {
            if meta.path.is_ident("context") && meta.input.peek(syn::Token![=]) {
                context = Some(meta.value()?.parse::<syn::Type>()?);
            } else {
                struct_options.push(syn::spanned::Spanned::span(&meta.path));
                if meta.input.peek(syn::Token![=]) {
                    meta.value()?.parse::<syn::Expr>()?;
                } else if meta.input.peek(syn::token::Paren) {
                    meta.input.parse::<proc_macro2::Group>()?;
                }
            }
            Ok(())
        });
        if let Err(error) = read {
            errors.push(error);
        }
    }
    Ok(RawValidated {
        args,
        item,
        derives,
        attributes,
        conditional_rules,
        derive_lists,
        pasted_items,
        from_fields,
        builder_defaults,
        fields,
        invariants,
        errors,
        context,
        struct_options,
    })
}

/// The attributes whose expressions end up inside the module that owns the fields.
const PASTED: [&str; 3] = ["validate", "invariant", "builder"];

/// Keywords that start an item (or an `impl`) inside a block.
const ITEM_KEYWORDS: [&str; 11] = [
    "impl",
    "fn",
    "struct",
    "enum",
    "union",
    "trait",
    "mod",
    "static",
    "extern",
    "use",
    "macro_rules",
];

/// Macros that expand to expressions only, so they cannot define an item.
const EXPRESSION_MACROS: [&str; 16] = [
    "matches",
    "format",
    "format_args",
    "vec",
    "concat",
    "stringify",
    "env",
    "option_env",
    "include_str",
    "include_bytes",
    "line",
    "column",
    "file",
    "module_path",
    "cfg",
    "debug_assert",
];

/// Gathers item keywords, calls of macros not known to expand to an expression, and
/// values of the type built in place (`Self { .. }`, `Name(..)`).
fn find_items(
    tokens: TokenStream,
    ident_of_type: &syn::Ident,
    found: &mut Vec<(proc_macro2::Span, String)>,
) {
    let tokens = tokens.into_iter().collect::<Vec<_>>();
    for (index, token) in tokens.iter().enumerate() {
        match token {
            proc_macro2::TokenTree::Ident(ident) => {
                let name = ident.to_string();
                let bang = matches!(
                    tokens.get(index + 1),
                    Some(proc_macro2::TokenTree::Punct(punct)) if punct.as_char() == '!'
                ) && matches!(
                    tokens.get(index + 2),
                    Some(proc_macro2::TokenTree::Group(_))
                );
                let built = (name == "Self" || ident == ident_of_type)
                    && matches!(
                        tokens.get(index + 1),
                        Some(proc_macro2::TokenTree::Group(group))
                            if group.delimiter() != proc_macro2::Delimiter::Bracket
                    );
                if ITEM_KEYWORDS.contains(&name.as_str()) {
                    found.push((ident.span(), format!("`{name}`")));
                } else if bang && !EXPRESSION_MACROS.contains(&name.as_str()) {
                    found.push((ident.span(), format!("`{name}!`")));
                } else if built {
                    found.push((ident.span(), format!("building `{name}` in place")));
                }
            }
            proc_macro2::TokenTree::Group(group) => {
                find_items(group.stream(), ident_of_type, found);
            }
            proc_macro2::TokenTree::Punct(_) | proc_macro2::TokenTree::Literal(_) => {}
        }
    }
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

/// What the attributes of the struct (or of its fields) say.
#[derive(Default)]
struct Attributes {
    derives: Vec<syn::Path>,
    attributes: Vec<syn::Path>,
    conditional_rules: Vec<proc_macro2::Span>,
}

impl Attributes {
    /// Reads one attribute, looking through `cfg_attr(predicate, ...)` since some
    /// configuration may switch it on. A `derive` is known by its last segment
    /// (`core::prelude::v1::derive` too). Attributes that do not parse are left to
    /// rustc.
    fn collect(&mut self, meta: &syn::Meta, conditional: bool) {
        type Paths = syn::punctuated::Punctuated<syn::Path, syn::Token![,]>;
        type Metas = syn::punctuated::Punctuated<syn::Meta, syn::Token![,]>;
        let path = meta.path();
        let last = path
            .segments
            .last()
            .map(|segment| segment.ident.to_string());
        match (last.as_deref(), meta) {
            (Some("derive"), syn::Meta::List(list)) => {
                if let Ok(paths) = list.parse_args_with(Paths::parse_terminated) {
                    self.derives.extend(paths);
                }
            }
            (Some("cfg_attr"), syn::Meta::List(list)) => {
                if let Ok(metas) = list.parse_args_with(Metas::parse_terminated) {
                    for inner in metas.iter().skip(1) {
                        self.collect(inner, true);
                    }
                }
            }
            _ => {
                let rule = path.is_ident(crate::rules::parse::VALIDATE)
                    || path.is_ident(crate::rules::parse::INVARIANT);
                if conditional && rule {
                    self.conditional_rules
                        .push(syn::spanned::Spanned::span(path));
                }
                self.attributes.push(path.clone());
            }
        }
    }
}
