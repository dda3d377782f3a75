use palisade::Validate;

#[derive(Validate)]
struct Config {
    #[validate(range(0.5..=10))]
    retries: u32,
}

fn main() {}
