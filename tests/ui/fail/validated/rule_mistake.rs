use palisade::validated;

#[validated]
struct Port(#[validate(range(1..=65536), lenght(1..))] u16);

fn main() {}
