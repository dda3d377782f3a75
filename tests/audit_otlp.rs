//! `OtlpSink` against a receiver started by the test (`tests/otlp_receiver.py`) that
//! parses every request with the official `opentelemetry-proto` message classes and
//! rejects anything they do not accept: every field of every record is compared
//! with the event; 503 answers are retried (honouring `Retry-After`) and the events
//! arrive once; a receiver that is down at start gets the buffered events when it
//! comes up, and what does not fit, or never gets through, is dropped, counted and
//! reported.

#[path = "common/servers.rs"]
mod servers;

use std::collections::HashMap;
use std::io::{BufRead as _, BufReader};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use palisade::audit::{self, FanOut, MemorySink, OtlpSink};
use palisade::audit_log;
use serde_json::{json, Map, Value};

use servers::{Server, TempDir};

/// The tests share the process-wide failure counter: one at a time.
static SERIAL: Mutex<()> = Mutex::new(());

/// The Python receiver and the file it logs every request to.
struct Receiver {
    port: u16,
    output: PathBuf,
    _server: Server,
    _dir: TempDir,
}

impl Receiver {
    fn start(args: &[&str]) -> Self {
        let dir = TempDir::new("palisade-otlp");
        let output = dir.join("requests.jsonl");
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/otlp_receiver.py");
        let mut child = Command::new("python3")
            .arg(script)
            .arg(&output)
            .args(args)
            .stdout(Stdio::piped())
            .spawn()
            .expect("python3 runs the receiver (.ci/run installs opentelemetry-proto)");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let port = line
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("the receiver printed its port, not {line:?}"));
        Receiver {
            port,
            output,
            _server: Server(Some(child)),
            _dir: dir,
        }
    }

    fn endpoint(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Every request the receiver logged.
    fn requests(&self) -> Vec<Value> {
        std::fs::read_to_string(&self.output)
            .unwrap_or_default()
            .lines()
            .map(|line| serde_json::from_str(line).unwrap())
            .collect()
    }

    /// Every log record of the accepted requests, with its request's resource.
    fn records(&self) -> Vec<(Value, Value)> {
        let mut records = Vec::new();
        for request in self.requests() {
            assert_eq!(request["status"], 200, "{request}");
            for resource_logs in request["request"]["resourceLogs"].as_array().unwrap() {
                for scope_logs in resource_logs["scopeLogs"].as_array().unwrap() {
                    assert_eq!(scope_logs["scope"]["name"], "palisade.audit");
                    for record in scope_logs["logRecords"].as_array().unwrap() {
                        records.push((resource_logs["resource"].clone(), record.clone()));
                    }
                }
            }
        }
        records
    }
}

#[audit_log(operation = "otlp.charge")]
fn charge(customer: &str, cents: i64, tags: Vec<String>, express: bool) -> Result<i64, String> {
    if cents < 0 {
        Err(format!("negative amount for {customer}"))
    } else {
        Ok(cents + i64::from(express) + tags.len() as i64)
    }
}

/// Runs `body` with `sink` and a memory sink receiving this thread's events; returns
/// the events as the process recorded them.
fn with_sink(sink: &Arc<OtlpSink>, body: impl FnOnce()) -> Vec<Value> {
    let memory = Arc::new(MemorySink::new());
    let scope = audit::scoped_sink(Arc::new(FanOut::new(vec![
        Box::new(sink.clone()),
        Box::new(memory.clone()),
    ])));
    body();
    drop(scope);
    memory
        .lines()
        .iter()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

/// `count` charges, every fourth failing.
fn charges(sink: &Arc<OtlpSink>, count: i64) -> Vec<Value> {
    with_sink(sink, || {
        audit::with_actor("ann é", || {
            for n in 0..count {
                let cents = if n % 4 == 3 { -n } else { n * 100 };
                let _ = charge(
                    "acme \"corp\"",
                    cents,
                    vec!["a".into(), "😀".into()],
                    n % 2 == 0,
                );
            }
        });
    })
}

/// An OTLP `AnyValue`, as `MessageToDict` prints it, back as JSON.
fn from_any(value: &Value) -> Value {
    let (kind, inner) = value
        .as_object()
        .unwrap()
        .iter()
        .next()
        .map_or(("", &Value::Null), |(kind, inner)| (kind.as_str(), inner));
    match kind {
        "" => Value::Null,
        "stringValue" | "boolValue" => inner.clone(),
        "intValue" => json!(inner.as_str().unwrap().parse::<i64>().unwrap()),
        "doubleValue" => inner.clone(),
        "arrayValue" => Value::Array(
            inner["values"]
                .as_array()
                .map(|values| values.iter().map(from_any).collect())
                .unwrap_or_default(),
        ),
        "kvlistValue" => Value::Object(
            inner["values"]
                .as_array()
                .map(|values| {
                    values
                        .iter()
                        .map(|kv| {
                            (
                                kv["key"].as_str().unwrap().to_owned(),
                                from_any(&kv["value"]),
                            )
                        })
                        .collect::<Map<_, _>>()
                })
                .unwrap_or_default(),
        ),
        other => panic!("AnyValue kind {other}"),
    }
}

fn attributes(list: &Value) -> HashMap<String, Value> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|kv| {
            (
                kv["key"].as_str().unwrap().to_owned(),
                from_any(&kv["value"]),
            )
        })
        .collect()
}

