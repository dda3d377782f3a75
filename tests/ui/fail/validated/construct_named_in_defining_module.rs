// A struct literal in the defining module does not compile either.
use palisade::validated;

#[validated]
#[derive(Debug)]
pub struct Window {
    #[validate(range(1..=60))]
    size: u32,
}

fn main() {
    let _ = Window { size: 1_000 };
}
