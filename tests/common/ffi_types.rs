//! The representative `#[ffi_safe]` types the header and round-trip tests share.

use std::ffi::c_char;

use palisade::ffi::Checked;
use palisade::ffi_safe;

/// A struct whose fields leave natural padding (after `tag`, and at the end); its
/// `bool` comes from C as `Checked<bool>`.
#[ffi_safe]
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Padded {
    pub tag: u8,
    pub value: u64,
    pub flag: Checked<bool>,
}

/// A fixed array field.
#[ffi_safe(size = 20, align = 4, no_padding)]
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Samples {
    pub count: u32,
    #[ffi(offset = 4)]
    pub values: [i16; 8],
}

/// A transparent newtype.
#[ffi_safe]
#[repr(transparent)]
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Celsius(pub f64);

/// A fieldless enum with an integer repr.
#[ffi_safe]
#[repr(u16)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Metric = 1,
    Imperial = 2,
    Kelvin = 300,
}

/// Pointers of several kinds.
#[ffi_safe]
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct Pointers {
    pub name: *const c_char,
    pub buffer: *mut u8,
    pub samples: *const Samples,
    pub callback: Option<extern "C" fn(i32) -> i32>,
}

/// A struct nesting the others.
#[ffi_safe]
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Reading {
    pub padded: Padded,
    pub samples: Samples,
    pub temperature: Celsius,
    pub unit: Checked<Unit>,
}
