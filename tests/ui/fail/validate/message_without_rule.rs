use palisade::Validate;

#[derive(Validate)]
struct User {
    #[validate(message = "bad age")]
    age: u8,
}

fn main() {}
