//! `SyslogSink` against a real `rsyslogd` started by the test on 127.0.0.1: events
//! sent over UDP, TCP and a unix datagram socket arrive once each, as RFC 5424
//! messages whose structured data parses and whose JSON body is the event; rsyslogd
//! killed and restarted under a TCP sink: every event is delivered or counted as
//! dropped (and reported as a sink failure), none silently gone.

#[path = "common/rfc5424.rs"]
mod rfc5424;
#[path = "common/rsyslog.rs"]
mod rsyslog;
#[path = "common/servers.rs"]
mod servers;

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use palisade::audit::{self, FanOut, MemorySink, SyslogSink};
use palisade::audit_log;
use serde_json::Value;

use rsyslog::Rsyslog;

/// The tests of this file share the process-wide failure counter: the one that
/// provokes failures runs alone.
static SERIAL: Mutex<()> = Mutex::new(());

#[audit_log(operation = "syslog.transfer")]
fn transfer(marker: &str, amount: u64, note: &str) -> Result<u64, String> {
    if amount.is_multiple_of(3) {
        Err(format!("refused \"{note}\" ]\\ {marker}"))
    } else {
        Ok(amount)
    }
}

#[audit_log(operation = "syslog.explode")]
fn explode(marker: &str) {
    panic!("boom {marker}");
}

