use palisade::ffi_safe;

#[ffi_safe]
pub extern "C" fn read(value: &u32) -> u32 {
    *value
}

fn main() {}
