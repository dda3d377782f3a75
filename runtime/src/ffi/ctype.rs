//! C descriptions of Rust types, and [`CHeader`], which renders them with
//! `_Static_assert`s of the layout Rust chose.

use alloc::borrow::Cow;
use alloc::boxed::Box;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::Write as _;
use core::marker::PhantomData;

/// How C spells a type where it is used: a name, a pointer, an array.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CTypeRef {
    /// A name: `uint32_t`, `bool`, `Packet`.
    Named(Cow<'static, str>),
    /// A pointer; `mutable: false` makes the pointee `const`.
    Pointer {
        /// What it points to.
        to: Box<CTypeRef>,
        /// Whether the pointee may be written through it.
        mutable: bool,
    },
    /// A fixed-size array.
    Array {
        /// The element type.
        of: Box<CTypeRef>,
        /// The number of elements.
        len: usize,
    },
    /// A function pointer.
    Function {
        /// The result, `None` for `void`.
        returns: Option<Box<CTypeRef>>,
        /// The parameters.
        params: Vec<CTypeRef>,
    },
    /// Bytes of a given size and alignment, for a Rust type C cannot name.
    Opaque {
        /// Its size.
        size: usize,
        /// Its alignment.
        align: usize,
    },
}

impl CTypeRef {
    /// A named C type.
    #[must_use]
    pub const fn named(name: &'static str) -> Self {
        CTypeRef::Named(Cow::Borrowed(name))
    }

    /// The C declaration of `name` with this type, such as `const uint8_t *name` or
    /// `uint32_t name[4]`.
    #[must_use]
    pub fn declare(&self, name: &str) -> String {
        self.declarator(name, false).trim().into()
    }

    fn declarator(&self, inner: &str, constant: bool) -> String {
        let qualifier = if constant { "const " } else { "" };
        match self {
            CTypeRef::Named(base) => format!("{qualifier}{base} {inner}"),
            CTypeRef::Pointer { to, mutable } => {
                let pointer = if constant {
                    format!("*const {inner}")
                } else {
                    format!("*{inner}")
                };
                let pointer = if matches!(**to, CTypeRef::Array { .. } | CTypeRef::Function { .. })
                {
                    format!("({pointer})")
                } else {
                    pointer
                };
                to.declarator(&pointer, !mutable)
            }
            CTypeRef::Array { of, len } => of.declarator(&format!("{inner}[{len}]"), constant),
            CTypeRef::Function { returns, params } => {
                let params = if params.is_empty() {
                    String::from("void")
                } else {
                    params
                        .iter()
                        .map(|param| param.declare(""))
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                let declarator = format!("(*{inner})({params})");
                match returns {
                    Some(returns) => returns.declarator(&declarator, false),
                    None => format!("void {declarator}"),
                }
            }
            CTypeRef::Opaque { size, align } => {
                format!("_Alignas({align}) {qualifier}unsigned char {inner}[{size}]")
            }
        }
    }
}

/// A type C can name: implemented for the FFI-safe primitives, pointers, arrays, and
/// every `#[ffi_safe]` type, which also [`define`](CType::define)s itself in a header.
pub trait CType {
    /// How C spells this type.
    fn c_type() -> CTypeRef;

