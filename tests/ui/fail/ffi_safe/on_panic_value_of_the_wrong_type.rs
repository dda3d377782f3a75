use palisade::ffi_safe;

// `on_panic` is the value the function returns when its body panics: it must have
// the function's return type, here `()`.
#[ffi_safe(on_panic = -1)]
pub extern "C" fn reset() {}

fn main() {
    reset();
}
