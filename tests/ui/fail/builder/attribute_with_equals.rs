use palisade::Builder;

#[derive(Builder)]
pub struct Request {
    #[builder = "default"]
    retries: u8,
}

fn main() {}
