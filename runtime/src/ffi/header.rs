//! [`CHeader`]: renders C definitions of [`CType`](super::CType)s and prototypes of
//! `#[ffi_safe]` functions, with `_Static_assert`s of the layout Rust chose, and
//! refuses to render a header that could disagree with Rust.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::{self, Write as _};

use super::ctype::{CField, CTypeRef};

/// A C header for a set of types and functions: include guard, `<stdint.h>`,
/// `<stdbool.h>`, `<stddef.h>`, each type's definition in dependency order,
/// `_Static_assert`s of `sizeof`, `_Alignof` and `offsetof` taken from the Rust
/// layout (so compiling the header proves both sides agree), and function
/// prototypes.
///
/// What the header writes so that it never disagrees with Rust:
/// - every C name is unique: each generic instantiation gets its own name
///   (`Pair<u8>` → `Pair_uint8_t`), and two Rust types that want the same C name
///   (`a::Config`, `b::Config`) make [`render`](CHeader::render) fail with the fix
///   (`#[ffi_safe(c_name = "...")]`), as does a C name that is a keyword or a
///   standard typedef (`uint8_t`);
/// - a field whose name is a C keyword or a name the standard headers define
///   (`int`, `default`, `bool`) gets a trailing `_` (`int_`);
/// - `#[repr(packed(N))]` becomes `#pragma pack(push, N)`, `#[repr(align(N))]` an
///   `_Alignas(N)` on the first field; a zero-sized field that raises the alignment
///   (`[u64; 0]`), which C11 cannot express, makes `render` fail;
/// - enum constants are written so every C11 compiler accepts them
///   (`(-9223372036854775807LL - 1)`, `18446744073709551615ULL`);
/// - the include guard is an identifier for any file name (`2-upload.h` →
///   `H_2_UPLOAD_H`).
///
/// ```
/// use palisade::ffi::CHeader;
/// use palisade::ffi_safe;
///
/// #[ffi_safe]
/// #[repr(C)]
/// pub struct Point { x: i32, y: i32 }
///
/// let header = CHeader::new("geometry.h").with::<Point>().render().unwrap();
/// assert!(header.contains("typedef struct Point {\n    int32_t x;\n    int32_t y;\n} Point;"));
/// assert!(header.contains("_Static_assert(sizeof(Point) == 8"));
/// assert!(header.contains("_Static_assert(offsetof(Point, y) == 4"));
/// ```
#[derive(Debug, Clone)]
pub struct CHeader {
    file: String,
    claimed: Vec<(String, &'static str)>,
    forward: String,
    body: String,
    functions: String,
    problems: Vec<HeaderProblem>,
}

/// A reason [`CHeader::render`] refused to write a header that could disagree with
/// Rust.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum HeaderProblem {
    /// Two Rust types want the same C name.
    NameCollision {
        /// The C name.
        c_name: String,
        /// The Rust type (its path) that took it first.
        first: &'static str,
        /// The Rust type (its path) that wanted it too.
        second: &'static str,
    },
    /// Two fields of a struct have the same C name once keywords are escaped.
    FieldCollision {
        /// The struct's C name.
        c_name: String,
        /// The field name both have in C.
        field: String,
    },
    /// A zero-sized field that raises the alignment (`[u64; 0]`): C11 has no
    /// zero-length arrays.
    ZeroSizedField {
        /// The struct's C name.
        c_name: String,
        /// The field.
        field: &'static str,
    },
    /// A type whose C name is a C keyword or a name the included headers define
    /// (`bool`, `int`, `uint8_t`, `size_t`).
    ReservedName {
        /// The C name.
        c_name: String,
        /// The Rust type (its path).
        rust_type: &'static str,
    },
    /// A struct with no field C can see (only `PhantomData`): C forbids empty
    /// structs.
    Empty {
        /// The struct's C name.
        c_name: String,
    },
}

