use palisade::ffi_safe;

#[ffi_safe]
pub extern "C" fn greet(name: String, initial: char) -> Vec<u8> {
    let _ = initial;
    name.into_bytes()
}

#[ffi_safe]
pub extern "C" fn sum(values: Option<u64>) -> (u32, u32) {
    let _ = values;
    (0, 0)
}

fn main() {}
