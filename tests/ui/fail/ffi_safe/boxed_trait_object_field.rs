use palisade::ffi_safe;

#[ffi_safe]
#[repr(C)]
pub struct Record {
    id: u32,
    callback: Box<dyn Fn()>,
}

fn main() {}
