use palisade::Validate;

#[derive(Validate)]
struct Config {
    #[validate(range(5..5))]
    port: u32,
}

fn main() {}
