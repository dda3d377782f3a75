//! The outcome is observed, never assumed: futures returned by audited functions are
//! audited when they complete, generic returns through what the value is, panics with
//! their message, and a `Display` that panics never loses the event.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use palisade::audit::{self, AuditOutcome, MemorySink};
use palisade::audit_log;
use serde_json::Value;

fn events(sink: &MemorySink) -> Vec<Value> {
    sink.lines()
        .iter()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}")))
        .collect()
}

fn record<R>(body: impl FnOnce() -> R) -> (R, Vec<Value>) {
    let sink = Arc::new(MemorySink::new());
    let scope = audit::scoped_sink(sink.clone());
    let result = body();
    drop(scope);
    (result, events(&sink))
}

/// Polls `future` to completion on this thread (every future here is ready or wakes
/// itself at once).
fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = std::pin::pin!(future);
    let mut context = std::task::Context::from_waker(std::task::Waker::noop());
    loop {
        if let std::task::Poll::Ready(value) = future.as_mut().poll(&mut context) {
            return value;
        }
    }
}

/// Pending once, then ready: an `.await` in the middle of a call.
struct YieldOnce(bool);

impl Future for YieldOnce {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut std::task::Context<'_>) -> std::task::Poll<()> {
        if self.0 {
            std::task::Poll::Ready(())
        } else {
            self.0 = true;
            cx.waker().wake_by_ref();
            std::task::Poll::Pending
        }
    }
}

#[audit_log]
fn charge(amount: u32) -> impl Future<Output = Result<u32, String>> {
    async move {
        YieldOnce(false).await;
        if amount == 0 {
            Err("zero".to_owned())
        } else {
            Ok(amount)
        }
    }
}

#[test]
fn impl_future_is_audited_when_it_completes() {
    let sink = Arc::new(MemorySink::new());
    let _scope = audit::scoped_sink(sink.clone());
    let future = charge(0);
    assert!(
        sink.lines().is_empty(),
        "nothing is recorded before it completes"
    );
    assert_eq!(block_on(future), Err("zero".to_owned()));
    assert_eq!(block_on(charge(5)), Ok(5));
    let events = events(&sink);
    assert_eq!(events.len(), 2);
    assert_eq!(events[0]["outcome"], "failure");
    assert_eq!(events[0]["error_detail"], "zero");
    assert_eq!(events[1]["outcome"], "success");
}

type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

struct Vault {
    name: String,
}

impl Vault {
    /// What `#[async_trait]` turns `async fn open(&self, code: u32) -> Result<..>` into.
    #[audit_log]
    fn open<'life0, 'async_trait>(
        &'life0 self,
        code: u32,
    ) -> Pin<Box<dyn Future<Output = Result<String, String>> + Send + 'async_trait>>
    where
        'life0: 'async_trait,
        Self: 'async_trait,
    {
        Box::pin(async move {
            YieldOnce(false).await;
            if code == 0 {
                return Err(format!("{} refused", self.name));
            }
            Ok(self.name.clone())
        })
    }

    #[audit_log]
    fn close(&self, force: bool) -> BoxFuture<'_, Result<(), String>> {
        Box::pin(async move {
            if force {
                Ok(())
            } else {
                Err(format!("{} busy", self.name))
            }
        })
    }
}

#[test]
fn boxed_futures_and_async_trait_methods_are_audited_when_they_complete() {
    let vault = Vault { name: "v1".into() };
    let (results, events) = record(|| {
        (
            block_on(vault.open(0)),
            block_on(vault.open(7)),
            block_on(vault.close(false)),
        )
    });
    assert_eq!(results.0, Err("v1 refused".into()));
    assert_eq!(results.1, Ok("v1".into()));
    assert_eq!(results.2, Err("v1 busy".into()));
    let outcomes = events
        .iter()
        .map(|e| e["outcome"].as_str().unwrap())
        .collect::<Vec<_>>();
    assert_eq!(outcomes, ["failure", "success", "failure"]);
    assert_eq!(events[0]["error_detail"], "v1 refused");
    assert_eq!(events[0]["args"], serde_json::json!({"code": 0}));
}

#[audit_log]
fn maintenance<R: AuditOutcome>(op: impl FnOnce() -> R) -> R {
    op()
}

#[audit_log]
fn generic_result<T, E: std::fmt::Display>(value: Option<T>, error: E) -> Result<T, E> {
    value.ok_or(error)
}

#[test]
fn generic_returns_are_audited_through_their_value() {
    let (_, events) = record(|| {
        let _: Result<(), String> = maintenance(|| Err("disk full".to_owned()));
        let _: u32 = maintenance(|| 3);
        let _ = generic_result::<u8, String>(None, "no value".to_owned());
    });
    assert_eq!(events[0]["outcome"], "failure");
    assert_eq!(events[0]["error_detail"], "disk full");
    assert_eq!(events[1]["outcome"], "success");
    assert_eq!(events[2]["outcome"], "failure");
    assert_eq!(events[2]["error_detail"], "no value");
}

#[audit_log(start)]
fn halt(code: i32) -> ! {
    panic!("halted with {code}")
}

#[test]
fn a_function_returning_never_compiles_and_records_its_panic() {
    let (caught, events) = record(|| std::panic::catch_unwind(|| halt(4)));
    assert!(caught.is_err());
    assert_eq!(events.len(), 2);
    assert_eq!(events[1]["outcome"], "panic");
    assert_eq!(events[1]["error_detail"], "halted with 4");
}

