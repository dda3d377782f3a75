// An attribute macro below `#[validated]` runs where it could build the type; one
// palisade does not know is refused.
use palisade::validated;

#[validated]
#[derive(Debug)]
#[some_crate::generate_default]
pub struct Quota {
    #[validate(range(1..=10))]
    n: u32,
}

fn main() {}