    /// Adds the definitions this type needs (its own and those of the types inside
    /// it) to `header`. Primitives need none.
    fn define(header: &mut CHeader) {
        let _ = header;
    }
}

macro_rules! c_primitive {
    ($($ty:ty => $name:literal),* $(,)?) => {$(
        impl CType for $ty {
            fn c_type() -> CTypeRef {
                CTypeRef::named($name)
            }
        }
    )*};
}

c_primitive! {
    u8 => "uint8_t", u16 => "uint16_t", u32 => "uint32_t", u64 => "uint64_t",
    i8 => "int8_t", i16 => "int16_t", i32 => "int32_t", i64 => "int64_t",
    usize => "uintptr_t", isize => "intptr_t", f32 => "float", f64 => "double", bool => "bool",
    core::ffi::c_void => "void",
}

macro_rules! c_non_zero {
    ($($int:ty),*) => {$(
        impl CType for core::num::NonZero<$int> {
            fn c_type() -> CTypeRef {
                <$int as CType>::c_type()
            }
        }
        impl CType for Option<core::num::NonZero<$int>> {
            fn c_type() -> CTypeRef {
                <$int as CType>::c_type()
            }
        }
    )*};
}

c_non_zero!(u8, u16, u32, u64, i8, i16, i32, i64, usize, isize);

macro_rules! c_pointer {
    ($($ty:ty => $mutable:literal),* $(,)?) => {$(
        impl<T: CType> CType for $ty {
            fn c_type() -> CTypeRef {
                CTypeRef::Pointer { to: Box::new(T::c_type()), mutable: $mutable }
            }
            fn define(header: &mut CHeader) {
                T::define(header);
            }
        }
    )*};
}

c_pointer! {
    *const T => false, *mut T => true,
    core::ptr::NonNull<T> => true, Option<core::ptr::NonNull<T>> => true,
    &T => false, &mut T => true, Option<&T> => false, Option<&mut T> => true,
    Box<T> => true, Option<Box<T>> => true,
}

impl<T: super::CheckedRepr + CType> CType for super::Checked<T>
where
    T::Raw: CType,
{
    fn c_type() -> CTypeRef {
        <T::Raw as CType>::c_type()
    }
    fn define(header: &mut CHeader) {
        T::define(header);
        <T::Raw as CType>::define(header);
    }
}

impl<T: CType, const N: usize> CType for [T; N] {
    fn c_type() -> CTypeRef {
        CTypeRef::Array {
            of: Box::new(T::c_type()),
            len: N,
        }
    }
    fn define(header: &mut CHeader) {
        T::define(header);
    }
}

impl<T: CType> CType for core::mem::MaybeUninit<T> {
    fn c_type() -> CTypeRef {
        T::c_type()
    }
    fn define(header: &mut CHeader) {
        T::define(header);
    }
}

impl<T: CType> CType for core::mem::ManuallyDrop<T> {
    fn c_type() -> CTypeRef {
        T::c_type()
    }
    fn define(header: &mut CHeader) {
        T::define(header);
    }
}

macro_rules! c_functions {
    ($($arg:ident),*) => {
        c_functions!(@each [extern "C" fn] $($arg),*);
        c_functions!(@each [unsafe extern "C" fn] $($arg),*);
        c_functions!(@each [extern "C-unwind" fn] $($arg),*);
        c_functions!(@each [unsafe extern "C-unwind" fn] $($arg),*);
    };
    (@each [$($fn:tt)*] $($arg:ident),*) => {
        impl<R: CType, $($arg: CType),*> CType for Option<$($fn)*($($arg),*) -> R> {
            fn c_type() -> CTypeRef {
                CTypeRef::Function { returns: Some(Box::new(R::c_type())), params: alloc::vec![$($arg::c_type()),*] }
            }
            fn define(header: &mut CHeader) {
                R::define(header);
                $($arg::define(header);)*
            }
        }
        impl<$($arg: CType),*> CType for Option<$($fn)*($($arg),*)> {
            fn c_type() -> CTypeRef {
                CTypeRef::Function { returns: None, params: alloc::vec![$($arg::c_type()),*] }
            }
            fn define(header: &mut CHeader) {
                let _ = &header;
                $($arg::define(header);)*
            }
        }
    };
}

c_functions!();
c_functions!(A);
c_functions!(A, B);
c_functions!(A, B, C);
c_functions!(A, B, C, D);
c_functions!(A, B, C, D, E);
c_functions!(A, B, C, D, E, F);
c_functions!(A, B, C, D, E, F, G);
c_functions!(A, B, C, D, E, F, G, H);
c_functions!(A, B, C, D, E, F, G, H, I);
c_functions!(A, B, C, D, E, F, G, H, I, J);
c_functions!(A, B, C, D, E, F, G, H, I, J, K);
c_functions!(A, B, C, D, E, F, G, H, I, J, K, L);

impl CType for super::FfiStr<'_> {
    fn c_type() -> CTypeRef {
        CTypeRef::named("FfiStr")
    }
    fn define(header: &mut CHeader) {
        header.define_struct(
            "FfiStr",
            core::mem::size_of::<Self>(),
            core::mem::align_of::<Self>(),
            alloc::vec![
                CField {
                    name: "ptr",
                    ty: <*const u8 as CType>::c_type(),
                    offset: 0,
                    size: core::mem::size_of::<usize>()
                },
                CField {
                    name: "len",
                    ty: <usize as CType>::c_type(),
                    offset: core::mem::size_of::<usize>(),
                    size: core::mem::size_of::<usize>(),
                },
            ],
        );
    }
}

