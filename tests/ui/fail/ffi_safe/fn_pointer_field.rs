use palisade::ffi_safe;

#[ffi_safe]
#[repr(C)]
pub struct Callbacks {
    on_event: extern "C" fn(u32),
}

fn main() {}
