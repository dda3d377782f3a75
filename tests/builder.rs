//! `#[derive(Builder)]`: what `build()` produces for every kind of field.

use palisade::{validated, Builder, ValidationErrors};

#[derive(Debug, PartialEq, Builder)]
pub struct Request {
    url: String,
    retries: u8,
    timeout_ms: Option<u64>,
    #[builder(default)]
    headers: Vec<String>,
    #[builder(default = 30)]
    keep_alive_s: u32,
    #[builder(into)]
    method: String,
    #[builder(into, default = "GET".to_owned())]
    fallback_method: String,
    #[builder(default = Some(7))]
    priority: Option<u8>,
}

#[test]
fn unset_fields_get_none_or_their_default() {
    let request = Request::builder()
        .url("https://a".into())
        .retries(2)
        .method("POST")
        .build();
    assert_eq!(
        request,
        Request {
            url: "https://a".into(),
            retries: 2,
            timeout_ms: None,
            headers: Vec::new(),
            keep_alive_s: 30,
            method: "POST".into(),
            fallback_method: "GET".into(),
            priority: Some(7),
        }
    );
}

#[test]
fn set_fields_override_defaults_and_setters_go_in_any_order() {
    let request = Request::builder()
        .priority(1)
        .method(String::from("PUT"))
        .keep_alive_s(5)
        .headers(vec!["x".into()])
        .timeout_ms(100)
        .fallback_method("HEAD")
        .retries(0)
        .url("u".into())
        .build();
    assert_eq!(request.timeout_ms, Some(100));
    assert_eq!(request.headers, ["x"]);
    assert_eq!((request.keep_alive_s, request.priority), (5, Some(1)));
    assert_eq!(request.fallback_method, "HEAD");
}

#[test]
fn maybe_setters_take_an_option() {
    let none = Request::builder()
        .url(String::new())
        .retries(0)
        .method("")
        .maybe_timeout_ms(None)
        .build();
    assert_eq!(none.timeout_ms, None);
    let some = Request::builder()
        .maybe_priority(None)
        .url(String::new())
        .retries(0)
        .method("")
        .build();
    // `maybe_priority(None)` sets the field to `None`, overriding its default.
    assert_eq!(some.priority, None);
}

#[validated]
#[derive(Debug, Builder)]
#[invariant(self.min <= self.max, message = "min must not exceed max")]
pub struct Limits {
    #[validate(range(0..=100))]
    min: u8,
    #[validate(range(0..=100))]
    max: u8,
    #[builder(default)]
    #[validate(chars(..=8))]
    label: String,
}

#[test]
fn validated_types_build_through_try_new() {
    let limits: Result<Limits, ValidationErrors> = Limits::builder().min(1).max(5).build();
    let limits = limits.unwrap();
    assert_eq!(
        (*limits.min(), *limits.max(), limits.label().as_str()),
        (1, 5, "")
    );
    let errors = Limits::builder()
        .min(200)
        .max(5)
        .label("far too long".into())
        .build()
        .unwrap_err();
    let paths = errors
        .iter()
        .map(|error| error.path.to_string())
        .collect::<Vec<_>>();
    assert_eq!(paths, ["min", "label"]);
    let errors = Limits::builder().min(9).max(5).build().unwrap_err();
    assert_eq!(errors.to_string(), "min must not exceed max");
}

/// The derive written above `#[validated]` (the order the README advises against)
/// still builds through `try_new`: it sees `#[validated]` below itself.
#[derive(Builder)]
#[validated]
#[derive(Debug)]
pub struct Port {
    #[validate(range(1..=65535))]
    port: u32,
    #[builder(default = 30)]
    #[validate(range(1..=600))]
    timeout_s: u16,
}

#[test]
fn a_builder_derived_above_validated_checks_too() {
    let port: Result<Port, ValidationErrors> = Port::builder().port(443).build();
    let port = port.unwrap();
    assert_eq!((*port.port(), *port.timeout_s()), (443, 30));
    let errors = Port::builder().port(0).timeout_s(0).build().unwrap_err();
    assert_eq!(
        errors.to_string(),
        "port: must be between 1 and 65535\ntimeout_s: must be between 1 and 600"
    );
}

#[derive(Debug, Builder)]
pub struct Borrowed<'a, T: Clone, const N: usize> {
    name: &'a str,
    values: [T; N],
}

#[test]
fn generics_lifetimes_and_const_generics_carry_over() {
    let text = String::from("borrowed");
    let value = Borrowed::builder().values([1u8, 2, 3]).name(&text).build();
    assert_eq!(value.name, "borrowed");
    assert_eq!(value.values.len(), 3);
}

#[path = "common/builder_workload.rs"]
mod workload;

#[test]
fn the_benchmarked_builder_equals_its_struct_literal() {
    let inputs = workload::Inputs::sample();
    assert_eq!(workload::built(&inputs), workload::literal(&inputs));
}
