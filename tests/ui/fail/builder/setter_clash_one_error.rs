// A field whose setter would clash with `build()` is one error, and the rest of the
// builder still works.
use palisade::Builder;

#[derive(Builder)]
pub struct Job {
    build: u32,
    name: String,
}

fn main() {
    let _ = Job::builder().name("a".into());
}
