//! The checked model of `#[audit_log]`: what `emit` needs and nothing to validate.

use crate::util::runtime_path::RuntimePath;

/// A checked `#[audit_log]`.
pub struct Model {
    /// Where generated code finds the runtime.
    pub runtime: RuntimePath,
    /// The function, its body possibly replaced by `body` (see [`PanicGuard`]).
    pub item: syn::ItemFn,
    /// The event's operation.
    pub operation: String,
    /// Whether to emit a start event.
    pub start: bool,
    /// What goes into `args`, in parameter order.
    pub args: Vec<Arg>,
    /// Parameters whose values go to `resources_affected`.
    pub resources: Vec<Resource>,
    /// `fields(name = EXPR)`: the event's `metadata`, in the order written.
    pub metadata: Vec<Metadata>,
    /// The text of every redacted parameter, kept to scrub it from `error_detail`.
    pub scrubbed: Vec<syn::Ident>,
    /// How the call's outcome is observed.
    pub returns: Returns,
    /// `#[ffi_safe(on_panic = ..)]` written above: its panic guard, moved outside.
    pub panic_guard: Option<PanicGuard>,
}

/// One parameter (or a name bound by a destructuring pattern) in `args`.
pub struct Arg {
    /// Its name.
    pub ident: syn::Ident,
    /// How its value is written.
    pub capture: Capture,
}

/// How a value is written.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Capture {
    /// Structurally (`AuditValue`, `Serialize`), else a placeholder.
    Value,
    /// Its `Debug` text (`debug(x)`).
    Debug,
    /// `"[REDACTED]"`.
    Redacted,
}

/// One parameter in `resources_affected`.
pub struct Resource {
    /// Its name.
    pub ident: syn::Ident,
    /// How its value is written (redacted like the same parameter in `args`).
    pub capture: Capture,
}

/// One entry of `metadata`.
pub struct Metadata {
    /// Its name.
    pub name: String,
    /// Its value, evaluated when the call starts.
    pub value: syn::Expr,
    /// `Redacted` when the name is sensitive, else `Value`.
    pub capture: Capture,
}

/// How the outcome of a call is observed.
pub enum Returns {
    /// An `async fn`: the outcome is its output, when it completes.
    Async,
    /// A value (its type when it can be named): the outcome is read from it.
    Value(Option<syn::Type>),
    /// `-> !`: only a panic ends the call.
    Never,
    /// `-> impl Future<Output = T>`: observed when the future completes.
    ImplFuture,
    /// `Pin<Box<dyn Future ..>>`, `BoxFuture`, `LocalBoxFuture`: observed when it
    /// completes, re-boxed.
    BoxedFuture(syn::Type),
}

/// The body that `#[ffi_safe(on_panic = ..)]` (written above `#[audit_log]`, so
/// expanded first) generated: statements, then `match catch_unwind(|| BODY) { Ok(v)
/// => v, Err(_) => FALLBACK }`. The call is audited inside the guard, so a panic is
/// recorded as `panic` before the guard turns it into the fallback value.
pub struct PanicGuard {
    /// The statements before the guard (compile-time layout checks).
    pub before: Vec<syn::Stmt>,
    /// The guard, its closure body replaced by the audited body when emitted.
    pub guard: syn::ExprMatch,
    /// The user's body, from inside the guard.
    pub body: syn::Block,
}
