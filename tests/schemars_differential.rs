//! The JSON Schema schemars derives from validator-spelled rules and palisade's
//! `validate()` agree on generated inputs, for the rules a schema can express:
//! integer ranges, lengths (of ASCII text: JSON Schema counts characters, `length`
//! bytes) and element counts, and `contains`. Each input is a JSON document run
//! through the `jsonschema` crate and, deserialized, through `validate()`.

use std::sync::atomic::{AtomicUsize, Ordering};

use palisade::Validate;
use proptest::prelude::*;
use schemars::JsonSchema;
use serde::Deserialize;
use serde_json::{json, Value};

#[derive(Debug, Deserialize, Validate, JsonSchema)]
pub struct Profile {
    #[validate(length(min = 3, max = 20))]
    name: String,
    #[validate(range(min = 13, max = 130))]
    age: i32,
    #[validate(range(min = -5))]
    offset: i64,
    #[validate(length(min = 1, max = 5))]
    tags: Vec<String>,
    #[validate(contains(pattern = "@"))]
    handle: String,
    #[validate(length(equal = 4))]
    pin: String,
}

const CASES: u32 = 10_000;

/// ASCII text of `min..=max` characters, `@` and spaces frequent among them.
fn ascii(min: usize, max: usize) -> impl Strategy<Value = String> {
    let unit = prop_oneof![
        Just('@'),
        Just(' '),
        any::<u8>().prop_map(|byte| char::from(byte & 0x7f))
    ];
    proptest::collection::vec(unit, min..=max).prop_map(|chars| chars.into_iter().collect())
}

fn profile() -> impl Strategy<Value = Value> {
    // Each field's range straddles its rule's bounds, so that about one document in
    // ten passes every rule and each rule fails on its own in others.
    (
        ascii(1, 22),
        0i32..=140,
        -7i64..=5,
        proptest::collection::vec(ascii(0, 3), 0..=6),
        ascii(1, 6),
        ascii(4, 5),
    )
        .prop_map(|(name, age, offset, tags, handle, pin)| {
            json!({
                "name": name, "age": age, "offset": offset,
                "tags": tags, "handle": handle, "pin": pin,
            })
        })
}

static CHECKED: AtomicUsize = AtomicUsize::new(0);
static REFUSED: AtomicUsize = AtomicUsize::new(0);

#[test]
fn the_schema_and_validate_agree_on_every_generated_document() {
    let schema = serde_json::to_value(schemars::schema_for!(Profile)).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("schemars' schema compiles");
    let config = ProptestConfig {
        cases: CASES,
        failure_persistence: None,
        ..ProptestConfig::default()
    };
    proptest!(config, |(document in profile())| {
        let by_schema = validator.is_valid(&document);
        let profile: Profile = serde_json::from_value(document.clone()).unwrap();
        let by_palisade = profile.validate().is_ok();
        CHECKED.fetch_add(1, Ordering::Relaxed);
        if !by_palisade {
            REFUSED.fetch_add(1, Ordering::Relaxed);
        }
        prop_assert_eq!(by_schema, by_palisade, "{}: {:?}", document, profile.validate());
    });
    let checked = CHECKED.load(Ordering::Relaxed);
    let refused = REFUSED.load(Ordering::Relaxed);
    println!("{checked} documents, {refused} refused by both, 0 disagreements");
    assert!(checked >= CASES as usize);
    // Both outcomes are exercised, each at least a thousand times.
    assert!(
        refused > 1_000 && checked - refused > 1_000,
        "{refused} of {checked} refused"
    );
}
