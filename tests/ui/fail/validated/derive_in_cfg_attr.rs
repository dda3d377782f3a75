use palisade::validated;

// A derive behind `cfg_attr` is refused too: some configuration switches it on.
#[validated]
#[derive(Debug, Clone)]
#[cfg_attr(all(), derive(Default))]
pub struct Level {
    #[validate(range(1..=10))]
    level: u8,
}

fn main() {
    let _ = Level::try_new(5);
}
