//! The routes around palisade's promises that are trait facts, each pinned at compile
//! time: a route that must not exist is `assert_not_impl_any!`, the checked way in is
//! `assert_impl_all!`. GUARANTEES.md lists every promise and every route, with the
//! test (here, a trybuild case or a runtime test) that pins each.

use palisade::builder::{IsSet, IsUnset, Set, Unset};
use palisade::{validated, Builder, Validate};
use static_assertions::{assert_impl_all, assert_not_impl_any};

/// A `#[validated]` newtype with every derive that only reads.
#[validated]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Amount(#[validate(range(1..=1000))] u32);

/// A `#[validated(serde)]` type: its `Deserialize` goes through `try_new`.
#[validated(serde)]
#[derive(Debug, Builder)]
pub struct Window {
    #[validate(range(1..=60))]
    size: u32,
}

// No value from nothing, from data, from a conversion or by arithmetic; no `&mut` to
// the inside.
assert_not_impl_any!(
    Amount: Default,
    serde::de::DeserializeOwned,
    From<u32>,
    core::str::FromStr,
    core::ops::Deref,
    core::ops::DerefMut,
    AsMut<u32>,
    core::borrow::BorrowMut<u32>,
    core::ops::Add<Amount>,
    core::ops::AddAssign<u32>,
    core::iter::Sum,
);
// The checked ways in and the read-only views.
assert_impl_all!(
    Amount: TryFrom<u32>,
    AsRef<u32>,
    Validate,
    Clone,
    Copy,
    core::hash::Hash,
    Ord
);
assert_impl_all!(Window: serde::de::DeserializeOwned, serde::Serialize, Validate);
assert_not_impl_any!(Window: Default, From<u32>);

// The builder's typestate: an unset field is never "set", a set one never "unset",
// whatever field and builder.
assert_not_impl_any!(Unset: IsSet<Window, Window_fields::size, u32>);
assert_not_impl_any!(Set<u32>: IsUnset<Window, Window_fields::size>);
assert_impl_all!(Set<u32>: IsSet<Window, Window_fields::size, u32>);
assert_impl_all!(Unset: IsUnset<Window, Window_fields::size>);

#[test]
fn the_checked_ways_in_refuse_what_the_rules_refuse() {
    assert!(Amount::try_from(0).is_err());
    assert!(Amount::try_new(1001).is_err());
    assert!(serde_json::from_str::<Window>(r#"{"size":0}"#).is_err());
    assert!(Window::builder().size(61).build().is_err());
    let mut window = Window::builder().size(30).build().unwrap();
    assert!(window.set_size(0).is_err());
    assert_eq!(*window.size(), 30);
    let amount = Amount::try_new(7).unwrap();
    assert_eq!(*amount.as_ref(), 7);
}
