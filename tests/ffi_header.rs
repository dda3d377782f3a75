//! The header palisade renders for six representative types is compiled by the system
//! C compiler together with a program that prints `sizeof`, `_Alignof` and
//! `offsetof` of everything; every figure must equal Rust's.

use std::fmt::Write as _;
use std::mem::{align_of, offset_of, size_of};
use std::process::Command;

use palisade::ffi::CHeader;

#[path = "common/ffi_types.rs"]
mod types;

use types::{Celsius, Padded, Pointers, Reading, Samples, Unit};

/// `(name, size, align, [(field, offset)])`: one type as Rust lays it out.
type Layout = (&'static str, usize, usize, Vec<(&'static str, usize)>);

/// Every type's layout as Rust chose it.
fn rust_layout() -> Vec<Layout> {
    vec![
        (
            "Padded",
            size_of::<Padded>(),
            align_of::<Padded>(),
            vec![
                ("tag", offset_of!(Padded, tag)),
                ("value", offset_of!(Padded, value)),
                ("flag", offset_of!(Padded, flag)),
            ],
        ),
        (
            "Samples",
            size_of::<Samples>(),
            align_of::<Samples>(),
            vec![
                ("count", offset_of!(Samples, count)),
                ("values", offset_of!(Samples, values)),
            ],
        ),
        (
            "Celsius",
            size_of::<Celsius>(),
            align_of::<Celsius>(),
            vec![],
        ),
        ("Unit", size_of::<Unit>(), align_of::<Unit>(), vec![]),
        (
            "Pointers",
            size_of::<Pointers>(),
            align_of::<Pointers>(),
            vec![
                ("name", offset_of!(Pointers, name)),
                ("buffer", offset_of!(Pointers, buffer)),
                ("samples", offset_of!(Pointers, samples)),
                ("callback", offset_of!(Pointers, callback)),
            ],
        ),
        (
            "Reading",
            size_of::<Reading>(),
            align_of::<Reading>(),
            vec![
                ("padded", offset_of!(Reading, padded)),
                ("samples", offset_of!(Reading, samples)),
                ("temperature", offset_of!(Reading, temperature)),
                ("unit", offset_of!(Reading, unit)),
            ],
        ),
    ]
}

fn header() -> String {
    CHeader::new("layout_test.h")
        .with::<Reading>()
        .with::<Pointers>()
        .render()
        .expect("every type has its own C name")
}

#[test]
fn the_header_defines_every_type_once_in_dependency_order() {
    let header = header();
    for name in [
        "Padded", "Samples", "Celsius", "Unit", "Pointers", "Reading",
    ] {
        let asserts = header
            .matches(&format!("_Static_assert(sizeof({name}) =="))
            .count();
        assert_eq!(asserts, 1, "{name} defined {asserts} times in\n{header}");
    }
    let position = |text: &str| {
        header
            .find(text)
            .unwrap_or_else(|| panic!("{text} missing from\n{header}"))
    };
    // Definitions in dependency order (after the forward `typedef struct X X;` lines).
    assert!(position("typedef struct Padded {") < position("typedef struct Reading {"));
    assert!(position("typedef double Celsius;") < position("typedef struct Reading {"));
    assert!(header.contains("#define Unit_Kelvin ((Unit)300)"));
    assert!(header.contains("    int16_t values[8];"));
    assert!(header.contains("    const char *name;") || header.contains("    const int8_t *name;"));
    assert!(header.contains("    const Samples *samples;"));
    assert!(header.contains("    int32_t (*callback)(int32_t);"));
    assert!(header.starts_with("/* layout_test.h"));
    assert!(header.contains("#ifndef LAYOUT_TEST_H"));
}

#[test]
fn a_c_compiler_agrees_with_every_size_alignment_and_offset() {
    let directory = std::env::temp_dir().join(format!("palisade-header-{}", std::process::id()));
    std::fs::create_dir_all(&directory).unwrap();
    std::fs::write(directory.join("layout_test.h"), header()).unwrap();

    let layout = rust_layout();
    let mut program =
        String::from("#include <stdio.h>\n#include \"layout_test.h\"\nint main(void) {\n");
    for (name, _, _, fields) in &layout {
        let _ = writeln!(
            program,
            "    printf(\"{name} %zu %zu\\n\", sizeof({name}), _Alignof({name}));"
        );
        for (field, _) in fields {
            let _ = writeln!(
                program,
                "    printf(\"{name}.{field} %zu\\n\", offsetof({name}, {field}));"
            );
        }
    }
    program.push_str("    return 0;\n}\n");
    std::fs::write(directory.join("layout_test.c"), program).unwrap();

    let compiler = std::env::var("CC").unwrap_or_else(|_| "cc".into());
    let binary = directory.join("layout_test");
    let compiled = Command::new(&compiler)
        .args(["-std=c11", "-Wall", "-Werror", "-o"])
        .arg(&binary)
        .arg(directory.join("layout_test.c"))
        .output()
        .expect("a C compiler (`cc`, or $CC) must be installed");
    assert!(
        compiled.status.success(),
        "C compilation failed:\n{}",
        String::from_utf8_lossy(&compiled.stderr)
    );

    let output = Command::new(&binary).output().unwrap();
    assert!(output.status.success());
    let printed = String::from_utf8(output.stdout).unwrap();
    let mut expected = String::new();
    for (name, size, align, fields) in &layout {
        let _ = writeln!(expected, "{name} {size} {align}");
        for (field, offset) in fields {
            let _ = writeln!(expected, "{name}.{field} {offset}");
        }
    }
    assert_eq!(printed, expected);
    // Six types, 13 fields: every figure was compared.
    assert_eq!(printed.lines().count(), 6 + 13);
    std::fs::remove_dir_all(&directory).unwrap();
}

#[test]
fn a_header_whose_rust_layout_disagrees_fails_to_compile() {
    // Prove the static asserts bite: claim Padded is one byte larger than it is.
    let header = header().replace(
        &format!("sizeof(Padded) == {}", size_of::<Padded>()),
        &format!("sizeof(Padded) == {}", size_of::<Padded>() + 1),
    );
    let directory =
        std::env::temp_dir().join(format!("palisade-header-bad-{}", std::process::id()));
    std::fs::create_dir_all(&directory).unwrap();
    std::fs::write(directory.join("bad.h"), header).unwrap();
    std::fs::write(
        directory.join("bad.c"),
        "#include \"bad.h\"\nint main(void) { return 0; }\n",
    )
    .unwrap();
    let compiler = std::env::var("CC").unwrap_or_else(|_| "cc".into());
    let compiled = Command::new(&compiler)
        .args(["-std=c11", "-fsyntax-only"])
        .arg(directory.join("bad.c"))
        .output()
        .expect("a C compiler");
    assert!(!compiled.status.success());
    assert!(String::from_utf8_lossy(&compiled.stderr).contains("Padded: size differs from Rust"));
    std::fs::remove_dir_all(&directory).unwrap();
}
