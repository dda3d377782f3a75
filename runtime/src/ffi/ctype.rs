//! C descriptions of Rust types, and [`CHeader`], which renders them with
//! `_Static_assert`s of the layout Rust chose.

use alloc::borrow::Cow;
use alloc::boxed::Box;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::Write as _;
use core::marker::PhantomData;

use super::header::CHeader;

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

    /// The C name of one instantiation of a generic type: `base` followed by each
    /// argument as an identifier (`Pair<u8>` → `Pair_uint8_t`, `Buf<16>` → `Buf_16`),
    /// so two instantiations never share a definition.
    #[must_use]
    pub fn instance(base: &'static str, types: &[CTypeRef], consts: &[i128]) -> Self {
        if types.is_empty() && consts.is_empty() {
            return Self::named(base);
        }
        let mut name = String::from(base);
        for ty in types {
            name.push('_');
            name.push_str(&ty.identifier());
        }
        for value in consts {
            let _ = write!(name, "_{}", value.unsigned_abs());
            if *value < 0 {
                name.push('n');
            }
        }
        CTypeRef::Named(Cow::Owned(name))
    }

    /// A pointer to `to`.
    #[must_use]
    pub fn pointer(to: CTypeRef, mutable: bool) -> Self {
        CTypeRef::Pointer {
            to: Box::new(to),
            mutable,
        }
    }

    /// An array of `len` `of`s.
    #[must_use]
    pub fn array(of: CTypeRef, len: usize) -> Self {
        CTypeRef::Array {
            of: Box::new(of),
            len,
        }
    }

    /// The name of a named type.
    #[must_use]
    pub fn name(&self) -> Option<&str> {
        match self {
            CTypeRef::Named(name) => Some(name),
            _ => None,
        }
    }

    /// This type spelled as a C identifier, for names of generic instantiations:
    /// `const char *` → `const_char_ptr`, `uint8_t[4]` → `uint8_t_4`.
    #[must_use]
    pub fn identifier(&self) -> String {
        match self {
            CTypeRef::Named(name) => name.replace(' ', "_"),
            CTypeRef::Pointer { to, mutable } => {
                let constant = if *mutable { "" } else { "const_" };
                format!("{constant}{}_ptr", to.identifier())
            }
            CTypeRef::Array { of, len } => format!("{}_{len}", of.identifier()),
            CTypeRef::Function { returns, params } => {
                let mut name = String::from("fn_");
                name.push_str(
                    &returns
                        .as_ref()
                        .map_or_else(|| "void".into(), |r| r.identifier()),
                );
                for param in params {
                    name.push('_');
                    name.push_str(&param.identifier());
                }
                name
            }
            CTypeRef::Opaque { size, align } => format!("bytes{size}_{align}"),
        }
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
                CTypeRef::Function { returns: Some(Box::new(R::c_type())), params:
                    alloc::vec![$($arg::c_type()),*] }
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

/// C's `char`, for `c_char` fields: `c_char` is `i8` or `u8` depending on the target,
/// and C code writes string literals into `char *`, not `int8_t *`. `#[ffi_safe]`
/// describes a field written `c_char` with this type.
#[doc(hidden)]
pub struct CChar;

impl CType for CChar {
    fn c_type() -> CTypeRef {
        CTypeRef::named("char")
    }
}

/// The fields of `FfiStr` and `FfiSlice`: a pointer of type `pointer`, then a
/// `uintptr_t` length (both `#[repr(C)]`, pointer-sized).
fn pointer_and_length(pointer: CTypeRef) -> alloc::vec::Vec<CField> {
    let word = core::mem::size_of::<usize>();
    let align = core::mem::align_of::<usize>();
    alloc::vec![
        CField::new("ptr", pointer, 0, word, align),
        CField::new("len", <usize as CType>::c_type(), word, word, align),
    ]
}

impl CType for super::FfiStr<'_> {
    fn c_type() -> CTypeRef {
        CTypeRef::named("FfiStr")
    }
    fn define(header: &mut CHeader) {
        if !header.claim("FfiStr", core::any::type_name::<Self>()) {
            return;
        }
        header.define_struct(
            "FfiStr",
            core::mem::size_of::<Self>(),
            core::mem::align_of::<Self>(),
            pointer_and_length(<*const u8 as CType>::c_type()),
        );
    }
}

impl<T: CType> CType for super::FfiSlice<'_, T> {
    fn c_type() -> CTypeRef {
        CTypeRef::instance("FfiSlice", &[T::c_type()], &[])
    }
    fn define(header: &mut CHeader) {
        let c_type = Self::c_type();
        let name = c_type.name().unwrap_or("FfiSlice");
        if !header.claim(name, core::any::type_name::<Self>()) {
            return;
        }
        T::define(header);
        header.define_struct(
            name,
            core::mem::size_of::<Self>(),
            core::mem::align_of::<Self>(),
            pointer_and_length(<*const T as CType>::c_type()),
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
    /// Its alignment in the Rust layout.
    pub align: usize,
}

impl CField {
    /// A field `name` of C type `ty`, at `offset`, `size` bytes aligned to `align`.
    #[must_use]
    pub const fn new(
        name: &'static str,
        ty: CTypeRef,
        offset: usize,
        size: usize,
        align: usize,
    ) -> Self {
        Self {
            name,
            ty,
            offset,
            size,
            align,
        }
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
    /// The C type, as the target of a pointer.
    fn describe_pointee(&self) -> CTypeRef;
    /// Its definitions.
    fn define_in(&self, header: &mut CHeader);
}

impl<T: CType> Described for &Probe<T> {
    fn describe(&self) -> CTypeRef {
        T::c_type()
    }
    fn describe_pointee(&self) -> CTypeRef {
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
    /// `void`: a pointer to a type C cannot name is a `void *`.
    fn describe_pointee(&self) -> CTypeRef;
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
    fn describe_pointee(&self) -> CTypeRef {
        CTypeRef::named("void")
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
