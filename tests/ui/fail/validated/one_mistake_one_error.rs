// One mistake in a rule gives one error: `try_new`, the getters, setters and
// `new_const` are still emitted, so the uses below add none of their own.
use palisade::{valid, validated};

#[validated]
#[derive(Debug)]
pub struct Port(#[validate(rnage(1..=65535))] u32);

const HTTPS: Port = valid!(Port, 443);

fn main() {
    let port = Port::try_new(80).unwrap();
    let _ = (port.get(), Port::try_new(8080), HTTPS);
}