impl fmt::Display for HeaderProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HeaderProblem::NameCollision {
                c_name,
                first,
                second,
            } => write!(
                f,
                "`{first}` and `{second}` would both be `{c_name}` in C: rename one, \
                 or give it another C name with `#[ffi_safe(c_name = \"...\")]`"
            ),
            HeaderProblem::FieldCollision { c_name, field } => write!(
                f,
                "two fields of `{c_name}` would both be `{field}` in C (a C keyword gets a \
                 trailing `_`): rename one"
            ),
            HeaderProblem::ZeroSizedField { c_name, field } => write!(
                f,
                "`{c_name}.{field}` is zero-sized but raises the alignment, which C11 \
                 cannot express: remove it, or use `#[repr(C, align(N))]`"
            ),
            HeaderProblem::ReservedName { c_name, rust_type } => write!(
                f,
                "`{rust_type}` would be `{c_name}` in C, a name C already uses: rename it, \
                 or give it another C name with `#[ffi_safe(c_name = \"...\")]`"
            ),
            HeaderProblem::Empty { c_name } => write!(
                f,
                "`{c_name}` has no field C can see, and C forbids empty structs: add a field"
            ),
        }
    }
}

/// Why [`CHeader::render`] refused: every problem found, each with its fix.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.problems.iter().map(|p| format!("{p}")).collect::<Vec<_>>().join("\n"))]
pub struct HeaderError {
    /// The problems, in the order they were found.
    pub problems: Vec<HeaderProblem>,
}

/// Names a C header defines or reserves that a field must not take: the C11/C23
/// keywords and the macros of the headers this one includes.
const RESERVED: &[&str] = &[
    "auto",
    "break",
    "case",
    "char",
    "const",
    "continue",
    "default",
    "do",
    "double",
    "else",
    "enum",
    "extern",
    "float",
    "for",
    "goto",
    "if",
    "inline",
    "int",
    "long",
    "register",
    "restrict",
    "return",
    "short",
    "signed",
    "sizeof",
    "static",
    "struct",
    "switch",
    "typedef",
    "union",
    "unsigned",
    "void",
    "volatile",
    "while",
    "_Alignas",
    "_Alignof",
    "_Atomic",
    "_Bool",
    "_Complex",
    "_Generic",
    "_Imaginary",
    "_Noreturn",
    "_Static_assert",
    "_Thread_local",
    "alignas",
    "alignof",
    "bool",
    "constexpr",
    "false",
    "nullptr",
    "static_assert",
    "thread_local",
    "true",
    "typeof",
    "typeof_unqual",
    "offsetof",
    "NULL",
    "asm",
];

/// Whether a type may not be named `name` in C: a reserved name, or a typedef of
/// `<stdint.h>`/`<stddef.h>` (`uint8_t`, `size_t`, ...).
fn reserved_type_name(name: &str) -> bool {
    RESERVED.contains(&name)
        || matches!(
            name,
            "size_t"
                | "ptrdiff_t"
                | "max_align_t"
                | "wchar_t"
                | "intmax_t"
                | "uintmax_t"
                | "intptr_t"
                | "uintptr_t"
        )
        || (name.ends_with("_t")
            && [
                "int",
                "uint",
                "int_least",
                "uint_least",
                "int_fast",
                "uint_fast",
            ]
            .iter()
            .any(|prefix| {
                name.strip_prefix(prefix)
                    .and_then(|rest| rest.strip_suffix("_t"))
                    .is_some_and(|bits| {
                        !bits.is_empty() && bits.bytes().all(|b| b.is_ascii_digit())
                    })
            }))
}

/// The C name of a field: a reserved name gets a trailing `_`.
fn field_name(name: &str) -> String {
    if RESERVED.contains(&name) {
        format!("{name}_")
    } else {
        name.into()
    }
}

