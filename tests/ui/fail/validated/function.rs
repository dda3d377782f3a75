use palisade::validated;

#[validated]
fn check() {}

fn main() {}