/// One field of a C struct, with where Rust put it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CField {
    /// The field's name.
    pub name: &'static str,
    /// Its C type.
    pub ty: CTypeRef,
    /// Its offset in the Rust layout.
    pub offset: usize,
    /// Its size in the Rust layout.
    pub size: usize,
}

/// A C header for a set of types: include guard, `<stdint.h>`, `<stdbool.h>`,
/// `<stddef.h>`, each type's definition in dependency order, and `_Static_assert`s
/// of `sizeof`, `_Alignof` and `offsetof` taken from the Rust layout, so compiling
/// the header proves both sides agree.
///
/// ```
/// use palisade::ffi::CHeader;
/// use palisade::ffi_safe;
///
/// #[ffi_safe]
/// #[repr(C)]
/// pub struct Point { x: i32, y: i32 }
///
/// let header = CHeader::new("geometry.h").with::<Point>().render();
/// assert!(header.contains("typedef struct Point {\n    int32_t x;\n    int32_t y;\n} Point;"));
/// assert!(header.contains("_Static_assert(sizeof(Point) == 8"));
/// assert!(header.contains("_Static_assert(offsetof(Point, y) == 4"));
/// ```
#[derive(Debug, Clone)]
pub struct CHeader {
    file: String,
    defined: Vec<String>,
    body: String,
}

impl CHeader {
    /// An empty header; `file` names it and its include guard (`geometry.h` →
    /// `GEOMETRY_H`).
    #[must_use]
    pub fn new(file: &str) -> Self {
        Self {
            file: file.into(),
            defined: Vec::new(),
            body: String::new(),
        }
    }

    /// Adds `T` and every type it needs.
    #[must_use]
    pub fn with<T: CType + ?Sized>(mut self) -> Self {
        T::define(&mut self);
        self
    }

    /// Whether `name` is already defined, so a definition is written once.
    #[must_use]
    pub fn is_defined(&self, name: &str) -> bool {
        self.defined.iter().any(|defined| defined == name)
    }

    /// Defines a struct `name` with `fields`, asserting the Rust size, alignment and
    /// field offsets. Zero-sized fields (`PhantomData`) have no C counterpart and are
    /// left out.
    pub fn define_struct(&mut self, name: &str, size: usize, align: usize, fields: Vec<CField>) {
        if self.is_defined(name) {
            return;
        }
        self.defined.push(name.into());
        let _ = writeln!(self.body, "typedef struct {name} {{");
        for field in fields.iter().filter(|field| field.size > 0) {
            let _ = writeln!(self.body, "    {};", field.ty.declare(field.name));
        }
        let _ = writeln!(self.body, "}} {name};");
        self.assert_layout(name, size, align);
        for field in fields.iter().filter(|field| field.size > 0) {
            let _ = writeln!(
                self.body,
                "_Static_assert(offsetof({name}, {field}) == {offset}, \"{name}.{field}: offset differs from Rust ({offset})\");",
                field = field.name,
                offset = field.offset,
            );
        }
        self.body.push('\n');
    }

    /// Defines `name` as another name for `ty` (a `#[repr(transparent)]` newtype),
    /// asserting the Rust size and alignment.
    pub fn define_alias(&mut self, name: &str, ty: &CTypeRef, size: usize, align: usize) {
        if self.is_defined(name) {
            return;
        }
        self.defined.push(name.into());
        let _ = writeln!(self.body, "typedef {};", ty.declare(name));
        self.assert_layout(name, size, align);
        self.body.push('\n');
    }

