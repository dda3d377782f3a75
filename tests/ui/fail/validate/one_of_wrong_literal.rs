use palisade::Validate;

#[derive(Validate)]
struct Order {
    #[validate(one_of = ["eur", 1])]
    currency: String,
    #[validate(none_of = [0, "zero"])]
    count: u8,
}

fn main() {}
