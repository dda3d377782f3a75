//! Checks `#[validated]`: a struct whose fields are private, with named fields or one
//! tuple field, and rules that fit. Reuses the derive's field and invariant checks.

use super::derives::Verdict;
use super::parse::{DerivePaths, RawValidated};
use crate::derive_validate::check::{check_fields, Field, Model};
use crate::rules::parse::{INVARIANT, VALIDATE};
use crate::util::attr::{error, Errors};
use crate::util::expand::Failed;
use crate::util::runtime_path::RuntimePath;

/// A checked `#[validated]` struct.
pub struct Validated {
    /// The validation part, as for `#[derive(Validate)]` on a struct.
    pub model: Model<Vec<Field>>,
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
    /// Per field, a literal `#[builder(default = ...)]` whose rules can be checked in a
    /// const context: checked when the type compiles.
    pub builder_defaults: Vec<Option<syn::Expr>>,
}

/// What is left to emit when the check failed, so that uses of the type add no errors
/// of their own.
pub enum Fallback {
    /// The whole API (`try_new`, getters, setters, `new_const`, ...) over the struct's
    /// fields, with no rules checked.
    Unchecked(Box<Validated>),
    /// A struct whose shape `#[validated]` cannot build an API for (a tuple struct with
    /// several fields): the cleaned struct and a `Validate` impl that checks nothing.
    Bare {
        /// The struct with palisade's attributes removed.
        item: Box<syn::ItemStruct>,
        /// Where generated code finds the runtime.
        runtime: RuntimePath,
    },
}

