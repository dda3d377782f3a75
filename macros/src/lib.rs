//! Procedural macros of palisade. Use them through the `palisade` crate, which also
//! provides the runtime they expand to.
//!
//! Each entry point only converts tokens and calls a plain function over
//! `proc_macro2::TokenStream`, so every expansion is testable without a compiler.

mod audit;
mod builder;
mod ffi;
mod rules;
#[cfg(test)]
mod tests;
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
///
/// Options: `operation = "name"`, `skip(a, b)`, `skip_all`, `redact(x)`,
/// `resources(x, y)`, `args(a, b)`, `debug(x)`, `start`, `result`, `crate = "path"`.
///
/// - The outcome is read from what the call produced: an `Err` is a `failure` (its
///   `Display` text, at most `audit::MAX_DETAIL_LEN` bytes, scrubbed of redacted
///   arguments), a panic is a `panic` with its message; a returned future
///   (`async fn`, `impl Future`, `Pin<Box<dyn Future>>`, `BoxFuture`) is audited when
///   it completes. Return types that hide the outcome (a named future type, a bare
///   type parameter without `audit::AuditOutcome`, `Result<T, E>` with an unbounded
///   generic `E`) are compile errors naming the fix.
/// - Arguments are captured through `audit::AuditValue` or (feature `serde`)
///   `Serialize`, with sensitive names redacted at every depth; `Debug` only with
///   `debug(x)`; anything else is a placeholder naming its type.
/// - With `#[ffi_safe(on_panic = ..)]`, either order records the panic.
#[proc_macro_attribute]
pub fn audit_log(args: TokenStream, input: TokenStream) -> TokenStream {
    audit::expand(args.into(), input.into()).into()
}
