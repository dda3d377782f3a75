use palisade::Builder;

#[derive(Builder)]
pub struct Request {
    #[builder(default(3))]
    retries: u8,
}

fn main() {}
