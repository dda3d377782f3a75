use palisade::Validate;

struct Plain {
    value: u8,
}

#[derive(Validate)]
struct Outer {
    #[validate(nested)]
    inner: Plain,
}

fn main() {}