    /// Defines an enum `name` as its integer representation `repr` plus one constant
    /// per variant (`Color_Red`), asserting the Rust size and alignment.
    pub fn define_enum(
        &mut self,
        name: &str,
        repr: &CTypeRef,
        size: usize,
        align: usize,
        variants: &[(&str, i128)],
    ) {
        if self.is_defined(name) {
            return;
        }
        self.defined.push(name.into());
        let _ = writeln!(self.body, "typedef {};", repr.declare(name));
        for (variant, value) in variants {
            let _ = writeln!(self.body, "#define {name}_{variant} (({name}){value})");
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
            "_Static_assert(_Alignof({name}) == {align}, \"{name}: alignment differs from Rust ({align})\");"
        );
    }

    /// The header's text.
    #[must_use]
    pub fn render(&self) -> String {
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
        format!(
            "/* {file}: generated by palisade from the Rust definitions; do not edit. */\n\
             #ifndef {guard}\n#define {guard}\n\n\
             #include <stdbool.h>\n#include <stddef.h>\n#include <stdint.h>\n\n\
             {body}#endif /* {guard} */\n",
            file = self.file,
            body = self.body,
        )
    }
}

/// Generated code's way to describe a field whose type may not implement [`CType`]:
/// `(&&Probe::<T>::NEW).describe()` picks [`Described`] when it does, else
/// [`Fallback`] (opaque bytes of the right size and alignment).
pub struct Probe<T>(PhantomData<fn() -> T>);

impl<T> Probe<T> {
    /// The probe.
    pub const NEW: Self = Probe(PhantomData);
}

/// The [`CType`] side of [`Probe`].
pub trait Described {
    /// The C type.
    fn describe(&self) -> CTypeRef;
    /// Its definitions.
    fn define_in(&self, header: &mut CHeader);
}

impl<T: CType> Described for &Probe<T> {
    fn describe(&self) -> CTypeRef {
        T::c_type()
    }
    fn define_in(&self, header: &mut CHeader) {
        T::define(header);
    }
}

/// The fallback side of [`Probe`].
pub trait Fallback {
    /// Opaque bytes.
    fn describe(&self) -> CTypeRef;
    /// Nothing to define.
    fn define_in(&self, header: &mut CHeader);
}

impl<T> Fallback for Probe<T> {
    fn describe(&self) -> CTypeRef {
        CTypeRef::Opaque {
            size: core::mem::size_of::<T>(),
            align: core::mem::align_of::<T>(),
        }
    }
    fn define_in(&self, _: &mut CHeader) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declarators() {
        assert_eq!(<u32 as CType>::c_type().declare("x"), "uint32_t x");
        assert_eq!(
            <*const u8 as CType>::c_type().declare("p"),
            "const uint8_t *p"
        );
        assert_eq!(<*mut u8 as CType>::c_type().declare("p"), "uint8_t *p");
        assert_eq!(<[u16; 4] as CType>::c_type().declare("a"), "uint16_t a[4]");
        assert_eq!(
            <[[u8; 2]; 3] as CType>::c_type().declare("m"),
            "uint8_t m[3][2]"
        );
        assert_eq!(
            <*const [u8; 4] as CType>::c_type().declare("p"),
            "const uint8_t (*p)[4]"
        );
        assert_eq!(
            <*const *const u8 as CType>::c_type().declare("p"),
            "const uint8_t *const *p"
        );
        assert_eq!(
            <*mut *const u8 as CType>::c_type().declare("p"),
            "const uint8_t **p"
        );
        assert_eq!(
            <Option<extern "C" fn(u32, *const u8) -> bool> as CType>::c_type().declare("f"),
            "bool (*f)(uint32_t, const uint8_t *)"
        );
        assert_eq!(
            <Option<extern "C" fn()> as CType>::c_type().declare("f"),
            "void (*f)(void)"
        );
        assert_eq!(
            <*mut core::ffi::c_void as CType>::c_type().declare("p"),
            "void *p"
        );
        assert_eq!(
            CTypeRef::Opaque { size: 8, align: 8 }.declare("x"),
            "_Alignas(8) unsigned char x[8]"
        );
    }
}
