//! The macros' expansion functions as a plain library, for the fuzz targets: the same
//! source files as `palisade-macros`, without the `proc_macro` entry points.
#![allow(dead_code, unreachable_pub)]

#[path = "../../macros/src/audit/mod.rs"]
pub mod audit;
#[path = "../../macros/src/builder/mod.rs"]
pub mod builder;
#[path = "../../macros/src/ffi/mod.rs"]
pub mod ffi;
#[path = "../../macros/src/rules/mod.rs"]
pub mod rules;
#[path = "../../macros/src/util/mod.rs"]
pub mod util;
#[path = "../../macros/src/validate/mod.rs"]
pub mod validate;
#[path = "../../macros/src/validated/mod.rs"]
pub mod validated;

use proc_macro2::TokenStream;

/// Splits fuzz bytes into attribute arguments and an item: the first byte says how
/// many of the following bytes are arguments. `None` when the item does not parse.
pub fn split(data: &[u8]) -> Option<(TokenStream, TokenStream)> {
    // syn's recursive-descent parser can overflow the stack on thousands of nested
    // `<`/`(` (the fuzzer found `impl<<<<<…`); rustc's own parser bounds that nesting
    // before a macro ever runs, so such inputs are not the macros' to survive.
    if nesting(data) > 64 {
        return None;
    }
    let (&cut, rest) = data.split_first()?;
    let cut = usize::from(cut).min(rest.len());
    let (args, item) = rest.split_at(cut);
    let args: TokenStream = String::from_utf8_lossy(args).parse().ok()?;
    let item: syn::Item = syn::parse_str(&String::from_utf8_lossy(item)).ok()?;
    Some((args, quote::ToTokens::into_token_stream(item)))
}

/// The deepest nesting of brackets of any kind in `data`.
fn nesting(data: &[u8]) -> usize {
    let mut depth = 0usize;
    let mut deepest = 0;
    for byte in data {
        match byte {
            b'<' | b'(' | b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b'>' | b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}