fn nanos(text: &Value) -> u128 {
    text.as_str().unwrap().parse().unwrap()
}

/// Compares a record, field by field, with the event it came from.
fn check_record(resource: &Value, record: &Value, event: &Value) {
    let resource = attributes(&resource["attributes"]);
    assert_eq!(resource["service.name"], "billing");
    assert_eq!(resource["service.version"], "1.2.3");

    let time = humantime::parse_rfc3339(event["timestamp"].as_str().unwrap()).unwrap();
    let micros = time
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap()
        .as_micros();
    assert_eq!(nanos(&record["timeUnixNano"]) / 1000, micros);
    // The event's time comes from a monotonic clock anchored to the wall clock once;
    // the observed time is the wall clock's: close, not ordered.
    let observed = nanos(&record["observedTimeUnixNano"]);
    assert!(observed.abs_diff(nanos(&record["timeUnixNano"])) < 5_000_000_000);
    let (number, text) = match event["outcome"].as_str().unwrap() {
        "success" => (10, "NOTICE"),
        "failure" => (13, "WARNING"),
        other => panic!("outcome {other}"),
    };
    assert_eq!(record["severityNumber"], number);
    assert_eq!(record["severityText"], text);
    assert_eq!(record["eventName"], event["operation"]);
    let body: Value =
        serde_json::from_str(record["body"]["stringValue"].as_str().unwrap()).unwrap();
    assert_eq!(&body, event, "the body is the event's JSON line");

    let attributes = attributes(&record["attributes"]);
    for key in [
        "id",
        "phase",
        "operation",
        "module",
        "outcome",
        "actor",
        "environment",
    ] {
        assert_eq!(
            attributes[&format!("audit.{key}")],
            event[key],
            "audit.{key}"
        );
    }
    assert_eq!(attributes["audit.duration_us"], event["duration_us"]);
    assert_eq!(attributes["audit.args"], event["args"], "arguments, typed");
    assert_eq!(
        attributes["audit.resources_affected"],
        event["resources_affected"]
    );
    assert_eq!(
        attributes.get("audit.error_detail").unwrap_or(&Value::Null),
        &event["error_detail"]
    );
    for part in ["crate", "version", "rustc", "target", "profile"] {
        assert_eq!(
            attributes[&format!("audit.build.{part}")],
            event["build"][part]
        );
    }
}

fn billing_sink(endpoint: &str) -> OtlpSink {
    OtlpSink::new(endpoint)
        .unwrap()
        .service_name("billing")
        .service_version("1.2.3")
}

#[test]
fn every_record_parses_as_the_official_message_and_matches_its_event() {
    let _serial = SERIAL
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let receiver = Receiver::start(&[]);
    let failures = audit::sink_failures();
    let sink = Arc::new(billing_sink(&receiver.endpoint()).batch(8, Duration::from_millis(200)));
    let events = charges(&sink, 20);
    sink.flush();
    assert_eq!(sink.exported(), 20);
    assert_eq!(sink.dropped(), 0);
    let records = receiver.records();
    assert_eq!(records.len(), 20, "each event once");
    assert!(receiver.requests().len() >= 3, "batches of at most 8");
    let by_id: HashMap<&str, &Value> = events
        .iter()
        .map(|event| (event["id"].as_str().unwrap(), event))
        .collect();
    for (resource, record) in &records {
        let id = attributes(&record["attributes"])["audit.id"].clone();
        check_record(resource, record, by_id[id.as_str().unwrap()]);
    }
    assert_eq!(audit::sink_failures(), failures);
    println!(
        "otlp: sent 20 received {} in {} requests, dropped 0",
        records.len(),
        receiver.requests().len()
    );
}

