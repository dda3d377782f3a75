//! `#[validated]` works above or below other attributes, and with doc comments.
use palisade::validated;

/// Documented first.
#[derive(Debug, Clone)]
#[validated]
pub struct Below(#[validate(range(1..))] u8);

#[validated]
/// Documented after.
#[derive(Debug, Clone)]
pub struct Above(#[validate(range(1..))] u8);

fn main() {
    let _ = (Below::try_new(1), Above::try_new(1));
}
