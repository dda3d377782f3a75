use palisade::Validate;

#[derive(Validate)]
struct Grade {
    #[validate(range("a"..="f"))]
    letter: u8,
}

fn main() {}
