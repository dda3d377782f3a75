use palisade::Validate;

fn check(value: &str) -> bool {
    !value.is_empty()
}

#[derive(Validate)]
struct User {
    #[validate(custom = check)]
    name: String,
}

fn main() {}
