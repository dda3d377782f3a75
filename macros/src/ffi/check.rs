//! Checks `#[ffi_safe]` input: a defined repr, FFI-safe field and parameter types
//! (with advice for the usual mistakes), and options that fit the item.

use super::parse::{RawArgs, RawEnum, RawFfi, RawFn, RawItem, RawStruct};
use crate::util::attr::{error, Errors};
use crate::util::expand::Failed;
use crate::util::runtime_path::RuntimePath;

/// A checked `#[ffi_safe]`.
pub struct Model {
    /// Where generated code finds the runtime.
    pub runtime: RuntimePath,
    /// What it is on.
    pub kind: Kind,
}

/// The checked item.
pub enum Kind {
    /// A struct.
    Struct(Struct),
    /// A fieldless enum.
    Enum(Enum),
    /// An `extern "C" fn`.
    Fn(Function),
}

/// A checked struct.
pub struct Struct {
    /// The struct, `#[ffi]` attributes removed.
    pub item: syn::ItemStruct,
    /// `#[repr(transparent)]` rather than `#[repr(C)]`.
    pub transparent: bool,
    /// Its fields.
    pub fields: Vec<Field>,
    /// `size = N`.
    pub size: Option<syn::Expr>,
    /// `align = N`.
    pub align: Option<syn::Expr>,
    /// `no_padding`.
    pub no_padding: bool,
    /// Its name in C: `c_name = "..."`, else its Rust name.
    pub c_name: String,
    /// The struct has checks (`#[validated]`, `#[derive(Validate)]`, `#[validate]` on
    /// a field, `#[invariant]`): C passes it as `Checked<T>`, never directly.
    pub has_checks: bool,
}

/// A checked struct field.
pub struct Field {
    /// How Rust reaches it.
    pub member: syn::Member,
    /// Its name in C and in messages (`_0` for a tuple field).
    pub c_name: String,
    /// Its type.
    pub ty: syn::Type,
    /// `#[ffi(offset = K)]`.
    pub offset: Option<syn::Expr>,
}

/// A checked fieldless enum.
pub struct Enum {
    /// The enum.
    pub item: syn::ItemEnum,
    /// Its integer repr.
    pub repr: syn::Ident,
    /// Its name in C: `c_name = "..."`, else its Rust name.
    pub c_name: String,
}

/// A checked `extern "C" fn`.
pub struct Function {
    /// The function.
    pub item: syn::ItemFn,
    /// `on_panic = EXPR`.
    pub on_panic: Option<syn::Expr>,
    /// Parameter types to require `FromC` of (C writes them).
    pub params: Vec<syn::Type>,
    /// The result type to require `FfiSafe` of (Rust writes it).
    pub result: Option<syn::Type>,
    /// The symbol C links to (`#[unsafe(no_mangle)]`, `#[unsafe(export_name = "..")]`),
    /// or `None` for a mangled function, which has no prototype.
    pub link_name: Option<String>,
    /// Whether a prototype can be described: not generic.
    pub describable: bool,
}

/// Who writes a value of a type: what the type must be.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// C writes it (a parameter, a struct field): valid for every bit pattern.
    FromC,
    /// Rust writes it (a result): a C layout is enough.
    ToC,
}

const INT_REPRS: [&str; 10] = [
    "u8", "u16", "u32", "u64", "usize", "i8", "i16", "i32", "i64", "isize",
];

/// What stands in for the expansion next to the errors.
pub enum Fallback {
    /// Only the options were wrong, or a fieldless enum's repr: the whole expansion,
    /// as if they were left out, so the type's uses (`CHeader::with::<T>()`,
    /// `extern "C"` parameters) add no errors of their own.
    Whole(Box<Model>),
    /// The item itself has mistakes: the item as written (its `#[ffi]` attributes
    /// removed) and stubs of the impls its uses need, without the bounds and
    /// assertions that would repeat the error.
    Stubs(Box<Model>),
}

