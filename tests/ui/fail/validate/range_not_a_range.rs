use palisade::Validate;

#[derive(Validate)]
struct User {
    #[validate(range(5))]
    age: u8,
}

fn main() {}
