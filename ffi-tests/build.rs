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
    readme_example(&out);
    println!("cargo::rerun-if-changed=c/roundtrip.c");
    println!("cargo::rerun-if-changed=../tests/common/ffi_types.rs");
    cc::Build::new()
        .file("c/roundtrip.c")
        .include(&out)
        .flag_if_supported("-std=c11")
        .warnings_into_errors(true)
        .compile("palisade_roundtrip");
}

/// Writes the README's `#[ffi_safe]` example, as written, into a function that
/// returns the header it renders, for `tests/readme.rs` to link C against.
fn readme_example(out: &std::path::Path) {
    println!("cargo::rerun-if-changed=../README.md");
    let readme = std::fs::read_to_string("../README.md").expect("README.md is readable");
    let section = readme
        .split_once("## `#[ffi_safe]`")
        .map(|(_, rest)| rest)
        .expect("README has an `#[ffi_safe]` section");
    let code = section
        .split_once("```rust\n")
        .and_then(|(_, rest)| rest.split_once("\n```"))
        .map(|(code, _)| code)
        .expect("the section starts with a Rust example");
    let wrapped = format!(
        "/// The README's `#[ffi_safe]` example; returns the header it renders.\n\
         #[must_use]\n\
         #[allow(clippy::too_many_lines)]\n\
         pub fn readme_example() -> String {{\n{code}\nheader\n}}\n"
    );
    std::fs::write(out.join("readme_ffi.rs"), wrapped).expect("OUT_DIR is writable");
}
