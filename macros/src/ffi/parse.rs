//! The raw input of `#[ffi_safe]`: its options, the item, and per-field `#[ffi(...)]`.

use proc_macro2::TokenStream;
use quote::ToTokens;

use crate::util::attr::{self, error, Errors, Flag, Keys};
use crate::util::expand::Failed;
use crate::util::options::{options, Keyword as _};

options! {
    /// The options of `#[ffi_safe(...)]`, each a field of [`RawArgs`].
    pub enum FfiOption {
        Size = "size",
        Align = "align",
        NoPadding = "no_padding",
        OnPanic = "on_panic",
        CName = "c_name",
        Crate = "crate",
        Validated = "validated",
    }
}

options! {
    /// The options of `#[ffi(...)]` on a field, each a field of [`RawFieldArgs`].
    pub enum FieldOption {
        Offset = "offset",
    }
}

/// The per-field attribute.
pub const FFI: &str = "ffi";

/// The options of `#[ffi_safe(...)]`.
#[derive(Default)]
pub struct RawArgs {
    /// `size = N`: the struct's size in bytes.
    pub size: Option<syn::Expr>,
    /// `align = N`: the struct's alignment in bytes.
    pub align: Option<syn::Expr>,
    /// `no_padding`: no padding between or after the fields.
    pub no_padding: Flag,
    /// `on_panic = EXPR`: what an `extern "C" fn` returns when its body panics.
    pub on_panic: Option<syn::Expr>,
    /// `c_name = "Name"`: the type's name in C headers, when its Rust name is taken.
    pub c_name: Option<syn::LitStr>,
    /// `crate = "path"`: where to find palisade when it is re-exported or renamed.
    pub krate: Option<syn::Path>,
    /// `validated`: the struct has checks that C must not skip. `#[validated]` adds it
    /// when `#[ffi_safe]` is written below it, where the rules are no longer in sight.
    pub validated: Flag,
}

/// The options of `#[ffi(...)]` on a field.
#[derive(Default)]
pub struct RawFieldArgs {
    /// `offset = K`: the field's offset in bytes.
    pub offset: Option<syn::Expr>,
}

/// The item `#[ffi_safe]` is on, with what its attributes say.
pub enum RawItem {
    /// A struct.
    Struct(RawStruct),
    /// An enum.
    Enum(RawEnum),
    /// A function.
    Fn(RawFn),
}

/// A struct and what its attributes say.
pub struct RawStruct {
    /// The struct, its `#[ffi(...)]` attributes removed.
    pub item: syn::ItemStruct,
    /// The idents of its `#[repr(...)]`s.
    pub reprs: Vec<syn::Ident>,
    /// Each field's `#[ffi(...)]`, in order.
    pub fields: Vec<RawFieldArgs>,
    /// Whether palisade's validation runs on it (`#[validated]`, `#[derive(Validate)]`,
    /// `#[validate]` on a field, `#[invariant]`) as far as this attribute can see.
    pub has_checks: bool,
}

/// An enum and its `#[repr(...)]`s.
pub struct RawEnum {
    /// The enum.
    pub item: syn::ItemEnum,
    /// The idents of its `#[repr(...)]`s.
    pub reprs: Vec<syn::Ident>,
}

/// A function and the symbol C links to.
pub struct RawFn {
    /// The function.
    pub item: syn::ItemFn,
    /// Its symbol under `#[unsafe(no_mangle)]`/`#[unsafe(export_name = "..")]` (either
    /// attribute form), or `None` for a mangled function.
    pub link_name: Option<String>,
}

/// `#[ffi_safe]` before checking.
pub struct RawFfi {
    /// Its options, or the error reading them.
    pub args: syn::Result<RawArgs>,
    /// The item.
    pub item: RawItem,
    /// Mistakes in the item's own attributes (`#[ffi(...)]` on a field).
    pub errors: Errors,
}

