use palisade::Validate;

#[derive(Validate)]
struct Slot {
    #[validate(multiple_of = 0)]
    minutes: u32,
}

fn main() {}
