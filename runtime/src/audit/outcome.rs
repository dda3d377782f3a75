//! How a call ended, read from its value: a `Result`'s `Err` is a failure (with the
//! error's text), a type implementing [`AuditOutcome`] says itself, a future that
//! reaches this point unobserved is a compile error, anything else is a success.

// The runtime is `no_std`; auditing needs the standard library.
use std::prelude::rust_2021::*;

use std::fmt;
use std::future::Future;

use super::event::Outcome;

/// How the body ended, with the error for a failure.
pub struct Finish<'a> {
    pub(crate) outcome: Outcome,
    pub(crate) detail: Detail<'a>,
}

/// The error of a failed call, by what it implements.
pub(crate) enum Detail<'a> {
    None,
    Display(&'a dyn fmt::Display),
    Debug(&'a dyn fmt::Debug),
    TypeName(&'static str),
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

/// What `#[audit_log]` reads a call's outcome from, for a return type it cannot see
/// at compile time: bound a type parameter by it (`fn run<R: AuditOutcome>(..) -> R`).
/// Implemented for `Result<T, E: Display>` (an `Err` is a failure with the error's
/// `Display` text), for `Option<T>` and the plain types that are always a success;
/// implement it for your own types.
///
/// ```
/// use palisade::audit::AuditOutcome;
///
/// #[palisade::audit_log]
/// fn maintenance<R: AuditOutcome>(op: impl FnOnce() -> R) -> R {
///     op()
/// }
///
/// let _: Result<(), String> = maintenance(|| Err("disk full".to_string()));
/// ```
pub trait AuditOutcome {
    /// The error, when the value is a failure.
    fn failure(&self) -> Option<&dyn fmt::Display>;
}

impl<T, E: fmt::Display> AuditOutcome for Result<T, E> {
    fn failure(&self) -> Option<&dyn fmt::Display> {
        self.as_ref().err().map(|error| error as &dyn fmt::Display)
    }
}

macro_rules! always_success {
    ($($ty:ty),*) => {$(
        impl AuditOutcome for $ty {
            fn failure(&self) -> Option<&dyn fmt::Display> {
                None
            }
        }
    )*};
}

always_success!(
    (),
    bool,
    char,
    u8,
    u16,
    u32,
    u64,
    u128,
    usize,
    i8,
    i16,
    i32,
    i64,
    i128,
    isize,
    f32,
    f64,
    String,
    &str
);

impl<T> AuditOutcome for Option<T> {
    fn failure(&self) -> Option<&dyn fmt::Display> {
        None
    }
}

impl<T> AuditOutcome for Vec<T> {
    fn failure(&self) -> Option<&dyn fmt::Display> {
        None
    }
}

/// Wraps a call's value so method resolution finds its outcome (autoref
/// specialisation, most specific first).
pub struct OutcomeProbe<'a, T: ?Sized>(pub &'a T);

/// `T: AuditOutcome`.
pub trait Declared<'a> {
    /// The outcome.
    fn outcome(&self) -> Finish<'a>;
}

/// `T: Future`: a future `#[audit_log]` was not told about.
pub trait UnobservedFuture {
    /// A value `Call::finish` refuses, with a message naming the fix.
    fn outcome(&self) -> FutureNotAwaited;
}

/// `Result<_, E: Display>`.
pub trait ResultDisplay<'a> {
    /// The outcome.
    fn outcome(&self) -> Finish<'a>;
}

/// `Result<_, E: Debug>`.
pub trait ResultDebug<'a> {
    /// The outcome.
    fn outcome(&self) -> Finish<'a>;
}

/// `Result<_, E>`.
pub trait ResultOpaque<'a> {
    /// The outcome.
    fn outcome(&self) -> Finish<'a>;
}

/// Any other value: success.
pub trait Success<'a> {
    /// The outcome.
    fn outcome(&self) -> Finish<'a>;
}

impl<'a, T: AuditOutcome + ?Sized> Declared<'a> for &&&&&OutcomeProbe<'a, T> {
    fn outcome(&self) -> Finish<'a> {
        match self.0.failure() {
            None => Finish::SUCCESS,
            Some(error) => Finish {
                outcome: Outcome::Failure,
                detail: Detail::Display(error),
            },
        }
    }
}

/// The outcome of a future that is returned, not awaited, by an audited function
/// whose return type does not say it is a future.
pub struct FutureNotAwaited;

/// What `Call::finish` takes: a call's outcome.
#[diagnostic::on_unimplemented(
    message = "`#[audit_log]` cannot observe the outcome of a future it returns without knowing",
    label = "this function returns a future",
    note = "make it an `async fn`, or write its return type as `impl Future<Output = ..>`, \
            `Pin<Box<dyn Future<Output = ..>>>` or `BoxFuture<'_, ..>`: those are audited \
            when the future completes"
)]
pub trait IntoFinish<'a> {
    /// The outcome.
    fn into_finish(self) -> Finish<'a>;
}

impl<'a> IntoFinish<'a> for Finish<'a> {
    fn into_finish(self) -> Finish<'a> {
        self
    }
}

impl<T: Future + ?Sized> UnobservedFuture for &&&&OutcomeProbe<'_, T> {
    fn outcome(&self) -> FutureNotAwaited {
        FutureNotAwaited
    }
}

impl<'a, T, E: fmt::Display> ResultDisplay<'a> for &&&OutcomeProbe<'a, Result<T, E>> {
    fn outcome(&self) -> Finish<'a> {
        Finish::of(self.0, |error| Detail::Display(error))
    }
}

impl<'a, T, E: fmt::Debug> ResultDebug<'a> for &&OutcomeProbe<'a, Result<T, E>> {
    fn outcome(&self) -> Finish<'a> {
        Finish::of(self.0, |error| Detail::Debug(error))
    }
}

impl<'a, T, E> ResultOpaque<'a> for &OutcomeProbe<'a, Result<T, E>> {
    fn outcome(&self) -> Finish<'a> {
        Finish::of(self.0, |_| Detail::TypeName(std::any::type_name::<E>()))
    }
}

impl<'a, T: ?Sized> Success<'a> for OutcomeProbe<'a, T> {
    fn outcome(&self) -> Finish<'a> {
        Finish::SUCCESS
    }
}
