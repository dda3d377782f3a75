//! `#[audit_log]` on every kind of function, with a `MemorySink`: outcomes, panics,
//! redaction, resources, actors, durations, sink failures.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use palisade::audit::{self, AuditEvent, AuditSink, MemorySink, Secret, SinkError};
use palisade::audit_log;
use serde_json::Value;

/// Every line the sink holds, parsed: each must be one JSON object.
fn events(sink: &MemorySink) -> Vec<Value> {
    sink.lines()
        .iter()
        .map(|line| {
            serde_json::from_str(line).unwrap_or_else(|e| panic!("each line is JSON: {e}: {line}"))
        })
        .collect()
}

fn record<R>(body: impl FnOnce() -> R) -> (R, Vec<Value>) {
    let sink = Arc::new(MemorySink::new());
    let scope = audit::scoped_sink(sink.clone());
    let result = body();
    drop(scope);
    (result, events(&sink))
}

#[derive(Debug, PartialEq)]
struct Order {
    id: u32,
}

#[audit_log(operation = "orders.place", resources(customer, order), debug(order))]
fn place(
    customer: &str,
    order: Order,
    quantity: u16,
    price: f64,
    express: bool,
) -> Result<u32, String> {
    if quantity == 0 {
        return Err(format!("order {} has no items", order.id));
    }
    Ok(u32::from(quantity) * 2)
}

#[test]
fn success_and_failure_with_the_errors_display() {
    let (result, events) = record(|| place("acme", Order { id: 7 }, 3, 9.5, true));
    assert_eq!(result, Ok(6));
    assert_eq!(events.len(), 1);
    let event = &events[0];
    assert_eq!(event["phase"], "finish");
    assert_eq!(event["operation"], "orders.place");
    assert_eq!(event["outcome"], "success");
    assert_eq!(event["module"], "audit");
    assert_eq!(event["error_detail"], Value::Null);
    assert_eq!(
        event["args"],
        serde_json::json!({"customer": "acme", "order": "Order { id: 7 }", "quantity": 3, "price":
            9.5, "express": true})
    );
    assert_eq!(
        event["resources_affected"],
        serde_json::json!(["acme", "Order { id: 7 }"])
    );
    assert_eq!(event["environment"], "development");
    assert_eq!(event["build"]["crate"], "palisade");
    assert_eq!(
        event["build"]["profile"],
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        }
    );
    assert!(event["build"]["rustc"]
        .as_str()
        .unwrap()
        .starts_with("rustc "));
    // A UUIDv7 (RFC 9562) in its hyphenated form: version 7, variant 0b10.
    let id = event["id"].as_str().unwrap();
    assert_eq!(id.len(), 36, "{id}");
    assert_eq!(&id[14..15], "7", "{id}");
    assert!(matches!(&id[19..20], "8" | "9" | "a" | "b"), "{id}");
    let timestamp = event["timestamp"].as_str().unwrap();
    assert!(
        timestamp.ends_with('Z') && timestamp.len() == "2026-11-26T13:03:10.440217Z".len(),
        "{timestamp}"
    );

    let (result, events) = record(|| place("acme", Order { id: 8 }, 0, 1.0, false));
    assert_eq!(result, Err("order 8 has no items".into()));
    assert_eq!(events[0]["outcome"], "failure");
    assert_eq!(events[0]["error_detail"], "order 8 has no items");
}

type Outcome<T> = std::io::Result<T>;

#[audit_log(result)]
fn read_config(path: &str) -> Outcome<usize> {
    Err(std::io::Error::new(
        std::io::ErrorKind::NotFound,
        format!("{path} is missing"),
    ))
}

#[test]
fn result_aliases_are_results() {
    let (_, events) = record(|| read_config("/etc/app.toml"));
    assert_eq!(events[0]["outcome"], "failure");
    assert_eq!(events[0]["error_detail"], "/etc/app.toml is missing");
}

