use palisade::validated;

// A derive written above `#[validated]` runs before it, outside the module that can
// build the type: it cannot reach the fields, so it does not compile. Write
// `#[validated]` first.
#[derive(Default)]
#[validated]
pub struct Amount(#[validate(range(1..=1000))] u32);

fn main() {
    let _ = Amount::default();
}
