use palisade::ffi_safe;

#[ffi_safe(sise = 8)]
#[repr(C)]
pub struct Header {
    len: u32,
}

fn main() {}
