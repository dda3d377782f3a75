use palisade::Builder;

#[derive(Builder)]
pub enum Shape {
    Circle { radius: f64 },
}

fn main() {}
