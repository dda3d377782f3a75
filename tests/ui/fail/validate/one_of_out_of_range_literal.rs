use palisade::Validate;

#[derive(Validate)]
struct Coin {
    #[validate(one_of = [1, 300])]
    value: u8,
}

fn main() {}
