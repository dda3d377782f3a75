//! Audit logging: structured JSON events for every call of an `#[audit_log]` function,
//! sent to pluggable sinks.
//!
//! An event records who (`actor`), what (`operation`, `module`, redacted `args`,
//! `resources_affected`), the `outcome` as observed (`success`, `failure` with the
//! error's `Display` as `error_detail`, `panic` with its message; a returned future
//! when it completes), how long the call took, and the build it ran in. Arguments
//! are captured structurally ([`AuditValue`], `Serialize`), with [`Secret`] values and
//! sensitive names ([`is_sensitive_name`]) redacted at every depth. Sinks get each
//! event as an [`AuditEvent`] and usually write [`AuditEvent::write_json`]'s one line.
//!
//! A failing or panicking sink never changes the audited function's result:
//! failures are counted ([`sink_failures`]) and passed to the hook set with
//! [`set_error_hook`].

// The runtime is `no_std`; auditing needs the standard library.
use std::prelude::rust_2021::*;
use std::thread_local;

mod background;
mod call;
mod capture;
#[cfg(feature = "chain")]
mod chain;
#[cfg(feature = "chain")]
mod chained_file;
mod event;
mod file;
mod future;
mod id;
#[cfg(feature = "journald")]
mod journald;
mod json;
#[cfg(feature = "otlp")]
mod otlp;
mod outcome;
mod owned;
mod secret;
#[cfg(any(feature = "syslog", feature = "journald", feature = "otlp"))]
mod severity;
#[cfg(feature = "chain")]
mod signing;
mod sinks;
#[cfg(feature = "syslog")]
mod syslog;

use std::cell::{Cell, RefCell};
use std::marker::PhantomData;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock, RwLock};

pub use background::{flush, flush_within, Background, FlushGuard, Overflow, MAX_BATCH};
pub use call::MAX_DETAIL_LEN;
pub use capture::{AuditValue, ValueWriter, MAX_VALUE_LEN};
#[cfg(feature = "chain")]
pub use chain::{
    line_hash, parse_hex_into, to_hex, Chain, Link, NotAChainLine, DEFAULT_CHECKPOINT_EVERY,
    DEFAULT_CHECKPOINT_INTERVAL, GENESIS_PREV,
};
pub use event::{AuditEvent, BuildInfo, EventId, Outcome, Phase};
pub use file::{Flush, JsonLinesFile, Rotation};
pub use future::{with_actor_async, WithActor};
#[cfg(feature = "journald")]
pub use journald::{JournaldSink, AUDIT_MESSAGE_ID, JOURNAL_SOCKET};
#[cfg(feature = "otlp")]
pub use otlp::OtlpSink;
pub use outcome::AuditOutcome;
pub use owned::{OwnedAuditEvent, INLINE_TEXT};
pub use secret::{
    is_sensitive_name, sensitive_names, Secret, SENSITIVE_NAME_PARTS, SENSITIVE_NAME_WORDS,
};
#[cfg(any(feature = "syslog", feature = "journald", feature = "otlp"))]
pub use severity::{Severity, SeverityMap};
#[cfg(feature = "chain")]
pub use signing::{Checkpoint, CheckpointEnd, KeyError, SigningKey, VerifyingKey, KEY_ENV_VAR};
#[cfg(feature = "tracing")]
pub use sinks::TracingSink;
pub use sinks::{FanOut, MemorySink, NoopSink, StderrSink};
#[cfg(feature = "syslog")]
pub use syslog::{Facility, SyslogSink, DEFAULT_MAX_MESSAGE, EXAMPLE_ENTERPRISE_ID};

#[doc(hidden)]
pub mod __private {
    pub use super::call::{boxed, never, Call, CallSite};
    pub use super::capture::{
        ArgProbe, ArgsWriter, KnownText, NoText, OpaqueArg, ScrubProbe, SerializeArg, StructuredArg,
    };
    pub use super::future::Observed;
    pub use super::outcome::{
        Declared, Finish, OutcomeProbe, ResultDebug, ResultDisplay, ResultOpaque, Success,
        UnobservedFuture,
    };
}

