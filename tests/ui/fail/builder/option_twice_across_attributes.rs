use palisade::Builder;

#[derive(Builder)]
pub struct Request {
    #[builder(into)]
    #[builder(into)]
    name: String,
}

fn main() {}
