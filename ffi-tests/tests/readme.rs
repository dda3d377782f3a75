//! The README's `#[ffi_safe]` example links from C as written: `build.rs` copies the
//! block into `palisade_ffi_tests::readme`, this test renders its `sensor.h`, and
//! the README's C program (below) is compiled against it and linked to the cdylib.

mod common;

/// The C program the README shows, word for word.
const README_C: &str = "#include \"sensor.h\"
int main(void) { return scale(21) == 42 && set_state(7) == -1 ? 0 : 1; }
";

#[test]
fn the_readme_example_links_from_c_as_written() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md")).unwrap();
    assert!(
        readme.contains(README_C),
        "README's C program changed; update README_C"
    );
    let header = palisade_ffi_tests::readme::readme_example();
    assert!(header.contains("int32_t scale(int32_t value);"));
    assert!(header.contains("int32_t set_state(uint8_t state);"));
    // Exit status 0 is the C program's own check.
    let compiler = std::env::var("CC").unwrap_or_else(|_| "cc".into());
    common::build_and_run(&compiler, "readme", "sensor.h", &header, README_C, &[]);
}
