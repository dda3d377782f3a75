#[palisade::ffi_safe(size)]
#[repr(C)]
pub struct Header {
    tag: u8,
}

fn main() {}
