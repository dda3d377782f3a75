// An early `return` in an invariant would skip the invariants after it.
use palisade::validated;

#[validated]
#[invariant({ if *self.lo() == 0 { return; } true }, message = "zero means open")]
#[invariant(*self.hi() <= 100, message = "hi at most 100")]
pub struct Span {
    lo: u32,
    hi: u32,
}

fn main() {}
