use palisade::{Validate, ValidationError};

struct Tenant;

// With a context, a `custom` function takes `(&T, &Ctx)`.
fn allowed(_: &String) -> Result<(), ValidationError> {
    Ok(())
}

#[derive(Validate)]
#[validate(context = Tenant)]
struct Invite {
    #[validate(custom = allowed)]
    email: String,
}

fn main() {}
