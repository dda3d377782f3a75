use palisade::Validate;

#[derive(Validate)]
struct Peer {
    #[validate(ipv4)]
    address: u32,
}

fn main() {}
