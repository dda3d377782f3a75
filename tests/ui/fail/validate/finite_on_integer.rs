use palisade::Validate;

#[derive(Validate)]
struct Reading {
    #[validate(finite)]
    count: u64,
}

fn main() {}
