use palisade::validated;

#[validated]
enum Shape {
    Circle(f64),
}

fn main() {}
