//! `#[audit_log(fields(name = EXPR, ..))]`: a `metadata` object on every event of the
//! call, computed when it starts, redacted by the same name rules as the arguments,
//! left out when a function declares none.

use std::sync::Arc;

use palisade::audit::{self, MemorySink, Secret};
use palisade::audit_log;
use serde_json::{json, Value};

fn record<R>(body: impl FnOnce() -> R) -> Vec<Value> {
    let sink = Arc::new(MemorySink::new());
    let scope = audit::scoped_sink(sink.clone());
    body();
    drop(scope);
    sink.lines()
        .iter()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

struct Tenant {
    id: u32,
    region: &'static str,
}

#[audit_log(
    start,
    fields(
        tenant = tenant.id,
        region = tenant.region,
        batch = items.len(),
        api_key = "sk-live-123456",
        lucky = Secret::new(7_u8),
    )
)]
#[allow(clippy::needless_pass_by_value)]
fn import(tenant: &Tenant, items: Vec<u32>) -> Result<usize, String> {
    if items.is_empty() {
        // The text of a redacted field is scrubbed from the error as well.
        return Err("nothing to import for sk-live-123456".into());
    }
    Ok(items.len())
}

#[audit_log]
fn plain(value: u32) -> u32 {
    value
}

#[test]
fn fields_become_the_metadata_of_every_event_of_the_call() {
    let tenant = Tenant {
        id: 42,
        region: "eu-west",
    };
    let events = record(|| {
        import(&tenant, vec![1, 2, 3]).unwrap();
        import(&tenant, Vec::new()).unwrap_err();
    });
    assert_eq!(events.len(), 4, "{events:#?}");
    let expected = |batch: usize| {
        json!({
            "tenant": 42,
            "region": "eu-west",
            "batch": batch,
            "api_key": "[REDACTED]",
            "lucky": "[REDACTED]",
        })
    };
    assert_eq!(events[0]["phase"], "start");
    assert_eq!(events[0]["metadata"], expected(3));
    assert_eq!(events[1]["metadata"], expected(3));
    assert_eq!(events[1]["outcome"], "success");
    assert_eq!(events[3]["metadata"], expected(0));
    assert_eq!(events[3]["outcome"], "failure");
    assert_eq!(
        events[3]["error_detail"],
        "nothing to import for [REDACTED]"
    );
    // The arguments are still there, untouched by the metadata.
    assert_eq!(events[1]["args"]["items"], json!([1, 2, 3]));
    // Secrets never reach the line.
    for event in &events {
        let line = event.to_string();
        assert!(!line.contains("sk-live-123456"), "{line}");
    }
}

#[test]
fn a_function_without_fields_has_no_metadata_key() {
    let events = record(|| plain(1));
    assert_eq!(events.len(), 1);
    assert!(events[0].get("metadata").is_none(), "{}", events[0]);
}

#[test]
fn names_added_at_run_time_are_redacted_in_metadata_too() {
    #[audit_log(fields(employee_no = 1234_u32))]
    fn lookup() {}
    audit::sensitive_names(["employee_no"]);
    let events = record(lookup);
    assert_eq!(
        events[0]["metadata"],
        json!({ "employee_no": "[REDACTED]" })
    );
}
