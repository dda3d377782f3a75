use palisade::{validated, Builder};

// The derive runs on `#[validated]`'s output and cannot see that the type is
// validated: rather than build it without the checks, this does not compile.
#[derive(Builder)]
#[validated]
pub struct Port {
    #[validate(range(1..=65535))]
    port: u32,
}

fn main() {}
