use palisade::Builder;

#[derive(Builder)]
pub struct Pair(u8, u8);

fn main() {}
