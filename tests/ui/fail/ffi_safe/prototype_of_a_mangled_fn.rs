use palisade::ffi::CHeader;
use palisade::ffi_safe;

#[ffi_safe]
pub extern "C" fn scale(value: i32) -> i32 {
    value * 2
}

fn main() {
    let _ = CHeader::new("scale.h").function::<scale>();
}
