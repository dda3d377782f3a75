use palisade::ffi_safe;

#[ffi_safe]
#[repr(u8)]
#[derive(Clone, Copy)]
pub enum Mode {
    Off = 0,
    On = 1,
}

#[ffi_safe]
pub extern "C" fn set_mode(mode: Mode) -> u8 {
    mode.to_raw()
}

fn main() {}
