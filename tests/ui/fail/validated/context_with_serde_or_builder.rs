use palisade::{validated, Builder, ValidationError};

pub struct Tenant;

fn allowed(_: &str, _: &Tenant) -> Result<(), ValidationError> {
    Ok(())
}

// Deserializing and building through a builder pass no context: both are refused,
// one error each, and the types' other uses add none.
#[validated(serde)]
#[validate(context = Tenant)]
pub struct Invite {
    #[validate(custom = allowed)]
    email: String,
}

#[validated]
#[validate(context = Tenant)]
#[derive(Builder)]
pub struct Member {
    #[validate(custom = allowed)]
    name: String,
}

#[validated]
#[validate(context = Tenant, crate = "palisade")]
pub struct Guest {
    #[validate(custom = allowed)]
    name: String,
}

fn main() {
    let _ = Invite::try_new(String::new());
    let _ = Member::builder().name(String::new()).build();
    let _ = Guest::try_new_with(&Tenant, String::new());
}
