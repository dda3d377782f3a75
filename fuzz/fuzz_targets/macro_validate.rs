//! The `validate` expansion never panics on any item (and any arguments).
#![no_main]

use libfuzzer_sys::fuzz_target;
use palisade_fuzz::*;

fuzz_target!(|data: &[u8]| {
    if let Some((_, item)) = split(data) {
        let output = validate::expand(item);
        // The output is tokens the compiler can read: it always parses as a file.
        let _ = syn::parse2::<syn::File>(output);
    }
});
