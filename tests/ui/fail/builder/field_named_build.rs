use palisade::Builder;

#[derive(Builder)]
pub struct Job {
    build: u32,
    timeout: Option<u32>,
    maybe_timeout: u8,
}

fn main() {}
