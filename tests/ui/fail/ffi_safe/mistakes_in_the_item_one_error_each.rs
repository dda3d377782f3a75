// Each mistake in an item itself (a field C cannot write, an enum with data, a
// function C cannot call) gives one error: the item is emitted with stand-ins for its
// impls, so its uses add none of their own: another `#[ffi_safe]` struct holding it, an
// `extern "C"` parameter, a header, a prototype.
use palisade::ffi::{CHeader, Checked};
use palisade::ffi_safe;

#[ffi_safe]
#[repr(C)]
pub struct Record {
    id: u32,
    name: String,
}

#[ffi_safe]
#[repr(C)]
pub struct Envelope {
    record: Record,
    seq: u64,
}

#[ffi_safe]
#[repr(u8)]
#[derive(Clone, Copy)]
pub enum Shape {
    Circle(u32),
    Square,
}

#[ffi_safe]
#[unsafe(no_mangle)]
pub extern "C" fn record_id(envelope: Envelope, shape: Checked<Shape>) -> u32 {
    let _ = shape;
    envelope.record.id
}

#[ffi_safe]
#[unsafe(no_mangle)]
pub fn not_extern(value: u32) -> u32 {
    value
}

fn main() {
    let _ = CHeader::new("record.h")
        .with::<Envelope>()
        .with::<Shape>()
        .function::<record_id>()
        .function::<not_extern>()
        .render();
    let _ = not_extern(1);
}
