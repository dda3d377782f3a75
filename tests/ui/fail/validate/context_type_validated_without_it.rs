use palisade::{Validate, ValidationError};

struct Tenant;

fn allowed(_: &String, _: &Tenant) -> Result<(), ValidationError> {
    Ok(())
}

#[derive(Validate)]
#[validate(context = Tenant)]
struct Invite {
    #[validate(custom = allowed)]
    email: String,
}

fn main() {
    // Rules that need a context are checked with one: `validate_with(&tenant)`.
    let _ = Invite { email: String::new() }.validate();
}
