use palisade::Validate;

#[derive(Validate)]
struct User {
    #[validate(email)]
    age: u8,
}

fn main() {}
