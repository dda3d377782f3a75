use palisade::Validate;

#[derive(Validate)]
struct Config {
    #[validate(range(..))]
    port: u32,
}

fn main() {}