/// A C integer constant for `value` that every C11 compiler accepts without a
/// warning: suffixed outside `int`'s range, `i64::MIN` as an expression.
fn integer_literal(value: i128) -> String {
    if value == i128::from(i64::MIN) {
        String::from("(-9223372036854775807LL - 1)")
    } else if value > i128::from(i64::MAX) {
        format!("{value}ULL")
    } else if value > i128::from(i32::MAX) || value < i128::from(i32::MIN) {
        format!("{value}LL")
    } else {
        format!("{value}")
    }
}

impl CHeader {
    /// An empty header; `file` names it and its include guard (`geometry.h` →
    /// `GEOMETRY_H`).
    #[must_use]
    pub fn new(file: &str) -> Self {
        Self {
            file: file.into(),
            claimed: Vec::new(),
            forward: String::new(),
            body: String::new(),
            functions: String::new(),
            problems: Vec::new(),
        }
    }

    /// Adds `T` and every type it needs.
    #[must_use]
    pub fn with<T: super::CType + ?Sized>(mut self) -> Self {
        T::define(&mut self);
        self
    }

    /// Adds the prototype of an `#[ffi_safe]` `extern "C" fn` that C can link to
    /// (`#[unsafe(no_mangle)]` or `#[unsafe(export_name = "...")]`), and every type it
    /// needs: `.function::<scale>()` for `fn scale`.
    #[must_use]
    pub fn function<F: CFunction>(mut self) -> Self {
        let prototype = F::prototype();
        (prototype.define)(&mut self);
        let params = if prototype.params.is_empty() {
            String::from("void")
        } else {
            prototype
                .params
                .iter()
                .map(|(name, ty)| ty.declare(&field_name(name)))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let declarator = format!("{}({params})", prototype.link_name);
        let line = match &prototype.returns {
            Some(returns) => returns.declare(&declarator),
            None => format!("void {declarator}"),
        };
        let _ = writeln!(self.functions, "{line};");
        self
    }

    /// Whether `c_name` is already taken.
    #[must_use]
    pub fn is_defined(&self, c_name: &str) -> bool {
        self.claimed.iter().any(|(name, _)| name == c_name)
    }

    /// Takes `c_name` for the Rust type `rust_type` (its path, as
    /// `concat!(module_path!(), "::", "Name")`, or its `type_name`): `true` when the
    /// caller should now write the definition, `false` when it is already written
    /// (or being written). A different Rust type asking for a taken name is
    /// recorded, and [`render`](Self::render) then fails.
    pub fn claim(&mut self, c_name: &str, rust_type: &'static str) -> bool {
        match self.claimed.iter().find(|(name, _)| name == c_name) {
            None => {
                if reserved_type_name(c_name) {
                    self.problems.push(HeaderProblem::ReservedName {
                        c_name: c_name.into(),
                        rust_type,
                    });
                }
                self.claimed.push((c_name.into(), rust_type));
                true
            }
            Some((_, first)) => {
                if *first != rust_type {
                    let problem = HeaderProblem::NameCollision {
                        c_name: c_name.into(),
                        first,
                        second: rust_type,
                    };
                    if !self.problems.contains(&problem) {
                        self.problems.push(problem);
                    }
                }
                false
            }
        }
    }

    /// Defines a struct `name` with `fields`, asserting the Rust size, alignment and
    /// field offsets. Zero-sized fields (`PhantomData`) have no C counterpart and are
    /// left out. Call [`claim`](Self::claim) first.
    pub fn define_struct(&mut self, name: &str, size: usize, align: usize, fields: Vec<CField>) {
        let _ = writeln!(self.forward, "typedef struct {name} {name};");
        let visible = fields
            .iter()
            .filter(|field| field.size > 0)
            .collect::<Vec<_>>();
        for field in fields
            .iter()
            .filter(|field| field.size == 0 && field.align > 1)
        {
            self.problems.push(HeaderProblem::ZeroSizedField {
                c_name: name.into(),
                field: field.name,
            });
        }
        if visible.is_empty() {
            self.problems.push(HeaderProblem::Empty {
                c_name: name.into(),
            });
        }
        let names = visible
            .iter()
            .map(|field| field_name(field.name))
            .collect::<Vec<_>>();
        for (index, field) in names.iter().enumerate() {
            if names[..index].contains(field) {
                self.problems.push(HeaderProblem::FieldCollision {
                    c_name: name.into(),
                    field: field.clone(),
                });
            }
        }
        // The layout rules C needs to reproduce Rust's: a struct aligned below its
        // fields is packed; one aligned above them has `align(N)`.
        let natural = visible.iter().map(|field| field.align).max().unwrap_or(1);
        let packed = align < natural;
        if packed {
            let _ = writeln!(self.body, "#pragma pack(push, {align})");
        }
        let _ = writeln!(self.body, "typedef struct {name} {{");
        for (index, (field, c_name)) in visible.iter().zip(&names).enumerate() {
            let alignas = if index == 0 && align > natural {
                format!("_Alignas({align}) ")
            } else {
                String::new()
            };
            let _ = writeln!(self.body, "    {alignas}{};", field.ty.declare(c_name));
        }
        let _ = writeln!(self.body, "}} {name};");
        if packed {
            let _ = writeln!(self.body, "#pragma pack(pop)");
        }
        self.assert_layout(name, size, align);
        for (field, c_name) in visible.iter().zip(&names) {
            let _ = writeln!(
                self.body,
                "_Static_assert(offsetof({name}, {c_name}) == {offset}, \"{name}.{c_name}: offset \
                    differs from Rust ({offset})\");",
                offset = field.offset,
            );
        }
        self.body.push('\n');
    }

    /// Defines `name` as another name for `ty` (a `#[repr(transparent)]` newtype),
    /// asserting the Rust size and alignment. Call [`claim`](Self::claim) first.
    pub fn define_alias(&mut self, name: &str, ty: &CTypeRef, size: usize, align: usize) {
        let _ = writeln!(self.body, "typedef {};", ty.declare(name));
        self.assert_layout(name, size, align);
        self.body.push('\n');
    }

    /// Defines an enum `name` as its integer representation `repr` plus one constant
    /// per variant (`Color_Red`), asserting the Rust size and alignment. Call
    /// [`claim`](Self::claim) first.
    pub fn define_enum(
        &mut self,
        name: &str,
        repr: &CTypeRef,
        size: usize,
        align: usize,
        variants: &[(&str, i128)],
    ) {
        let _ = writeln!(self.body, "typedef {};", repr.declare(name));
        for (variant, value) in variants {
            let _ = writeln!(
                self.body,
                "#define {name}_{variant} (({name}){})",
                integer_literal(*value)
            );
        }
        self.assert_layout(name, size, align);
        self.body.push('\n');
    }

    fn assert_layout(&mut self, name: &str, size: usize, align: usize) {
        let _ = writeln!(
            self.body,
            "_Static_assert(sizeof({name}) == {size}, \"{name}: size differs from Rust ({size})\");"
        );
        let _ = writeln!(
            self.body,
            "_Static_assert(_Alignof({name}) == {align}, \"{name}: alignment differs from Rust \
                ({align})\");"
        );
    }

    /// The include guard: the file name in upper case, every other character `_`,
    /// with `H_` in front when it would not start with a letter.
    fn guard(&self) -> String {
        let guard = self
            .file
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_uppercase()
                } else {
                    '_'
                }
            })
            .collect::<String>();
        if guard.starts_with(|c: char| c.is_ascii_alphabetic()) {
            guard
        } else {
            format!("H_{guard}")
        }
    }

    /// The header's text.
    ///
    /// # Errors
    /// [`HeaderError`] listing every problem that would let C disagree with Rust
    /// (two types with one C name, a zero-sized aligned field, ...), each with its fix.
    pub fn render(&self) -> Result<String, HeaderError> {
        if !self.problems.is_empty() {
            return Err(HeaderError {
                problems: self.problems.clone(),
            });
        }
        let guard = self.guard();
        let forward = if self.forward.is_empty() {
            String::new()
        } else {
            format!("{}\n", self.forward)
        };
        let functions = if self.functions.is_empty() {
            String::new()
        } else {
            format!("{}\n", self.functions)
        };
        Ok(format!(
            "/* {file}: generated by palisade from the Rust definitions; do not edit. */\n\
             #ifndef {guard}\n#define {guard}\n\n\
             #include <stdbool.h>\n#include <stddef.h>\n#include <stdint.h>\n\n\
             {forward}{body}{functions}#endif /* {guard} */\n",
            file = self.file.replace("*/", "* /"),
            body = self.body,
        ))
    }
}

