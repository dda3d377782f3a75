use palisade::Validate;

#[derive(Validate)]
struct User {
    #[validate(each(range(1..=5)))]
    age: u8,
}

fn main() {}
