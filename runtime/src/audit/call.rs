//! What `#[audit_log]` expands to: a [`Call`] begun before the body, finished with
//! the body's outcome, and emitting `panic` if dropped while unwinding.

// The runtime is `no_std`; auditing needs the standard library.
use std::prelude::rust_2021::*;

use std::borrow::Cow;
use std::fmt::{self, Write as _};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant, SystemTime};

use super::event::{AuditEvent, BuildInfo, EventId, Outcome, Phase};
use super::json;
use super::secret::REDACTED;

/// Arguments longer than this (in bytes of JSON text) are cut, so an enormous value
/// cannot make an event enormous.
const MAX_VALUE_LEN: usize = 4096;

/// Runs the body of a synchronous audited function, so `return` and `?` in it keep
/// their meaning.
#[inline]
pub fn run<R>(body: impl FnOnce() -> R) -> R {
    body()
}

/// Everything about an audited function that is known when it compiles.
pub struct CallSite {
    /// The operation's name.
    pub operation: &'static str,
    /// `module_path!()`.
    pub module: &'static str,
    /// Whether to emit a start event.
    pub start: bool,
    /// `CARGO_PKG_NAME` of the audited crate.
    pub crate_name: &'static str,
    /// `CARGO_PKG_VERSION` of the audited crate.
    pub version: &'static str,
    /// `debug` or `release`.
    pub profile: &'static str,
}

fn next_id() -> EventId {
    static NONCE: OnceLock<u64> = OnceLock::new();
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nonce = *NONCE.get_or_init(|| {
        let nanos = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .unwrap_or_default()
            .as_nanos();
        // Truncating the nanoseconds keeps their fast-changing low bits.
        #[allow(clippy::cast_possible_truncation)]
        let nanos = nanos as u64;
        nanos ^ (u64::from(std::process::id()) << 32) ^ u64::from(std::process::id())
    });
    EventId((u128::from(nonce) << 64) | u128::from(COUNTER.fetch_add(1, Ordering::Relaxed)))
}

/// An audited call in progress.
pub struct Call {
    site: &'static CallSite,
    id: EventId,
    started: Instant,
    actor: Arc<str>,
    /// `{args}` then `[resources]`, one buffer for both; borrowed when there are none.
    captured: Cow<'static, str>,
    args_end: usize,
    finished: bool,
}

/// How the body ended, with the error's text for a failure.
pub struct Finish<'a> {
    outcome: Outcome,
    detail: Detail<'a>,
}

