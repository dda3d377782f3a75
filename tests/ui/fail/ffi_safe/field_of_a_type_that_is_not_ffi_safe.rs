use palisade::ffi_safe;

pub struct Plain {
    value: u32,
}

#[ffi_safe]
#[repr(C)]
pub struct Record {
    id: u32,
    inner: Plain,
}

fn main() {}
