//! Values of `#[ffi_safe]` types go through C functions (compiled by `build.rs` with
//! the `cc` crate, against the header palisade rendered) by value and by pointer,
//! and come back exactly as the C code says they should.

use std::ptr;

use palisade::ffi::Checked;
use palisade::ffi_safe;
use palisade_ffi_tests::types::{Celsius, Padded, Pointers, Reading, Samples, Unit};
use palisade_ffi_tests::{pointers_call, reading_copy, reading_scaled, unit_from_c};

fn sample() -> Reading {
    Reading {
        padded: Padded {
            tag: 7,
            value: 1 << 40,
            flag: Checked::new(true),
        },
        samples: Samples {
            count: 3,
            values: [1, -2, 3, 0, 0, 0, 0, 9],
        },
        temperature: Celsius(21.5),
        unit: Checked::new(Unit::Metric),
    }
}

#[test]
fn structs_round_trip_by_value() {
    // SAFETY: `reading_scaled` is defined in c/roundtrip.c with this signature, over
    // the header palisade rendered for these very types; it reads only its arguments.
    let scaled = unsafe { reading_scaled(sample(), 2.0) };
    assert_eq!(
        scaled,
        Reading {
            padded: Padded {
                tag: 8,
                value: 1 << 41,
                flag: Checked::new(false)
            },
            samples: Samples {
                count: 3,
                values: [2, -4, 6, 0, 0, 0, 0, 9]
            },
            temperature: Celsius(43.0),
            unit: Checked::new(Unit::Imperial),
        }
    );
}

#[test]
fn structs_round_trip_by_pointer() {
    let input = sample();
    let mut output = Reading {
        padded: Padded {
            tag: 0,
            value: 0,
            flag: Checked::new(false),
        },
        samples: Samples {
            count: 0,
            values: [0; 8],
        },
        temperature: Celsius(0.0),
        unit: Checked::new(Unit::Kelvin),
    };
    // SAFETY: both pointers come from live locals of the declared type; the C side
    // reads `*input` and writes a whole `Reading` to `*output`.
    let sum = unsafe { reading_copy(&input, &mut output) };
    assert_eq!(sum, 2);
    assert_eq!(output, input);
}

#[test]
fn a_c_integer_that_is_not_a_discriminant_is_rejected() {
    // SAFETY: `unit_from_c` takes and returns a `uint16_t` (`Unit`'s repr).
    let known = unsafe { unit_from_c(300) };
    assert_eq!(Unit::try_from(known), Ok(Unit::Kelvin));
    // SAFETY: as above.
    let unknown = unsafe { unit_from_c(7) };
    let error = Unit::try_from(unknown).unwrap_err();
    assert_eq!(error.to_string(), "7 is not a discriminant of `Unit`");
}

#[ffi_safe]
extern "C" fn triple(value: i32) -> i32 {
    value * 3
}

#[test]
fn c_calls_back_into_rust_through_a_struct_of_pointers() {
    let samples = sample().samples;
    let pointers = Pointers {
        name: c"probe".as_ptr(),
        buffer: ptr::null_mut(),
        samples: &samples,
        callback: Some(triple),
    };
    // SAFETY: `pointers` and what it points to outlive the call; the callback is an
    // `extern "C" fn(i32) -> i32` as the header declares.
    let total = unsafe { pointers_call(&pointers, 5) };
    assert_eq!(total, 15 + 3);
    let without = Pointers {
        callback: None,
        samples: ptr::null(),
        ..pointers
    };
    // SAFETY: as above; the C side checks both pointers for null.
    assert_eq!(unsafe { pointers_call(&without, 5) }, -1);
}
