use palisade::validated;

#[validated(serd)]
struct Port(#[validate(range(1..=65535))] u32);

fn main() {}
