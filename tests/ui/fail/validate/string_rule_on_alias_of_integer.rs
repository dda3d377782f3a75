use palisade::Validate;

type Count = u32;

#[derive(Validate)]
struct Stock {
    #[validate(email)]
    count: Count,
}

fn main() {}
