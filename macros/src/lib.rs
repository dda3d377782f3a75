//! Procedural macros of palisade. Use them through the `palisade` crate, which also
//! provides the runtime they expand to.
//!
//! Each entry point only converts tokens and calls a plain function over
//! `proc_macro2::TokenStream`, so every expansion is testable without a compiler.

mod audit;
mod builder;
mod derive_validate;
mod ffi;
mod rules;
#[cfg(test)]
mod tests;
mod util;
mod validated;

use proc_macro::TokenStream;

#[doc = include_str!("../docs/validate.md")]
#[proc_macro_derive(Validate, attributes(validate, invariant))]
pub fn derive_validate(input: TokenStream) -> TokenStream {
    derive_validate::expand(input.into()).into()
}

#[doc = include_str!("../docs/validated.md")]
#[proc_macro_attribute]
pub fn validated(args: TokenStream, input: TokenStream) -> TokenStream {
    validated::expand(args.into(), input.into()).into()
}

#[doc = include_str!("../docs/builder.md")]
#[proc_macro_derive(Builder, attributes(builder))]
pub fn derive_builder(input: TokenStream) -> TokenStream {
    builder::expand(input.into()).into()
}

#[doc = include_str!("../docs/ffi_safe.md")]
#[proc_macro_attribute]
pub fn ffi_safe(args: TokenStream, input: TokenStream) -> TokenStream {
    ffi::expand(args.into(), input.into()).into()
}

#[doc = include_str!("../docs/audit_log.md")]
#[proc_macro_attribute]
pub fn audit_log(args: TokenStream, input: TokenStream) -> TokenStream {
    audit::expand(args.into(), input.into()).into()
}
