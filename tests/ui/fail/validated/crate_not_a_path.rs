#[palisade::validated(crate = "not a path!")]
pub struct Port(#[validate(range(1..))] u16);

fn main() {}
