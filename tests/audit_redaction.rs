//! Redaction that holds: by name (split into words, extensible at run time), by type
//! at any depth, in `resources`, and never through `Debug` unless asked.

use std::collections::HashMap;
use std::sync::Arc;

use palisade::audit::{self, AuditValue, MemorySink, Secret, ValueWriter};
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

#[derive(Debug)]
#[allow(dead_code)] // read through `Debug` only
struct Opaque {
    password: String,
}

struct Token(String);

impl AuditValue for Token {
    fn write_audit(&self, out: &mut ValueWriter<'_>) {
        out.object(&[("kind", &"bearer-ish"), ("value", &self.0)]);
    }
}

#[audit_log(debug(shown))]
#[allow(clippy::needless_pass_by_value)]
fn shapes(
    hidden: Opaque,
    shown: Opaque,
    items: Vec<Secret<String>>,
    maybe: Option<Secret<u8>>,
    map: HashMap<String, Vec<Secret<i32>>>,
    custom: Token,
    flag: &bool,
) {
    let _ = (hidden, shown, items, maybe, map, custom, flag);
}

#[test]
fn debug_is_opt_in_and_secrets_are_redacted_inside_containers() {
    let mut map = HashMap::new();
    map.insert("ids".to_owned(), vec![Secret::new(1)]);
    let events = record(|| {
        shapes(
            Opaque {
                password: "p1-hidden".into(),
            },
            Opaque {
                password: "p2-shown".into(),
            },
            vec![Secret::new("s".into())],
            Some(Secret::new(3)),
            map,
            Token("t".into()),
            &false,
        );
    });
    let args = &events[0]["args"];
    assert_eq!(args["hidden"], "[not captured: audit_redaction::Opaque]");
    assert_eq!(args["shown"], "Opaque { password: \"p2-shown\" }");
    assert_eq!(args["items"], json!(["[REDACTED]"]));
    assert_eq!(args["maybe"], "[REDACTED]");
    assert_eq!(args["map"], json!({"ids": ["[REDACTED]"]}));
    assert_eq!(args["custom"], json!({"kind": "bearer-ish", "value": "t"}));
    assert_eq!(args["flag"], false);
}

#[audit_log(resources(user, bearer))]
#[allow(clippy::too_many_arguments)]
fn names(
    user: &str,
    bearer: &str,
    #[allow(non_snake_case)] apiKey: &str,
    x_api_key: &str,
    _password: &str,
    pwd: &str,
    session_id: &str,
    compass: &str,
) {
    let _ = (
        user, bearer, apiKey, x_api_key, _password, pwd, session_id, compass,
    );
}

#[test]
fn names_are_matched_on_words_and_resources_are_redacted_like_args() {
    let events = record(|| names("ann", "b-1", "k", "k", "p", "p", "s", "north"));
    assert_eq!(
        events[0]["args"],
        json!({"user": "ann", "bearer": "[REDACTED]", "apiKey": "[REDACTED]",
               "x_api_key": "[REDACTED]", "_password": "[REDACTED]", "pwd": "[REDACTED]",
               "session_id": "[REDACTED]", "compass": "north"})
    );
    assert_eq!(
        events[0]["resources_affected"],
        json!(["ann", "[REDACTED]"])
    );
}

#[derive(serde::Serialize)]
struct Tenant {
    name: String,
    tenant_ref: String,
}

#[audit_log]
#[allow(clippy::needless_pass_by_value)]
fn tenant(tenant: Tenant, employee_no: u32) {
    let _ = (tenant, employee_no);
}

#[test]
fn names_added_at_run_time_are_redacted_at_every_depth() {
    let before = record(|| {
        tenant(
            Tenant {
                name: "acme".into(),
                tenant_ref: "T-9".into(),
            },
            7,
        )
    });
    assert_eq!(before[0]["args"]["tenant"]["tenant_ref"], "T-9");
    audit::sensitive_names(["tenant ref", "employeeNo"]);
    let after = record(|| {
        tenant(
            Tenant {
                name: "acme".into(),
                tenant_ref: "T-9".into(),
            },
            7,
        )
    });
    assert_eq!(
        after[0]["args"],
        json!({"tenant": {"name": "acme", "tenant_ref": "[REDACTED]"}, "employee_no": "[REDACTED]"})
    );
}

#[test]
fn the_default_lists_are_documented_and_long() {
    assert_eq!(audit::SENSITIVE_NAME_PARTS.len(), 11);
    assert!(audit::SENSITIVE_NAME_WORDS.len() >= 48);
    for name in [
        "passwort",
        "contrasena",
        "mot_de_passe",
        "cardNumber",
        "cert_pem",
        "access_code",
    ] {
        assert!(audit::is_sensitive_name(name), "{name}");
    }
}

#[audit_log]
fn unlock(items: Vec<Secret<String>>, fallback: Option<Secret<u32>>) -> Result<(), String> {
    Err(format!(
        "no key among {} (fallback {:?})",
        items[0].expose(),
        fallback.map(|pin| *pin.expose())
    ))
}

#[test]
fn secrets_inside_containers_are_scrubbed_from_error_detail() {
    let events = record(|| {
        unlock(
            vec![Secret::new("opensesame".into())],
            Some(Secret::new(98_765)),
        )
    });
    assert_eq!(events[0]["args"]["items"], json!(["[REDACTED]"]));
    assert_eq!(
        events[0]["error_detail"],
        "no key among [REDACTED] (fallback Some([REDACTED]))"
    );
}