/// The error of a failed call, by what it implements.
enum Detail<'a> {
    None,
    Display(&'a dyn fmt::Display),
    Debug(&'a dyn fmt::Debug),
    Text(&'static str),
}

impl Call {
    /// Starts a call: captures the arguments (once, before the body can move them)
    /// and emits the start event when the site asks for one.
    pub fn begin(site: &'static CallSite, capture: impl FnOnce(&mut ArgsWriter)) -> Self {
        let mut writer = ArgsWriter {
            out: String::with_capacity(256),
            first: true,
            args_end: None,
        };
        writer.out.push('{');
        capture(&mut writer);
        let args_end = match writer.args_end {
            Some(end) => {
                writer.out.push(']');
                end
            }
            None => {
                writer.out.push('}');
                let end = writer.out.len();
                writer.out.push_str("[]");
                end
            }
        };
        Self::start(site, Cow::Owned(writer.out), args_end)
    }

    /// Starts a call of a function that logs no arguments or resources; this one does
    /// not allocate.
    pub fn begin_bare(site: &'static CallSite) -> Self {
        Self::start(site, Cow::Borrowed("{}[]"), 2)
    }

    /// The call, its start event emitted when the site asks for one.
    fn start(site: &'static CallSite, captured: Cow<'static, str>, args_end: usize) -> Self {
        let call = Call {
            site,
            id: next_id(),
            started: Instant::now(),
            actor: super::current_actor(),
            args_end,
            captured,
            finished: false,
        };
        if site.start {
            call.emit(Phase::Start, Outcome::Pending, Duration::ZERO, None);
        }
        call
    }

    /// Emits the finish event for a body that returned.
    pub fn finish(mut self, finish: Finish<'_>) {
        self.finished = true;
        let duration = self.started.elapsed();
        match finish.detail {
            Detail::None => self.emit(Phase::Finish, finish.outcome, duration, None),
            Detail::Display(error) => {
                self.emit(Phase::Finish, finish.outcome, duration, Some(error))
            }
            Detail::Debug(error) => self.emit(
                Phase::Finish,
                finish.outcome,
                duration,
                Some(&DebugText(error)),
            ),
            Detail::Text(text) => self.emit(Phase::Finish, finish.outcome, duration, Some(&text)),
        }
    }

    fn emit(
        &self,
        phase: Phase,
        outcome: Outcome,
        duration: Duration,
        detail: Option<&dyn fmt::Display>,
    ) {
        let (change_ticket, environment) = super::deployment();
        let (args_json, resources_json) = self.captured.split_at(self.args_end);
        let event = AuditEvent {
            timestamp: SystemTime::now(),
            id: self.id,
            phase,
            operation: self.site.operation,
            module: self.site.module,
            outcome,
            duration,
            actor: &self.actor,
            change_ticket: change_ticket.as_deref(),
            environment,
            args_json,
            resources_json,
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
        if self.finished {
            return;
        }
        if std::thread::panicking() {
            self.emit(
                Phase::Finish,
                Outcome::Panic,
                self.started.elapsed(),
                Some(&"panicked"),
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

/// Writes the arguments object and the resources array of a call.
pub struct ArgsWriter {
    out: String,
    first: bool,
    /// Where the arguments object ends, once the resources started.
    args_end: Option<usize>,
}

impl ArgsWriter {
    /// Starts the argument `name`; its value follows.
    pub fn key(&mut self, name: &str) {
        if !std::mem::replace(&mut self.first, false) {
            self.out.push(',');
        }
        json::push_string(&mut self.out, name);
        self.out.push(':');
    }

    /// Writes `name` as redacted.
    pub fn redacted(&mut self, name: &str) {
        self.key(name);
        json::push_string(&mut self.out, REDACTED);
    }

    /// Closes the arguments and starts the resources array.
    pub fn resources(&mut self) {
        self.out.push('}');
        self.args_end = Some(self.out.len());
        self.out.push('[');
        self.first = true;
    }

    /// Starts the next resource; its value follows.
    pub fn item(&mut self) {
        if !std::mem::replace(&mut self.first, false) {
            self.out.push(',');
        }
    }

    fn number(&mut self, value: impl fmt::Display) {
        let _ = write!(self.out, "{value}");
    }

    fn text(&mut self, text: &str) {
        let cut = if text.len() > MAX_VALUE_LEN {
            let mut end = MAX_VALUE_LEN;
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            Some(end)
        } else {
            None
        };
        match cut {
            Some(end) => {
                self.out.push('"');
                json::escape_into(&mut self.out, &text[..end]);
                let _ = write!(self.out, "…[{} more bytes]\"", text.len() - end);
            }
            None => json::push_string(&mut self.out, text),
        }
    }

    fn debug(&mut self, value: &dyn fmt::Debug) {
        self.out.push('"');
        let mark = self.out.len();
        let mut limited = json::Escaping {
            out: &mut self.out,
            left: MAX_VALUE_LEN,
        };
        let formatted = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            write!(limited, "{value:?}")
        }));
        match formatted {
            Ok(Ok(())) => {}
            Ok(Err(_)) => self.out.push_str("…[truncated]"),
            Err(_) => {
                self.out.truncate(mark);
                self.out.push_str("[Debug panicked]");
            }
        }
        self.out.push('"');
    }
}

/// Wraps an argument so that method resolution picks how to log it: number, text,
/// `Debug`, or a placeholder (autoref specialisation, most specific first).
pub struct ArgProbe<'a, T: ?Sized>(pub &'a T);

/// Numbers and `bool`s, logged as JSON numbers and booleans.
pub trait NumberArg {
    /// Writes the value.
    fn write_value(&self, out: &mut ArgsWriter);
}

/// Text, logged as a JSON string.
pub trait TextArg {
    /// Writes the value.
    fn write_value(&self, out: &mut ArgsWriter);
}

/// Anything `Debug`, logged as its `Debug` text.
pub trait DebugArg {
    /// Writes the value.
    fn write_value(&self, out: &mut ArgsWriter);
}

/// Anything else, logged as a placeholder.
pub trait OpaqueArg {
    /// Writes the value.
    fn write_value(&self, out: &mut ArgsWriter);
}

/// The types logged as JSON numbers.
pub trait AuditNumber {
    /// Writes `self` as a JSON number (non-finite floats as strings).
    fn write_number(&self, out: &mut ArgsWriter);
}

macro_rules! audit_integers {
    ($($ty:ty),*) => {$(
        impl AuditNumber for $ty {
            fn write_number(&self, out: &mut ArgsWriter) {
                out.number(self);
            }
        }
    )*};
}

audit_integers!(u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize, bool);

macro_rules! audit_floats {
    ($($ty:ty),*) => {$(
        impl AuditNumber for $ty {
            fn write_number(&self, out: &mut ArgsWriter) {
                if self.is_finite() {
                    out.number(self);
                } else {
                    // JSON has no NaN or infinity.
                    out.text(&self.to_string());
                }
            }
        }
    )*};
}

audit_floats!(f32, f64);

impl<T: AuditNumber + ?Sized> NumberArg for &&&ArgProbe<'_, T> {
    fn write_value(&self, out: &mut ArgsWriter) {
        self.0.write_number(out);
    }
}

impl<T: AsRef<str> + ?Sized> TextArg for &&ArgProbe<'_, T> {
    fn write_value(&self, out: &mut ArgsWriter) {
        out.text(self.0.as_ref());
    }
}

impl<T: fmt::Debug + ?Sized> DebugArg for &ArgProbe<'_, T> {
    fn write_value(&self, out: &mut ArgsWriter) {
        out.debug(&self.0);
    }
}

