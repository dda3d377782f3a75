use palisade::Validate;

#[derive(Validate)]
struct Config {
    #[validate(range(-1..=10))]
    retries: u32,
}

fn main() {}
