use palisade::Validate;

#[derive(Validate)]
struct Order {
    #[validate(one_of = [])]
    currency: String,
    #[validate(none_of = "admin")]
    login: String,
}

fn main() {}
