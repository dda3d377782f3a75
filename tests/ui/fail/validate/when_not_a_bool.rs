use palisade::Validate;

#[derive(Validate)]
struct Signup {
    business: bool,
    // The condition is a `bool`.
    #[validate(length(1..=64), when = self.business as u8)]
    company: String,
}

fn main() {}
