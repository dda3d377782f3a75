//! What `#[audit_log]` expands to: a [`Call`] begun before the body, finished with
//! the body's outcome, and emitting `panic` (with the panic's message) if the body
//! panics.

// The runtime is `no_std`; auditing needs the standard library.
use std::prelude::rust_2021::*;
use std::thread_local;

use std::any::Any;
use std::borrow::Cow;
use std::cell::RefCell;
use std::fmt::{self, Write as _};
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::capture::ArgsWriter;
use super::event::{AuditEvent, BuildInfo, EventId, Outcome, Phase};
use super::outcome::{Detail, IntoFinish};
use super::secret::scrub;

/// `error_detail` is cut after this many bytes, with a `…[truncated]` marker.
pub const MAX_DETAIL_LEN: usize = 4096;

/// Everything about an audited function that is known when it compiles.
pub struct CallSite {
    /// The operation's name.
    pub operation: &'static str,
    /// `module_path!()`.
    pub module: &'static str,
    /// Whether to emit a start event.
    pub start: bool,
    /// Whether the function returns a future (not an `async fn`): its start event
    /// waits for the first poll, where `with_actor_async` names the actor.
    pub returns_future: bool,
    /// `CARGO_PKG_NAME` of the audited crate.
    pub crate_name: &'static str,
    /// `CARGO_PKG_VERSION` of the audited crate.
    pub version: &'static str,
    /// `debug` or `release`.
    pub profile: &'static str,
}

