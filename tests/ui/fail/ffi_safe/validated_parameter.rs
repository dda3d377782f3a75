use palisade::{ffi_safe, validated};

#[validated]
#[ffi_safe]
#[repr(C)]
#[derive(Clone, Copy)]
pub struct Reading {
    #[validate(range(-400..=1250))]
    temp_dc: i16,
    #[validate(range(0..=1000))]
    humidity_pm: u16,
}

#[ffi_safe]
pub extern "C" fn gw_submit(reading: Reading) -> i32 {
    i32::from(*reading.temp_dc())
}

fn main() {}
