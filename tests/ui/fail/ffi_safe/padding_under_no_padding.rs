use palisade::ffi_safe;

#[ffi_safe(no_padding)]
#[repr(C)]
pub struct Header {
    tag: u8,
    len: u32,
    flag: u16,
}

fn main() {}
