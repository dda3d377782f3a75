use palisade::Validate;

type Byte = u8;

#[derive(Validate)]
struct Pixel {
    #[validate(range(0..=300))]
    red: Byte,
}

fn main() {}
