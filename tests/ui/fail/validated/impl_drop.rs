// A `Drop` impl would be handed the value a check refused (`try_new` builds, checks,
// then drops what failed), so writing one is an error.
use palisade::validated;

#[validated]
pub struct Port(#[validate(range(1..=65535))] u32);

impl Drop for Port {
    fn drop(&mut self) {}
}

fn main() {}
