use palisade::ffi_safe;

/// A non-null `&bool` from C may point to a 2.
#[ffi_safe]
pub extern "C" fn read_flag(flag: Option<&bool>) -> i32 {
    flag.map_or(-1, |flag| i32::from(*flag))
}

fn main() {}