/// Reads the options and the item; anything but a struct, an enum or a function is
/// refused here and handed back unchanged.
pub fn parse(args: TokenStream, item: TokenStream) -> Result<RawFfi, Box<Failed<TokenStream>>> {
    let parsed: syn::Item = match syn::parse2(item.clone()) {
        Ok(item) => item,
        Err(failure) => return Err(Failed::new(failure, item)),
    };
    let mut errors = Errors::new();
    let item = match parsed {
        syn::Item::Struct(item) => RawItem::Struct(raw_struct(item, &mut errors)),
        syn::Item::Enum(item) => RawItem::Enum(RawEnum {
            reprs: reprs(&item.attrs),
            item,
        }),
        syn::Item::Fn(item) => RawItem::Fn(RawFn {
            link_name: link_name(&item),
            item,
        }),
        other => {
            return Err(Failed::new(
                error(
                    "`#[ffi_safe]` applies to a `#[repr(C)]` struct, a fieldless enum with an \
                        integer repr, or an `extern \"C\" fn`",
                )
                .at(&other),
                other.into_token_stream(),
            ))
        }
    };
    let mut option_errors = Errors::new();
    let mut parsed = RawArgs::default();
    Keys::<FfiOption>::new("#[ffi_safe(...)]", "option").parse(
        args,
        &mut option_errors,
        |option, meta| {
            let name = option.keyword();
            match option {
                FfiOption::Size => parsed.size = Some(attr::expr(name, meta)?),
                FfiOption::Align => parsed.align = Some(attr::expr(name, meta)?),
                FfiOption::NoPadding => parsed.no_padding = attr::flag(name, meta)?,
                FfiOption::OnPanic => parsed.on_panic = Some(attr::expr(name, meta)?),
                FfiOption::CName => parsed.c_name = Some(attr::string(name, meta)?),
                FfiOption::Crate => parsed.krate = Some(attr::path(name, meta)?),
                FfiOption::Validated => parsed.validated = attr::flag(name, meta)?,
            }
            Ok(())
        },
    );
    let args = option_errors.finish_with(parsed);
    Ok(RawFfi { args, item, errors })
}

fn raw_struct(mut item: syn::ItemStruct, errors: &mut Errors) -> RawStruct {
    let has_checks = has_checks(&item);
    let fields = item
        .fields
        .iter_mut()
        .map(|field| {
            let mut parsed = RawFieldArgs::default();
            let mut keys = Keys::<FieldOption>::new("#[ffi(...)]", "option");
            for attr in field.attrs.iter().filter(|attr| attr.path().is_ident(FFI)) {
                keys.parse_attribute(attr, errors, |option, meta| {
                    match option {
                        FieldOption::Offset => {
                            parsed.offset = Some(attr::expr(option.keyword(), meta)?);
                        }
                    }
                    Ok(())
                });
            }
            field.attrs.retain(|attr| !attr.path().is_ident(FFI));
            parsed
        })
        .collect();
    RawStruct {
        reprs: reprs(&item.attrs),
        item,
        fields,
        has_checks,
    }
}

/// The idents inside every `#[repr(...)]`.
fn reprs(attrs: &[syn::Attribute]) -> Vec<syn::Ident> {
    attrs
        .iter()
        .filter(|attr| attr.path().is_ident("repr"))
        .filter_map(|attr| {
            attr.parse_args_with(
                syn::punctuated::Punctuated::<syn::Meta, syn::Token![,]>::parse_terminated,
            )
            .ok()
        })
        .flatten()
        .filter_map(|meta| meta.path().get_ident().cloned())
        .collect()
}

/// Whether palisade's validation runs on the struct: C must not build it directly.
/// (Seen here when `#[ffi_safe]` is written above it; otherwise the generated
/// `Validate` probe refuses the struct with the fix.)
fn has_checks(item: &syn::ItemStruct) -> bool {
    let last_is = |attr: &syn::Attribute, name: &str| {
        attr.path()
            .segments
            .last()
            .is_some_and(|segment| segment.ident == name)
    };
    let derives_validate = |attr: &syn::Attribute| {
        attr.path().is_ident("derive")
            && attr
                .parse_args_with(
                    syn::punctuated::Punctuated::<syn::Path, syn::Token![,]>::parse_terminated,
                )
                .is_ok_and(|paths| {
                    paths.iter().any(|path| {
                        path.segments
                            .last()
                            .is_some_and(|segment| segment.ident == "Validate")
                    })
                })
    };
    item.attrs.iter().any(|attr| {
        last_is(attr, "validated") || attr.path().is_ident("invariant") || derives_validate(attr)
    }) || item.fields.iter().any(|field| {
        field
            .attrs
            .iter()
            .any(|attr| attr.path().is_ident("validate"))
    })
}

/// The symbol of a function C can link to: its name under `no_mangle`, the given
/// name under `export_name`, in either attribute form (`#[no_mangle]`,
/// `#[unsafe(no_mangle)]`).
fn link_name(item: &syn::ItemFn) -> Option<String> {
    for attr in &item.attrs {
        let meta = if attr.path().is_ident("unsafe") {
            match attr.parse_args::<syn::Meta>() {
                Ok(meta) => meta,
                Err(_) => continue,
            }
        } else {
            attr.meta.clone()
        };
        match &meta {
            syn::Meta::Path(path) if path.is_ident("no_mangle") => {
                return Some(item.sig.ident.to_string().trim_start_matches("r#").into());
            }
            syn::Meta::NameValue(pair) if pair.path.is_ident("export_name") => {
                if let syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(name),
                    ..
                }) = &pair.value
                {
                    return Some(name.value());
                }
            }
            _ => {}
        }
    }
    None
}
