use palisade::ffi_safe;

#[ffi_safe]
pub struct Record {
    id: u32,
}

fn main() {}