/// A C prototype: what [`CFunction`] describes.
#[derive(Debug, Clone)]
pub struct CPrototype {
    /// The symbol C links to.
    pub link_name: &'static str,
    /// The result, `None` for `void`.
    pub returns: Option<CTypeRef>,
    /// The parameters, named.
    pub params: Vec<(&'static str, CTypeRef)>,
    /// Adds the types the prototype names to a header.
    pub define: fn(&mut CHeader),
}

/// An `#[ffi_safe]` `extern "C" fn` that C can link to: `#[ffi_safe]` implements it
/// for a type named like the function when the function has `#[unsafe(no_mangle)]`
/// or `#[unsafe(export_name = "...")]`. Add its prototype to a header with
/// [`CHeader::function`].
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an `#[ffi_safe]` `extern \"C\" fn` that C can link to",
    label = "no C prototype",
    note = "a Rust function's symbol is mangled unless it has `#[unsafe(no_mangle)]` (or \
        `#[unsafe(export_name = \"...\")]`): add `#[unsafe(no_mangle)]` to the `#[ffi_safe]` \
            function"
)]
pub trait CFunction {
    /// The prototype.
    fn prototype() -> CPrototype;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guards_are_identifiers_for_any_file_name() {
        for (file, guard) in [
            ("geometry.h", "GEOMETRY_H"),
            ("2-upload.h", "H_2_UPLOAD_H"),
            ("_x.h", "H__X_H"),
            ("", "H_"),
            ("ünï.h", "H__N__H"),
        ] {
            assert_eq!(CHeader::new(file).guard(), guard);
        }
    }

