use palisade::{validated, ValidationErrors};

// Nothing to check: `#[validated]` on a function needs `#[validate(...)]` parameters.
#[validated]
fn ping(count: u8) -> Result<u8, ValidationErrors> {
    Ok(count)
}

fn main() {
    let _ = ping(1);
}
