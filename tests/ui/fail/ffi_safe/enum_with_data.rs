use palisade::ffi_safe;

#[ffi_safe]
#[repr(u8)]
pub enum Shape {
    Circle(f64),
    Empty,
}

fn main() {}
