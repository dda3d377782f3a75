use palisade::ffi_safe;

#[ffi_safe]
#[repr(C)]
pub struct Record {
    id: u32,
    pair: (u32, u32),
}

fn main() {}
