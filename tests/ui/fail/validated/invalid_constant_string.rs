use palisade::validated;

#[validated]
struct Code {
    #[validate(chars(2..=3))]
    text: &'static str,
}

const BAD: Code = palisade::valid!(Code, "toolong");

fn main() {}
