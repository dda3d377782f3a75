use palisade::ffi_safe;

#[ffi_safe(c_name = "2-config")]
#[repr(C)]
pub struct Config {
    rate_hz: u32,
}

fn main() {}
