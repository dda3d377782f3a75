use palisade::Builder;

#[derive(Builder)]
#[builder(crat = "palisade")]
pub struct Request {
    retries: u8,
}

fn main() {}
