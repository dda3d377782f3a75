//! `#[validated]`: parse → check → emit.

pub mod check;
pub mod derives;
pub mod emit;
pub mod hidden;
pub mod parse;
pub mod serde;

use proc_macro2::TokenStream;

/// Expands `#[validated(args)]` on `item`.
pub fn expand(args: TokenStream, item: TokenStream) -> TokenStream {
    crate::util::expand::expand(
        parse::parse(args, item),
        check::check,
        emit::expand,
        emit::fallback,
    )
}
