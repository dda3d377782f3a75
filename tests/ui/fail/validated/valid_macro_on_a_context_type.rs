use palisade::{valid, validated, ValidationError};

pub struct Tenant;

fn allowed(_: &u32, _: &Tenant) -> Result<(), ValidationError> {
    Ok(())
}

#[validated]
#[validate(context = Tenant)]
pub struct Seat(#[validate(range(1..=99), custom = allowed)] u32);

const FIRST: Seat = valid!(Seat, 1);

fn main() {
    let _ = FIRST.get();
}
