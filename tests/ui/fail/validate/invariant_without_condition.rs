use palisade::Validate;

#[derive(Validate)]
#[invariant]
struct Window {
    min: u8,
}

fn main() {}
