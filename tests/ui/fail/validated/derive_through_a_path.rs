// `derive` written as a path is still a derive.
use palisade::validated;

#[validated]
#[core::prelude::v1::derive(Debug, Default)]
pub struct Port(#[validate(range(1..=65535))] u32);

fn main() {}
