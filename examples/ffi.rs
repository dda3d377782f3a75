//! `#[ffi_safe]`: types whose C layout is checked when they compile, a C header that a
//! C compiler can check against Rust, and C integers turned into enums safely.
//!
//! Run it with `cargo run --example ffi`.

use palisade::ffi::{CHeader, Checked, FfiStr};
use palisade::ffi_safe;

/// A sensor sample as the C driver lays it out. `size`, `align`, `no_padding` and the
/// field offset are compile-time assertions: change a field and the build says what
/// moved.
#[ffi_safe(size = 16, align = 8, no_padding)]
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct Sample {
    timestamp_us: u64,
    #[ffi(offset = 8)]
    channel: u32,
    millivolts: i32,
}

/// How the driver reports a channel's state.
#[ffi_safe]
#[repr(u8)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChannelState {
    Idle = 0,
    Sampling = 1,
    Fault = 3,
}

/// A reading handed to C: nested struct, enum, string view, pointer, callback. The
/// enum and the callback's `bool` are `Checked`: C may write any integer there.
#[ffi_safe]
#[repr(C)]
pub struct Report<'a> {
    sample: Sample,
    state: Checked<ChannelState>,
    label: FfiStr<'a>,
    history: *const Sample,
    on_fault: Option<extern "C" fn(u32) -> Checked<bool>>,
}

/// Called by C with a raw state byte; a panic here answers `false` instead of
/// unwinding into C.
#[ffi_safe(on_panic = false)]
pub extern "C" fn channel_is_healthy(raw_state: u8) -> bool {
    match ChannelState::try_from(raw_state) {
        Ok(state) => state != ChannelState::Fault,
        Err(error) => panic!("driver sent {error}"),
    }
}

/// Called by C with a channel name as pointer + length; its length in chars, or -1
/// when the view is null with a length, or not UTF-8.
#[ffi_safe]
pub extern "C" fn channel_name_chars(name: FfiStr<'_>) -> i64 {
    match name.to_str() {
        Ok(text) => i64::try_from(text.chars().count()).unwrap_or(-1),
        Err(_) => -1,
    }
}

fn main() {
    match CHeader::new("sensor.h").with::<Report<'_>>().render() {
        Ok(header) => println!("{header}"),
        Err(error) => eprintln!("no header: {error}"),
    }

    for raw in [1u8, 3, 7] {
        match ChannelState::try_from(raw) {
            Ok(state) => println!("C sent {raw}: {state:?} (back to C as {})", state.to_raw()),
            Err(error) => println!("C sent {raw}: rejected, {error}"),
        }
    }
    // The driver's 7 is not a state: the guard turns the panic into `false`.
    std::panic::set_hook(Box::new(|_| {}));
    println!("channel_is_healthy(1) = {}", channel_is_healthy(1));
    println!("channel_is_healthy(7) = {}", channel_is_healthy(7));
    println!(
        "channel_name_chars(\"probe-α\") = {}",
        channel_name_chars(FfiStr::new("probe-α"))
    );
}
