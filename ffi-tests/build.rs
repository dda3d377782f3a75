//! Renders the header of the shared `#[ffi_safe]` types and compiles `c/roundtrip.c`
//! against it.

#[path = "../tests/common/ffi_types.rs"]
#[allow(dead_code)] // the build script only describes the types
mod types;

fn main() {
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let header = palisade::ffi::CHeader::new("ffi_types.h")
        .with::<types::Reading>()
        .with::<types::Pointers>()
        .render()
        .expect("the shared types have unique C names");
    std::fs::write(out.join("ffi_types.h"), header).expect("OUT_DIR is writable");
    println!("cargo::rerun-if-changed=c/roundtrip.c");
    println!("cargo::rerun-if-changed=../tests/common/ffi_types.rs");
    cc::Build::new()
        .file("c/roundtrip.c")
        .include(&out)
        .flag_if_supported("-std=c11")
        .warnings_into_errors(true)
        .compile("palisade_roundtrip");
}
