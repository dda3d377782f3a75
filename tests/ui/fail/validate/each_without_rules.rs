use palisade::Validate;

#[derive(Validate)]
pub struct User {
    #[validate(each)]
    tags: Vec<String>,
}

fn main() {}
