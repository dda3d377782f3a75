//! `#[derive(Validate)]`: parse → check → emit.

pub mod check;
pub mod emit;
pub mod parse;

use proc_macro2::TokenStream;

use crate::util::expand::Failed;

/// Expands `#[derive(Validate)]` on `input`.
pub fn expand(input: TokenStream) -> TokenStream {
    // A derive adds items next to the user's: when the input cannot be read there is
    // nothing to stand in for.
    let parsed = parse::parse(input).map_err(|errors| Failed::new(errors, TokenStream::new()));
    crate::util::expand::expand(parsed, check::check, emit::expand, emit::stub)
}
