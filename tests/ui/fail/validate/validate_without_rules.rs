use palisade::Validate;

#[derive(Validate)]
struct User {
    #[validate]
    age: u8,
}

fn main() {}
