use palisade::ffi_safe;

#[ffi_safe]
#[repr(C)]
pub struct Record {
    id: u32,
    bytes: &'static [u8],
}

fn main() {}
