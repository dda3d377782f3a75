use std::ptr::NonNull;

use palisade::ffi_safe;

#[ffi_safe]
#[repr(C)]
pub struct Buffer {
    data: NonNull<u8>,
    len: usize,
}

fn main() {}
