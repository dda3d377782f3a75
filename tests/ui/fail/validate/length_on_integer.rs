use palisade::Validate;

#[derive(Validate)]
struct Config {
    #[validate(length(1..=10))]
    port: u32,
}

fn main() {}
