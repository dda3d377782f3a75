use palisade::{validated, ValidationErrors};

#[validated]
const fn level(#[validate(range(1..=9))] level: u8) -> Result<u8, ValidationErrors> {
    Ok(level)
}

fn main() {
    let _ = level(1);
}
