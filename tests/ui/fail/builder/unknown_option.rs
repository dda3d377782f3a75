use palisade::Builder;

#[derive(Builder)]
pub struct Request {
    #[builder(defualt)]
    retries: u8,
}

fn main() {}
