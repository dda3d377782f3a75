//! `#[audit_log]`: parse → check → emit.

pub mod check;
pub mod emit;
pub mod model;
pub mod names;
pub mod parse;

use proc_macro2::TokenStream;

/// Expands `#[audit_log(args)]` on a function.
pub fn expand(args: TokenStream, item: TokenStream) -> TokenStream {
    let raw = match parse::parse(args, item) {
        Ok(raw) => raw,
        Err((error, item)) => return crate::util::with_errors(&error, item),
    };
    match check::check(raw) {
        Ok(model) => emit::expand(&model),
        Err(failed) => {
            let (errors, item) = *failed;
            crate::util::with_errors(&errors, item)
        }
    }
}
