use palisade::ffi::FfiSlice;
use palisade::{ffi_safe, validated};

#[validated]
#[ffi_safe]
#[repr(C)]
#[derive(Clone, Copy)]
pub struct Reading {
    #[validate(range(-400..=1250))]
    temp_dc: i16,
}

#[ffi_safe]
pub extern "C" fn gw_submit_all(readings: FfiSlice<'_, Reading>) -> usize {
    readings.to_slice().map_or(0, <[Reading]>::len)
}

fn main() {}
