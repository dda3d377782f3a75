use palisade::Validate;

#[derive(Validate)]
struct User {
    #[validate(length(-1..=10))]
    name: String,
}

fn main() {}
