use palisade::Validate;

#[derive(Validate)]
pub struct User {
    #[validate(email = true)]
    email: String,
}

fn main() {}