    #[test]
    fn integer_literals_at_the_extremes() {
        assert_eq!(
            integer_literal(i128::from(i64::MIN)),
            "(-9223372036854775807LL - 1)"
        );
        assert_eq!(
            integer_literal(i128::from(u64::MAX)),
            "18446744073709551615ULL"
        );
        assert_eq!(
            integer_literal(i128::from(i64::MAX)),
            "9223372036854775807LL"
        );
        assert_eq!(integer_literal(i128::from(u32::MAX)), "4294967295LL");
        assert_eq!(integer_literal(-7), "-7");
        assert_eq!(integer_literal(i128::from(i32::MIN)), "-2147483648");
    }

    #[test]
    fn reserved_type_names_are_refused() {
        for name in [
            "bool",
            "int",
            "uint8_t",
            "int_least16_t",
            "size_t",
            "uintptr_t",
        ] {
            assert!(reserved_type_name(name), "{name}");
        }
        for name in ["Config", "uint_t", "uintx_t", "Pair_uint8_t", "Mode"] {
            assert!(!reserved_type_name(name), "{name}");
        }
        let mut header = CHeader::new("x.h");
        assert!(header.claim("uint8_t", "crate::uint8_t"));
        assert_eq!(
            header.render().unwrap_err().problems,
            [HeaderProblem::ReservedName {
                c_name: "uint8_t".into(),
                rust_type: "crate::uint8_t"
            }]
        );
    }

    #[test]
    fn reserved_field_names_get_an_underscore() {
        assert_eq!(field_name("int"), "int_");
        assert_eq!(field_name("bool"), "bool_");
        assert_eq!(field_name("count"), "count");
    }
}
