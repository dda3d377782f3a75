use palisade::ffi_safe;

#[ffi_safe(size = 16)]
#[repr(C)]
pub struct Header {
    tag: u8,
    len: u32,
}

fn main() {}
