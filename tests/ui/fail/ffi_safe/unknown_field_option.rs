use palisade::ffi_safe;

#[ffi_safe]
#[repr(C)]
pub struct Header {
    #[ffi(ofset = 0)]
    len: u32,
}

fn main() {}
