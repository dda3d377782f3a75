use palisade::{validated, ValidationErrors};

// A rejected call returns `Err(E::from(errors))`: the function returns `Result<_, E>`.
#[validated]
fn no_result(#[validate(range(1..=9))] level: u8) {
    let _ = level;
}

#[validated]
fn not_a_result(#[validate(range(1..=9))] level: u8) -> Option<u8> {
    Some(level)
}

#[validated]
fn fine(#[validate(range(1..=9))] level: u8) -> Result<u8, ValidationErrors> {
    Ok(level)
}

fn main() {
    no_result(1);
    let _ = not_a_result(1);
    let _ = fine(1);
}
