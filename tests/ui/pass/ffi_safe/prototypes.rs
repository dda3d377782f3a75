//! Prototypes of functions C can link to, in both attribute forms and with
//! `export_name`; a mangled function still compiles and can be called from Rust.
use palisade::ffi::{CHeader, Checked, FfiStr};
use palisade::ffi_safe;

#[ffi_safe]
#[repr(C)]
pub struct Sample {
    channel: u32,
    millivolts: i32,
}

#[ffi_safe]
#[unsafe(no_mangle)]
pub extern "C" fn proto_pass_scale(value: i32, sample: *const Sample) -> i32 {
    value * 2 + i32::from(sample.is_null())
}

#[ffi_safe]
#[no_mangle]
pub extern "C" fn proto_pass_reset(_: Checked<bool>) {}

#[ffi_safe]
#[unsafe(export_name = "proto_pass_label_len")]
pub extern "C" fn label_len(label: FfiStr<'_>) -> usize {
    label.len()
}

#[ffi_safe]
extern "C" fn callback(value: u32) -> u32 {
    value
}

fn main() {
    let header = CHeader::new("proto.h")
        .function::<proto_pass_scale>()
        .function::<proto_pass_reset>()
        .function::<label_len>()
        .render()
        .unwrap();
    assert!(header.contains("int32_t proto_pass_scale(int32_t value, const Sample *sample);"));
    assert!(header.contains("void proto_pass_reset(uint8_t arg0);"));
    assert!(header.contains("uintptr_t proto_pass_label_len(FfiStr label);"));
    assert_eq!(callback(3), 3);
}
