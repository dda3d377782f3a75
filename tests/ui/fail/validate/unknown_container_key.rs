use palisade::Validate;

#[derive(Validate)]
#[validate(crat = "palisade")]
struct Config {
    #[validate(range(1..=10))]
    port: u32,
}

fn main() {}
