//! `#[derive(Builder)]`: parse → check → emit.

pub mod check;
pub mod emit;
pub mod parse;

use proc_macro2::TokenStream;

/// Expands `#[derive(Builder)]` on `input`.
pub fn expand(input: TokenStream) -> TokenStream {
    let raw = match parse::parse(input) {
        Ok(raw) => raw,
        Err(error) => return error.to_compile_error(),
    };
    match check::check(raw) {
        Ok(model) => emit::expand(&model),
        Err(failed) => {
            let (errors, model) = *failed;
            crate::util::with_errors(&errors, emit::expand(&model))
        }
    }
}
