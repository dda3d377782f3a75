use palisade::{validated, ValidationError};

pub struct Tenant;

fn allowed(_: &u32, _: &Tenant) -> Result<(), ValidationError> {
    Ok(())
}

#[validated]
#[validate(context = Tenant)]
pub struct Seat(#[validate(range(1..=99), custom = allowed)] u32);

fn main() {
    // Every way in takes the context: there is no `try_new` and no `TryFrom`
    // (`valid!` says why it cannot: valid_macro_on_a_context_type.rs).
    let _ = Seat::try_new(3);
    let _ = Seat::try_from(3);
}
