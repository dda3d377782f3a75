use palisade::{Validate, ValidationError};

struct Clock;
struct Tenant;

fn not_in_the_future(_: &u64, _: &Clock) -> Result<(), ValidationError> {
    Ok(())
}

#[derive(Validate)]
#[validate(context = Clock)]
struct Event {
    #[validate(custom = not_in_the_future)]
    at: u64,
}

// A nested value is checked with its container's context: `Event` needs a `Clock`,
// and `Log` has a `Tenant`.
#[derive(Validate)]
#[validate(context = Tenant)]
struct Log {
    #[validate(nested)]
    last: Event,
}

fn main() {}
