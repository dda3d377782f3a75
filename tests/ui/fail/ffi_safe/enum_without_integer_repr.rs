use palisade::ffi_safe;

#[ffi_safe]
#[repr(C)]
pub enum Color {
    Red,
    Green,
}

fn main() {}