#[audit_log(start)]
fn explode(code: i32) -> i32 {
    if code > 0 {
        panic!("code {code}");
    }
    code
}

#[test]
fn a_panic_is_recorded_and_keeps_unwinding() {
    let (caught, events) = record(|| std::panic::catch_unwind(|| explode(3)));
    let payload = caught.unwrap_err();
    assert_eq!(
        payload.downcast_ref::<String>().map(String::as_str),
        Some("code 3")
    );
    assert_eq!(events.len(), 2);
    assert_eq!(events[0]["phase"], "start");
    assert_eq!(events[0]["outcome"], "pending");
    assert_eq!(events[1]["phase"], "finish");
    assert_eq!(events[1]["outcome"], "panic");
    assert_eq!(events[0]["id"], events[1]["id"]);
}

struct Account {
    balance: i64,
}

impl Account {
    #[audit_log]
    fn balance(&self) -> i64 {
        self.balance
    }

    #[audit_log]
    fn deposit(&mut self, amount: i64) -> i64 {
        self.balance += amount;
        self.balance
    }

    #[audit_log]
    fn close(self) -> i64 {
        self.balance
    }

    #[audit_log]
    fn evens(&self, limit: u32) -> impl Iterator<Item = u32> {
        (0..limit).filter(|n| n % 2 == 0)
    }
}

#[audit_log(skip(value))]
fn describe<T: std::fmt::Debug>(value: T, label: &str) -> String {
    format!("{label}: {value:?}")
}

#[test]
fn methods_generics_and_impl_trait() {
    let (total, events) = record(|| {
        let mut account = Account { balance: 10 };
        account.deposit(5);
        let seen = account.balance();
        let evens = account.evens(5).count();
        (seen, evens, account.close(), describe(vec![1], "list"))
    });
    assert_eq!(total, (15, 3, 15, "list: [1]".to_owned()));
    let operations = events
        .iter()
        .map(|event| event["operation"].as_str().unwrap())
        .collect::<Vec<_>>();
    assert_eq!(
        operations,
        ["deposit", "balance", "evens", "close", "describe"]
    );
    assert_eq!(events[0]["args"], serde_json::json!({"amount": 5}));
    assert_eq!(events[4]["args"], serde_json::json!({"label": "list"}));
}

#[audit_log(redact(note), args(user, api_key, note, token))]
fn login(user: &str, password: &str, api_key: &str, note: &str, token: Secret<String>) -> bool {
    let _ = (password, token);
    !user.is_empty() && !api_key.is_empty() && !note.is_empty()
}

#[audit_log]
fn connect(
    host: &str,
    password: &str,
    auth_token: &str,
    secret_key: Secret<String>,
    pin: u16,
) -> bool {
    let _ = (password, auth_token, secret_key, pin);
    !host.is_empty()
}

#[test]
fn redaction_by_name_by_type_and_by_request() {
    let (_, events) =
        record(|| connect("db", "hunter2", "t0k", Secret::new("s3cr3t".into()), 1234));
    assert_eq!(
        events[0]["args"],
        serde_json::json!({"host": "db", "password": "[REDACTED]", "auth_token": "[REDACTED]",
            "secret_key": "[REDACTED]", "pin": "[REDACTED]"})
    );
    // `args(...)` is an allow-list: `password` is left out, `api_key` is logged because
    // it was asked for, `note` is redacted on request, a `Secret` stays redacted.
    let (_, events) =
        record(|| login("ann", "hunter2", "ak-1", "private", Secret::new("t".into())));
    assert_eq!(
        events[0]["args"],
        serde_json::json!({"user": "ann", "api_key": "ak-1", "note": "[REDACTED]", "token":
            "[REDACTED]"})
    );
    for line in events.iter().map(Value::to_string) {
        assert!(!line.contains("hunter2") && !line.contains("private"));
    }
}

