//! `#[ffi_safe]`: parse → check → emit, for structs, fieldless enums and
//! `extern "C"` functions.

pub mod check;
pub mod emit;
pub mod parse;

use proc_macro2::TokenStream;

/// Expands `#[ffi_safe(args)]` on `item`.
pub fn expand(args: TokenStream, item: TokenStream) -> TokenStream {
    crate::util::expand::expand(
        parse::parse(args, item),
        check::check,
        emit::expand,
        emit::fallback,
    )
}
