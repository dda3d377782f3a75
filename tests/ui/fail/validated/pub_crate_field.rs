use palisade::validated;

#[validated]
pub struct Port(#[validate(range(1..=65535))] pub(crate) u32);

fn main() {}
