//! `FfiStr` and `cstr_to_str` never panic on arbitrary bytes, and agree with
//! `std::str::from_utf8` / `CStr` about what they accept.
#![no_main]

use std::ffi::CStr;

use libfuzzer_sys::fuzz_target;
use palisade::ffi::{cstr_to_str, FfiStr};

fuzz_target!(|bytes: &[u8]| {
    // SAFETY: `bytes` is a live slice for the whole target; the view covers exactly it.
    let view = unsafe { FfiStr::from_raw_parts(bytes.as_ptr(), bytes.len()) };
    assert_eq!(view.to_str().ok(), std::str::from_utf8(bytes).ok());
    match view.to_c_string() {
        Ok(c_string) => assert_eq!(c_string.as_bytes(), bytes),
        Err(_) => assert!(std::str::from_utf8(bytes).is_err() || bytes.contains(&0)),
    }

    let mut terminated = bytes.to_vec();
    terminated.push(0);
    // SAFETY: `terminated` ends with a NUL and outlives the result.
    let text = unsafe { cstr_to_str(terminated.as_ptr().cast()) };
    let expected = CStr::from_bytes_until_nul(&terminated).ok().and_then(|c| c.to_str().ok());
    assert_eq!(text.ok(), expected);
});
