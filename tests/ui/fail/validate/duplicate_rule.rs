use palisade::Validate;

#[derive(Validate)]
struct Grade {
    #[validate(range(1..), range(..=5))]
    score: u8,
}

fn main() {}
