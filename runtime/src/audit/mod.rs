//! Audit logging: structured JSON events for every call of an `#[audit_log]` function,
//! sent to pluggable sinks.
//!
//! An event records who (`actor`), what (`operation`, `module`, redacted `args`,
//! `resources_affected`), the `outcome` (`success`, `failure` with the error's
//! `Display` as `error_detail`, `panic`), how long the call took, and the build it ran
//! in. Sinks get each event as an [`AuditEvent`] and usually write
//! [`AuditEvent::write_json`]'s one line.
//!
//! A failing or panicking sink never changes the audited function's result:
//! failures are counted ([`sink_failures`]) and passed to the hook set with
//! [`set_error_hook`].

// The runtime is `no_std`; auditing needs the standard library.
use std::prelude::rust_2021::*;
use std::thread_local;

mod call;
mod event;
mod json;
mod secret;
mod sinks;

use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock, RwLock};

pub use event::{AuditEvent, BuildInfo, EventId, Outcome, Phase};
pub use secret::{is_sensitive_name, Secret, SENSITIVE_NAME_PARTS};
#[cfg(feature = "tracing")]
pub use sinks::TracingSink;
pub use sinks::{FanOut, JsonLinesFile, MemorySink, NoopSink, StderrSink};

#[doc(hidden)]
pub mod __private {
    pub use super::call::{
        run, ArgProbe, ArgsWriter, Call, CallSite, DebugArg, NumberArg, OpaqueArg, OutcomeProbe,
        ResultDebug, ResultDisplay, ResultOpaque, Success, TextArg,
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
}

impl<S: AuditSink + ?Sized> AuditSink for Arc<S> {
    fn record(&self, event: &AuditEvent<'_>) -> Result<(), SinkError> {
        (**self).record(event)
    }
}

static GLOBAL_SINK: OnceLock<Box<dyn AuditSink>> = OnceLock::new();
static FAILURES: AtomicU64 = AtomicU64::new(0);
type ErrorHook = Box<dyn Fn(&SinkError) + Send + Sync>;
static ERROR_HOOK: RwLock<Option<ErrorHook>> = RwLock::new(None);

thread_local! {
    static SCOPED_SINK: RefCell<Option<Arc<dyn AuditSink>>> = const { RefCell::new(None) };
    static ACTOR: RefCell<Option<Arc<str>>> = const { RefCell::new(None) };
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
/// installed globally; for tests. Scopes nest.
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
    let previous = SCOPED_SINK.with(|scoped| scoped.borrow_mut().replace(sink));
    ScopedSink { previous }
}

/// Restores the previous sink of this thread when dropped.
pub struct ScopedSink {
    previous: Option<Arc<dyn AuditSink>>,
}

impl Drop for ScopedSink {
    fn drop(&mut self) {
        let previous = self.previous.take();
        SCOPED_SINK.with(|scoped| *scoped.borrow_mut() = previous);
    }
}

/// Runs `body` with `actor` as the actor of every event it causes on this thread
/// (read when a call starts). Without it the actor is `$USER`.
pub fn with_actor<R>(actor: &str, body: impl FnOnce() -> R) -> R {
    struct Restore(Option<Arc<str>>);
    impl Drop for Restore {
        fn drop(&mut self) {
            let previous = self.0.take();
            ACTOR.with(|current| *current.borrow_mut() = previous);
        }
    }
    let previous = ACTOR.with(|current| current.borrow_mut().replace(Arc::from(actor)));
    let _restore = Restore(previous);
    body()
}

/// How many events sinks failed to record, in this process.
#[must_use]
pub fn sink_failures() -> u64 {
    FAILURES.load(Ordering::Relaxed)
}

/// Calls `hook` for every sink failure (after counting it). Replaces any previous hook.
pub fn set_error_hook(hook: impl Fn(&SinkError) + Send + Sync + 'static) {
    let mut slot = ERROR_HOOK
        .write()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    *slot = Some(Box::new(hook));
}

fn report_failure(error: &SinkError) {
    FAILURES.fetch_add(1, Ordering::Relaxed);
    let hook = ERROR_HOOK
        .read()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(hook) = hook.as_ref() {
        // A panicking hook must not take the audited call down either.
        let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| hook(error)));
    }
}

/// Sends `event` to this thread's scoped sink, else the installed one, else stderr;
/// a failure or a panic of the sink is counted and reported, never propagated.
fn dispatch(event: &AuditEvent<'_>) {
    let scoped = SCOPED_SINK.with(|scoped| scoped.borrow().clone());
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| match &scoped {
        Some(sink) => sink.record(event),
        None => match GLOBAL_SINK.get() {
            Some(sink) => sink.record(event),
            None => StderrSink.record(event),
        },
    }));
    match outcome {
        Ok(Ok(())) => {}
        Ok(Err(error)) => report_failure(&error),
        Err(_) => report_failure(&SinkError::Panicked),
    }
}

/// The actor of a call starting now on this thread.
fn current_actor() -> Arc<str> {
    static USER: OnceLock<Arc<str>> = OnceLock::new();
    ACTOR
        .with(|actor| actor.borrow().clone())
        .unwrap_or_else(|| {
            USER.get_or_init(|| {
                Arc::from(std::env::var("USER").unwrap_or_else(|_| "unknown".into()))
            })
            .clone()
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
