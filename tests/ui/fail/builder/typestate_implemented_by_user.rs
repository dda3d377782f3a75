// The typestate traits are sealed: a crate cannot declare an unset field set (or a
// set one unset) to build with a field missing.
use palisade::builder::{IsSet, IsUnset, Set, Unset};
use palisade::Builder;

#[derive(Builder)]
pub struct Request {
    retries: u8,
}

impl IsSet<Request, Request_fields::retries, u8> for Unset {
    fn into_value(self) -> u8 {
        0
    }
}

impl IsUnset<Request, Request_fields::retries> for Set<u8> {}

fn main() {}
