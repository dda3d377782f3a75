use palisade::Validate;

type Count = u32;

#[derive(Validate)]
struct Stock {
    #[validate(length(1..=10))]
    count: Count,
}

fn main() {}
