use palisade::ffi_safe;

#[ffi_safe]
#[repr(C)]
pub struct Record {
    id: u32,
    initial: char,
}

fn main() {}
