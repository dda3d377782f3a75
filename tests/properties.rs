//! Property: `try_new` returns `Ok` exactly when a hand-written reference predicate
//! holds, for every combination of values near and far from the bounds.

use palisade::validated;
use proptest::prelude::*;

#[validated]
#[derive(Debug)]
#[invariant(self.low <= self.high)]
pub struct Booking {
    #[validate(range(-50..=50))]
    low: i32,
    #[validate(range(-50..50))]
    high: i32,
    #[validate(chars(2..=5), alphanumeric)]
    name: String,
    #[validate(range(0.0..1.0))]
    share: f64,
    #[validate(required, range(1..=3))]
    seats: Option<u8>,
    #[validate(each(range(10..)))]
    codes: Vec<u16>,
}

fn reference(
    low: i32,
    high: i32,
    name: &str,
    share: f64,
    seats: Option<u8>,
    codes: &[u16],
) -> bool {
    let chars = name.chars().count();
    (-50..=50).contains(&low)
        && (-50..50).contains(&high)
        && (2..=5).contains(&chars)
        && name.chars().all(char::is_alphanumeric)
        && (0.0..1.0).contains(&share)
        && seats.is_some_and(|seats| (1..=3).contains(&seats))
        && codes.iter().all(|code| *code >= 10)
        && low <= high
}

fn share() -> impl Strategy<Value = f64> {
    prop_oneof![
        -0.5..1.5f64,
        Just(0.0),
        Just(1.0),
        Just(f64::NAN),
        Just(f64::INFINITY),
        Just(-0.0),
        any::<f64>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4096))]

    #[test]
    fn try_new_agrees_with_the_reference(
        low in -60..60i32,
        high in prop_oneof![-60..60i32, any::<i32>()],
        name in "[a-zA-Z0-9é ]{0,7}",
        share in share(),
        seats in proptest::option::of(0..5u8),
        codes in proptest::collection::vec(0..20u16, 0..4),
    ) {
        let expected = reference(low, high, &name, share, seats, &codes);
        let outcome = Booking::try_new(low, high, name.clone(), share, seats, codes.clone());
        prop_assert_eq!(outcome.is_ok(), expected, "{:?}", outcome.err());
    }
}
