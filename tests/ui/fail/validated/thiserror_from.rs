// thiserror's `#[from]` would build the type from its field's type without the checks.
use palisade::validated;

#[validated]
#[derive(Debug)]
pub struct Retryable {
    #[from]
    #[validate(custom = timed_out)]
    inner: std::io::Error,
}

fn timed_out(error: &std::io::Error) -> Result<(), palisade::ValidationError> {
    if error.kind() == std::io::ErrorKind::TimedOut {
        Ok(())
    } else {
        Err(palisade::ValidationError::new("timed_out", "must be a timeout"))
    }
}

fn main() {}
