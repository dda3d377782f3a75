use palisade::validated;

#[validated]
pub struct User {
    #[validate(chars(1..=20))]
    pub name: String,
}

fn main() {}
