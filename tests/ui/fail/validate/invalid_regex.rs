use palisade::Validate;

#[derive(Validate)]
struct User {
    #[validate(pattern = "[a-z")]
    name: String,
}

fn main() {}
