use palisade::ValidationErrors;

// `#[validate(...)]` on a parameter does nothing without `#[validated]` on the
// function, so it does not compile.
fn set_level(#[validate(range(1..=9))] level: u8) -> Result<u8, ValidationErrors> {
    Ok(level)
}

fn main() {
    let _ = set_level(1);
}
