// One mistake in `#[ffi_safe(...)]` gives one error: the rest of the expansion is
// still emitted, so the type's uses add none of their own.
use palisade::ffi::CHeader;
use palisade::ffi_safe;

#[ffi_safe(sise = 8)]
#[repr(C)]
#[derive(Clone, Copy)]
pub struct Header {
    tag: u32,
    len: u32,
}

#[ffi_safe]
#[unsafe(no_mangle)]
pub extern "C" fn header_len(header: Header) -> u32 {
    header.len
}

fn main() {
    let _ = CHeader::new("header.h").with::<Header>().render();
    let _ = header_len(Header { tag: 1, len: 2 }).wrapping_add(u32::from(Header { tag: 3, len: 4 }.tag > 0));
}
