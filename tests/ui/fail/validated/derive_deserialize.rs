use palisade::validated;

#[validated]
#[derive(Debug, serde::Deserialize)]
pub struct Amount(#[validate(range(1..=1000))] u32);

fn main() {
    let _ = Amount::try_new(5);
}
