use palisade::Validate;

#[derive(Validate)]
struct Reading {
    #[validate(one_of = [1, 2])]
    value: f64,
}

fn main() {}