/// Checks the struct and its rules, reporting every error together.
pub fn check(raw: RawValidated) -> Result<Validated, Box<Failed<Fallback>>> {
    let mut errors = raw.errors;
    let args = errors.handle(raw.args).unwrap_or_default();
    let runtime = RuntimePath::new(args.krate.as_ref()).aliased();
    let item = raw.item;
    let newtype =
        match &item.fields {
            syn::Fields::Named(_) => false,
            syn::Fields::Unnamed(fields) if fields.unnamed.len() == 1 => true,
            syn::Fields::Unnamed(fields) => {
                errors.push(
                error(
                    "`#[validated]` needs named fields, or exactly one tuple field: name these \
                     fields so each gets a getter",
                )
                .at_span(fields.paren_token.span.join()),
            );
                true
            }
            syn::Fields::Unit => {
                errors.push(
                error("`#[validated]` on a struct with no fields checks nothing: add fields with \
                       rules, or remove it")
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
                    "fields of a `#[validated]` type must be private: a visible field lets code \
                     skip the checks; remove `{}` and read it through the generated `{name}()`",
                    quote::ToTokens::to_token_stream(&field.vis)
                ))
                .at(&field.vis),
            );
        }
    }
    for &span in &raw.struct_options {
        errors.push(
            error(
                "`#[validated]` takes its options in `#[validated(...)]`, and rules go on \
                 fields: on the struct, `#[validate(...)]` takes only `context = Ctx`",
            )
            .at_span(span),
        );
    }
    let mut context = raw.context;
    // Set when the context meets an option that builds the value without one: the
    // stand-in API is then emitted without the context, so that option's code (which
    // calls `try_new`) adds no error of its own.
    let mut context_refused = false;
    if context.is_some() {
        if args.serde.is_present() {
            errors.push(
                error(
                    "`#[validated(serde)]` builds the value where no context is passed: \
                     deserialize into a plain struct and build it with \
                     `try_new_with(&context, ..)`",
                )
                .at_span(args.serde.span()),
            );
            context_refused = true;
        }
        if let Some(builder) = raw.derives.iter().find(|path| {
            path.segments
                .last()
                .is_some_and(|last| last.ident == "Builder")
        }) {
            errors.push(
                error(
                    "a builder's `build()` takes no context, and this type's rules need one: \
                     build it with `try_new_with(&context, ..)`",
                )
                .at(builder),
            );
            context_refused = true;
        }
    }
    if context_refused {
        context = None;
    }
    let fields = check_fields(raw.fields, &mut errors);
    let invariants = crate::rules::check::invariants(raw.invariants);
    let refused = check_derives(&raw.derives, &args.allow_derive, &item.ident, &mut errors);
    let refused_attributes = check_attributes(
        &raw.attributes,
        &raw.conditional_rules,
        &raw.from_fields,
        &args.allow_attr,
        &item.ident,
        &mut errors,
    );
    for (span, what) in &raw.pasted_items {
        errors.push(
            error(format!(
                "{what} in a palisade attribute runs inside the module that owns `{}`'s \
                 private fields, where code could build or change one without its checks: \
                 move it into a function outside the type and call that (`custom = path`, or \
                 a method in the expression)",
                item.ident
            ))
            .at_span(*span),
        );
    }
    let mut item = item;
    remove_derives(&mut item.attrs, raw.derive_lists, &refused);
    // What was refused is not emitted, so it adds no error of its own.
    item.attrs.retain(|attr| {
        let text = crate::util::source_text(attr.path());
        !refused_attributes.contains(&text)
    });
    for field in &mut item.fields {
        field.attrs.retain(|attr| !attr.path().is_ident("from"));
    }
    for field in &item.fields {
        check_interior_mutability(field, &mut errors);
    }
    let original_attrs = item.attrs.clone();
    let derives_builder = raw
        .derives
        .iter()
        .any(|path| last_segment(path) == "Builder");
    let original_fields = item
        .fields
        .iter()
        .map(|field| field.attrs.clone())
        .collect();
    let item = clean(item);
    let failed = errors.finish().err();
    let buildable = match &item.fields {
        syn::Fields::Unnamed(fields) => fields.unnamed.len() == 1,
        syn::Fields::Named(_) | syn::Fields::Unit => true,
    };
    if let (Some(error), false) = (&failed, buildable) {
        return Err(Failed::new(
            error.clone(),
            Fallback::Bare {
                item: Box::new(item),
                runtime,
            },
        ));
    }
    let (fields, invariants) = match failed {
        Some(_) => (fields.into_iter().map(without_rules).collect(), Vec::new()),
        None => (fields, invariants),
    };
    let const_evaluable = context.is_none()
        && invariants.is_empty()
        && fields
            .iter()
            .all(|field: &Field| field.rules.is_const_evaluable());
    let model = Model {
        ident: item.ident.clone(),
        generics: item.generics.clone(),
        runtime,
        body: fields,
        invariants,
        context,
    };
    // In a generic struct a field's type may name parameters that a `const` item
    // cannot see.
    let builder_defaults = if derives_builder && model.generics.params.is_empty() {
        model
            .body
            .iter()
            .zip(raw.builder_defaults)
            .map(|(field, default)| {
                default.filter(|_| !field.rules.is_empty() && field.rules.is_const_evaluable())
            })
            .collect()
    } else {
        Vec::new()
    };
    let validated = Validated {
        builder_defaults,
        model,
        item,
        newtype,
        serde: args.serde.is_present(),
        const_evaluable,
        original_attrs,
        original_fields,
        derives_builder,
    };
    match failed {
        Some(error) => Err(Failed::new(error, Fallback::Unchecked(Box::new(validated)))),
        None => Ok(validated),
    }
}

