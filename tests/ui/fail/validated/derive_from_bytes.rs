use palisade::validated;

#[validated]
#[derive(Debug, zerocopy::FromZeros, bytemuck::Zeroable)]
pub struct Level {
    #[validate(range(1..=10))]
    level: u8,
}

fn main() {
    let _ = Level::try_new(5);
}
