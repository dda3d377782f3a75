use palisade::validated;

#[validated]
#[invariant(self.min <= self.max, "min must not exceed max")]
pub struct Window {
    min: u8,
    max: u8,
}

fn main() {}