/// Why a sink could not record an event.
#[derive(Debug, thiserror::Error)]
pub enum SinkError {
    /// Writing failed.
    #[error("audit sink I/O error: {0}")]
    Io(#[from] std::io::Error),
    /// Only part of an event's line was written; the line is incomplete.
    #[error("audit sink wrote {written} of {len} bytes of an event")]
    ShortWrite {
        /// Bytes written.
        written: usize,
        /// Bytes in the line.
        len: usize,
    },
    /// The sink panicked; the panic was caught.
    #[error("audit sink panicked")]
    Panicked,
    /// An event caused while a sink was recording another on the same thread (a sink
    /// that calls an audited function) was dropped, so that it cannot recurse.
    #[error("an audit event raised inside a sink was dropped")]
    Reentrant,
    /// Events were dropped because a [`Background`] queue with
    /// [`Overflow::DropNewest`] was full. Each dropped event is counted in
    /// [`sink_failures`] when it is dropped; this error reaches the hook once per gap
    /// record, with how many events the gap stands for.
    #[error("{0} audit events dropped: the background queue was full")]
    Dropped(u64),
    /// A [`JsonLinesFile`] could not rotate; the event was written to the current file
    /// (so it is not counted as a failure) and rotation is tried again on the next one.
    #[error("audit file rotation failed: {0}")]
    Rotation(std::io::Error),
    /// Any other failure a sink reports.
    #[error("{0}")]
    Other(String),
}

/// Where audit events go. Implementations must be cheap to call from many threads.
///
/// ```
/// use palisade::audit::{AuditEvent, AuditSink, SinkError};
///
/// struct CountLines(std::sync::atomic::AtomicUsize);
///
/// impl AuditSink for CountLines {
///     fn record(&self, _event: &AuditEvent<'_>) -> Result<(), SinkError> {
///         self.0.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
///         Ok(())
///     }
/// }
/// ```
pub trait AuditSink: Send + Sync {
    /// Records one event.
    ///
    /// # Errors
    /// Whatever kept the event from being recorded; it is counted, passed to the
    /// error hook, and otherwise ignored.
    fn record(&self, event: &AuditEvent<'_>) -> Result<(), SinkError>;

    /// Records several events in order, calling `failed` once for each event it could
    /// not record. [`Background`]'s writer hands its sink what it drained from the
    /// queue in one call, so a sink that can write many events at once
    /// ([`JsonLinesFile`]: one `write` for the whole batch) overrides this.
    ///
    /// The default records each event with [`record`](Self::record); a panic there is
    /// caught and reported as [`SinkError::Panicked`] for that event alone.
    fn record_batch(&self, events: &[AuditEvent<'_>], failed: &mut dyn FnMut(SinkError)) {
        for event in events {
            match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.record(event))) {
                Ok(Ok(())) => {}
                Ok(Err(error)) => failed(error),
                Err(_) => failed(SinkError::Panicked),
            }
        }
    }

    /// Pushes what was recorded so far as far towards its destination as the sink
    /// goes ([`JsonLinesFile`]: `fdatasync`; [`Background`]: waits until its writer
    /// has written everything enqueued before). Called by [`flush`] and on
    /// [`FlushGuard`]'s drop. The default does nothing.
    ///
    /// # Errors
    /// Whatever kept the sink from flushing.
    fn flush(&self) -> Result<(), SinkError> {
        Ok(())
    }
}

impl<S: AuditSink + ?Sized> AuditSink for Arc<S> {
    fn record(&self, event: &AuditEvent<'_>) -> Result<(), SinkError> {
        (**self).record(event)
    }

    fn record_batch(&self, events: &[AuditEvent<'_>], failed: &mut dyn FnMut(SinkError)) {
        (**self).record_batch(events, failed);
    }

    fn flush(&self) -> Result<(), SinkError> {
        (**self).flush()
    }
}

impl<S: AuditSink + ?Sized> AuditSink for Box<S> {
    fn record(&self, event: &AuditEvent<'_>) -> Result<(), SinkError> {
        (**self).record(event)
    }

