//! `#[validated]` on a function, a method or an `async fn`: every parameter with
//! `#[validate(...)]` is checked before the body runs, all failures together, and a
//! rejected call returns `Err(E::from(errors))`. parse → check → emit.

pub mod check;
pub mod emit;
pub mod parse;

use proc_macro2::TokenStream;

/// Expands `#[validated(args)]` on the function `item`.
pub fn expand(args: TokenStream, item: syn::ItemFn) -> TokenStream {
    crate::util::expand::expand(
        Ok(parse::parse(args, item)),
        check::check,
        emit::expand,
        emit::fallback,
    )
}
