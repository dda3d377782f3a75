use palisade::Builder;

#[derive(Debug, Builder)]
pub struct Request {
    url: String,
    retries: u8,
    timeout_ms: Option<u64>,
    #[builder(default)]
    headers: Vec<String>,
}

fn main() {
    let _ = Request::builder().url("a".into()).retries(1).headers(vec![]).headers(vec![]).build();
}
