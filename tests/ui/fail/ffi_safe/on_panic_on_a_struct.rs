use palisade::ffi_safe;

#[ffi_safe(on_panic = 0)]
#[repr(C)]
pub struct Header {
    len: u32,
}

fn main() {}
