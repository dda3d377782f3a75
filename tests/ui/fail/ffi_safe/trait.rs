use palisade::ffi_safe;

#[ffi_safe]
pub trait Callbacks {}

fn main() {}