thread_local! {
    /// The message of the panic unwinding through this thread's audited calls.
    static PANIC_MESSAGE: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Where the arguments and the resources end in a call's captured text.
#[derive(Clone, Copy)]
struct Ends {
    args: usize,
    resources: usize,
}

/// An audited call in progress.
pub struct Call {
    site: &'static CallSite,
    id: EventId,
    started: Instant,
    /// The actor of a `with_actor` scope; `None` for `$USER` (a `&'static str`, so
    /// the common case touches no reference count shared by every thread).
    actor: Option<Arc<str>>,
    /// `{args}`, `[resources]`, then `{metadata}` when there is some: one buffer for
    /// all; borrowed when there are none.
    captured: Cow<'static, str>,
    ends: Ends,
    /// The text of the redacted arguments, scrubbed from `error_detail`.
    secrets: Vec<String>,
    finished: bool,
}

impl Call {
    /// Starts a call: captures the arguments (once, before the body can move them)
    /// and emits the start event when the site asks for one.
    pub fn begin(site: &'static CallSite, capture: impl FnOnce(&mut ArgsWriter)) -> Self {
        let mut writer = ArgsWriter::new();
        // A value's `AuditValue` or `Serialize` that panics costs the arguments, not
        // the event (or the call).
        let captured = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            capture(&mut writer);
        }));
        if captured.is_err() {
            writer = ArgsWriter::new();
            writer.key("[capture panicked]");
            writer.out.push_str("true");
        }
        let (args_end, resources_end) = match (writer.args_end, writer.resources_end) {
            (Some(args_end), Some(resources_end)) => {
                writer.out.push('}');
                (args_end, resources_end)
            }
            (Some(end), None) => {
                writer.out.push(']');
                (end, writer.out.len())
            }
            (None, _) => {
                writer.out.push('}');
                let end = writer.out.len();
                writer.out.push_str("[]");
                (end, writer.out.len())
            }
        };
        let ends = Ends {
            args: args_end,
            resources: resources_end,
        };
        Self::start(site, Cow::Owned(writer.out), ends, writer.secrets)
    }

    /// Starts a call of a function that logs no arguments or resources; this one does
    /// not allocate.
    pub fn begin_bare(site: &'static CallSite) -> Self {
        let ends = Ends {
            args: 2,
            resources: 4,
        };
        Self::start(site, Cow::Borrowed("{}[]"), ends, Vec::new())
    }

    /// The call, its start event emitted when the site asks for one.
    fn start(
        site: &'static CallSite,
        captured: Cow<'static, str>,
        ends: Ends,
        secrets: Vec<String>,
    ) -> Self {
        let actor = super::scoped_actor();
        let started = Instant::now();
        let call = Call {
            site,
            id: EventId::at(started),
            started,
            actor,
            ends,
            captured,
            secrets,
            finished: false,
        };
        if site.start && !site.returns_future {
            call.emit(Phase::Start, Outcome::Pending, Duration::ZERO, None);
        }
        call
    }

    /// Runs a synchronous body; a panic's message is kept for the `panic` event, and
    /// the panic goes on.
    pub fn run<R>(&self, body: impl FnOnce() -> R) -> R {
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(body)) {
            Ok(value) => value,
            Err(payload) => {
                // Read by `Drop` while the panic unwinds through the call, on this
                // thread; a thread-local keeps `Call` small on the passing path.
                PANIC_MESSAGE.with(|slot| *slot.borrow_mut() = Some(panic_message(&*payload)));
                std::panic::resume_unwind(payload)
            }
        }
    }

    /// A returned future's first poll: a `with_actor_async` scope around it names the
    /// actor when none was in scope where the future was created, and the start event
    /// is emitted.
    pub(crate) fn first_poll(&mut self) {
        if self.actor.is_none() {
            self.actor = super::scoped_actor();
        }
        if self.site.start && self.site.returns_future {
            self.emit(Phase::Start, Outcome::Pending, Duration::ZERO, None);
        }
    }

    /// Emits the finish event for a body that returned.
    pub fn finish<'a>(mut self, finish: impl IntoFinish<'a>) {
        let finish = finish.into_finish();
        self.finished = true;
        let duration = self.started.elapsed();
        let detail = match finish.detail {
            Detail::None => None,
            Detail::Display(error) => Some(self.render(error)),
            Detail::Debug(error) => Some(self.render(&DebugText(error))),
            Detail::TypeName(name) => Some(format!(
                "error of type `{name}`, which has no `Display` or `Debug` where it is audited"
            )),
        };
        self.emit(
            Phase::Finish,
            finish.outcome,
            duration,
            detail.as_ref().map(|text| text as &dyn fmt::Display),
        );
    }

    /// Emits the finish event for a body that panicked with `payload` (the panic was
    /// caught and is resumed by the caller).
    pub(crate) fn panicked(mut self, payload: &(dyn Any + Send)) {
        self.finished = true;
        let message = self.scrubbed(panic_message(payload));
        self.emit(
            Phase::Finish,
            Outcome::Panic,
            self.started.elapsed(),
            Some(&message),
        );
    }

    /// `detail`'s `Display` text, cut at [`MAX_DETAIL_LEN`] bytes and scrubbed of the
    /// redacted arguments' text; a `Display` that panics is recorded as a placeholder.
    fn render(&self, detail: &dyn fmt::Display) -> String {
        let longest = self.secrets.iter().map(String::len).max().unwrap_or(0);
        let mut text = String::new();
        let mut limited = Limited {
            out: &mut text,
            left: MAX_DETAIL_LEN + longest,
        };
        let written =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| write!(limited, "{detail}")));
        match written {
            Ok(Ok(())) => self.scrubbed(text),
            Ok(Err(_)) => {
                let mut text = self.scrubbed(text);
                cut(&mut text);
                text.push_str("…[truncated]");
                text
            }
            Err(_) => "[Display panicked]".to_owned(),
        }
    }

    /// `text` with every redacted argument's text replaced, cut at
    /// [`MAX_DETAIL_LEN`].
    fn scrubbed(&self, mut text: String) -> String {
        scrub(&mut text, &self.secrets);
        if text.len() > MAX_DETAIL_LEN {
            cut(&mut text);
            text.push_str("…[truncated]");
        }
        text
    }

    fn emit(
        &self,
        phase: Phase,
        outcome: Outcome,
        duration: Duration,
        detail: Option<&dyn fmt::Display>,
    ) {
        let (change_ticket, environment) = super::deployment();
        let (args_json, rest) = self.captured.split_at(self.ends.args);
        let (resources_json, metadata_json) = rest.split_at(self.ends.resources - self.ends.args);
        let event = AuditEvent {
            timestamp: super::id::wall_time(self.started + duration),
            id: self.id,
            phase,
            operation: self.site.operation,
            module: self.site.module,
            outcome,
            duration,
            actor: match &self.actor {
                Some(actor) => actor,
                None => super::user(),
            },
            change_ticket: change_ticket.as_deref(),
            environment,
            args_json,
            resources_json,
            metadata_json,
            error_detail: detail,
            build: BuildInfo {
                crate_name: self.site.crate_name,
                version: self.site.version,
                rustc: env!("PALISADE_RUSTC_VERSION"),
                target: env!("PALISADE_TARGET"),
                profile: self.site.profile,
            },
        };
        super::dispatch(&event);
    }
}

