//! `#[audit_log]`: parse → check → emit.

pub mod check;
pub mod emit;
pub mod model;
pub mod names;
pub mod parse;

use proc_macro2::TokenStream;

/// Expands `#[audit_log(args)]` on a function.
pub fn expand(args: TokenStream, item: TokenStream) -> TokenStream {
    // The item is emitted as written next to the errors: its uses stay valid.
    crate::util::expand::expand(
        parse::parse(args, item),
        check::check,
        emit::expand,
        TokenStream::clone,
    )
}
