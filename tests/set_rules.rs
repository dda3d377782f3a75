//! `one_of`, `none_of`, `multiple_of` and `credit_card`: edges through
//! `#[derive(Validate)]`, messages and parameters, and agreement with reference
//! predicates over generated inputs.

use palisade::{ParamValue, Validate};
use proptest::prelude::*;

#[derive(Validate)]
struct Order {
    #[validate(one_of = ["eur", "usd", "chf"])]
    currency: String,
    #[validate(none_of = ["admin", "root"])]
    login: String,
    #[validate(one_of = [1, 2, 5, 10])]
    coin: u8,
    #[validate(none_of = [-1, 0])]
    delta: i64,
    #[validate(multiple_of = 5)]
    minutes: u32,
    #[validate(multiple_of = -3)]
    steps: i32,
    #[validate(credit_card)]
    card: String,
    #[validate(one_of = ["a", "b"])]
    grade: Option<String>,
    #[validate(each(one_of = ["x", "y"]))]
    tags: Vec<String>,
}

fn order() -> Order {
    Order {
        currency: "usd".into(),
        login: "alice".into(),
        coin: 5,
        delta: 7,
        minutes: 45,
        steps: -9,
        card: "4111 1111 1111 1111".into(),
        grade: None,
        tags: vec!["x".into()],
    }
}

fn codes(order: &Order) -> Vec<(String, String)> {
    order.validate().map_or_else(
        |errors| {
            errors
                .iter()
                .map(|error| (error.path.to_string(), error.code.to_string()))
                .collect()
        },
        |()| Vec::new(),
    )
}

#[test]
fn a_valid_order_passes() {
    assert_eq!(codes(&order()), Vec::<(String, String)>::new());
}

#[test]
fn each_rule_fails_on_its_field() {
    let bad = Order {
        currency: "USD".into(),
        login: "root".into(),
        coin: 3,
        delta: 0,
        minutes: 44,
        steps: 10,
        card: "4111 1111 1111 1112".into(),
        grade: Some("c".into()),
        tags: vec!["x".into(), "z".into()],
    };
    let expected = [
        ("currency", "one_of"),
        ("login", "none_of"),
        ("coin", "one_of"),
        ("delta", "none_of"),
        ("minutes", "multiple_of"),
        ("steps", "multiple_of"),
        ("card", "credit_card"),
        ("grade", "one_of"),
        ("tags[1]", "one_of"),
    ]
    .map(|(path, code)| (path.to_owned(), code.to_owned()));
    assert_eq!(codes(&bad), expected);
}

#[test]
fn messages_name_the_values_as_written() {
    let bad = Order {
        currency: "gbp".into(),
        minutes: 7,
        ..order()
    };
    let errors = bad.validate().unwrap_err();
    let texts = errors
        .iter()
        .map(|error| error.message.to_string())
        .collect::<Vec<_>>();
    assert_eq!(
        texts,
        [
            "must be one of \"eur\", \"usd\", \"chf\"",
            "must be a multiple of 5"
        ]
    );
    let one_of = errors.iter().next().unwrap();
    assert_eq!(
        one_of.params.get("one_of"),
        Some(&ParamValue::from("\"eur\", \"usd\", \"chf\""))
    );
}

#[test]
fn multiple_of_handles_the_extremes() {
    #[derive(Validate)]
    struct Extremes {
        #[validate(multiple_of = -1)]
        min: i8,
        #[validate(multiple_of = 2)]
        max: u128,
    }
    let ok = Extremes {
        min: i8::MIN,
        max: u128::MAX - 1,
    };
    assert!(ok.validate().is_ok());
    let odd = Extremes {
        min: 0,
        max: u128::MAX,
    };
    assert_eq!(odd.validate().unwrap_err().len(), 1);
}

/// Luhn over the digits of `text`, for the property test, written from the
/// definition: double every second digit from the right, add the digits.
fn reference_card(text: &str) -> bool {
    let groups_ok = !text.is_empty()
        && !text.starts_with([' ', '-'])
        && !text.ends_with([' ', '-'])
        && !text.contains("  ")
        && !text.contains("--")
        && !text.contains(" -")
        && !text.contains("- ")
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || c == ' ' || c == '-');
    let digits = text
        .chars()
        .filter(char::is_ascii_digit)
        .map(|c| c.to_digit(10).unwrap())
        .collect::<Vec<_>>();
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(index, digit)| {
            if index % 2 == 1 {
                let doubled = digit * 2;
                doubled / 10 + doubled % 10
            } else {
                *digit
            }
        })
        .sum();
    groups_ok && (12..=19).contains(&digits.len()) && sum.is_multiple_of(10)
}

#[derive(Validate)]
struct Card(#[validate(credit_card)] String);

#[derive(Validate)]
struct Step(#[validate(multiple_of = 7)] i16);

#[derive(Validate)]
struct Pick(#[validate(one_of = [3, 30, 300])] u16);

fn card_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9]{10,21}",
        "[0-9]{4}[ -][0-9]{4}[ -][0-9]{4}[ -][0-9]{1,4}",
        "[0-9 -]{0,24}",
        "4[0-9]{15}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4096))]

    #[test]
    fn credit_card_agrees_with_the_reference(text in card_text()) {
        prop_assert_eq!(Card(text.clone()).validate().is_ok(), reference_card(&text));
    }

    #[test]
    fn multiple_of_agrees_with_the_remainder(value in any::<i16>()) {
        prop_assert_eq!(Step(value).validate().is_ok(), value % 7 == 0);
    }

    #[test]
    fn one_of_agrees_with_membership(value in prop_oneof![any::<u16>(), Just(3u16), Just(300u16)]) {
        prop_assert_eq!(Pick(value).validate().is_ok(), [3, 30, 300].contains(&value));
    }
}
