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
    let raw = match parse::parse(args, item) {
        Ok(raw) => raw,
        Err((error, item)) => return crate::util::with_errors(&error, item),
    };
    match check::check(raw) {
        Ok(model) => emit::expand(&model),
        Err(failed) => {
            let (errors, fallback) = *failed;
            crate::util::with_errors(&errors, emit::fallback(&fallback))
        }
    }
}
