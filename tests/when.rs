//! `when = EXPR`: the rules of one `#[validate(...)]` apply only when `EXPR`, a
//! boolean over `self`, holds; `required` with `when` is "required if".

use palisade::{validated, Validate};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Person,
    Business,
}

#[derive(Debug, Validate)]
struct Address {
    #[validate(length(2..=2))]
    country: String,
}

#[derive(Debug, Validate)]
struct Signup {
    kind: Kind,
    #[validate(required, chars(10..=14), when = self.kind == Kind::Business)]
    vat_id: Option<String>,
    #[validate(range(18..), message = "a person must be an adult", when = self.kind == Kind::Person)]
    age: u8,
    #[validate(each(email), when = self.notify)]
    emails: Vec<String>,
    notify: bool,
    #[validate(nested, when = self.kind == Kind::Business)]
    billing: Address,
}

fn person() -> Signup {
    Signup {
        kind: Kind::Person,
        vat_id: None,
        age: 30,
        emails: vec!["not an address".into()],
        notify: false,
        billing: Address {
            country: "unknown".into(),
        },
    }
}

fn paths(signup: &Signup) -> Vec<String> {
    signup.validate().err().map_or_else(Vec::new, |errors| {
        errors.iter().map(ToString::to_string).collect()
    })
}

#[test]
fn rules_apply_only_when_their_condition_holds() {
    // A person: no VAT id needed, the billing address and the emails are not checked.
    assert_eq!(paths(&person()), Vec::<String>::new());
    let minor = Signup {
        age: 16,
        ..person()
    };
    assert_eq!(paths(&minor), ["age: a person must be an adult"]);

    // A business: the VAT id is required and checked, the billing address too; the
    // age rule no longer applies.
    let business = Signup {
        kind: Kind::Business,
        age: 16,
        ..person()
    };
    assert_eq!(
        paths(&business),
        [
            "vat_id: is required",
            "billing.country: length must be between 2 and 2"
        ]
    );
    let business = Signup {
        kind: Kind::Business,
        vat_id: Some("DE12".into()),
        billing: Address {
            country: "DE".into(),
        },
        ..person()
    };
    assert_eq!(
        paths(&business),
        ["vat_id: must be between 10 and 14 characters long"]
    );
}

#[test]
fn each_with_when_checks_every_element_only_when_it_holds() {
    let notified = Signup {
        notify: true,
        emails: vec!["a@example.com".into(), "nope".into()],
        ..person()
    };
    assert_eq!(
        paths(&notified),
        ["emails[1]: must be a valid email address"]
    );
}

#[cfg_attr(feature = "serde", validated(serde))]
#[cfg_attr(not(feature = "serde"), validated)]
#[derive(Debug)]
pub struct Shipment {
    express: bool,
    #[validate(range(1..=2), when = self.express)]
    days: u8,
}

#[test]
fn a_validated_type_with_when_is_built_only_when_its_conditions_pass() {
    assert!(Shipment::try_new(false, 9).is_ok());
    assert!(Shipment::try_new(true, 2).is_ok());
    let errors = Shipment::try_new(true, 9).unwrap_err();
    assert_eq!(errors.to_string(), "days: must be between 1 and 2");
    let mut shipment = Shipment::try_new(false, 9).unwrap();
    assert!(shipment.set_express(true).is_err(), "9 days is not express");
    assert!(!shipment.express());
}

#[cfg(feature = "serde")]
#[test]
fn serde_checks_the_conditions_when_the_value_is_built() {
    assert!(serde_json::from_str::<Shipment>(r#"{"express":false,"days":9}"#).is_ok());
    let error = serde_json::from_str::<Shipment>(r#"{"express":true,"days":9}"#).unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("days: must be between 1 and 2"),
        "{error}"
    );
}