/// Checks the item against its options; every problem is reported together.
pub fn check(raw: RawFfi) -> Result<Model, Box<Failed<Fallback>>> {
    let mut errors = raw.errors;
    let (args, options_error) = match raw.args {
        Ok(args) => (args, None),
        Err(error) => (RawArgs::default(), Some(error)),
    };
    let runtime = RuntimePath::new(args.krate.as_ref());
    let kind = match raw.item {
        RawItem::Struct(item) => Kind::Struct(check_struct(item, &args, &mut errors)),
        RawItem::Enum(item) => Kind::Enum(check_enum(item, &args, &mut errors)),
        RawItem::Fn(item) => Kind::Fn(check_fn(item, &args, &mut errors)),
    };
    let model = Box::new(Model { runtime, kind });
    // A fieldless enum's expansion holds whatever else is wrong with it (a missing
    // repr is read as `u8`, a bad C name is kept): nothing in it repeats the error.
    let whole = match &model.kind {
        Kind::Enum(item) => item
            .item
            .variants
            .iter()
            .all(|variant| matches!(variant.fields, syn::Fields::Unit)),
        Kind::Struct(_) | Kind::Fn(_) => false,
    };
    let error = match (errors.finish(), options_error) {
        (Ok(()), None) => return Ok(*model),
        (Ok(()), Some(error)) => return Err(Failed::new(error, Fallback::Whole(model))),
        (Err(error), None) => error,
        (Err(error), Some(mut options)) => {
            options.combine(error);
            options
        }
    };
    let fallback = if whole {
        Fallback::Whole(model)
    } else {
        Fallback::Stubs(model)
    };
    Err(Failed::new(error, fallback))
}

fn only_for_structs(args: &RawArgs, what: &str, errors: &mut Errors) {
    for (name, expr) in [("size", &args.size), ("align", &args.align)] {
        if let Some(expr) = expr {
            errors.push(
                error(format!(
                    "`{name}` checks a struct's layout and does not apply to {what}: remove it"
                ))
                .at(expr),
            );
        }
    }
    if args.no_padding.is_present() {
        errors.push(
            error(format!(
                "`no_padding` checks a struct's layout and does not apply to {what}: remove it"
            ))
            .at_span(args.no_padding.span()),
        );
    }
}

fn check_struct(raw: RawStruct, args: &RawArgs, errors: &mut Errors) -> Struct {
    let RawStruct {
        item,
        reprs,
        fields: field_args,
        has_checks,
    } = raw;
    let transparent = reprs.iter().any(|repr| repr == "transparent");
    if let Some(rust) = reprs.iter().find(|repr| *repr == "Rust") {
        errors.push(error("`repr(Rust)` has no layout C can rely on: use `#[repr(C)]`").at(rust));
    } else if !transparent && !reprs.iter().any(|repr| repr == "C") {
        errors.push(
            error(format!(
                "`{}` needs a layout C can rely on: add `#[repr(C)]` (or `#[repr(transparent)]` \
                    for a one-field wrapper)",
                item.ident
            ))
            .at(&item.ident),
        );
    }
    if item.fields.is_empty() {
        errors.push(
            error(
                "a struct with no fields has no C equivalent (C forbids empty structs): add a \
                field",
            )
            .at(&item.ident),
        );
    }
    if let Some(on_panic) = &args.on_panic {
        errors.push(
            error("`on_panic` applies to an `extern \"C\" fn`, not to a struct: remove it")
                .at(on_panic),
        );
    }
    let generic = item.generics.type_params().next().is_some()
        || item.generics.const_params().next().is_some();
    if generic {
        for expr in [&args.size, &args.align].into_iter().flatten() {
            errors.push(
                error(
                    "the layout of a generic struct depends on its parameters, so it cannot be \
                        asserted once here: assert it on a non-generic wrapper",
                )
                .at(expr),
            );
        }
        if args.no_padding.is_present() {
            errors.push(
                error(
                    "the layout of a generic struct depends on its parameters, so `no_padding` \
                        cannot be checked once here",
                )
                .at_span(args.no_padding.span()),
            );
        }
    }
    let mut fields = Vec::new();
    for (index, (field, parsed)) in item.fields.iter().zip(field_args).enumerate() {
        if generic {
            if let Some(expr) = &parsed.offset {
                errors.push(
                    error(
                        "field offsets of a generic struct depend on its parameters: assert them \
                            on a non-generic wrapper",
                    )
                    .at(expr),
                );
            }
        }
        let offset = parsed.offset;
        check_type(&field.ty, Direction::FromC, errors);
        let member = match &field.ident {
            Some(ident) => syn::Member::Named(ident.clone()),
            None => syn::Member::Unnamed(syn::Index::from(index)),
        };
        let c_name = match &member {
            syn::Member::Named(ident) => {
                crate::util::member_name(&syn::Member::Named(ident.clone()))
            }
            syn::Member::Unnamed(index) => format!("_{}", index.index),
        };
        fields.push(Field {
            member,
            c_name,
            ty: field.ty.clone(),
            offset,
        });
    }
    let has_checks = has_checks || args.validated.is_present();
    let c_name = c_name(args, &item.ident, errors);
    Struct {
        c_name,
        item,
        transparent,
        fields,
        size: args.size.clone(),
        align: args.align.clone(),
        no_padding: args.no_padding.is_present() && !generic,
        has_checks,
    }
}

