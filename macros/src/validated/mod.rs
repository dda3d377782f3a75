//! `#[validated]`: parse → check → emit.

pub mod check;
pub mod derives;
pub mod emit;
pub mod function;
pub mod hidden;
pub mod parse;
pub mod serde;

use proc_macro2::TokenStream;

/// Expands `#[validated(args)]` on `item`: a struct, or a function whose arguments
/// it checks.
pub fn expand(args: TokenStream, item: TokenStream) -> TokenStream {
    if let Ok(function) = syn::parse2::<syn::ItemFn>(item.clone()) {
        return function::expand(args, function);
    }
    crate::util::expand::expand(
        parse::parse(args, item),
        check::check,
        emit::expand,
        emit::fallback,
    )
}
