use palisade::ffi_safe;

#[ffi_safe]
#[repr(Rust)]
pub struct Record {
    id: u32,
}

fn main() {}
