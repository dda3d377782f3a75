//! Builds a C program against a header palisade rendered and links it to this
//! crate's cdylib, as a C user would; runs it and returns what it printed.

use std::path::PathBuf;
use std::process::Command;

/// `target/<profile>/deps`, where cargo puts `libpalisade_ffi_tests.so` when it builds
/// the tests (`cargo build` also copies it one level up; `cargo test` alone does not).
fn library_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("the test binary has a path");
    // target/<profile>/deps/<test binary>
    exe.parent()
        .expect("the test binary is in target/<profile>/deps")
        .to_path_buf()
}

/// Compiles `source` (with `header` next to it as `header_name`) with `compiler`,
/// `-std=c11 -Wall -Wextra -Werror -pedantic` plus `extra_flags`, links it to this
/// crate's cdylib, runs it, and returns its standard output.
pub fn build_and_run(
    compiler: &str,
    name: &str,
    header_name: &str,
    header: &str,
    source: &str,
    extra_flags: &[&str],
) -> String {
    let directory =
        std::env::temp_dir().join(format!("palisade-{name}-{compiler}-{}", std::process::id()));
    std::fs::create_dir_all(&directory).unwrap();
    std::fs::write(directory.join(header_name), header).unwrap();
    std::fs::write(directory.join("main.c"), source).unwrap();
    let binary = directory.join(name);
    let libraries = library_dir();
    let compiled = Command::new(compiler)
        .args(["-std=c11", "-Wall", "-Wextra", "-Werror", "-pedantic"])
        .args(extra_flags)
        .arg("-o")
        .arg(&binary)
        .arg(directory.join("main.c"))
        .arg("-L")
        .arg(&libraries)
        .arg("-lpalisade_ffi_tests")
        .output()
        .unwrap_or_else(|error| {
            panic!("`{compiler}` must be installed (.ci/run installs it): {error}")
        });
    assert!(
        compiled.status.success(),
        "{compiler} failed:\n{}\n--- {header_name}\n{header}",
        String::from_utf8_lossy(&compiled.stderr)
    );
    let output = Command::new(&binary)
        .env("LD_LIBRARY_PATH", &libraries)
        // LeakSanitizer needs ptrace, which containers often deny; ASan and UBSan
        // still check every access and every undefined operation.
        .env("ASAN_OPTIONS", "detect_leaks=0:abort_on_error=1")
        .env("UBSAN_OPTIONS", "halt_on_error=1:print_stacktrace=1")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success()
            && !stderr.contains("runtime error")
            && !stderr.contains("Sanitizer"),
        "{name} failed ({}):\n{stderr}",
        output.status
    );
    std::fs::remove_dir_all(&directory).unwrap();
    String::from_utf8(output.stdout).unwrap()
}
