use palisade::validated;

#[validated(serde)]
pub struct Port(#[validate(range(1..=65535))] u32);

fn main() {
    let _ = Port::try_new(80);
}
