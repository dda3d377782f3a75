use palisade::Validate;

const STEP: u32 = 5;

#[derive(Validate)]
struct Slot {
    #[validate(multiple_of = STEP)]
    minutes: u32,
}

fn main() {}
