use palisade::Validate;

#[derive(Validate)]
struct Config {
    #[validate(range(10..=1))]
    port: u32,
}

fn main() {}
