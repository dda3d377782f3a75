use palisade::ffi::FfiSafe;
use palisade::ffi_safe;

#[ffi_safe]
#[repr(C)]
pub struct Pair<T> {
    left: T,
    right: T,
}

fn needs_ffi_safe<T: FfiSafe>() {}

fn main() {
    needs_ffi_safe::<Pair<u32>>();
    needs_ffi_safe::<Pair<String>>();
}
