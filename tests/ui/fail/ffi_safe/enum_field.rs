use palisade::ffi_safe;

#[ffi_safe]
#[repr(u8)]
#[derive(Clone, Copy)]
pub enum Mode {
    Off = 0,
    On = 1,
}

#[ffi_safe]
#[repr(C)]
pub struct Command {
    mode: Mode,
    level: u8,
}

fn main() {}
