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

/// Implements `Validate` from `#[validate(...)]` field rules and `#[invariant(...)]`s.
/// See the `palisade` crate for the rules.
#[proc_macro_derive(Validate, attributes(validate, invariant))]
pub fn derive_validate(input: TokenStream) -> TokenStream {
    derive_validate::expand(input.into()).into()
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
/// cross an FFI boundary, with layout assertions, C descriptions and prototypes.
///
/// **Nothing C can put in a value is undefined behaviour.** What C writes (an
/// `extern "C" fn` parameter, a struct field) must implement `palisade::ffi::FromC`:
/// valid for every bit pattern. What Rust writes (a result) must implement
/// `palisade::ffi::FfiSafe`: a C layout.
///
/// | type C passes | take instead |
/// |---|---|
/// | `bool`, an `#[ffi_safe]` enum, `NonZero*` | `palisade::ffi::Checked<T>`, then `.get()` |
/// | a `#[validated]` `#[ffi_safe]` struct | `Checked<T>` (its `get()` runs the rules) |
/// | `&T`, `&mut T`, `NonNull<T>`, `Box<T>`, `extern "C" fn` | `Option<…>` (NULL is `None`) |
/// | `[bool; N]` | `[Checked<bool>; N]` |
/// | `String`, `&str` / `Vec<T>`, `&[T]` | `FfiStr` or `*const c_char` / `FfiSlice<T>` |
///
/// On a **struct** (`#[repr(C)]` or `#[repr(transparent)]`, in either order):
/// `FfiSafe`, `FromC` (or `CheckedRepr`, so C passes it as `Checked<T>`, when it has
/// checks: `#[validated]` above `#[ffi_safe]` (which tells it), `#[derive(Validate)]`,
/// `#[validate]` or `#[invariant]` below it, or the `validated` option for a
/// hand-written `Validate` impl; a `Validate` impl `#[ffi_safe]` cannot see is refused
/// with that fix), and `CType`.
/// Options, each a compile-time assertion naming the type and both figures:
/// `size = N`, `align = N`, `no_padding` (padding at every depth: between, after and
/// inside fields), per field `#[ffi(offset = K)]`; and `c_name = "Name"`, its name in
/// C headers when two Rust types share one.
///
/// On a **fieldless enum** with an integer repr: `TryFrom<Repr>` (unknown values are
/// an `InvalidDiscriminant`, never a transmute), `to_raw()`, `CheckedRepr`, `CType`.
///
/// On an **`extern "C" fn`**: every parameter `FromC`, the result `FfiSafe`;
/// `on_panic = EXPR` returns `EXPR` instead of aborting on a panic. With
/// `#[unsafe(no_mangle)]` / `#[no_mangle]` / `#[unsafe(export_name = "...")]` it
/// describes its C prototype: `CHeader::new("x.h").function::<name>()`.
///
/// ```ignore
/// use palisade::ffi::{CHeader, Checked};
/// use palisade::ffi_safe;
///
/// #[ffi_safe]
/// #[repr(u8)]
/// #[derive(Clone, Copy)]
/// pub enum Mode { Off = 0, On = 1 }
///
/// #[ffi_safe(size = 8, no_padding)]
/// #[repr(C)]
/// pub struct Command { id: u32, mode: Checked<Mode>, _reserved: [u8; 3] }
///
/// #[ffi_safe(on_panic = -1)]
/// #[unsafe(no_mangle)]
/// pub extern "C" fn run(command: Command) -> i32 {
///     match command.mode.get() { Ok(Mode::On) => 1, Ok(Mode::Off) => 0, Err(_) => -2 }
/// }
///
/// let header = CHeader::new("cmd.h").with::<Command>().function::<run>().render()?;
/// ```
///
/// The `palisade` crate's README has the full guide; its examples are tested.
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
