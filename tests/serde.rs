//! `#[validated(serde)]` and serializable errors (the `serde` feature).

use palisade::{validated, Validate};
use serde::{Deserialize, Serialize};

#[validated(serde)]
#[derive(Debug, PartialEq)]
pub struct Port(#[validate(range(1..=65535))] u32);

#[validated(serde)]
#[derive(Debug)]
#[serde(deny_unknown_fields)]
#[invariant(self.min <= self.max, message = "min must not exceed max")]
pub struct Window {
    #[validate(range(0..=100))]
    min: u8,
    #[serde(rename = "maximum")]
    #[validate(range(0..=100))]
    max: u8,
    #[serde(default)]
    label: String,
}

#[derive(Debug, Serialize, Deserialize)]
struct Config {
    port: Port,
    window: Window,
}

#[test]
fn valid_input_deserializes_and_serializes_back_the_same() {
    let json = r#"{"port":8080,"window":{"min":1,"maximum":5,"label":"x"}}"#;
    let config: Config = serde_json::from_str(json).unwrap();
    assert_eq!(config.port, Port::try_new(8080).unwrap());
    assert_eq!(*config.window.max(), 5);
    assert_eq!(serde_json::to_string(&config).unwrap(), json);
    let defaulted: Window = serde_json::from_str(r#"{"min":1,"maximum":5}"#).unwrap();
    assert_eq!(defaulted.label(), "");
}

#[test]
fn invalid_input_is_a_serde_error_listing_every_failed_rule() {
    let error = serde_json::from_str::<Window>(r#"{"min":101,"maximum":102}"#).unwrap_err();
    let message = error.to_string();
    assert!(
        message.contains("min: must be between 0 and 100"),
        "{message}"
    );
    // Paths name the Rust fields: validation runs on the value, after serde.
    assert!(
        message.contains("max: must be between 0 and 100"),
        "{message}"
    );
    let error = serde_json::from_str::<Window>(r#"{"min":9,"maximum":2}"#).unwrap_err();
    assert_eq!(error.to_string(), "Window: min must not exceed max");
    let error = serde_json::from_str::<Port>("0").unwrap_err();
    assert_eq!(error.to_string(), "Port: must be between 1 and 65535");
    // The user's own serde attributes still apply.
    assert!(serde_json::from_str::<Window>(r#"{"min":1,"maximum":2,"extra":0}"#).is_err());
}

#[derive(Validate)]
struct Form {
    #[validate(range(1..=10))]
    age: u8,
    #[validate(each(email))]
    emails: Vec<String>,
}

#[test]
fn errors_serialize_with_path_code_message_and_params() {
    let errors = Form {
        age: 0,
        emails: vec!["ok@example.com".into(), "nope".into()],
    }
    .validate()
    .unwrap_err();
    let json = serde_json::to_value(&errors).unwrap();
    assert_eq!(
        json,
        serde_json::json!([
            {
                "path": "age",
                "code": "range",
                "message": "must be between 1 and 10",
                "params": {"min": 1, "max": 10, "value": 0}
            },
            {
                "path": "emails[1]",
                "code": "email",
                "message": "must be a valid email address",
                "params": {}
            }
        ])
    );
}

#[validated(serde)]
#[derive(Debug)]
pub struct Refund {
    #[validate(range(1..=10_000))]
    amount_cents: u32,
}

#[validated(serde)]
#[derive(Debug)]
pub struct Settings {
    #[validate(nested)]
    window: Window,
    #[validate(range(1..=10))]
    retries: u8,
    #[validate(each(nested))]
    refunds: Vec<Refund>,
    #[validate(nested)]
    fallback: Option<Window>,
    port: Port,
}

fn settings_errors(json: &str) -> Vec<String> {
    let error = serde_json::from_str::<Settings>(json).unwrap_err();
    // serde_json adds the position after the last line.
    let text = error.to_string();
    let text = text
        .rsplit_once(" at line")
        .map_or(text.as_str(), |(text, _)| text);
    text.lines().map(str::to_owned).collect()
}

#[test]
fn nested_failures_are_reported_with_their_paths_together_with_their_siblings() {
    let valid = r#"{"window":{"min":1,"maximum":5},"retries":3,
        "refunds":[{"amount_cents":5}],"fallback":null,"port":80}"#;
    let settings: Settings = serde_json::from_str(valid).unwrap();
    assert_eq!(settings.refunds()[0].amount_cents(), &5);

    let errors = settings_errors(
        r#"{"window":{"min":101,"maximum":5},"retries":0,
        "refunds":[{"amount_cents":5},{"amount_cents":0}],
        "fallback":{"min":9,"maximum":2},"port":80}"#,
    );
    assert_eq!(
        errors,
        [
            "window.min: must be between 0 and 100",
            "retries: must be between 1 and 10",
            "refunds[1].amount_cents: must be between 1 and 10000",
            "fallback: min must not exceed max",
        ]
    );
}

#[test]
fn a_failure_below_a_field_without_nested_still_ends_the_document() {
    // `port` has no `nested`: `Port`'s own `Deserialize` refuses 0, and that error
    // ends the document (a nested value's failure is only taken by the level that
    // asked for it, never from deeper inside).
    let error = serde_json::from_str::<Settings>(
        r#"{"window":{"min":1,"maximum":5},"retries":0,"refunds":[],"fallback":null,"port":0}"#,
    )
    .unwrap_err();
    assert!(
        error.to_string().contains("must be between 1 and 65535"),
        "{error}"
    );
    // Inside a reported list, a deeper failure ends the document too.
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Holder {
        ports: Vec<Port>,
    }
    assert!(serde_json::from_str::<Holder>(r#"{"ports":[80,0]}"#).is_err());
}

/// An error of a value as a whole (a newtype's rule, an invariant) names the type, so
/// a failure deep inside a plain serde document still says what failed; and
/// `serde_path_to_error` around the deserializer adds where, from the root.
#[test]
fn a_failure_says_which_type_failed_and_path_to_error_says_where() {
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Listeners {
        hosts: Vec<Host>,
    }
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Host {
        name: String,
        ports: Vec<Port>,
        refund: Refund,
    }
    let json = r#"{"hosts":[{"name":"a","ports":[80],"refund":{"amount_cents":1}},
        {"name":"b","ports":[443,0],"refund":{"amount_cents":1}}]}"#;
    let error = serde_json::from_str::<Listeners>(json).unwrap_err();
    assert_eq!(
        error.to_string(),
        "Port: must be between 1 and 65535 at line 2 column 35"
    );

    let mut reader = serde_json::Deserializer::from_str(json);
    let error = serde_path_to_error::deserialize::<_, Listeners>(&mut reader).unwrap_err();
    assert_eq!(error.path().to_string(), "hosts[1].ports[1]");
    assert_eq!(
        error.to_string(),
        "hosts[1].ports[1]: Port: must be between 1 and 65535 at line 2 column 35"
    );

    let json = r#"{"hosts":[{"name":"b","ports":[],"refund":{"amount_cents":0}}]}"#;
    let mut reader = serde_json::Deserializer::from_str(json);
    let error = serde_path_to_error::deserialize::<_, Listeners>(&mut reader).unwrap_err();
    assert_eq!(
        error.to_string(),
        "hosts[0].refund: amount_cents: must be between 1 and 10000 at line 1 column 61"
    );
}