#[test]
fn the_actor_comes_from_the_scope() {
    let (_, events) = record(|| audit::with_actor("alice", || explode(0)));
    assert_eq!(events[0]["actor"], "alice");
    let (_, events) = record(|| explode(0));
    let user = std::env::var("USER").unwrap_or_else(|_| "unknown".into());
    assert_eq!(events[0]["actor"], user.as_str());
}

struct PanickyDebug;

impl std::fmt::Debug for PanickyDebug {
    fn fmt(&self, _: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        panic!("Debug exploded")
    }
}

#[audit_log(debug(value))]
fn odd_arguments(value: PanickyDebug, text: &str) -> usize {
    let _ = value;
    text.len()
}

#[test]
fn panicking_debug_and_enormous_strings_cannot_lose_the_result() {
    let huge = "x".repeat(1_000_000);
    let (length, events) = record(|| odd_arguments(PanickyDebug, &huge));
    assert_eq!(length, 1_000_000);
    assert_eq!(events[0]["args"]["value"], "[Debug panicked]");
    let logged = events[0]["args"]["text"].as_str().unwrap();
    assert!(
        logged.len() < 5000 && logged.ends_with("995904 more bytes]"),
        "{}",
        &logged[logged.len() - 30..]
    );
}

struct FailingSink(AtomicUsize);

impl AuditSink for FailingSink {
    fn record(&self, _: &AuditEvent<'_>) -> Result<(), SinkError> {
        self.0.fetch_add(1, Ordering::SeqCst);
        Err(SinkError::Other("disk on fire".into()))
    }
}

struct PanickingSink;

impl AuditSink for PanickingSink {
    fn record(&self, _: &AuditEvent<'_>) -> Result<(), SinkError> {
        panic!("sink exploded")
    }
}

#[test]
fn failing_and_panicking_sinks_are_counted_and_change_nothing() {
    static HOOK_CALLS: AtomicUsize = AtomicUsize::new(0);
    audit::set_error_hook(|error| {
        assert!(matches!(error, SinkError::Other(_) | SinkError::Panicked));
        HOOK_CALLS.fetch_add(1, Ordering::SeqCst);
    });
    let before = audit::sink_failures();
    let hooks_before = HOOK_CALLS.load(Ordering::SeqCst);
    let failing = Arc::new(FailingSink(AtomicUsize::new(0)));
    {
        let _scope = audit::scoped_sink(failing.clone());
        assert_eq!(place("a", Order { id: 1 }, 2, 1.0, false), Ok(4));
    }
    {
        let _scope = audit::scoped_sink(Arc::new(PanickingSink));
        assert_eq!(place("a", Order { id: 1 }, 2, 1.0, false), Ok(4));
        assert_eq!(
            place("a", Order { id: 1 }, 0, 1.0, false),
            Err("order 1 has no items".into())
        );
    }
    assert_eq!(failing.0.load(Ordering::SeqCst), 1);
    // Other tests may fail sinks concurrently: the counter only grows.
    assert!(audit::sink_failures() >= before + 3);
    assert!(HOOK_CALLS.load(Ordering::SeqCst) >= hooks_before + 3);
}

#[audit_log(start)]
async fn fetch(id: u32, delay_ms: u64) -> Result<u32, String> {
    tokio::time::sleep(Duration::from_millis(delay_ms)).await;
    if id == 0 {
        return Err("no such id".into());
    }
    Ok(id * 10)
}

#[tokio::test(flavor = "current_thread")]
async fn async_calls_are_timed_across_their_awaits() {
    let sink = Arc::new(MemorySink::new());
    let scope = audit::scoped_sink(sink.clone());
    assert_eq!(fetch(4, 30).await, Ok(40));
    assert_eq!(fetch(0, 1).await, Err("no such id".into()));
    drop(scope);
    let events = events(&sink);
    assert_eq!(events.len(), 4);
    assert_eq!(events[1]["outcome"], "success");
    assert!(
        events[1]["duration_us"].as_u64().unwrap() >= 30_000,
        "{}",
        events[1]
    );
    assert_eq!(events[3]["outcome"], "failure");
    assert_eq!(events[3]["error_detail"], "no such id");
}

