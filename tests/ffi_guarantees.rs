//! `#[ffi_safe]`'s promises as trait facts, checked when this file compiles
//! (`static_assertions`), and `Checked<T>` turning every raw value C can pass into
//! a value or a typed error. GUARANTEES.md (section 4) points here.

use std::ffi::c_char;
use std::num::{NonZeroU32, NonZeroU8};
use std::ptr::NonNull;

use palisade::ffi::{Checked, FfiSafe, FfiSlice, FfiStr, FromC, InvalidValue};
use palisade::{ffi_safe, validated};
use static_assertions::{assert_impl_all, assert_not_impl_any};

type Callback = extern "C" fn(u32);
type BoolCallback = Option<extern "C" fn() -> bool>;

#[ffi_safe]
#[repr(u8)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Off = 0,
    Eco = 1,
    Full = 2,
}

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

#[ffi_safe]
#[repr(C)]
pub struct Plain {
    id: u32,
    mode: Checked<Mode>,
}

// No C layout at all.
assert_not_impl_any!(String: FfiSafe, FromC);
assert_not_impl_any!(Vec<u8>: FfiSafe, FromC);
assert_not_impl_any!(char: FfiSafe, FromC);
assert_not_impl_any!(FfiSlice<'static, String>: FfiSafe, FromC);
assert_not_impl_any!(Option<u32>: FfiSafe, FromC);
assert_not_impl_any!((u32, u32): FfiSafe, FromC);

// A C layout, but C can write a value that is not valid: not accepted from C.
assert_not_impl_any!(bool: FromC);
assert_not_impl_any!(Mode: FromC);
assert_not_impl_any!(NonZeroU32: FromC);
assert_not_impl_any!(NonNull<u8>: FromC);
assert_not_impl_any!(&'static u8: FromC);
assert_not_impl_any!(&'static mut u8: FromC);
assert_not_impl_any!(Box<u8>: FromC);
assert_not_impl_any!(Callback: FromC);
assert_not_impl_any!([bool; 4]: FromC);
assert_not_impl_any!(BoolCallback: FfiSafe, FromC);
// A safe reference or `Box` from C is read as its target: the target must come from C.
assert_not_impl_any!(Option<&'static bool>: FromC);
assert_not_impl_any!(Option<&'static mut Mode>: FromC);
assert_not_impl_any!(Option<Box<Reading>>: FromC);
// A `#[validated]` struct runs checks: C passes it as `Checked<Reading>`.
assert_not_impl_any!(Reading: FromC);
assert_not_impl_any!([Reading; 2]: FromC);

// ... but each may be returned to C.
assert_impl_all!(bool: FfiSafe);
assert_impl_all!(Mode: FfiSafe);
assert_impl_all!(NonZeroU32: FfiSafe);
assert_impl_all!(NonNull<u8>: FfiSafe);
assert_impl_all!(&'static u8: FfiSafe);
assert_impl_all!(Box<u8>: FfiSafe);
assert_impl_all!(Reading: FfiSafe);

// What C may pass.
assert_impl_all!(u8: FromC);
assert_impl_all!(f64: FromC);
assert_impl_all!(*const c_char: FromC);
assert_impl_all!(Checked<bool>: FromC);
assert_impl_all!(Checked<Mode>: FromC);
assert_impl_all!(Checked<NonZeroU8>: FromC);
assert_impl_all!(Checked<Reading>: FromC);
assert_impl_all!(Option<NonZeroU32>: FromC);
assert_impl_all!(Option<NonNull<u8>>: FromC);
assert_impl_all!(Option<&'static u8>: FromC);
assert_impl_all!(Option<Box<u64>>: FromC);
assert_impl_all!(Option<&'static Checked<bool>>: FromC);
assert_impl_all!(Option<NonNull<bool>>: FromC);
assert_impl_all!(Option<extern "C" fn(u32) -> u32>: FromC);
assert_impl_all!(Option<unsafe extern "C" fn(u32, u32, u32, u32, u32, u32) -> u32>: FromC);
assert_impl_all!([Checked<bool>; 4]: FromC);
assert_impl_all!(FfiSlice<'static, Reading>: FromC);
assert_impl_all!(FfiStr<'static>: FromC);
assert_impl_all!(Plain: FromC);

#[test]
fn every_raw_value_is_a_bool_or_an_error() {
    let mut accepted = 0;
    for raw in 0..=u8::MAX {
        match Checked::<bool>::from_raw(raw).get() {
            Ok(value) => {
                assert_eq!(u8::from(value), raw);
                accepted += 1;
            }
            Err(error) => assert_eq!(
                error,
                InvalidValue::BitPattern {
                    type_name: "bool",
                    value: i128::from(raw)
                }
            ),
        }
    }
    assert_eq!(accepted, 2);
}

#[test]
fn every_raw_value_is_a_variant_or_an_error() {
    let mut accepted = Vec::new();
    for raw in 0..=u8::MAX {
        match Checked::<Mode>::from_raw(raw).get() {
            Ok(mode) => accepted.push((raw, mode)),
            Err(error) => assert_eq!(error.to_string(), format!("{raw} is not a valid `Mode`")),
        }
    }
    assert_eq!(accepted, [(0, Mode::Off), (1, Mode::Eco), (2, Mode::Full)]);
    assert_eq!(Checked::new(Mode::Full).into_raw(), 2);
}

#[test]
fn a_validated_struct_from_c_runs_its_checks() {
    let valid = Reading::try_new(215, 400).unwrap();
    assert_eq!(Checked::new(valid).get(), Ok(valid));
    // What C sends: `{30000, 65535}`. Built here through the raw form, as C would.
    let raw = Checked::new(valid).into_raw();
    let bytes: [u8; 4] = [0x30, 0x75, 0xff, 0xff]; // 30000, 65535 little-endian
    let mut from_c = Checked::<Reading>::from_raw(raw);
    // SAFETY: `Checked<Reading>` is `repr(transparent)` over `Reading`, whose fields
    // are two `FromC` integers: every 4-byte pattern is a valid raw value.
    unsafe {
        std::ptr::copy_nonoverlapping(
            bytes.as_ptr(),
            std::ptr::from_mut(&mut from_c).cast::<u8>(),
            4,
        );
    }
    let error = from_c.get().unwrap_err();
    let InvalidValue::Rules { type_name, errors } = &error else {
        panic!("expected rules, got {error:?}");
    };
    assert_eq!(*type_name, "Reading");
    assert_eq!(errors.len(), 2);
    assert!(error.to_string().contains("temp_dc"));
    assert!(error.to_string().contains("humidity_pm"));
}
