use palisade::Validate;

#[derive(Validate)]
struct User {
    #[validate(range(1..=10))]
    name: String,
}

fn main() {}