/// `field` with nothing to check, for the API emitted next to errors.
fn without_rules(mut field: Field) -> Field {
    field.rules.required = None;
    field.rules.applied.clear();
    field.rules.each = None;
    field
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

/// The last segment of a derive's path, the name palisade judges it by.
fn last_segment(path: &syn::Path) -> String {
    path.segments
        .last()
        .map(|segment| segment.ident.to_string())
        .unwrap_or_default()
}

/// Refuses every derive that could build or change a value without the checks, and
/// returns the names refused.
fn check_derives(
    derives: &[syn::Path],
    allowed: &[syn::Path],
    ident: &syn::Ident,
    errors: &mut Errors,
) -> Vec<String> {
    let allowed = allowed.iter().map(last_segment).collect::<Vec<_>>();
    let mut refused = Vec::new();
    for path in derives {
        let name = last_segment(path);
        let verdict = super::derives::verdict(&name);
        let fine = match verdict {
            Some(Verdict::Reads) => true,
            None => allowed.contains(&name),
            Some(_) => false,
        };
        if !fine {
            let message = super::derives::refusal(&name, &ident.to_string(), verdict);
            errors.push(error(message).at(path));
            refused.push(name);
        }
    }
    refused
}

/// Refuses attribute macros palisade does not know, rules that a `cfg_attr` can
/// switch off, and thiserror's `#[from]`, each of which would let a value in without
/// the checks.
fn check_attributes(
    attributes: &[syn::Path],
    conditional_rules: &[proc_macro2::Span],
    from_fields: &[proc_macro2::Span],
    allowed: &[syn::Path],
    ident: &syn::Ident,
    errors: &mut Errors,
) -> Vec<String> {
    let allowed = allowed.iter().map(last_segment).collect::<Vec<_>>();
    let mut refused = Vec::new();
    for path in attributes {
        if !super::derives::inert(path) && !allowed.contains(&last_segment(path)) {
            let name = crate::util::source_text(path);
            refused.push(name.clone());
            errors.push(
                error(format!(
                    "palisade does not know what `#[{name}]` does, and below `#[validated]` it \
                     runs where it could build or change a `{ident}` without its checks: \
                     write it above `#[validated]`, or, if it only reads, allow it with \
                     `#[validated(allow_attr({name}))]`"
                ))
                .at(path),
            );
        }
    }
    for span in conditional_rules {
        errors.push(
            error(
                "a rule inside `cfg_attr` disappears where its condition does not hold, and \
                 the type then accepts what the rule refuses: write the rule directly (a \
                 condition can go inside a `custom` rule)",
            )
            .at_span(*span),
        );
    }
    for span in from_fields {
        errors.push(
            error(format!(
                "`#[from]` makes thiserror build a `{ident}` from this field's type without \
                 its checks: remove it, and convert with `TryFrom` through `{ident}::try_new`"
            ))
            .at_span(*span),
        );
    }
    refused
}

/// Takes the refused derives out of `#[derive(...)]` (`lists` holds each attribute's
/// paths, as parse read them), so the struct emitted next to the errors adds none of
/// its own (one mistake, one error).
fn remove_derives(
    attrs: &mut Vec<syn::Attribute>,
    lists: Vec<Option<DerivePaths>>,
    refused: &[String],
) {
    if refused.is_empty() {
        return;
    }
    let mut lists = lists.into_iter();
    attrs.retain_mut(|attr| {
        let Some(paths) = lists.next().flatten() else {
            return true;
        };
        let kept: DerivePaths = paths
            .into_iter()
            .filter(|path| !refused.contains(&last_segment(path)))
            .collect();
        *attr = syn::parse_quote!(#[derive(#kept)]);
        !kept.is_empty()
    });
}

/// Standard and well-known types that can be changed through a shared reference. A
/// getter hands out `&T`, so a field of one of these could be made invalid without
/// the checks.
const INTERIOR_MUTABLE: &[&str] = &[
    "Cell",
    "RefCell",
    "UnsafeCell",
    "SyncUnsafeCell",
    "OnceCell",
    "LazyCell",
    "OnceLock",
    "LazyLock",
    "Lazy",
    "Mutex",
    "RwLock",
    "ReentrantMutex",
    "FairMutex",
    "AtomicCell",
    "ArcSwap",
    "ArcSwapOption",
];

/// Refuses a field whose type (at any depth: `Arc<Mutex<T>>`) can change through `&`.
fn check_interior_mutability(field: &syn::Field, errors: &mut Errors) {
    fn find(tokens: proc_macro2::TokenStream) -> Option<proc_macro2::Ident> {
        tokens.into_iter().find_map(|token| match token {
            proc_macro2::TokenTree::Ident(ident) => {
                let name = ident.to_string();
                (INTERIOR_MUTABLE.contains(&name.as_str()) || name.starts_with("Atomic"))
                    .then_some(ident)
            }
            proc_macro2::TokenTree::Group(group) => find(group.stream()),
            _ => None,
        })
    }
    if let Some(found) = find(quote::ToTokens::to_token_stream(&field.ty)) {
        let name = field
            .ident
            .as_ref()
            .map_or_else(|| "the value".to_owned(), |ident| format!("`{ident}`"));
        errors.push(
            error(format!(
                "`{found}` can be changed through a shared reference, so {name} could be made \
                 invalid through its getter without the checks: store a plain value and \
                 change it with the generated setter"
            ))
            .at(&found),
        );
    }
}