    fn record_batch(&self, events: &[AuditEvent<'_>], failed: &mut dyn FnMut(SinkError)) {
        (**self).record_batch(events, failed);
    }

    fn flush(&self) -> Result<(), SinkError> {
        (**self).flush()
    }
}

static GLOBAL_SINK: OnceLock<Box<dyn AuditSink>> = OnceLock::new();
static FAILURES: AtomicU64 = AtomicU64::new(0);
static NEXT_SCOPE: AtomicU64 = AtomicU64::new(0);
type ErrorHook = Arc<dyn Fn(&SinkError) + Send + Sync>;
static ERROR_HOOK: RwLock<Option<ErrorHook>> = RwLock::new(None);

thread_local! {
    /// The scoped sinks of this thread, innermost last, each with its guard's number.
    static SCOPED_SINKS: RefCell<Vec<(u64, Arc<dyn AuditSink>)>> = const {
        RefCell::new(Vec::new()) };
    static ACTOR: RefCell<Option<Arc<str>>> = const { RefCell::new(None) };
    /// Set while a sink records an event on this thread.
    static IN_SINK: Cell<bool> = const { Cell::new(false) };
    /// Set while the error hook runs on this thread.
    static IN_HOOK: Cell<bool> = const { Cell::new(false) };
}

/// `install` was called before: the global sink is set once per process.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("an audit sink is already installed")]
pub struct AlreadyInstalled;

/// Installs the process-wide sink. Until then events go to [`StderrSink`].
///
/// # Errors
/// [`AlreadyInstalled`] when a sink was installed before.
pub fn install(sink: impl AuditSink + 'static) -> Result<(), AlreadyInstalled> {
    GLOBAL_SINK
        .set(Box::new(sink))
        .map_err(|_| AlreadyInstalled)
}

/// Sends this thread's events to `sink` until the guard is dropped, whatever is
/// installed globally; for tests. Scopes nest, and a guard dropped out of order
/// removes its own sink only (the innermost sink still alive receives events). The
/// guard is `!Send`: it must be dropped on the thread whose events it redirects.
///
/// ```
/// use std::sync::Arc;
/// use palisade::audit::{self, MemorySink};
///
/// #[palisade::audit_log]
/// fn ping() {}
///
/// let sink = Arc::new(MemorySink::new());
/// {
///     let _scope = audit::scoped_sink(sink.clone());
///     ping();
/// }
/// assert_eq!(sink.events().len(), 1);
/// assert_eq!(sink.events()[0]["operation"], "ping");
/// ```
#[must_use = "the override ends when the guard is dropped"]
pub fn scoped_sink(sink: Arc<dyn AuditSink>) -> ScopedSink {
    let id = NEXT_SCOPE.fetch_add(1, Ordering::Relaxed);
    SCOPED_SINKS.with(|scoped| scoped.borrow_mut().push((id, sink)));
    ScopedSink {
        id,
        _not_send: PhantomData,
    }
}

/// Removes its sink from this thread's scoped sinks when dropped.
pub struct ScopedSink {
    id: u64,
    /// The sink is this thread's: the guard stays on it.
    _not_send: PhantomData<*const ()>,
}

impl Drop for ScopedSink {
    fn drop(&mut self) {
        let id = self.id;
        // `try_with`: a guard in a thread-local may be dropped after the list.
        let _ = SCOPED_SINKS.try_with(|scoped| {
            scoped.borrow_mut().retain(|(scope, _)| *scope != id);
        });
    }
}

/// Sets the actor of this thread until dropped, then puts the previous one back.
pub(crate) struct ActorScope(Option<Arc<str>>);

impl ActorScope {
    pub(crate) fn enter(actor: Arc<str>) -> Self {
        ActorScope(ACTOR.with(|current| current.borrow_mut().replace(actor)))
    }
}

impl Drop for ActorScope {
    fn drop(&mut self) {
        let previous = self.0.take();
        let _ = ACTOR.try_with(|current| *current.borrow_mut() = previous);
    }
}

/// Runs `body` with `actor` as the actor of every event it causes on this thread
/// (read when a call starts). Without it the actor is `$USER`. For futures, use
/// [`with_actor_async`], which holds across `.await`.
pub fn with_actor<R>(actor: &str, body: impl FnOnce() -> R) -> R {
    let _scope = ActorScope::enter(Arc::from(actor));
    body()
}

/// The actor set by the innermost [`with_actor`] or [`with_actor_async`] around
/// this point, if any: pass it to `with_actor_async` to carry it into a spawned task.
#[must_use]
pub fn actor() -> Option<Arc<str>> {
    ACTOR.with(|actor| actor.borrow().clone())
}

/// How many events sinks failed to record, in this process (events raised inside a
/// sink and dropped included).
#[must_use]
pub fn sink_failures() -> u64 {
    FAILURES.load(Ordering::Relaxed)
}

/// Calls `hook` for every sink failure (after counting it). Replaces any previous hook.
/// The hook may call `set_error_hook` itself; failures that happen while the hook runs
/// on the same thread are counted without calling it again.
pub fn set_error_hook(hook: impl Fn(&SinkError) + Send + Sync + 'static) {
    let mut slot = ERROR_HOOK
        .write()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    *slot = Some(Arc::new(hook));
}

fn report_failure(error: &SinkError) {
    count_failures(1);
    call_hook(error);
}

/// Counts `events` events that were not recorded.
pub(crate) fn count_failures(events: u64) {
    FAILURES.fetch_add(events, Ordering::Relaxed);
}

/// Passes `error` to the error hook, unless it is running on this thread already.
pub(crate) fn call_hook(error: &SinkError) {
    if IN_HOOK.try_with(Cell::get).unwrap_or(true) {
        return;
    }
    // The lock is released before the hook runs, so the hook can replace itself.
    let hook = ERROR_HOOK
        .read()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .clone();
    if let Some(hook) = hook {
        IN_HOOK.with(|flag| flag.set(true));
        // A panicking hook must not take the audited call down either.
        let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| hook(error)));
        IN_HOOK.with(|flag| flag.set(false));
    }
}

/// Sends `event` to this thread's innermost scoped sink, else the installed one,
/// else stderr; a failure or a panic of the sink is counted and reported, never
/// propagated. An event raised while a sink records another on this thread is
/// dropped and counted ([`SinkError::Reentrant`]): it cannot recurse.
fn dispatch(event: &AuditEvent<'_>) {
    if IN_SINK.with(Cell::get) {
        report_failure(&SinkError::Reentrant);
        return;
    }
    let scoped = SCOPED_SINKS.with(|scoped| scoped.borrow().last().map(|(_, sink)| sink.clone()));
    IN_SINK.with(|flag| flag.set(true));
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| match &scoped {
        Some(sink) => sink.record(event),
        None => match GLOBAL_SINK.get() {
            Some(sink) => sink.record(event),
            None => StderrSink.record(event),
        },
    }));
    IN_SINK.with(|flag| flag.set(false));
    match outcome {
        Ok(Ok(())) => {}
        Ok(Err(error)) => report_failure(&error),
        Err(_) => report_failure(&SinkError::Panicked),
    }
}

