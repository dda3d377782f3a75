//! `JournaldSink` against a real `systemd-journald` started by the test in a journal
//! namespace of its own: every field round-trips through `journalctl -o json`,
//! including values with newlines (the binary-safe framing) and entries of 100 KiB
//! and 1 MiB (the second too large for a datagram: a sealed memfd); a journald that
//! is gone is an error, counted.

#[path = "common/journald.rs"]
mod journald;
#[path = "common/servers.rs"]
mod servers;

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use palisade::audit::{
    self, AuditEvent, AuditSink, BuildInfo, EventId, FanOut, JournaldSink, MemorySink, Outcome,
    Phase, AUDIT_MESSAGE_ID,
};
use palisade::audit_log;
use serde_json::Value;

use journald::{field, Journald};

#[audit_log(operation = "journal.rotate_keys", resources(vault))]
fn rotate_keys(vault: &str, count: u32) -> Result<u32, String> {
    if count == 0 {
        Err(format!("vault {vault}:\nnothing to rotate\n(second line)"))
    } else {
        Ok(count)
    }
}

/// Checks every field of `entry` against the event as the process recorded it.
fn check_entry(entry: &Value, event: &Value) {
    let text = |name: &str| field(entry, name).unwrap_or_else(|| panic!("{name} missing: {entry}"));
    let json: Value = serde_json::from_str(&text("PALISADE_JSON")).unwrap();
    assert_eq!(&json, event, "PALISADE_JSON is the event");
    for (name, key) in [
        ("PALISADE_TIMESTAMP", "timestamp"),
        ("PALISADE_ID", "id"),
        ("PALISADE_PHASE", "phase"),
        ("PALISADE_OPERATION", "operation"),
        ("PALISADE_MODULE", "module"),
        ("PALISADE_OUTCOME", "outcome"),
        ("PALISADE_ACTOR", "actor"),
        ("PALISADE_ENVIRONMENT", "environment"),
    ] {
        assert_eq!(text(name), event[key].as_str().unwrap(), "{name}");
    }
    assert_eq!(
        text("PALISADE_DURATION_US"),
        event["duration_us"].to_string()
    );
    let args: Value = serde_json::from_str(&text("PALISADE_ARGS")).unwrap();
    assert_eq!(args, event["args"]);
    let resources: Value = serde_json::from_str(&text("PALISADE_RESOURCES_AFFECTED")).unwrap();
    assert_eq!(resources, event["resources_affected"]);
    assert_eq!(
        field(entry, "PALISADE_ERROR_DETAIL").as_deref(),
        event["error_detail"].as_str()
    );
    for part in ["crate", "version", "rustc", "target", "profile"] {
        let name = format!("PALISADE_BUILD_{}", part.to_uppercase());
        assert_eq!(text(&name), event["build"][part].as_str().unwrap());
    }
    assert_eq!(text("SYSLOG_IDENTIFIER"), "palisade-test");
    let priority = match event["outcome"].as_str().unwrap() {
        "pending" => "6",
        "success" => "5",
        "failure" => "4",
        _ => "3",
    };
    assert_eq!(text("PRIORITY"), priority);
    let message = text("MESSAGE");
    assert!(!message.contains('\n'), "MESSAGE is one line: {message:?}");
    assert!(message.contains(event["operation"].as_str().unwrap()));
    assert!(message.contains(event["outcome"].as_str().unwrap()));
}

#[test]
fn every_field_round_trips_through_a_real_journald() {
    let journal = Journald::start();
    let sink = Arc::new(
        JournaldSink::with_socket(&journal.socket)
            .unwrap()
            .identifier("palisade-test"),
    );
    let memory = Arc::new(MemorySink::new());
    let scope = audit::scoped_sink(Arc::new(FanOut::new(vec![
        Box::new(sink.clone()),
        Box::new(memory.clone()),
    ])));
    audit::with_actor("ann\nsmith = \"root\"", || {
        for count in 0..20 {
            let _ = rotate_keys("prod/é😀", count);
        }
    });
    drop(scope);
    let events: Vec<Value> = memory
        .lines()
        .iter()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(events.len(), 20);
    let entries = journal.wait_entries(AUDIT_MESSAGE_ID, 20);
    let by_id: HashMap<String, &Value> = entries
        .iter()
        .map(|entry| (field(entry, "PALISADE_ID").unwrap(), entry))
        .collect();
    assert_eq!(entries.len(), 20, "each event once");
    for event in &events {
        let entry = by_id[event["id"].as_str().unwrap()];
        check_entry(entry, event);
    }
    assert_eq!(
        field(&entries[0], "PALISADE_ACTOR").unwrap(),
        "ann\nsmith = \"root\""
    );
    assert_eq!(sink.sent(), 20);
    assert_eq!(sink.sent_via_memfd(), 0);
    println!("journald: sent 20 received {} failed 0", entries.len());
}

