use palisade::ffi_safe;

#[ffi_safe]
#[repr(C)]
pub struct Pair<T> {
    left: T,
    right: T,
}

/// `Pair<bool>` may be returned to C, but C cannot pass one.
#[ffi_safe]
pub extern "C" fn both(pair: Pair<bool>) -> Pair<bool> {
    pair
}

fn main() {}
