//! Test-only crate: the `#[ffi_safe]` types shared with the header test, and the C
//! functions `build.rs` compiled from `c/roundtrip.c`. `tests/roundtrip.rs` calls them.

#[path = "../../tests/common/ffi_types.rs"]
pub mod types;

use types::{Pointers, Reading};

extern "C" {
    /// Changes every field of `reading` in a predictable way and returns it.
    pub fn reading_scaled(reading: Reading, factor: f64) -> Reading;
    /// Copies `*input` to `*output` and returns the sum of its samples.
    pub fn reading_copy(input: *const Reading, output: *mut Reading) -> i32;
    /// Returns `raw` as C's `Unit`, known or not.
    pub fn unit_from_c(raw: u16) -> u16;
    /// Calls `pointers.callback(argument)` and adds the sample count.
    pub fn pointers_call(pointers: *const Pointers, argument: i32) -> i32;
}

pub mod from_c;

/// The README's `#[ffi_safe]` example, compiled as written (extracted by `build.rs`).
pub mod readme {
    include!(concat!(env!("OUT_DIR"), "/readme_ffi.rs"));
}
