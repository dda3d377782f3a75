use palisade::ffi_safe;

// `on_panic` must have the function's return type: here `i32`, not a string.
#[ffi_safe(on_panic = "failed")]
pub extern "C" fn count() -> i32 {
    1
}

fn main() {
    let _ = count();
}
