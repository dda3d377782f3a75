use palisade::Validate;

#[derive(Validate)]
struct Pixel {
    #[validate(range(0..=300))]
    red: u8,
}

fn main() {}
