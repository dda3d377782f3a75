//! Functions C calls with values that are not valid Rust values: each takes the fix
//! `#[ffi_safe]` names (`Checked<T>`, `Option<…>`, `FfiSlice` with `to_valid_slice`)
//! and turns what C passed into a value or a typed error, never UB. The error of
//! the last call is kept for `pt_last_error`, so the C test can print it.

use std::cell::RefCell;
use std::ffi::c_char;
use std::num::NonZeroU32;

use palisade::ffi::{CHeader, Checked, FfiSlice, FfiStr};
use palisade::{ffi_safe, validated};

thread_local! {
    static LAST_ERROR: RefCell<String> = const { RefCell::new(String::new()) };
}

fn fail(error: &impl std::fmt::Display) -> i32 {
    LAST_ERROR.with(|last| *last.borrow_mut() = error.to_string());
    -1
}

/// A mode C passes as its raw `uint8_t`.
#[ffi_safe]
#[repr(u8)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Off = 0,
    Eco = 1,
    Full = 2,
}

/// A reading whose fields C can set to anything; Rust sees it only after its rules.
#[validated]
#[ffi_safe]
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Reading {
    #[validate(range(-400..=1250))]
    temp_dc: i16,
    #[validate(range(0..=1000))]
    humidity_pm: u16,
}

/// `bool` from C: 0 or 1, else an error.
#[ffi_safe]
#[unsafe(no_mangle)]
pub extern "C" fn pt_set_enabled(enabled: Checked<bool>) -> i32 {
    enabled.get().map_or_else(|error| fail(&error), i32::from)
}

/// An enum from C: a variant, else an error.
#[ffi_safe]
#[unsafe(no_mangle)]
pub extern "C" fn pt_set_mode(mode: Checked<Mode>) -> i32 {
    mode.get()
        .map_or_else(|error| fail(&error), |mode| i32::from(mode.to_raw()))
}

/// A `NonZeroU32` from C: non-zero, else an error.
#[ffi_safe]
#[unsafe(no_mangle)]
pub extern "C" fn pt_reserve(count: Checked<NonZeroU32>) -> i32 {
    count.get().map_or_else(
        |error| fail(&error),
        |count| i32::try_from(count.get()).unwrap_or(i32::MAX),
    )
}

/// A reference from C: NULL is `None`.
#[ffi_safe]
#[unsafe(no_mangle)]
pub extern "C" fn pt_read(value: Option<&u32>) -> i32 {
    match value {
        Some(value) => i32::try_from(*value).unwrap_or(i32::MAX),
        None => fail(&"NULL where a `&u32` was expected"),
    }
}

/// A callback from C: NULL is `None`.
#[ffi_safe]
#[unsafe(no_mangle)]
pub extern "C" fn pt_call(callback: Option<extern "C" fn(u32) -> u32>, argument: u32) -> i32 {
    match callback {
        Some(callback) => i32::try_from(callback(argument)).unwrap_or(i32::MAX),
        None => fail(&"NULL where a callback was expected"),
    }
}

/// A `#[validated]` struct by value from C: its rules run in `get()`.
#[ffi_safe]
#[unsafe(no_mangle)]
pub extern "C" fn gw_submit(reading: Checked<Reading>) -> i32 {
    reading.get().map_or_else(
        |error| fail(&error),
        |reading| i32::from(*reading.temp_dc()),
    )
}

/// `#[validated]` structs by slice from C: every element's rules run.
#[ffi_safe]
#[unsafe(no_mangle)]
pub extern "C" fn gw_submit_all(readings: FfiSlice<'_, Reading>) -> i32 {
    readings.to_valid_slice().map_or_else(
        |error| fail(&error),
        |readings| i32::try_from(readings.len()).unwrap_or(i32::MAX),
    )
}

/// Text from C: null with a length, or bytes that are not UTF-8, are errors.
#[ffi_safe]
#[unsafe(no_mangle)]
pub extern "C" fn pt_label_chars(label: FfiStr<'_>) -> i32 {
    label.to_str().map_or_else(
        |error| fail(&error),
        |text| i32::try_from(text.chars().count()).unwrap_or(i32::MAX),
    )
}

/// Copies the last error's message, NUL-terminated and cut to `capacity`, into
/// `buffer`; returns its full length.
///
/// # Safety
///
/// `buffer` is null or points to `capacity` writable bytes.
#[ffi_safe]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pt_last_error(buffer: *mut c_char, capacity: usize) -> usize {
    LAST_ERROR.with(|last| {
        let last = last.borrow();
        if !buffer.is_null() && capacity > 0 {
            let count = last.len().min(capacity - 1);
            // SAFETY: `buffer` has `capacity` writable bytes (this function's
            // contract) and `count + 1 <= capacity`; `last` is a separate allocation.
            unsafe {
                std::ptr::copy_nonoverlapping(last.as_ptr().cast::<c_char>(), buffer, count);
                buffer.add(count).write(0);
            }
        }
        last.len()
    })
}

/// The header the C side of `tests/from_c.rs` is built against.
///
/// # Panics
/// Never: every type here has its own C name.
#[must_use]
pub fn header() -> String {
    CHeader::new("from_c.h")
        .function::<pt_set_enabled>()
        .function::<pt_set_mode>()
        .function::<pt_reserve>()
        .function::<pt_read>()
        .function::<pt_call>()
        .function::<gw_submit>()
        .function::<gw_submit_all>()
        .function::<pt_label_chars>()
        .function::<pt_last_error>()
        .render()
        .expect("unique C names")
}
