//! Every FFI-safe field kind, repr written before or after `#[ffi_safe]`, generics.
use std::ffi::{c_char, c_void};
use std::marker::PhantomData;
use std::mem::{ManuallyDrop, MaybeUninit};
use std::num::NonZeroU32;
use std::ptr::NonNull;

use palisade::ffi::{Checked, FfiSlice, FfiStr};
use palisade::ffi_safe;

#[repr(C)]
#[ffi_safe(size = 8, align = 4, no_padding)]
pub struct ReprFirst {
    #[ffi(offset = 0)]
    a: u32,
    #[ffi(offset = 4)]
    b: f32,
}

#[ffi_safe]
#[repr(C)]
pub struct ReprAfter<'a> {
    bytes: [u8; 4],
    signed: (i8),
    wide: i64,
    size: usize,
    diff: isize,
    double: f64,
    flag: Checked<bool>,
    text: *const c_char,
    opaque: *mut c_void,
    non_null: Option<NonNull<u8>>,
    nullable: Option<NonNull<u8>>,
    borrowed: Option<&'a u32>,
    exclusive: Option<&'a mut u32>,
    maybe: Option<&'a u32>,
    callback: Option<extern "C" fn(u32) -> u32>,
    count: Checked<NonZeroU32>,
    status: Checked<Status>,
    boxed: Option<Box<u64>>,
    unsafe_callback: Option<unsafe extern "C" fn(u32, u32, u32, u32, u32) -> u32>,
    maybe_count: Option<NonZeroU32>,
    marker: PhantomData<&'a ()>,
    uninit: MaybeUninit<u64>,
    manual: ManuallyDrop<u16>,
    name: FfiStr<'a>,
    values: FfiSlice<'a, u32>,
    nested: ReprFirst,
}

#[ffi_safe]
#[repr(C, align(16))]
pub struct Aligned(u8, u32);

#[ffi_safe]
#[repr(transparent)]
pub struct Meters(f64);

#[ffi_safe]
#[repr(C)]
pub struct Pair<T> {
    left: T,
    right: T,
}

#[ffi_safe]
#[repr(i32)]
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Status {
    Ok = 0,
    Failed = -1,
    Retry = 7,
}

#[ffi_safe]
pub extern "C" fn area(pair: Pair<u32>, scale: Meters) -> f64 {
    f64::from(pair.left * pair.right) * scale.0
}

/// Rust writes the result, so any `FfiSafe` type may be returned.
#[ffi_safe]
pub extern "C" fn flags(raw: Checked<bool>, count: Option<NonZeroU32>) -> bool {
    raw.get().unwrap_or(false) && count.is_some()
}

#[ffi_safe]
pub extern "C" fn first(values: Option<&u32>, fallback: Option<NonNull<u32>>) -> NonZeroU32 {
    let _ = fallback;
    NonZeroU32::new(values.copied().unwrap_or(1)).unwrap_or(NonZeroU32::MIN)
}

#[ffi_safe(on_panic = Status::Failed)]
pub extern "C" fn status(code: i32) -> Status {
    Status::try_from(code).unwrap_or(Status::Retry)
}

fn main() {
    let _ = (area(Pair { left: 1, right: 2 }, Meters(1.0)), status(0), Status::Ok.to_raw());
    let _ = (flags(Checked::new(true), None), first(None, None));
    let _ = std::mem::size_of::<ReprAfter<'_>>() + std::mem::size_of::<Aligned>();
}
