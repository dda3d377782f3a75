//! `#[validated]` works above other attributes, with doc comments before or after it.
use palisade::validated;

/// Documented first.
#[validated]
#[derive(Debug, Clone)]
pub struct Before(#[validate(range(1..))] u8);

#[validated]
/// Documented after.
#[derive(Debug, Clone)]
pub struct Above(#[validate(range(1..))] u8);

#[validated(allow_derive(Debug))]
#[derive(Debug)]
pub struct Allowed(#[validate(range(1..))] u8);

fn main() {
    let _ = (Before::try_new(1), Above::try_new(1), Allowed::try_new(1));
}