#[tokio::test(flavor = "current_thread")]
async fn a_dropped_future_is_recorded_as_cancelled() {
    let sink = Arc::new(MemorySink::new());
    let scope = audit::scoped_sink(sink.clone());
    let timed_out = tokio::time::timeout(Duration::from_millis(5), fetch(1, 1000)).await;
    assert!(timed_out.is_err());
    drop(scope);
    let events = events(&sink);
    assert_eq!(events.len(), 2);
    assert_eq!(events[1]["outcome"], "failure");
    assert_eq!(events[1]["error_detail"], "cancelled before completion");
}

#[test]
fn the_global_sink_is_installed_once_and_serves_threads_without_a_scope() {
    let global = Arc::new(MemorySink::new());
    assert!(audit::install(global.clone()).is_ok());
    assert_eq!(
        audit::install(MemorySink::new()),
        Err(audit::AlreadyInstalled)
    );
    std::thread::spawn(|| explode(0)).join().unwrap();
    let events = events(&global);
    assert!(events.iter().any(|event| event["operation"] == "explode"));
}

struct SlowSink;

impl AuditSink for SlowSink {
    fn record(&self, _: &AuditEvent<'_>) -> Result<(), SinkError> {
        std::thread::sleep(Duration::from_millis(50));
        Ok(())
    }
}

#[test]
fn a_blocking_sink_delays_but_never_loses_the_result() {
    let _scope = audit::scoped_sink(Arc::new(SlowSink));
    let started = std::time::Instant::now();
    assert_eq!(place("a", Order { id: 2 }, 5, 1.0, false), Ok(10));
    assert!(started.elapsed() >= Duration::from_millis(50));
}

/// One parameter per entry of `SENSITIVE_NAME_PARTS`, in its order. The macro decides
/// redaction by name when it expands (so it costs nothing per call); this pins its list
/// to the runtime's documented one.
#[audit_log]
#[allow(clippy::too_many_arguments)]
fn every_sensitive_part(
    old_passwd_hash: u8,
    client_secret: u8,
    refresh_token: u8,
    api_key: u8,
    pin_code: u8,
    encrypted: u8,
    salt_bytes: u8,
    otp: u8,
    ssn_last4: u8,
    credentials: u8,
    authorization: u8,
    harmless: u8,
) -> u8 {
    old_passwd_hash
        ^ client_secret
        ^ refresh_token
        ^ api_key
        ^ pin_code
        ^ encrypted
        ^ salt_bytes
        ^ otp
        ^ ssn_last4
        ^ credentials
        ^ authorization
        ^ harmless
}

#[test]
fn the_macro_redacts_exactly_the_documented_name_parts() {
    let (_, events) = record(|| every_sensitive_part(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12));
    let args = events[0]["args"].as_object().unwrap();
    assert_eq!(args.len(), 12);
    let names = [
        "old_passwd_hash",
        "client_secret",
        "refresh_token",
        "api_key",
        "pin_code",
        "encrypted",
        "salt_bytes",
        "otp",
        "ssn_last4",
        "credentials",
        "authorization",
    ];
    assert_eq!(names.len(), audit::SENSITIVE_NAME_PARTS.len());
    for (part, name) in audit::SENSITIVE_NAME_PARTS.iter().zip(names) {
        assert!(
            name.to_ascii_lowercase().contains(part),
            "{name} should carry {part}"
        );
        assert!(audit::is_sensitive_name(name));
        assert_eq!(args[name], "[REDACTED]", "{name}");
    }
    assert_eq!(args["harmless"], 12);
    assert!(!audit::is_sensitive_name("harmless"));
}