/// Marks this thread as recording events for a sink (or not): events its audited
/// calls raise meanwhile are dropped and counted instead of recursing. The
/// background writer holds it for good, so a sink it drives cannot enqueue into its
/// own (maybe full) queue and wait on itself.
pub(crate) fn set_in_sink(in_sink: bool) {
    let _ = IN_SINK.try_with(|flag| flag.set(in_sink));
}

/// The actor of a `with_actor`/`with_actor_async` scope around this point on this
/// thread, if any.
fn scoped_actor() -> Option<Arc<str>> {
    ACTOR.with(|actor| actor.borrow().clone())
}

/// `$USER` (or `unknown`), read once: the actor outside every scope.
fn user() -> &'static str {
    static USER: OnceLock<&'static str> = OnceLock::new();
    USER.get_or_init(|| {
        // Once per process: kept for its lifetime.
        String::leak(std::env::var("USER").unwrap_or_else(|_| "unknown".into()))
    })
}

/// `CHANGE_TICKET` and `ENVIRONMENT` (default `development`), read once.
fn deployment() -> &'static (Option<String>, String) {
    static DEPLOYMENT: OnceLock<(Option<String>, String)> = OnceLock::new();
    DEPLOYMENT.get_or_init(|| {
        (
            std::env::var("CHANGE_TICKET")
                .ok()
                .filter(|ticket| !ticket.is_empty()),
            std::env::var("ENVIRONMENT")
                .ok()
                .filter(|name| !name.is_empty())
                .unwrap_or_else(|| "development".into()),
        )
    })
}
