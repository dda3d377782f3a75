// `#[validated]` defines its struct in a hidden module: `#[ffi_safe]` written above it
// runs outside that module and cannot reach the fields for its layout checks. Write
// `#[validated]` first.
use palisade::{ffi_safe, validated};

#[ffi_safe]
#[validated]
#[repr(C)]
#[derive(Clone, Copy)]
pub struct Reading {
    #[validate(range(-400..=1250))]
    temp_dc: i16,
}

fn main() {}
