use palisade::ffi_safe;

#[ffi_safe]
pub extern "C" fn free_counter(counter: Box<u64>) -> u64 {
    *counter
}

fn main() {}
