//! validator's spelling of bounds, `range(min = A, max = B)`, `length(min = A)`,
//! `length(equal = N)`, means what palisade's range spelling means, checks and
//! messages included.

use palisade::Validate;

#[derive(Validate)]
struct Keys {
    #[validate(range(min = 13, max = 130))]
    age: u8,
    #[validate(range(min = -5))]
    offset: i32,
    #[validate(range(max = 1.0))]
    ratio: f64,
    #[validate(range(min = 0.0, exclusive_max = 1.0))]
    share: f64,
    #[validate(length(min = 3, max = 20))]
    name: String,
    #[validate(length(equal = 4))]
    pin: String,
    #[validate(chars(max = 2))]
    initials: String,
}

#[derive(Validate)]
struct Ranges {
    #[validate(range(13..=130))]
    age: u8,
    #[validate(range(-5..))]
    offset: i32,
    #[validate(range(..=1.0))]
    ratio: f64,
    #[validate(range(0.0..1.0))]
    share: f64,
    #[validate(length(3..=20))]
    name: String,
    #[validate(length(4..=4))]
    pin: String,
    #[validate(chars(..=2))]
    initials: String,
}

fn both(age: u8, offset: i32, ratio: f64, share: f64, name: &str, pin: &str, initials: &str) {
    let keys = Keys {
        age,
        offset,
        ratio,
        share,
        name: name.into(),
        pin: pin.into(),
        initials: initials.into(),
    };
    let ranges = Ranges {
        age,
        offset,
        ratio,
        share,
        name: name.into(),
        pin: pin.into(),
        initials: initials.into(),
    };
    assert_eq!(keys.validate(), ranges.validate());
}

#[test]
fn the_two_spellings_agree_on_valid_and_invalid_values() {
    both(30, 0, 0.5, 0.5, "alice", "1234", "AB");
    both(12, -6, 1.5, 1.0, "al", "123", "ABC");
    both(131, -5, 1.0, 0.0, &"x".repeat(21), "12345", "");
    let errors = Keys {
        age: 12,
        offset: -6,
        ratio: 2.0,
        share: 1.0,
        name: "al".into(),
        pin: "1".into(),
        initials: "ABC".into(),
    }
    .validate()
    .unwrap_err();
    let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        [
            "age: must be between 13 and 130",
            "offset: must be at least -5",
            "ratio: must be at most 1",
            "share: must be at least 0 and less than 1",
            "name: length must be between 3 and 20",
            "pin: length must be between 4 and 4",
            "initials: must be at most 2 characters long",
        ]
    );
}