impl Drop for Call {
    fn drop(&mut self) {
        if !self.finished {
            self.finish_unfinished();
        }
        if let Cow::Owned(buffer) = std::mem::take(&mut self.captured) {
            super::capture::give_back(buffer);
        }
    }
}

impl Call {
    /// The finish event of a call dropped before `finish`: unwinding from a panic,
    /// or a future dropped before it completed.
    fn finish_unfinished(&mut self) {
        if std::thread::panicking() {
            let message = PANIC_MESSAGE
                .try_with(|slot| slot.borrow_mut().take())
                .ok()
                .flatten()
                .map_or_else(|| "panicked".to_owned(), |message| self.scrubbed(message));
            self.emit(
                Phase::Finish,
                Outcome::Panic,
                self.started.elapsed(),
                Some(&message),
            );
        } else {
            // A future dropped before it completed.
            self.emit(
                Phase::Finish,
                Outcome::Failure,
                self.started.elapsed(),
                Some(&"cancelled before completion"),
            );
        }
    }
}

/// A panic's message: the `&str` or `String` it was given, else a placeholder.
fn panic_message(payload: &(dyn Any + Send)) -> String {
    if let Some(text) = payload.downcast_ref::<&str>() {
        (*text).to_owned()
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else {
        "panicked (the payload is not a string)".to_owned()
    }
}

/// Cuts `text` to at most [`MAX_DETAIL_LEN`] bytes, on a character boundary.
fn cut(text: &mut String) {
    let mut end = MAX_DETAIL_LEN.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.truncate(end);
}

/// A `fmt::Write` into a `String` that stops once `left` bytes are written.
struct Limited<'a> {
    out: &'a mut String,
    left: usize,
}

impl fmt::Write for Limited<'_> {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        if text.len() > self.left {
            let mut end = self.left;
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            self.out.push_str(&text[..end]);
            self.left = 0;
            return Err(fmt::Error);
        }
        self.left -= text.len();
        self.out.push_str(text);
        Ok(())
    }
}

/// Shows a `Debug` error where a `Display` one is expected.
struct DebugText<'a>(&'a dyn fmt::Debug);

impl fmt::Display for DebugText<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.0)
    }
}

/// The body of a function returning `!` ended, which it cannot.
fn diverged() -> ! {
    unreachable!("a function returning `!` returned")
}

/// `Box::pin`, for futures returned as `Pin<Box<dyn Future ..>>`.
pub fn boxed<F>(future: F) -> std::pin::Pin<Box<F>> {
    Box::pin(future)
}

/// Runs the body of a function returning `!`: it only ends by panicking, which is
/// recorded like any other.
pub fn never<R>(call: &Call, body: impl FnOnce() -> R) -> ! {
    let _ = call.run(body);
    diverged()
}