#[test]
fn a_busy_receiver_gets_each_event_once_after_the_retries_it_asked_for() {
    let _serial = SERIAL
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let receiver = Receiver::start(&["--fail", "2", "--retry-after", "1"]);
    let failures = audit::sink_failures();
    let sink = Arc::new(billing_sink(&receiver.endpoint()).batch(100, Duration::from_secs(60)));
    let events = charges(&sink, 10);
    let started = Instant::now();
    sink.flush();
    // Two answers of `Retry-After: 1` were honoured (the backoff alone is 100 + 200 ms).
    assert!(
        started.elapsed() >= Duration::from_millis(1900),
        "{:?}",
        started.elapsed()
    );
    let statuses: Vec<Value> = receiver
        .requests()
        .iter()
        .map(|r| r["status"].clone())
        .collect();
    assert_eq!(statuses, [json!(503), json!(503), json!(200)]);
    assert_eq!(sink.requests(), 3);
    let records: Vec<Value> = receiver
        .requests()
        .into_iter()
        .filter(|request| request["status"] == 200)
        .flat_map(|request| {
            request["request"]["resourceLogs"][0]["scopeLogs"][0]["logRecords"]
                .as_array()
                .unwrap()
                .clone()
        })
        .collect();
    let mut ids: Vec<Value> = records
        .iter()
        .map(|record| attributes(&record["attributes"])["audit.id"].clone())
        .collect();
    ids.sort_by_key(ToString::to_string);
    let mut expected: Vec<Value> = events.iter().map(|event| event["id"].clone()).collect();
    expected.sort_by_key(ToString::to_string);
    assert_eq!(ids, expected, "each event once");
    assert_eq!((sink.exported(), sink.dropped()), (10, 0));
    assert_eq!(audit::sink_failures(), failures);
}

#[test]
fn a_receiver_down_at_start_gets_what_was_buffered_and_the_rest_is_counted() {
    let _serial = SERIAL
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let failures = audit::sink_failures();

    // Down at start, up later: the queue (5 records) waits; 3 more are dropped.
    let port = servers::free_port();
    let sink = Arc::new(
        billing_sink(&format!("http://127.0.0.1:{port}"))
            .capacity(5)
            .batch(100, Duration::from_secs(60))
            .retry_window(Duration::from_secs(10), Duration::from_millis(50)),
    );
    let events = charges(&sink, 8);
    assert_eq!(sink.dropped(), 3, "past the queue's capacity");
    assert_eq!(audit::sink_failures() - failures, 3, "and reported");
    let receiver = Receiver::start(&["--port", &port.to_string()]);
    sink.flush();
    let records = receiver.records();
    assert_eq!(records.len(), 5);
    for (record, event) in records.iter().zip(&events[..5]) {
        let id = &attributes(&record.1["attributes"])["audit.id"];
        assert_eq!(id, &event["id"], "the first five, in order");
    }
    assert_eq!((sink.exported(), sink.dropped()), (5, 3));
    println!("otlp down at start: sent 8 received 5 dropped-and-counted 3");

    // Never up: the retry window closes, the batch is dropped, counted and reported.
    let failures = audit::sink_failures();
    let never = Arc::new(
        billing_sink(&format!("http://127.0.0.1:{}", servers::free_port()))
            .retry_window(Duration::from_millis(300), Duration::from_millis(20)),
    );
    charges(&never, 4);
    never.flush();
    assert_eq!((never.exported(), never.dropped()), (0, 4));
    assert!(never.requests() >= 2, "retried before giving up");
    assert_eq!(audit::sink_failures() - failures, 4);
}

#[test]
fn an_endpoint_that_is_not_http_is_refused_at_construction() {
    for endpoint in ["", "http://", "https://collector:4318", "collector:4318"] {
        let error = OtlpSink::new(endpoint).unwrap_err();
        assert_eq!(error.kind(), std::io::ErrorKind::InvalidInput, "{endpoint}");
    }
}

#[test]
fn events_queued_when_the_process_exits_are_exported_first() {
    let receiver = Receiver::start(&[]);
    let status = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "child_exits_with_events_queued", "--ignored"])
        .env("PALISADE_OTLP_CHILD_ENDPOINT", receiver.endpoint())
        .stdout(Stdio::null())
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(0));
    // The child's flush waited for the receiver's answer: the records are there.
    let records = receiver.records();
    assert_eq!(records.len(), 6, "the child's 6 events, none lost at exit");
}

/// Run by `events_queued_when_the_process_exits_are_exported_first` in a child
/// process: installs a sink whose batches wait a minute, audits, and exits.
#[test]
#[ignore = "run in a child process by events_queued_when_the_process_exits_are_exported_first"]
fn child_exits_with_events_queued() {
    let Ok(endpoint) = std::env::var("PALISADE_OTLP_CHILD_ENDPOINT") else {
        return;
    };
    let sink = billing_sink(&endpoint).batch(1000, Duration::from_secs(60));
    audit::install(sink).unwrap();
    for cents in 0..5 {
        let _ = charge("exit", cents, Vec::new(), false);
    }
    let _ = charge("exit", -1, Vec::new(), false);
    std::process::exit(0);
}
