// A rule behind `cfg_attr` vanishes where its condition is false (`any()` is never
// true; `feature = "strict"` is false in every build without that feature).
use palisade::validated;

#[validated]
pub struct Contact {
    #[cfg_attr(any(), validate(chars(1..=64)))]
    name: String,
}

fn main() {}
