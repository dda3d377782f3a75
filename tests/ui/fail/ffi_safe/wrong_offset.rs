use palisade::ffi_safe;

#[ffi_safe]
#[repr(C)]
pub struct Header {
    tag: u8,
    #[ffi(offset = 1)]
    len: u32,
}

fn main() {}
