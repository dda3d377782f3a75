use palisade::ffi_safe;

#[ffi_safe]
#[repr(C)]
pub struct Settings {
    level: u8,
    enabled: bool,
}

fn main() {}
