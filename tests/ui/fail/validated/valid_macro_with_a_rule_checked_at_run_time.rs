use palisade::{valid, validated};

#[validated]
pub struct Code {
    #[validate(ascii, length(1..=8))]
    code: &'static str,
}

// `ascii` cannot be checked in a const context, so `valid!` cannot build `Code`.
const DEFAULT: Code = valid!(Code, "abc");

fn main() {
    let _ = DEFAULT.code();
}
