//! The raw input of `#[validated]`: its arguments and the struct it is on.

use darling::util::Flag;
use darling::FromMeta;
use proc_macro2::TokenStream;
use quote::ToTokens;

/// The arguments of `#[validated(...)]`.
#[derive(Debug, Default, FromMeta)]
pub struct RawArgs {
    /// `serde`: derive `Serialize`, and a `Deserialize` that goes through `try_new`.
    pub serde: Flag,
    /// `crate = "path"`: where to find palisade when it is re-exported or renamed.
    #[darling(rename = "crate")]
    pub krate: Option<syn::Path>,
}

/// `#[validated]` before checking.
pub struct RawValidated {
    /// Its arguments, or the error reading them.
    pub args: darling::Result<RawArgs>,
    /// The struct.
    pub item: syn::ItemStruct,
}

/// Reads the arguments and the item. An item that is not a struct is refused here,
/// and handed back unchanged to be emitted next to the error.
pub fn parse(
    args: TokenStream,
    item: TokenStream,
) -> Result<RawValidated, (darling::Error, TokenStream)> {
    let item: syn::Item = match syn::parse2(item.clone()) {
        Ok(item) => item,
        Err(error) => return Err((error.into(), item)),
    };
    let item = match item {
        syn::Item::Struct(item) => item,
        syn::Item::Enum(item) => {
            return Err((
                darling::Error::custom(
                    "`#[validated]` applies to structs: an enum can hold any of its variants; use `#[derive(Validate)]` on it instead",
                )
                .with_span(&item.enum_token),
                item.into_token_stream(),
            ))
        }
        other => {
            return Err((
                darling::Error::custom(
                    "`#[validated]` applies to structs with named fields or to one-field tuple structs",
                )
                .with_span(&other),
                other.into_token_stream(),
            ))
        }
    };
    let args = darling::ast::NestedMeta::parse_meta_list(args)
        .map_err(darling::Error::from)
        .and_then(|items| RawArgs::from_list(&items));
    Ok(RawValidated { args, item })
}
