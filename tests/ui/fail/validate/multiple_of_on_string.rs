use palisade::Validate;

#[derive(Validate)]
struct Slot {
    #[validate(multiple_of = 5)]
    minutes: String,
}

fn main() {}
