//! The raw input of `#[ffi_safe]`: its options, the item, and per-field `#[ffi(...)]`.

use darling::util::Flag;
use darling::FromMeta;
use proc_macro2::TokenStream;
use quote::ToTokens;

/// The per-field attribute.
pub const FFI: &str = "ffi";

/// The options of `#[ffi_safe(...)]`.
#[derive(Debug, Default, FromMeta)]
pub struct RawArgs {
    /// `size = N`: the struct's size in bytes.
    pub size: Option<syn::Expr>,
    /// `align = N`: the struct's alignment in bytes.
    pub align: Option<syn::Expr>,
    /// `no_padding`: no padding between or after the fields.
    pub no_padding: Flag,
    /// `on_panic = EXPR`: what an `extern "C" fn` returns when its body panics.
    pub on_panic: Option<syn::Expr>,
    /// `crate = "path"`: where to find palisade when it is re-exported or renamed.
    #[darling(rename = "crate")]
    pub krate: Option<syn::Path>,
}

/// The options of `#[ffi(...)]` on a field.
#[derive(Debug, Default, FromMeta)]
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
    pub args: darling::Result<RawArgs>,
    /// The item.
    pub item: RawItem,
}

/// Reads the options and the item; anything but a struct, an enum or a function is
/// refused here and handed back unchanged.
pub fn parse(
    args: TokenStream,
    item: TokenStream,
) -> Result<RawFfi, (darling::Error, TokenStream)> {
    let parsed: syn::Item = match syn::parse2(item.clone()) {
        Ok(item) => item,
        Err(error) => return Err((error.into(), item)),
    };
    let item = match parsed {
        syn::Item::Struct(item) => RawItem::Struct(item),
        syn::Item::Enum(item) => RawItem::Enum(item),
        syn::Item::Fn(item) => RawItem::Fn(item),
        other => {
            return Err((
                darling::Error::custom(
                    "`#[ffi_safe]` applies to a `#[repr(C)]` struct, a fieldless enum with an integer repr, or an `extern \"C\" fn`",
                )
                .with_span(&other),
                other.into_token_stream(),
            ))
        }
    };
    let args = darling::ast::NestedMeta::parse_meta_list(args)
        .map_err(darling::Error::from)
        .and_then(|items| RawArgs::from_list(&items));
    Ok(RawFfi { args, item })
}
