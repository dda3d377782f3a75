use palisade::validated;

#[validated]
struct Point(#[validate(range(0..))] i32, i32);

fn main() {}
