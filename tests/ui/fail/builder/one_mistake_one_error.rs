// One mistake in an attribute gives one error: the builder is still emitted, so the
// uses below add none of their own.
use palisade::Builder;

#[derive(Debug, Builder)]
pub struct Request {
    #[builder(defualt = 3)]
    retries: u8,
    url: String,
}

fn main() {
    let _ = Request::builder().retries(1).url("a".into()).build();
    let _ = Request::builder().url("b".into()).retries(2).build();
}