fn check_enum(raw: RawEnum, args: &RawArgs, errors: &mut Errors) -> Enum {
    let RawEnum { item, reprs } = raw;
    only_for_structs(args, "an enum", errors);
    if let Some(on_panic) = &args.on_panic {
        errors.push(
            error("`on_panic` applies to an `extern \"C\" fn`, not to an enum: remove it")
                .at(on_panic),
        );
    }
    for variant in &item.variants {
        if !matches!(variant.fields, syn::Fields::Unit) {
            errors.push(
                error(format!(
                    "`{}` carries data, and C has no layout for an enum with data: keep the enum \
                        fieldless and put the data in a `#[repr(C)]` struct next to its tag",
                    variant.ident
                ))
                .at(&variant.fields),
            );
        }
    }
    let repr = reprs
        .iter()
        .find(|repr| INT_REPRS.contains(&repr.to_string().as_str()))
        .cloned();
    let repr = repr.unwrap_or_else(|| {
        errors.push(
            error(format!(
                "`{}` needs an integer repr so C knows its size: add `#[repr(u8)]`, \
                    `#[repr(i32)]`, …",
                item.ident
            ))
            .at(&item.ident),
        );
        syn::Ident::new("u8", proc_macro2::Span::call_site())
    });
    let c_name = c_name(args, &item.ident, errors);
    Enum { item, repr, c_name }
}

/// The C name `c_name = "..."` gives, checked to be a C identifier, else `ident`.
fn c_name(args: &RawArgs, ident: &syn::Ident, errors: &mut Errors) -> String {
    let Some(lit) = &args.c_name else {
        return ident.to_string().trim_start_matches("r#").into();
    };
    let value = lit.value();
    let identifier = value.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && value.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if !identifier {
        errors.push(
            error(format!(
                "`{value}` is not a C identifier: use ASCII letters, digits and `_`, not starting \
                    with a digit"
            ))
            .at(lit),
        );
    }
    value
}

fn check_fn(raw: RawFn, args: &RawArgs, errors: &mut Errors) -> Function {
    let RawFn { item, link_name } = raw;
    only_for_structs(args, "a function", errors);
    if let Some(c_name) = &args.c_name {
        errors.push(
            error(
                "`c_name` names a type in C; a function's C name is its symbol: use \
                `#[unsafe(export_name = \"...\")]`",
            )
            .at(c_name),
        );
    }
    let is_c = item.sig.abi.as_ref().is_some_and(|abi| {
        abi.name
            .as_ref()
            .is_none_or(|name| matches!(name.value().as_str(), "C" | "C-unwind"))
    });
    if !is_c {
        errors.push(
            error(format!(
                "`{}` is not callable from C: declare it `extern \"C\" fn`",
                item.sig.ident
            ))
            .at(&item.sig.fn_token),
        );
    }
    if let Some(asyncness) = &item.sig.asyncness {
        errors.push(error("C cannot call an `async fn`: remove `async`").at(asyncness));
    }
    let generic_names = item
        .sig
        .generics
        .type_params()
        .map(|param| param.ident.to_string())
        .collect::<Vec<_>>();
    let concrete = |ty: &syn::Type| {
        !crate::util::mentions_type_param(ty, &item.sig.generics) && generic_names.is_empty()
    };
    let mut params = Vec::new();
    for input in &item.sig.inputs {
        if let syn::FnArg::Typed(typed) = input {
            check_type(&typed.ty, Direction::FromC, errors);
            if concrete(&typed.ty) {
                params.push((*typed.ty).clone());
            }
        }
    }
    let mut result = None;
    if let syn::ReturnType::Type(_, ty) = &item.sig.output {
        check_type(ty, Direction::ToC, errors);
        if concrete(ty) {
            result = Some((**ty).clone());
        }
    }
    let returns_nothing = match &item.sig.output {
        syn::ReturnType::Default => true,
        syn::ReturnType::Type(_, ty) => {
            matches!(&**ty, syn::Type::Tuple(unit) if unit.elems.is_empty())
        }
    };
    let mut on_panic = args.on_panic.clone();
    if let Some(value) = on_panic.as_ref().filter(|_| returns_nothing) {
        if !matches!(value, syn::Expr::Tuple(unit) if unit.elems.is_empty()) {
            errors.push(
                error(format!(
                    "`on_panic` is what `{name}` returns when its body panics, and `{name}` \
                     returns nothing: write `on_panic = ()` to catch the panic and return, or \
                     give `{name}` a return type",
                    name = item.sig.ident
                ))
                .at(value),
            );
            on_panic = Some(syn::parse_quote!(()));
        }
    }
    let describable = generic_names.is_empty() && item.sig.generics.const_params().next().is_none();
    Function {
        item,
        on_panic,
        params,
        result,
        link_name,
        describable,
    }
}

