use palisade::Validate;

#[derive(Validate)]
struct User {
    #[validate(range)]
    age: u8,
}

fn main() {}
