use palisade::Validate;

#[derive(Validate)]
#[invariant(self.min)]
struct Window {
    min: u8,
}

fn main() {}
