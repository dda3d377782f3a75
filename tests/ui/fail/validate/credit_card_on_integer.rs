use palisade::Validate;

#[derive(Validate)]
struct Payment {
    #[validate(credit_card)]
    card: u64,
}

fn main() {}
