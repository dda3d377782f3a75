use palisade::validated;

#[validated]
struct Port(#[validate(range(1..=65535))] u32);

const ZERO: Port = palisade::valid!(Port, 0);

fn main() {}