/// Reports, with advice, the types that are never FFI-safe, and those C must not
/// write by value, that a macro can recognise by their syntax. Everything else is
/// left to the `FfiSafe` / `FromC` bounds.
fn check_type(ty: &syn::Type, direction: Direction, errors: &mut Errors) {
    if let Some(advice) = advice(ty) {
        errors.push(
            error(format!(
                "`{}` cannot cross an FFI boundary: {advice}",
                crate::util::type_text(ty)
            ))
            .at(ty),
        );
    } else if direction == Direction::FromC {
        if let Some(fix) = from_c_fix(ty) {
            errors.push(
                error(format!(
                    "`{}` cannot come from C by value: {fix}",
                    crate::util::type_text(ty)
                ))
                .at(ty),
            );
        }
    }
}

/// For a type with a C layout but values C can write that are not valid (`bool`
/// holding 2, a reference holding NULL), what to take instead.
pub fn from_c_fix(ty: &syn::Type) -> Option<String> {
    let text = crate::util::type_text(ty);
    match ty {
        syn::Type::Group(group) => from_c_fix(&group.elem),
        syn::Type::Paren(paren) => from_c_fix(&paren.elem),
        syn::Type::Array(array) => {
            let element = crate::util::type_text(&array.elem);
            let len = crate::util::source_text(&array.len);
            from_c_fix(&array.elem).map(|_| {
                format!(
                    "C writes every element, and `{element}` cannot come from C by value; \
                     take `[{}; {len}]`",
                    fixed_form(&array.elem)
                )
            })
        }
        syn::Type::Reference(_) => Some(format!(
            "C can pass NULL; take `Option<{text}>` and handle `None`"
        )),
        syn::Type::FnPtr(_) => Some(format!(
            "C can pass NULL; take `Option<{text}>` and handle `None`"
        )),
        syn::Type::Path(path) if path.qself.is_none() => {
            let last = path.path.segments.last()?;
            let name = last.ident.to_string();
            let has_arguments = !matches!(last.arguments, syn::PathArguments::None);
            match name.as_str() {
                "bool" if path.path.segments.len() == 1 && !has_arguments => Some(
                    "C can pass any byte, and only 0 and 1 are a `bool`; take \
                     `palisade::ffi::Checked<bool>` and call `.get()`"
                        .into(),
                ),
                "NonNull" | "Box" if has_arguments => Some(format!(
                    "C can pass NULL; take `Option<{text}>` and handle `None`"
                )),
                _ if is_non_zero(&name, has_arguments) => Some(format!(
                    "C can pass 0; take `Option<{text}>` (0 is `None`) or \
                     `palisade::ffi::Checked<{text}>` and call `.get()`"
                )),
                _ => None,
            }
        }
        _ => None,
    }
}

/// How C should pass a type whose values it can get wrong.
fn fixed_form(ty: &syn::Type) -> String {
    let text = crate::util::type_text(ty);
    match ty {
        syn::Type::Reference(_) | syn::Type::FnPtr(_) => format!("Option<{text}>"),
        syn::Type::Path(path)
            if path
                .path
                .segments
                .last()
                .is_some_and(|last| last.ident == "NonNull" || last.ident == "Box") =>
        {
            format!("Option<{text}>")
        }
        _ => format!("palisade::ffi::Checked<{text}>"),
    }
}

