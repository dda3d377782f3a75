use palisade::Validate;

#[derive(Validate)]
enum Shape {
    #[validate(range(0..))]
    Circle(f64),
}

fn main() {}