/// An event whose `args` is `size` bytes of JSON. `#[audit_log]` cuts each argument
/// at 4 KiB, so a large entry is built directly, as a sink sees it.
fn record_large(sink: &JournaldSink, size: usize) -> (EventId, String) {
    let args = format!("{{\"blob\":\"{}\"}}", "y".repeat(size));
    let event = AuditEvent {
        timestamp: SystemTime::now(),
        id: EventId::new(),
        phase: Phase::Finish,
        operation: "journal.upload",
        module: module_path!(),
        outcome: Outcome::Success,
        duration: Duration::from_micros(5),
        actor: "ann",
        change_ticket: Some("CHG-1"),
        environment: "test",
        args_json: &args,
        resources_json: "[]",
        metadata_json: "",
        error_detail: None,
        build: BuildInfo {
            crate_name: "palisade",
            version: "0.1.0",
            rustc: "rustc",
            target: "x86_64-unknown-linux-gnu",
            profile: "debug",
        },
    };
    sink.record(&event).unwrap();
    (event.id, args)
}

#[test]
fn entries_too_large_for_a_datagram_go_through_a_sealed_memfd() {
    let journal = Journald::start();
    let sink = JournaldSink::with_socket(&journal.socket)
        .unwrap()
        .identifier("palisade-test");
    // 100 KiB fits a datagram (the kernel's limit here is about 208 KiB)...
    let (small, small_args) = record_large(&sink, 100 * 1024);
    assert_eq!(sink.sent_via_memfd(), 0);
    // ...1 MiB does not: EMSGSIZE, then the memfd.
    let (large, large_args) = record_large(&sink, 1024 * 1024);
    assert_eq!(sink.sent_via_memfd(), 1);
    // With a datagram limit, 100 KiB goes through a memfd without trying one.
    let limited = JournaldSink::with_socket(&journal.socket)
        .unwrap()
        .identifier("palisade-test")
        .max_datagram(64 * 1024);
    let (capped, capped_args) = record_large(&limited, 100 * 1024);
    assert_eq!(limited.sent_via_memfd(), 1);

    let entries = journal.wait_entries(AUDIT_MESSAGE_ID, 3);
    for (id, args) in [
        (small, small_args),
        (large, large_args),
        (capped, capped_args),
    ] {
        let entry = entries
            .iter()
            .find(|entry| field(entry, "PALISADE_ID").unwrap() == id.to_string())
            .unwrap_or_else(|| panic!("entry {id} arrived"));
        assert_eq!(field(entry, "PALISADE_ARGS").unwrap(), args);
        assert_eq!(field(entry, "PALISADE_CHANGE_TICKET").unwrap(), "CHG-1");
        let json: Value = serde_json::from_str(&field(entry, "PALISADE_JSON").unwrap()).unwrap();
        assert_eq!(
            json["args"]["blob"].as_str().unwrap().len(),
            args.len() - "{\"blob\":\"\"}".len()
        );
    }
}

#[test]
fn a_journald_that_is_gone_is_an_error_counted_and_reported() {
    let mut journal = Journald::start();
    let sink = JournaldSink::with_socket(&journal.socket).unwrap();
    journal.kill();
    let dir = servers::TempDir::new("palisade-journald-missing");
    assert!(JournaldSink::with_socket(dir.join("socket")).is_err());
    let failures = audit::sink_failures();
    let scope = audit::scoped_sink(Arc::new(sink));
    let _ = rotate_keys("gone", 1);
    drop(scope);
    assert!(
        audit::sink_failures() > failures,
        "the lost entry is reported"
    );
}
