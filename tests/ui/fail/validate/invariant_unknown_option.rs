use palisade::Validate;

#[derive(Validate)]
#[invariant(self.min <= self.max, mesage = "min above max")]
struct Window {
    min: u8,
    max: u8,
}

fn main() {}
