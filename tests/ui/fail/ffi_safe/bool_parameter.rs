use palisade::ffi_safe;

#[ffi_safe]
pub extern "C" fn set_enabled(enabled: bool) -> i32 {
    i32::from(enabled)
}

fn main() {}
