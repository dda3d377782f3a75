use palisade::Builder;

#[derive(Builder)]
pub struct Request {
    url: String,
}

#[derive(Builder)]
pub struct Link {
    url: String,
}

fn main() {
    // Two builders have a `url`, so the message names it by its struct.
    let _ = Request::builder().build();
}
