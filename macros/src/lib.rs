//! Procedural macros of palisade. Use them through the `palisade` crate, which also
//! provides the runtime they expand to.
//!
//! Each entry point only converts tokens and calls a plain function over
//! `proc_macro2::TokenStream`, so every expansion is testable without a compiler.

mod audit;
mod builder;
#[cfg(test)]
mod corpus;
mod ffi;
mod rules;
#[cfg(test)]
mod snapshots;
mod util;
mod validate;
mod validated;

use proc_macro::TokenStream;

/// Implements `Validate` from `#[validate(...)]` field rules and `#[invariant(...)]`s.
/// See the `palisade` crate for the rules.
#[proc_macro_derive(Validate, attributes(validate, invariant))]
pub fn derive_validate(input: TokenStream) -> TokenStream {
    validate::expand(input.into()).into()
}

/// Makes a struct that cannot hold an invalid value: private fields, a checked
/// `try_new`, getters and checked setters. See the `palisade` crate.
#[proc_macro_attribute]
pub fn validated(args: TokenStream, input: TokenStream) -> TokenStream {
    validated::expand(args.into(), input.into()).into()
}

/// Derives a typestate builder: `T::builder().field(v)...build()`, where `build()`
/// exists only once every required field is set. See the `palisade` crate.
#[proc_macro_derive(Builder, attributes(builder))]
pub fn derive_builder(input: TokenStream) -> TokenStream {
    builder::expand(input.into()).into()
}

/// Checks at compile time that a struct, a fieldless enum or an `extern "C" fn` can
/// cross an FFI boundary, with layout assertions and C descriptions. See the
/// `palisade` crate.
#[proc_macro_attribute]
pub fn ffi_safe(args: TokenStream, input: TokenStream) -> TokenStream {
    ffi::expand(args.into(), input.into()).into()
}

/// Records a structured audit event for every call of a function: who, what, the
/// outcome, the duration and the (redacted) arguments. See the `palisade` crate.
#[proc_macro_attribute]
pub fn audit_log(args: TokenStream, input: TokenStream) -> TokenStream {
    audit::expand(args.into(), input.into()).into()
}
