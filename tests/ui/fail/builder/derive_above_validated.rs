use palisade::validated as checked;
use palisade::Builder;

// Written above `#[validated]`, the derive runs first. It builds through `try_new`
// when it sees `#[validated]` below itself (tests/builder.rs); under another name it
// cannot tell, and rather than build the type without its checks this does not
// compile. Write `#[derive(Builder)]` below `#[validated]`.
#[derive(Builder)]
#[checked]
pub struct Port {
    #[validate(range(1..=65535))]
    port: u32,
}

fn main() {}
