//! The header torture test: 47 types of every shape (tests/common/ffi_torture_types.rs)
//! rendered into one header, compiled by gcc and by clang with
//! `-std=c11 -Wall -Wextra -Werror -pedantic`, and every `sizeof`, `_Alignof`,
//! `offsetof` and enum constant the C compiler computes compared with Rust's.
//! Plus the headers palisade refuses to render: one C name for two Rust types, a
//! zero-sized field that raises the alignment.

use std::fmt::Write as _;
use std::mem::{align_of, offset_of, size_of};
use std::process::Command;

use palisade::ffi::{CHeader, HeaderProblem};
use palisade::ffi_safe;

#[path = "common/ffi_torture_types.rs"]
mod types;

use types::*;

/// One type as Rust lays it out: C name, size, alignment, `(C field, offset)`s.
type Layout = (&'static str, usize, usize, Vec<(&'static str, usize)>);

macro_rules! layout {
    ($ty:ty, $c:literal $(, $field:ident => $c_field:literal)* $(,)?) => {
        (
            $c,
            size_of::<$ty>(),
            align_of::<$ty>(),
            vec![$(($c_field, offset_of!($ty, $field))),*],
        )
    };
}

fn rust_layouts() -> Vec<Layout> {
    vec![
        layout!(Bytes, "Bytes", a => "a", b => "b"),
        layout!(Ints, "Ints", a => "a", b => "b", c => "c", d => "d", e => "e", f => "f", g =>
            "g", h => "h"),
        layout!(Sizes, "Sizes", a => "a", b => "b", c => "c"),
        layout!(Floats, "Floats", a => "a", b => "b", c => "c"),
        layout!(Padded, "Padded", tag => "tag", value => "value", flag => "flag"),
        layout!(Inner, "Inner", a => "a", b => "b"),
        layout!(Outer, "Outer", inner => "inner", x => "x"),
        layout!(ArrayOfStructs, "ArrayOfStructs", items => "items", n => "n"),
        layout!(Matrix, "Matrix", m => "m", k => "k"),
        layout!(Keywords, "Keywords", int => "int_", default => "default_", register => "register_",
            bool => "bool_", char => "char_", signed => "signed_", unsigned => "unsigned_",
            static_assert => "static_assert_"),
        layout!(Packed, "Packed", a => "a", b => "b", c => "c"),
        layout!(Packed2, "Packed2", a => "a", b => "b"),
        layout!(Aligned16, "Aligned16", a => "a", b => "b"),
        layout!(Aligned64, "Aligned64", a => "a"),
        layout!(E8, "E8"),
        layout!(E16, "E16"),
        layout!(E32, "E32"),
        layout!(EI64, "EI64"),
        layout!(EU64, "EU64"),
        layout!(EIsize, "EIsize"),
        layout!(Enums, "Enums", e8 => "e8", e16 => "e16", e32 => "e32", ei64 => "ei64", eu64 =>
            "eu64", eisize => "eisize"),
        layout!(Pair<u8>, "Pair_uint8_t", left => "left", right => "right"),
        layout!(Pair<u64>, "Pair_uint64_t", left => "left", right => "right"),
        layout!(Pair<Inner>, "Pair_Inner", left => "left", right => "right"),
        layout!(Buf<4>, "Buf_4", len => "len", data => "data"),
        layout!(Buf<16>, "Buf_16", len => "len", data => "data"),
        layout!(Generics, "Generics", small => "small", big => "big", inner => "inner", four =>
            "four", sixteen => "sixteen"),
        layout!(Callbacks, "Callbacks", none => "none", five => "five", six => "six", checked =>
            "checked"),
        layout!(Views<'static>, "Views", text => "text", items => "items", words => "words"),
        layout!(palisade::ffi::FfiStr<'static>, "FfiStr"),
        layout!(palisade::ffi::FfiSlice<'static, Inner>, "FfiSlice_Inner"),
        layout!(palisade::ffi::FfiSlice<'static, u32>, "FfiSlice_uint32_t"),
        layout!(Pointers, "Pointers", name => "name", buffer => "buffer", nested => "nested",
            array => "array", opaque => "opaque", raw => "raw", maybe => "maybe",
            non_null => "non_null", boxed => "boxed"),
        layout!(Celsius, "Celsius"),
        layout!(Wrapped, "Wrapped"),
        layout!(NonZeros, "NonZeros", maybe => "maybe", checked => "checked"),
        layout!(a::Config, "AdcConfig", gain => "gain", offset => "offset"),
        layout!(b::Config, "Config", rate_hz => "rate_hz", channels => "channels"),
        layout!(Device, "Device", adc => "adc", link => "link"),
        layout!(Chars, "Chars", text => "text", initial => "initial"),
        layout!(Phantom, "Phantom", a => "a"),
        layout!(Wrappers, "Wrappers", a => "a", b => "b"),
        layout!(Reading, "Reading"),
        layout!(Submission, "Submission", reading => "reading", sequence => "sequence"),
        layout!(Node, "Node", value => "value", next => "next"),
        layout!(Handle<Opaque>, "Handle", ptr => "ptr", generation => "generation"),
        layout!(Handles, "Handles", engine => "engine", other => "other"),
    ]
}

/// Every enum constant: C name, and its value as Rust has it, in decimal.
fn rust_constants() -> Vec<(&'static str, String)> {
    vec![
        ("E8_Zero", (E8::Zero as u8).to_string()),
        ("E8_Max", (E8::Max as u8).to_string()),
        ("E16_Min", (E16::Min as i16).to_string()),
        ("E16_Max", (E16::Max as i16).to_string()),
        ("E32_Zero", (E32::Zero as u32).to_string()),
        ("E32_Max", (E32::Max as u32).to_string()),
        ("EI64_Min", (EI64::Min as i64).to_string()),
        ("EI64_MinusOne", (EI64::MinusOne as i64).to_string()),
        ("EI64_Max", (EI64::Max as i64).to_string()),
        ("EU64_Zero", (EU64::Zero as u64).to_string()),
        ("EU64_Big", (EU64::Big as u64).to_string()),
        ("EU64_Max", (EU64::Max as u64).to_string()),
        ("EIsize_Negative", (EIsize::Negative as isize).to_string()),
        ("EIsize_Positive", (EIsize::Positive as isize).to_string()),
    ]
}

fn header() -> String {
    All::header("2-torture.h")
        .render()
        .expect("every type has its own C name")
}

/// A C program printing every figure, in the order `expected` lists them.
fn program(layouts: &[Layout], constants: &[(&str, String)]) -> String {
    let mut program =
        String::from("#include <stdio.h>\n#include \"2-torture.h\"\nint main(void) {\n");
    for (name, _, _, fields) in layouts {
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
    for (constant, value) in constants {
        // Signed constants print as signed, the rest as unsigned.
        let (format, cast) = if value.starts_with('-')
            || constant.starts_with("EI")
            || constant.starts_with("E16")
        {
            ("%lld", "long long")
        } else {
            ("%llu", "unsigned long long")
        };
        let _ = writeln!(
            program,
            "    printf(\"{constant} {format}\\n\", ({cast}){constant});"
        );
    }
    program.push_str("    return 0;\n}\n");
    program
}

fn expected(layouts: &[Layout], constants: &[(&str, String)]) -> (String, usize) {
    let mut expected = String::new();
    let mut figures = 0;
    for (name, size, align, fields) in layouts {
        let _ = writeln!(expected, "{name} {size} {align}");
        figures += 2;
        for (field, offset) in fields {
            let _ = writeln!(expected, "{name}.{field} {offset}");
            figures += 1;
        }
    }
    for (constant, value) in constants {
        let _ = writeln!(expected, "{constant} {value}");
        figures += 1;
    }
    (expected, figures)
}

fn compile_and_run(compiler: &str, header: &str, program: &str) -> String {
    let directory = std::env::temp_dir().join(format!(
        "palisade-torture-{compiler}-{}",
        std::process::id()
    ));
    std::fs::create_dir_all(&directory).unwrap();
    std::fs::write(directory.join("2-torture.h"), header).unwrap();
    std::fs::write(directory.join("main.c"), program).unwrap();
    let binary = directory.join("main");
    let compiled = Command::new(compiler)
        .args(["-std=c11", "-Wall", "-Wextra", "-Werror", "-pedantic", "-o"])
        .arg(&binary)
        .arg(directory.join("main.c"))
        .output()
        .unwrap_or_else(|error| {
            panic!("`{compiler}` must be installed (.ci/run installs gcc and clang): {error}")
        });
    assert!(
        compiled.status.success(),
        "{compiler} rejected the header:\n{}\n{header}",
        String::from_utf8_lossy(&compiled.stderr)
    );
    let output = Command::new(&binary).output().unwrap();
    assert!(output.status.success());
    std::fs::remove_dir_all(&directory).unwrap();
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn gcc_and_clang_agree_with_every_figure_of_47_types() {
    let layouts = rust_layouts();
    let constants = rust_constants();
    assert_eq!(layouts.len(), 47);
    let header = header();
    let program = program(&layouts, &constants);
    let (expected, figures) = expected(&layouts, &constants);
    for compiler in ["gcc", "clang"] {
        let printed = compile_and_run(compiler, &header, &program);
        assert_eq!(printed, expected, "{compiler} disagrees with Rust");
    }
    // 47 sizes, 47 alignments, 101 offsets, 14 enum constants, per compiler.
    assert_eq!(figures, 209, "figures compared per compiler");
    println!("compared {figures} figures with gcc and {figures} with clang");
}

#[test]
fn the_header_escapes_keywords_and_renders_layout_attributes() {
    let header = header();
    for line in [
        "#ifndef H_2_TORTURE_H",
        "    uint32_t int_;",
        "    uint32_t default_;",
        "    uint8_t bool_;",
        "    int8_t char_;",
        "#pragma pack(push, 1)",
        "#pragma pack(push, 2)",
        "    _Alignas(16) uint8_t a;",
        "    _Alignas(64) uint64_t a;",
        "#define EI64_Min ((EI64)(-9223372036854775807LL - 1))",
        "#define EU64_Max ((EU64)18446744073709551615ULL)",
        "    const char *name;",
        "    char text[8];",
        "    char initial;",
        "    void *opaque;",
        "    uint16_t *const *nested;",
        "    FfiSlice_Inner items;",
        "    int32_t (*five)(uint8_t, uint16_t, uint32_t, uint64_t, int8_t);",
        "    uint64_t (*six)(uint8_t, uint16_t, uint32_t, uint64_t, int8_t, int16_t);",
        "    Pair_uint8_t small;",
        "    Pair_uint64_t big;",
        "    AdcConfig adc;",
        "typedef struct Node Node;",
        "    void *ptr;",
        "    Handle engine;",
        "    Handle other;",
        "    const Node *next;",
        "    Config link;",
    ] {
        assert!(header.contains(line), "missing `{line}` in\n{header}");
    }
    assert!(
        !header.contains("unsigned char"),
        "an opaque field in\n{header}"
    );
}

mod c {
    use palisade::ffi_safe;

    /// Same Rust name as `types::b::Config`, different fields.
    #[ffi_safe]
    #[repr(C)]
    pub struct Config {
        pub gain: f32,
    }

    #[ffi_safe]
    #[repr(u8)]
    pub enum Mode {
        Off = 0,
    }
}

mod d {
    use palisade::ffi_safe;

    #[ffi_safe]
    #[repr(u16)]
    pub enum Mode {
        Slow = 1,
    }
}

#[ffi_safe]
#[repr(C)]
pub struct Clash {
    pub first: types::b::Config,
    pub second: c::Config,
}

#[ffi_safe]
#[repr(C)]
pub struct ZeroSized {
    pub a: u8,
    pub align: [u64; 0],
    pub b: u8,
}

#[test]
fn two_rust_types_with_one_c_name_are_refused_with_the_fix() {
    let error = CHeader::new("clash.h")
        .with::<Clash>()
        .render()
        .unwrap_err();
    assert_eq!(error.problems.len(), 1);
    let HeaderProblem::NameCollision {
        c_name,
        first,
        second,
    } = &error.problems[0]
    else {
        panic!("{error:?}");
    };
    assert_eq!(c_name, "Config");
    assert!(first.ends_with("b::Config") && second.ends_with("c::Config"));
    assert!(error.to_string().contains("#[ffi_safe(c_name = \"...\")]"));

    let error = CHeader::new("modes.h")
        .with::<c::Mode>()
        .with::<d::Mode>()
        .render()
        .unwrap_err();
    assert!(
        matches!(&error.problems[0], HeaderProblem::NameCollision { c_name, .. } if c_name ==
            "Mode")
    );
}

#[test]
fn a_zero_sized_aligned_field_is_refused() {
    let error = CHeader::new("zero.h")
        .with::<ZeroSized>()
        .render()
        .unwrap_err();
    assert_eq!(
        error.problems,
        [HeaderProblem::ZeroSizedField {
            c_name: "ZeroSized".into(),
            field: "align"
        }]
    );
}
