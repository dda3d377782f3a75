use std::num::NonZeroU32;

use palisade::ffi_safe;

#[ffi_safe]
pub extern "C" fn reserve(count: NonZeroU32) -> u32 {
    count.get()
}

fn main() {}
