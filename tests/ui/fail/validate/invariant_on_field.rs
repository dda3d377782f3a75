use palisade::Validate;

#[derive(Validate)]
struct Window {
    #[invariant(self.min <= 10)]
    min: u8,
}

fn main() {}
