use palisade::ffi::FfiSlice;
use palisade::ffi_safe;

#[ffi_safe]
pub extern "C" fn total(items: FfiSlice<'_, String>) -> usize {
    items.len()
}

fn main() {}
