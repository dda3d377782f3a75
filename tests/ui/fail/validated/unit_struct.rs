use palisade::validated;

#[validated]
struct Nothing;

fn main() {}
