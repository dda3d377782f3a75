use palisade::Validate;

#[derive(Validate)]
struct User {
    #[validate(required)]
    name: String,
}

fn main() {}
