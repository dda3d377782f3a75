use palisade::ffi_safe;

#[ffi_safe]
#[repr(C)]
pub struct Switches {
    states: [bool; 4],
}

fn main() {}
