//! Typestate for `#[derive(Builder)]`: each field of a builder is [`Unset`] until its
//! setter runs and [`Set`] after, so `build()` can require every required field at
//! compile time. Everything here compiles away: a builder costs what a struct
//! literal costs.
//!
//! ```
//! use palisade::Builder;
//!
//! #[derive(Debug, Builder)]
//! pub struct Request {
//!     url: String,
//!     retries: u8,
//!     timeout_ms: Option<u64>,
//! }
//!
//! let request = Request::builder().url("https://example.com".into()).retries(3).build();
//! assert_eq!(request.timeout_ms, None);
//! ```
//!
//! ```compile_fail
//! # use palisade::Builder;
//! # #[derive(Builder)]
//! # pub struct Request { url: String, retries: u8 }
//! // error: missing required field `retries: u8`
//! let request = Request::builder().url("https://example.com".into()).build();
//! ```

/// The state of a field whose setter has not been called.
#[derive(Debug, Clone, Copy, Default)]
pub struct Unset;

/// The state of a field whose setter has been called, holding its value.
#[derive(Debug, Clone, Copy)]
pub struct Set<T>(T);

impl<T> Set<T> {
    /// Holds `value`.
    #[inline]
    pub const fn new(value: T) -> Self {
        Set(value)
    }

    /// The value held.
    #[inline]
    pub fn into_inner(self) -> T {
        self.0
    }
}

#[doc(hidden)]
/// Holds for the state of a required field once its setter ran; `build()` requires
/// it of every required field. `Builder` is the type being built and `Field` a marker
/// named after the field, so the error for a missing field names both.
#[diagnostic::on_unimplemented(
    message = "missing required field `{Field}: {V}` in `{Builder}::builder()`",
    label = "`{Field}` is not set",
    note = "call the field's setter before `.build()`"
)]
///
/// Sealed: only [`Set`] has it. (Its parameters name the user's types, so the orphan
/// rule alone would let a crate implement it for [`Unset`] and build with a field
/// missing; the supertrait, which no other crate can implement, closes that.)
pub trait IsSet<Builder: ?Sized, Field, V>: sealed::SetState {
    /// The value set.
    fn into_value(self) -> V;
}

#[diagnostic::do_not_recommend]
impl<Builder: ?Sized, Field, V> IsSet<Builder, Field, V> for Set<V> {
    #[inline]
    fn into_value(self) -> V {
        self.0
    }
}

#[doc(hidden)]
/// Holds for the state of a field whose setter has not run; every setter requires
/// it, so setting a field twice is an error that names it.
#[diagnostic::on_unimplemented(
    message = "field `{Field}` of `{Builder}::builder()` is set twice",
    label = "`{Field}` was already set",
    note = "each field is set once: remove the second call to its setter"
)]
///
/// Sealed: only [`Unset`] has it.
pub trait IsUnset<Builder: ?Sized, Field>: sealed::UnsetState {}

#[diagnostic::do_not_recommend]
impl<Builder: ?Sized, Field> IsUnset<Builder, Field> for Unset {}

mod sealed {
    /// The states a set field can be in: [`Set`](super::Set) only.
    pub trait SetState {}
    impl<V> SetState for super::Set<V> {}

    /// The states an unset field can be in: [`Unset`](super::Unset) only.
    pub trait UnsetState {}
    impl UnsetState for super::Unset {}
}

#[doc(hidden)]
/// A field that `build()` can fill in when it was not set: optional fields (`None`)
/// and fields with `#[builder(default)]`.
pub trait OrDefault<T> {
    /// The value set, or `default()` when none was.
    fn or_else(self, default: impl FnOnce() -> T) -> T;
}

impl<T> OrDefault<T> for Unset {
    #[inline]
    fn or_else(self, default: impl FnOnce() -> T) -> T {
        default()
    }
}

impl<T> OrDefault<T> for Set<T> {
    #[inline]
    fn or_else(self, _: impl FnOnce() -> T) -> T {
        self.0
    }
}

#[doc(hidden)]
/// Implemented by every `#[validated]` type. Their builders must go through
/// `try_new`, so a builder that would assemble one with a struct literal fails to
/// compile rather than skip the checks (see [`BuildsWithoutChecks`]).
pub trait Validated {}

#[doc(hidden)]
/// Implemented by the types whose builder assembles them with a struct literal. A
/// `#[validated]` type already has it, so a builder derived where it cannot tell the
/// type is validated (above `#[validated]` imported under another name; written
/// above it by its own name, the derive sees it and builds through `try_new`) is a
/// "conflicting implementations of trait `BuildsWithoutChecks`" error: move
/// `#[derive(Builder)]` below `#[validated]`.
pub trait BuildsWithoutChecks {}

impl<T: Validated + ?Sized> BuildsWithoutChecks for T {}
