use palisade::ffi_safe;

/// `a`, then 3 bytes of padding, then `b`.
#[ffi_safe]
#[repr(C)]
pub struct Inner {
    a: u8,
    b: u32,
}

#[ffi_safe(no_padding)]
#[repr(C)]
pub struct Outer {
    inner: Inner,
    x: u32,
}

fn main() {}
