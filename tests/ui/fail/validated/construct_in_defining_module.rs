// Not even the module that defines a `#[validated]` type can build one without
// `try_new`, or reach into its fields.
use palisade::validated;

#[validated]
#[derive(Debug)]
pub struct Amount(#[validate(range(1..=1000))] u32);

#[validated]
#[derive(Debug)]
pub struct Window {
    #[validate(range(1..=60))]
    size: u32,
}

impl Window {
    fn grow(&mut self) {
        self.size += 1_000;
    }
}

fn main() {
    let _ = Amount(0);
    let _ = Window { size: 1_000 };
    let amount = Amount::try_new(5).unwrap();
    let _ = amount.0;
}