impl<T: ?Sized> OpaqueArg for ArgProbe<'_, T> {
    fn write_value(&self, out: &mut ArgsWriter) {
        out.text("[no Debug]");
    }
}

/// Wraps a call's result so method resolution finds its outcome: a `Result` whose
/// error is `Display`, `Debug`, neither, or anything else (success).
pub struct OutcomeProbe<'a, T: ?Sized>(pub &'a T);

/// `Result<_, E: Display>`.
pub trait ResultDisplay {
    /// The outcome.
    fn outcome(&self) -> Finish<'_>;
}

/// `Result<_, E: Debug>`.
pub trait ResultDebug {
    /// The outcome.
    fn outcome(&self) -> Finish<'_>;
}

/// `Result<_, E>`.
pub trait ResultOpaque {
    /// The outcome.
    fn outcome(&self) -> Finish<'_>;
}

/// Any other value: success.
pub trait Success {
    /// The outcome.
    fn outcome(&self) -> Finish<'_>;
}

impl Finish<'_> {
    const SUCCESS: Finish<'static> = Finish {
        outcome: Outcome::Success,
        detail: Detail::None,
    };

    /// Success for `Ok`, else a failure whose detail `detail` gives.
    fn of<'a, T, E>(
        result: &'a Result<T, E>,
        detail: impl FnOnce(&'a E) -> Detail<'a>,
    ) -> Finish<'a> {
        match result {
            Ok(_) => Finish::SUCCESS,
            Err(error) => Finish {
                outcome: Outcome::Failure,
                detail: detail(error),
            },
        }
    }
}

impl<T, E: fmt::Display> ResultDisplay for &&&OutcomeProbe<'_, Result<T, E>> {
    fn outcome(&self) -> Finish<'_> {
        Finish::of(self.0, |error| Detail::Display(error))
    }
}

/// Shows a `Debug` error where a `Display` one is expected.
struct DebugText<'a>(&'a dyn fmt::Debug);

impl fmt::Display for DebugText<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.0)
    }
}

impl<T, E: fmt::Debug> ResultDebug for &&OutcomeProbe<'_, Result<T, E>> {
    fn outcome(&self) -> Finish<'_> {
        Finish::of(self.0, |error| Detail::Debug(error))
    }
}

impl<T, E> ResultOpaque for &OutcomeProbe<'_, Result<T, E>> {
    fn outcome(&self) -> Finish<'_> {
        Finish::of(self.0, |_| Detail::Text("error (no Display or Debug)"))
    }
}

impl<T: ?Sized> Success for OutcomeProbe<'_, T> {
    fn outcome(&self) -> Finish<'_> {
        Finish::SUCCESS
    }
}
