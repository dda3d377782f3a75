use palisade::Validate;

#[derive(Validate)]
struct Config {
    #[validate(range(..0))]
    port: u32,
}

fn main() {}
