mod net {
    use palisade::validated;

    #[validated]
    pub struct Port(#[validate(range(1..=65535))] u32);
}

fn main() {
    let mut port = net::Port::try_new(80).unwrap();
    port.0 = 0;
    let _ = port.get();
}
