use palisade::Validate;

#[derive(Validate)]
struct Config {
    #[validate(rnage(1..=10))]
    port: u32,
    #[validate(length(10..=1))]
    name: String,
    #[validate(email)]
    retries: u8,
    #[validate(pattern = "(unclosed")]
    code: String,
}

fn main() {}
