//! Audit events as OTLP/JSON `LogRecord`s, and a batch of them as an
//! `ExportLogsServiceRequest` (opentelemetry-proto's `logs.proto`, in the protobuf
//! JSON mapping OTLP/HTTP uses: lowerCamelCase names, 64-bit integers as strings,
//! enums as numbers).

// The runtime is `no_std`; auditing needs the standard library.
use std::prelude::rust_2021::*;
use std::{format, vec};

use std::time::SystemTime;

use serde_json::{json, Map, Value};

use super::super::event::AuditEvent;
use super::super::severity::{Severity, SeverityMap};

/// OTLP's `SeverityNumber` for a syslog severity: debug 5, info 9, notice 10
/// (INFO2), warning 13, error 17, critical 21 (FATAL), alert 22, emergency 23.
pub(super) const fn severity_number(severity: Severity) -> u8 {
    match severity {
        Severity::Debug => 5,
        Severity::Informational => 9,
        Severity::Notice => 10,
        Severity::Warning => 13,
        Severity::Error => 17,
        Severity::Critical => 21,
        Severity::Alert => 22,
        Severity::Emergency => 23,
    }
}

/// Nanoseconds since the Unix epoch, as the string OTLP/JSON writes a `fixed64` as.
fn unix_nanos(time: SystemTime) -> String {
    time.duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |since| since.as_nanos())
        .to_string()
}

/// A JSON value as an OTLP `AnyValue`: strings, booleans, integers (as strings),
/// doubles, arrays and objects (`kvlistValue`) typed; `null` an empty `AnyValue`.
pub(super) fn any_value(value: &Value) -> Value {
    match value {
        Value::Null => json!({}),
        Value::Bool(flag) => json!({ "boolValue": flag }),
        Value::Number(number) => match number.as_i64() {
            Some(int) => json!({ "intValue": int.to_string() }),
            None => json!({ "doubleValue": number.as_f64().unwrap_or(0.0) }),
        },
        Value::String(text) => json!({ "stringValue": text }),
        Value::Array(items) => {
            json!({ "arrayValue": { "values": items.iter().map(any_value).collect::<Vec<_>>() } })
        }
        Value::Object(entries) => json!({ "kvlistValue": { "values": key_values(entries) } }),
    }
}

/// An object's entries as OTLP `KeyValue`s.
fn key_values(entries: &Map<String, Value>) -> Vec<Value> {
    entries
        .iter()
        .map(|(key, value)| json!({ "key": key, "value": any_value(value) }))
        .collect()
}

/// `{"key": .., "value": {"stringValue": ..}}`.
pub(super) fn string_attribute(key: &str, value: &str) -> Value {
    json!({ "key": key, "value": { "stringValue": value } })
}

/// The `LogRecord` of `event`: its time, the time it was recorded, the severity of
/// its outcome, `eventName` = the operation, the JSON line as a string `body`, and
/// one typed attribute per field (`audit.args` a `kvlistValue` of the arguments).
pub(super) fn log_record(event: &AuditEvent<'_>, severities: SeverityMap) -> Value {
    let mut line = Vec::with_capacity(1024);
    event.write_json(&mut line);
    let line = String::from_utf8_lossy(&line).into_owned();
    // The line was written by `write_json`: it parses; `null` keeps a record anyway.
    let parsed: Value = serde_json::from_str(&line).unwrap_or(Value::Null);
    let severity = severities.of(event.outcome);
    let mut attributes = vec![
        string_attribute("audit.id", &event.id.to_string()),
        string_attribute("audit.phase", event.phase.as_str()),
        string_attribute("audit.operation", event.operation),
        string_attribute("audit.module", event.module),
        string_attribute("audit.outcome", event.outcome.as_str()),
        json!({ "key": "audit.duration_us", "value": { "intValue":
            event.duration.as_micros().to_string() } }),
        string_attribute("audit.actor", event.actor),
        string_attribute("audit.environment", event.environment),
        json!({ "key": "audit.args", "value": any_value(&parsed["args"]) }),
        json!({ "key": "audit.resources_affected", "value":
            any_value(&parsed["resources_affected"]) }),
    ];
    if let Some(ticket) = event.change_ticket {
        attributes.push(string_attribute("audit.change_ticket", ticket));
    }
    if !event.metadata_json.is_empty() {
        attributes
            .push(json!({ "key": "audit.metadata", "value": any_value(&parsed["metadata"]) }));
    }
    if let Some(detail) = parsed["error_detail"].as_str() {
        attributes.push(string_attribute("audit.error_detail", detail));
    }
    let build = &event.build;
    for (key, value) in [
        ("audit.build.crate", build.crate_name),
        ("audit.build.version", build.version),
        ("audit.build.rustc", build.rustc),
        ("audit.build.target", build.target),
        ("audit.build.profile", build.profile),
    ] {
        attributes.push(string_attribute(key, value));
    }
    json!({
        "timeUnixNano": unix_nanos(event.timestamp),
        "observedTimeUnixNano": unix_nanos(SystemTime::now()),
        "severityNumber": severity_number(severity),
        "severityText": severity.name(),
        "eventName": event.operation,
        "body": { "stringValue": line },
        "attributes": attributes,
    })
}

/// The request body for `records`: one resource (with `resource`'s attributes), one
/// scope (`palisade.audit` and the runtime's version).
pub(super) fn request(resource: &[Value], records: &[Value]) -> Vec<u8> {
    let body = json!({
        "resourceLogs": [{
            "resource": { "attributes": resource },
            "scopeLogs": [{
                "scope": { "name": "palisade.audit", "version": env!("CARGO_PKG_VERSION") },
                "logRecords": records,
            }],
        }],
    });
    serde_json::to_vec(&body).unwrap_or_else(|error| format!("{error}").into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_values_become_typed_any_values() {
        let value: Value =
            serde_json::from_str(r#"{"a":1,"b":[true,"x",1.5],"c":null,"d":18446744073709551615}"#)
                .unwrap();
        assert_eq!(
            any_value(&value),
            json!({"kvlistValue": {"values": [
                {"key": "a", "value": {"intValue": "1"}},
                {"key": "b", "value": {"arrayValue": {"values": [
                    {"boolValue": true}, {"stringValue": "x"}, {"doubleValue": 1.5}
                ]}}},
                {"key": "c", "value": {}},
                {"key": "d", "value": {"doubleValue": 18_446_744_073_709_551_615.0}},
            ]}})
        );
    }

    #[test]
    fn failures_and_panics_rank_above_success() {
        use super::super::super::event::Outcome;
        let map = SeverityMap::default();
        assert!(
            severity_number(map.of(Outcome::Failure)) > severity_number(map.of(Outcome::Success))
        );
        assert!(
            severity_number(map.of(Outcome::Panic)) > severity_number(map.of(Outcome::Failure))
        );
    }
}
