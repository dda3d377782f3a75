use palisade::ffi::FfiSlice;
use palisade::ffi_safe;

#[ffi_safe]
pub extern "C" fn count_true(flags: FfiSlice<'_, bool>) -> usize {
    flags.to_slice().map_or(0, |flags| flags.iter().filter(|flag| **flag).count())
}

fn main() {}
