use palisade::Validate;

#[derive(Validate)]
pub struct User {
    #[validate(custom = 1 + 2)]
    name: String,
}

fn main() {}