fn is_non_zero(name: &str, has_arguments: bool) -> bool {
    (name == "NonZero" && has_arguments)
        || (!has_arguments
            && name.strip_prefix("NonZero").is_some_and(|rest| {
                matches!(
                    rest,
                    "U8" | "U16" | "U32" | "U64" | "Usize" | "I8" | "I16" | "I32" | "I64" | "Isize"
                )
            }))
}

/// Whether the syntax alone says `ty` is not FFI-safe, and what to use instead.
pub fn advice(ty: &syn::Type) -> Option<&'static str> {
    match ty {
        syn::Type::Group(group) => advice(&group.elem),
        syn::Type::Paren(paren) => advice(&paren.elem),
        syn::Type::Tuple(tuple) if !tuple.elems.is_empty() => {
            Some("tuples have no defined layout; use a `#[ffi_safe]` `#[repr(C)]` struct")
        }
        syn::Type::TraitObject(_) => Some(
            "a trait object has no C layout; pass `*mut c_void` and a `#[repr(C)]` struct of \
                `extern \"C\" fn`s",
        ),
        syn::Type::Reference(reference) => match &*reference.elem {
            syn::Type::Path(path) if path.path.is_ident("str") => Some(
                "`&str` is a pointer and a length, not a C string; use \
                    `palisade::ffi::FfiStr` or `*const c_char`",
            ),
            syn::Type::Slice(_) => Some(
                "a slice reference is a pointer and a length; use \
                    `palisade::ffi::FfiSlice<T>`",
            ),
            syn::Type::TraitObject(_) => Some(
                "a trait object reference is two pointers; pass `*mut c_void` and a \
                    `#[repr(C)]` struct of `extern \"C\" fn`s",
            ),
            _ => None,
        },
        syn::Type::Slice(_) => Some(
            "a slice has no fixed size; use `palisade::ffi::FfiSlice<T>` or an array `[T; \
                N]`",
        ),
        syn::Type::Path(path) if path.qself.is_none() => {
            let last = path.path.segments.last()?;
            let arguments = match &last.arguments {
                syn::PathArguments::AngleBracketed(arguments) => {
                    arguments.args.iter().collect::<Vec<_>>()
                }
                _ => Vec::new(),
            };
            match (last.ident.to_string().as_str(), arguments.as_slice()) {
                ("String", []) => Some(
                    "a `String` is Rust-owned and not NUL-terminated; use `*const c_char` or \
                        `palisade::ffi::FfiStr`",
                ),
                ("str", []) => Some("use `palisade::ffi::FfiStr` or `*const c_char`"),
                ("char", []) if path.path.segments.len() == 1 => Some(
                    "a Rust `char` is a Unicode scalar value with invalid bit patterns; use \
                        `u32` (C `char32_t`) or `u8`",
                ),
                ("u128" | "i128", []) if path.path.segments.len() == 1 => {
                    Some("C has no standard 128-bit integer; split it into two `u64` fields")
                }
                ("Vec", _) => Some(
                    "a `Vec` is Rust-owned; pass `palisade::ffi::FfiSlice<T>` or a pointer \
                        and a length",
                ),
                ("Box", [syn::GenericArgument::Type(syn::Type::TraitObject(_))]) => Some(
                    "a boxed trait object is two pointers; pass `*mut c_void` and a \
                        `#[repr(C)]` struct of `extern \"C\" fn`s",
                ),
                ("Box", [syn::GenericArgument::Type(syn::Type::Slice(_))]) => Some(
                    "a boxed slice is a pointer and a length; use \
                        `palisade::ffi::FfiSlice<T>`",
                ),
                ("Option", [syn::GenericArgument::Type(syn::Type::Path(inner))])
                    if is_plain_number(inner) =>
                {
                    Some(
                        "`Option` of a number has no C layout; use `Option<NonZero…>`, a sentinel \
                        value, or a separate `bool` flag",
                    )
                }
                _ => None,
            }
        }
        _ => None,
    }
}

fn is_plain_number(path: &syn::TypePath) -> bool {
    path.qself.is_none()
        && path.path.get_ident().is_some_and(|ident| {
            INT_REPRS.contains(&ident.to_string().as_str())
                || matches!(
                    ident.to_string().as_str(),
                    "f32" | "f64" | "bool" | "char" | "u128" | "i128"
                )
        })
}
