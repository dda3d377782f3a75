use palisade::Validate;

#[derive(Validate)]
struct User {
    #[validate(nested)]
    age: u8,
}

fn main() {}
