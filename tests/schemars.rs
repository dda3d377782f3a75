//! palisade next to schemars (1.x, the crate behind aide, okapi, dropshot and other
//! OpenAPI tools), which reads `#[validate(...)]` in validator's spelling: written
//! that way, the rules compile for both derives and reach the JSON Schema. Rules
//! schemars does not know (`ascii`, `chars`, `one_of`, `custom`, `when`, …) are left
//! to palisade. Palisade's own range spelling (`range(1..=10)`) is not one schemars
//! can read; see the README.

use palisade::Validate;
use schemars::JsonSchema;
use serde_json::json;

fn no_spaces(text: &str) -> Result<(), palisade::ValidationError> {
    if text.contains(' ') {
        Err(palisade::ValidationError::new(
            "spaces",
            "must not contain spaces",
        ))
    } else {
        Ok(())
    }
}

#[derive(Validate, JsonSchema)]
pub struct Signup {
    #[validate(length(min = 3, max = 20), ascii, custom = no_spaces)]
    name: String,
    #[validate(range(min = 13, max = 130))]
    age: u8,
    #[validate(email)]
    email: String,
    #[validate(contains(pattern = "@"), chars(max = 64))]
    handle: String,
    #[validate(length(min = 1, max = 5), each(one_of = ["eur", "usd"]))]
    currencies: Vec<String>,
    business: bool,
    #[validate(required, when = self.business)]
    vat_id: Option<String>,
}

#[test]
fn both_derives_compile_and_the_schema_carries_the_bounds() {
    let schema = serde_json::to_value(schemars::schema_for!(Signup)).unwrap();
    let properties = &schema["properties"];
    assert_eq!(properties["name"]["minLength"], json!(3));
    assert_eq!(properties["name"]["maxLength"], json!(20));
    assert_eq!(properties["age"]["minimum"], json!(13));
    assert_eq!(properties["age"]["maximum"], json!(130));
    assert_eq!(properties["email"]["format"], json!("email"));
    assert_eq!(properties["currencies"]["minItems"], json!(1));
    assert_eq!(properties["currencies"]["maxItems"], json!(5));
    assert!(
        properties["handle"]["pattern"]
            .as_str()
            .is_some_and(|p| p.contains('@')),
        "{schema}"
    );
}

#[test]
fn palisade_checks_the_same_values() {
    let signup = Signup {
        name: "a b".into(),
        age: 12,
        email: "nope".into(),
        handle: "no-at-sign".into(),
        currencies: vec!["gbp".into()],
        business: true,
        vat_id: None,
    };
    let errors = signup.validate().unwrap_err();
    let paths: Vec<String> = errors.iter().map(|error| error.path.to_string()).collect();
    assert_eq!(
        paths,
        ["name", "age", "email", "handle", "currencies[0]", "vat_id"]
    );
}
