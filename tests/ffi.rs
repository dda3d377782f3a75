//! `#[ffi_safe]` behaviour: panic guards, enum conversion, the FFI-safe standard types.

use std::num::NonZeroU8;

use palisade::ffi::{Checked, FfiSafe, InvalidDiscriminant};
use palisade::ffi_safe;

#[ffi_safe(on_panic = -1)]
extern "C" fn checked_div(a: i32, b: i32) -> i32 {
    a / b
}

#[ffi_safe(on_panic = Status::Panicked)]
extern "C" fn parse(code: u8) -> Status {
    if code == 0 {
        panic!("zero is reserved");
    }
    Status::try_from(code).unwrap_or(Status::Unknown)
}

#[ffi_safe]
#[repr(u8)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    Ready = 1,
    Unknown = 2,
    Panicked = 255,
}

#[test]
fn a_panic_becomes_the_on_panic_value() {
    assert_eq!(checked_div(7, 2), 3);
    assert_eq!(checked_div(7, 0), -1);
    assert_eq!(parse(1), Status::Ready);
    assert_eq!(parse(9), Status::Unknown);
    assert_eq!(parse(0), Status::Panicked);
}

#[ffi_safe]
#[repr(i16)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Signed {
    Low = -300,
    Zero = 0,
    High = 300,
}

#[test]
fn every_integer_converts_or_is_rejected_never_transmuted() {
    for raw in i16::MIN..=i16::MAX {
        let converted = Signed::try_from(raw);
        match raw {
            -300 => assert_eq!(converted, Ok(Signed::Low)),
            0 => assert_eq!(converted, Ok(Signed::Zero)),
            300 => assert_eq!(converted, Ok(Signed::High)),
            _ => assert_eq!(
                converted,
                Err(InvalidDiscriminant {
                    type_name: "Signed",
                    value: raw
                })
            ),
        }
    }
    assert_eq!(Signed::Low.to_raw(), -300);
    for value in [Signed::Low, Signed::Zero, Signed::High] {
        assert_eq!(Signed::try_from(value.to_raw()), Ok(value));
    }
}

/// The size of `T`, which only compiles when `T: FfiSafe`.
fn ffi_safe<T: FfiSafe>() -> bool {
    std::mem::size_of::<T>() < 1024
}

#[ffi_safe]
#[repr(C)]
struct Generic<T> {
    value: T,
    count: u32,
}

#[test]
fn the_standard_ffi_safe_types_and_generic_instantiations() {
    assert!(
        ffi_safe::<u8>()
            && ffi_safe::<i64>()
            && ffi_safe::<usize>()
            && ffi_safe::<f64>()
            && ffi_safe::<bool>()
    );
    assert!(ffi_safe::<*const u8>() && ffi_safe::<&u32>() && ffi_safe::<Option<&mut u32>>());
    assert!(ffi_safe::<NonZeroU8>() && ffi_safe::<Option<NonZeroU8>>());
    // A callback's result is written by whoever implements it, C included: an enum
    // comes back as `Checked<Status>` (see `tests/ffi_from_c.rs`).
    assert!(
        ffi_safe::<[Status; 4]>() && ffi_safe::<Option<extern "C" fn(u8) -> Checked<Status>>>()
    );
    assert!(ffi_safe::<Generic<u64>>() && ffi_safe::<Generic<Generic<Checked<Status>>>>());
}
