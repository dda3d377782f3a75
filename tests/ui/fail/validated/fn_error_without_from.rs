use palisade::validated;

#[derive(Debug)]
pub struct AppError;

// `AppError` must implement `From<palisade::ValidationErrors>` to carry the errors.
#[validated]
fn set_level(#[validate(range(1..=9))] level: u8) -> Result<u8, AppError> {
    Ok(level)
}

fn main() {
    let _ = set_level(1);
}
