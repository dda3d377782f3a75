use palisade::Validate;

#[derive(Validate)]
pub struct User {
    #[validate(prefix = 1)]
    name: String,
}

fn main() {}