#[audit_log]
fn explode(code: i32) -> i32 {
    if code == 1 {
        panic!("static message");
    }
    if code == 2 {
        std::panic::panic_any(42_u8);
    }
    panic!("formatted {code}")
}

#[audit_log]
async fn explode_later(code: i32) -> i32 {
    YieldOnce(false).await;
    panic!("async {code}")
}

#[test]
fn a_panic_keeps_its_message() {
    let (_, events) = record(|| {
        for code in [1, 2, 3] {
            let _ = std::panic::catch_unwind(|| explode(code));
        }
        let _ = std::panic::catch_unwind(|| block_on(explode_later(9)));
    });
    let details = events
        .iter()
        .map(|e| e["error_detail"].as_str().unwrap())
        .collect::<Vec<_>>();
    assert_eq!(
        details,
        [
            "static message",
            "panicked (the payload is not a string)",
            "formatted 3",
            "async 9"
        ]
    );
    assert!(events.iter().all(|e| e["outcome"] == "panic"));
}

#[derive(Debug)]
struct ExplodingError;

impl std::fmt::Display for ExplodingError {
    fn fmt(&self, _: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        panic!("Display exploded")
    }
}

#[audit_log]
fn fails_badly() -> Result<(), ExplodingError> {
    Err(ExplodingError)
}

#[audit_log]
fn fails_hugely(size: usize) -> Result<(), String> {
    Err("e".repeat(size))
}

#[test]
fn a_panicking_display_or_a_huge_error_never_loses_the_event() {
    let failures = audit::sink_failures();
    let (result, events) = record(|| (fails_badly().is_err(), fails_hugely(10_000_000)));
    assert!(result.0);
    assert_eq!(events.len(), 2);
    assert_eq!(events[0]["outcome"], "failure");
    assert_eq!(events[0]["error_detail"], "[Display panicked]");
    let detail = events[1]["error_detail"].as_str().unwrap();
    assert_eq!(detail.len(), audit::MAX_DETAIL_LEN + "…[truncated]".len());
    assert!(detail.ends_with("…[truncated]"));
    assert!(audit::sink_failures() >= failures);
}

struct Creds {
    user: String,
    password: String,
}

#[audit_log(resources(a, password))]
fn destructured((a, b): (u32, u32), Creds { user, password }: Creds, flag: &bool, n: &u32) -> u32 {
    let _ = (user, password, flag);
    a + b + n
}

#[test]
fn destructured_parameters_appear_by_their_names_and_references_keep_their_json_type() {
    let creds = Creds {
        user: "ann".into(),
        password: "hunter2-canary".into(),
    };
    let (_, events) = record(|| destructured((1, 2), creds, &true, &7));
    assert_eq!(
        events[0]["args"],
        serde_json::json!({"a": 1, "b": 2, "user": "ann", "password": "[REDACTED]", "flag": true,
            "n": 7})
    );
    assert_eq!(
        events[0]["resources_affected"],
        serde_json::json!([1, "[REDACTED]"])
    );
}

struct Holder<E>(E);

impl<E> Holder<E> {
    /// `E` is the impl's parameter, which the macro cannot see: the outcome is still
    /// read from the `Result`, and the detail names the error's type.
    #[audit_log]
    fn give_back(self) -> Result<(), E> {
        Err(self.0)
    }
}

#[test]
fn an_error_type_the_macro_cannot_see_is_still_a_failure() {
    let (_, events) = record(|| Holder("boom".to_owned()).give_back());
    assert_eq!(events[0]["outcome"], "failure");
    assert_eq!(
        events[0]["error_detail"],
        "error of type `alloc::string::String`, which has no `Display` or `Debug` where it is \
            audited"
    );
}

struct PanickyValue;

impl audit::AuditValue for PanickyValue {
    fn write_audit(&self, _: &mut audit::ValueWriter<'_>) {
        panic!("capture exploded")
    }
}

#[audit_log]
fn takes_panicky(value: PanickyValue, n: u32) -> u32 {
    let _ = value;
    n
}

#[test]
fn a_panicking_capture_costs_the_arguments_not_the_event_or_the_call() {
    let (result, events) = record(|| takes_panicky(PanickyValue, 3));
    assert_eq!(result, 3);
    assert_eq!(events.len(), 1);
    assert_eq!(events[0]["outcome"], "success");
    assert_eq!(
        events[0]["args"],
        serde_json::json!({"[capture panicked]": true})
    );
}

fn parse_number(text: &str) -> Result<u32, std::num::ParseIntError> {
    text.parse()
}

#[derive(Debug)]
struct AppError(String);

impl std::fmt::Display for AppError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<std::num::ParseIntError> for AppError {
    fn from(error: std::num::ParseIntError) -> Self {
        AppError(error.to_string())
    }
}

#[audit_log]
async fn question_mark_async(text: &str) -> Result<u32, AppError> {
    let n = parse_number(text)?;
    YieldOnce(false).await;
    Ok(n)
}

#[audit_log]
fn question_mark_future(text: String) -> impl Future<Output = Result<u32, AppError>> {
    async move {
        let n = parse_number(&text)?;
        Ok(n)
    }
}

#[test]
fn question_marks_convert_errors_inside_audited_futures() {
    let (results, events) = record(|| {
        (
            block_on(question_mark_async("x")).is_err(),
            block_on(question_mark_future("7".into())).unwrap(),
        )
    });
    assert_eq!(results, (true, 7));
    assert_eq!(events[0]["outcome"], "failure");
    assert_eq!(events[0]["error_detail"], "invalid digit found in string");
    assert_eq!(events[1]["outcome"], "success");
}
