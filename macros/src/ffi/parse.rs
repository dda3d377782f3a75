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

/// The item `#[ffi_safe]` is on.
pub enum RawItem {
    /// A struct.
    Struct(syn::ItemStruct),
    /// An enum.
    Enum(syn::ItemEnum),
    /// A function.
    Fn(syn::ItemFn),
}

/// `#[ffi_safe]` before checking.
pub struct RawFfi {
    /// Its options, or the error reading them.
    pub args: syn::Result<RawArgs>,
    /// The item.
    pub item: RawItem,
}

/// Reads the options and the item; anything but a struct, an enum or a function is
/// refused here and handed back unchanged.
pub fn parse(args: TokenStream, item: TokenStream) -> Result<RawFfi, Box<Failed<TokenStream>>> {
    let parsed: syn::Item = match syn::parse2(item.clone()) {
        Ok(item) => item,
        Err(failure) => return Err(Failed::new(failure, item)),
    };
    let item = match parsed {
        syn::Item::Struct(item) => RawItem::Struct(item),
        syn::Item::Enum(item) => RawItem::Enum(item),
        syn::Item::Fn(item) => RawItem::Fn(item),
        other => {
            return Err(Failed::new(
                error(
                    "`#[ffi_safe]` applies to a `#[repr(C)]` struct, a fieldless enum with an integer repr, or an `extern \"C\" fn`",
                )
                .at(&other),
                other.into_token_stream(),
            ))
        }
    };
    let mut errors = Errors::new();
    let mut parsed = RawArgs::default();
    Keys::<FfiOption>::new("#[ffi_safe(...)]", "option").parse(
        args,
        &mut errors,
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
    let args = errors.finish_with(parsed);
    Ok(RawFfi { args, item })
}

/// Reads one `#[ffi(...)]` on a field.
pub fn field_args(attr: &syn::Attribute) -> syn::Result<RawFieldArgs> {
    let mut errors = Errors::new();
    let mut parsed = RawFieldArgs::default();
    Keys::<FieldOption>::new("#[ffi(...)]", "option").parse_attribute(
        attr,
        &mut errors,
        |option, meta| {
            match option {
                FieldOption::Offset => parsed.offset = Some(attr::expr(option.keyword(), meta)?),
            }
            Ok(())
        },
    );
    errors.finish_with(parsed)
}