/// Runs `body` with `sink` and a memory sink both receiving this thread's events;
/// returns what the memory sink got (the events as the process saw them).
fn with_sinks(sink: &Arc<SyslogSink>, body: impl FnOnce()) -> Vec<Value> {
    let memory = Arc::new(MemorySink::new());
    let both = FanOut::new(vec![Box::new(sink.clone()), Box::new(memory.clone())]);
    let scope = audit::scoped_sink(Arc::new(both));
    body();
    drop(scope);
    memory
        .lines()
        .iter()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

/// `count` calls, a third failing, one panicking, with an actor and notes full of
/// what SD-PARAMs must escape and what is not ASCII.
fn emit(sink: &Arc<SyslogSink>, marker: &str, count: u64) -> Vec<Value> {
    with_sinks(sink, || {
        audit::with_actor("ann \"the\" [admin] \\ é", || {
            for amount in 1..=count {
                let _ = transfer(marker, amount, "quote\" bracket] slash\\ ünï 😀");
            }
            let caught = std::panic::catch_unwind(|| explode(marker));
            assert!(caught.is_err());
        });
    })
}

/// Parses each line, checks it against the event the process recorded with the same
/// id, and returns how many lines each id had.
fn check_lines(lines: &[String], events: &[Value]) -> HashMap<String, usize> {
    let by_id: HashMap<&str, &Value> = events
        .iter()
        .map(|event| (event["id"].as_str().unwrap(), event))
        .collect();
    let mut seen = HashMap::new();
    for line in lines {
        let message = rfc5424::parse(line).unwrap_or_else(|error| panic!("{error}: {line}"));
        let body: Value = serde_json::from_str(&message.msg)
            .unwrap_or_else(|error| panic!("MSG is not JSON ({error}): {}", message.msg));
        assert!(message.msg.is_ascii(), "the JSON body is sent as ASCII");
        let id = body["id"].as_str().unwrap().to_owned();
        let Some(event) = by_id.get(id.as_str()) else {
            continue; // Another test's event.
        };
        assert_eq!(&body, *event, "the JSON body is the event, value for value");
        // LogAudit (13); the severity follows the outcome.
        let severity = match body["outcome"].as_str().unwrap() {
            "success" => 5,
            "failure" => 4,
            "panic" => 3,
            other => panic!("outcome {other}"),
        };
        assert_eq!(message.pri, 13 * 8 + severity, "{line}");
        assert_eq!(message.app_name, "palisade-test");
        assert_eq!(message.hostname, "audit-host");
        assert_eq!(message.procid, std::process::id().to_string());
        assert_eq!(message.msgid, body["operation"].as_str().unwrap());
        assert_eq!(message.elements.len(), 1);
        let (sd_id, params) = &message.elements[0];
        assert_eq!(sd_id, "audit@32473");
        let expected: BTreeMap<String, String> = [
            "id",
            "phase",
            "operation",
            "outcome",
            "actor",
            "module",
            "environment",
        ]
        .iter()
        .map(|key| ((*key).to_owned(), body[key].as_str().unwrap().to_owned()))
        .chain([("duration_us".to_owned(), body["duration_us"].to_string())])
        .collect();
        assert_eq!(
            params, &expected,
            "SD-PARAMs unescape to the event's fields"
        );
        assert_eq!(message.timestamp, body["timestamp"].as_str().unwrap());
        *seen.entry(id).or_insert(0) += 1;
    }
    seen
}

fn configure(sink: SyslogSink) -> Arc<SyslogSink> {
    Arc::new(sink.app_name("palisade-test").hostname("audit-host"))
}

#[test]
fn events_over_udp_tcp_and_a_unix_socket_arrive_once_and_parse() {
    let _serial = SERIAL
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let rsyslog = Rsyslog::start();
    let failures = audit::sink_failures();
    let sinks = [
        (
            "udp",
            configure(SyslogSink::udp(("127.0.0.1", rsyslog.udp_port)).unwrap()),
        ),
        (
            "tcp",
            configure(SyslogSink::tcp(("127.0.0.1", rsyslog.tcp_port)).unwrap()),
        ),
        (
            "unix",
            configure(SyslogSink::unix(&rsyslog.socket).unwrap()),
        ),
    ];
    for (transport, sink) in &sinks {
        let marker = format!("marker-{transport}-{}", std::process::id());
        let events = emit(sink, &marker, 30);
        assert_eq!(events.len(), 31);
        let lines = rsyslog.wait_lines(&marker, events.len());
        let seen = check_lines(&lines, &events);
        assert_eq!(seen.len(), events.len(), "{transport}: every event arrived");
        assert!(seen.values().all(|&n| n == 1), "{transport}: each once");
        assert_eq!(sink.sent(), 31, "{transport}");
        assert_eq!(sink.dropped(), 0, "{transport}");
        println!(
            "{transport}: sent {} received {} dropped 0",
            sink.sent(),
            seen.len()
        );
    }
    assert_eq!(audit::sink_failures(), failures);
}

#[audit_log(operation = "syslog.upload")]
fn upload(marker: &str, blob: &str) -> usize {
    marker.len() + blob.len()
}

#[test]
fn an_oversized_event_arrives_reduced_with_its_key_fields() {
    let _serial = SERIAL
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let rsyslog = Rsyslog::start();
    let sink = configure(
        SyslogSink::tcp(("127.0.0.1", rsyslog.tcp_port))
            .unwrap()
            .max_message(2048),
    );
    let marker = format!("oversized-{}", std::process::id());
    let blob = "x".repeat(3000);
    let events = with_sinks(&sink, || {
        upload(&marker, &blob);
    });
    let lines = rsyslog.wait_lines("syslog.upload", 1);
    let message = rfc5424::parse(&lines[0]).unwrap();
    assert!(lines[0].len() <= 2048);
    let body: Value = serde_json::from_str(&message.msg).unwrap();
    assert_eq!(body["id"], events[0]["id"]);
    assert_eq!(body["args"]["[omitted: event too large for syslog]"], true);
    assert_eq!(message.elements[0].1["operation"], "syslog.upload");
    assert_eq!(sink.reduced(), 1);
}

#[test]
fn a_sink_configured_for_a_missing_server_fails_to_construct() {
    // Serial: no rsyslogd of another test takes the free port meanwhile.
    let _serial = SERIAL
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let port = servers::free_port();
    let error = SyslogSink::tcp(("127.0.0.1", port)).unwrap_err();
    assert_eq!(error.kind(), std::io::ErrorKind::ConnectionRefused);
    let dir = servers::TempDir::new("palisade-syslog-missing");
    assert!(SyslogSink::unix(dir.join("no.sock")).is_err());
    assert!(SyslogSink::udp("no-such-host.invalid:514").is_err());
}

#[test]
fn tcp_reconnects_after_rsyslogd_restarts_and_counts_what_it_drops() {
    let _serial = SERIAL
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let mut rsyslog = Rsyslog::start();
    let sink = configure(
        SyslogSink::tcp(("127.0.0.1", rsyslog.tcp_port))
            .unwrap()
            .buffer(10)
            .reconnect_every(Duration::from_millis(50)),
    );
    let marker = format!("restart-{}", std::process::id());
    let failures = audit::sink_failures();
    let sent_before = with_sinks(&sink, || {
        for amount in [1, 2, 4, 5] {
            let _ = transfer(&marker, amount, "before");
        }
    });
    rsyslog.wait_lines(&marker, 4);

    // Mid-stream: the connection is open when the server dies.
    rsyslog.kill();
    let while_down = with_sinks(&sink, || {
        for amount in 1..=25 {
            let _ = transfer(&marker, amount * 3 + 1, "down");
        }
    });
    assert_eq!(sink.buffered(), 10, "the buffer's bound");
    assert_eq!(sink.dropped(), 15, "the rest counted");
    assert_eq!(audit::sink_failures() - failures, 15, "and reported");

    rsyslog.restart();
    std::thread::sleep(Duration::from_millis(60)); // the reconnection interval
    let after = with_sinks(&sink, || {
        for amount in 1..=5 {
            let _ = transfer(&marker, amount * 3 + 1, "after");
        }
    });
    let emitted = sent_before.len() + while_down.len() + after.len();
    let lines = rsyslog.wait_lines(&marker, emitted - 15);
    let all: Vec<Value> = [sent_before, while_down.clone(), after.clone()].concat();
    let seen = check_lines(&lines, &all);
    assert!(seen.values().all(|&n| n == 1), "none twice");
    // The first 10 events sent while the server was down were buffered and arrive;
    // the other 15 were dropped and counted.
    for event in while_down[..10].iter().chain(&after) {
        assert!(seen.contains_key(event["id"].as_str().unwrap()));
    }
    for event in &while_down[10..] {
        assert!(!seen.contains_key(event["id"].as_str().unwrap()));
    }
    assert_eq!(seen.len() as u64 + sink.dropped(), emitted as u64);
    assert_eq!(sink.sent(), seen.len() as u64);
    assert_eq!(sink.buffered(), 0);
    println!(
        "tcp restart: emitted {emitted} received {} dropped-and-counted {}",
        seen.len(),
        sink.dropped()
    );
}
