//! [`FfiSafe`] (a C layout: may go to C) and [`FromC`] (also valid for every bit
//! pattern C can write: may come from C), and their impls for the standard types.

use core::marker::PhantomData;
use core::mem::{ManuallyDrop, MaybeUninit};
use core::num::NonZero;
use core::ptr::NonNull;

use alloc::boxed::Box;

/// A type with a fixed, C-compatible layout: it may be returned to C, or handed to C
/// through a pointer, as it is.
///
/// `FfiSafe` says nothing about what C may write. A value that *comes from* C (an
/// `extern "C" fn` parameter, a field of an `#[ffi_safe]` struct) must also be
/// [`FromC`]: `bool`, `#[ffi_safe]` enums, `NonZero*`, `NonNull<T>`, `&T`, `&mut T`,
/// `Box<T>` and `extern "C" fn` pointers are `FfiSafe` but not `FromC`, because C can
/// write 2, an unknown discriminant, 0 or NULL into them.
///
/// `#[ffi_safe]` implements it for a `#[repr(C)]` / `#[repr(transparent)]` struct whose
/// fields are all [`FromC`], and for a fieldless enum with an integer repr.
///
/// # Safety
///
/// Implement it only for types with a defined C layout (`#[repr(C)]`,
/// `#[repr(transparent)]` over an `FfiSafe` type, or an integer repr) whose fields
/// are all `FfiSafe`, and with [`PADDING`](FfiSafe::PADDING) the number of padding
/// bytes at every depth. Prefer `#[ffi_safe]`, which checks exactly this.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot cross an FFI boundary",
    label = "not FFI-safe",
    note = "FFI-safe types: fixed-size integers, `usize`/`isize`, `f32`/`f64`, `bool`, raw \
        pointers, references, `NonNull`, `Box`, arrays, `NonZero*`, `Option` of a pointer, \
            reference, `Box`, `NonZero*` or `extern \"C\" fn`, `palisade::ffi::Checked<T>`, and \
                `#[ffi_safe]` types",
    note = "for text use `*const c_char` or `palisade::ffi::FfiStr`; for a slice \
        `palisade::ffi::FfiSlice`; for a struct add `#[ffi_safe]` and `#[repr(C)]`"
)]
pub unsafe trait FfiSafe {
    /// How many bytes of the value are padding, counted at every depth (inside
    /// fields and array elements too). `#[ffi_safe(no_padding)]` requires 0 of every
    /// field.
    const PADDING: usize = 0;
}

/// An [`FfiSafe`] type that is valid for every bit pattern C can write into it, so a
/// value C builds can be read without undefined behaviour: integers, floats, raw
/// pointers, `Option` of a pointer, reference, `Box`, `NonZero*` or `extern "C" fn`,
/// arrays of these, [`Checked<T>`](super::Checked), and `#[ffi_safe]` structs made
/// of them that run no checks (do not implement [`Validate`](crate::Validate)).
///
/// `#[ffi_safe]` requires it of every `extern "C" fn` parameter and every struct
/// field. What is not `FromC` comes from C as [`Checked<T>`](super::Checked), whose
/// `get()` rejects invalid values with a typed error.
///
/// Pointer *targets* are the C caller's contract: a non-null `Option<&T>` must point
/// to live, aligned memory, as for any reference. What is there is read as a `T`, so
/// `Option<&T>`, `Option<&mut T>` and `Option<Box<T>>` are `FromC` only for a `T`
/// that is (`Option<&Checked<bool>>`, not `Option<&bool>`); raw pointers and
/// `Option<NonNull<T>>`, whose targets are read only in `unsafe` code, for any `T`.
///
/// ```
/// use palisade::ffi::{Checked, FromC};
/// use static_assertions::assert_not_impl_any;
///
/// fn from_c<T: FromC>() {}
/// from_c::<u32>();
/// from_c::<Checked<bool>>();
/// from_c::<Option<&u8>>();
/// assert_not_impl_any!(bool: FromC);
/// assert_not_impl_any!(&'static u8: FromC);
/// ```
///
/// # Safety
///
/// Every bit pattern of the type's size (uninitialised padding aside) is a valid
/// value, at every depth, and the type has no checks that a value must pass.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot come from C by value: C can write a value that is not a \
               valid `{Self}`",
    label = "not valid for every value C can pass",
    note = "for `bool`, `NonZero*`, an `#[ffi_safe]` enum or a type with checks (`#[validated]`): \
        take `palisade::ffi::Checked<{Self}>` and call `.get()`, which returns an error for a \
            value that is not valid",
    note = "for a reference, `NonNull`, `Box` or an `extern \"C\" fn`: take the `Option<…>` form \
        and handle `None` (C can pass NULL); the target of a reference or `Box` must itself come \
            from C",
    note = "a type with no C layout at all (`String`, `Vec`, a plain struct) cannot come from C: \
        see `palisade::ffi::FfiSafe`"
)]
pub unsafe trait FromC: FfiSafe {}

/// Implements [`FfiSafe`] for a type `#[ffi_safe]` has checked. Generated code calls
/// this instead of writing `unsafe` itself.
#[doc(hidden)]
#[macro_export]
macro_rules! __palisade_impl_ffi_safe {
    ([$($generics:tt)*] $ty:ty, [$($bounds:tt)*], $padding:expr) => {
        // SAFETY: `#[ffi_safe]` emits this only after checking that the type is
        // `#[repr(C)]`/`#[repr(transparent)]` (or a fieldless enum with an integer
        // repr), `$bounds` requires every field type to be `FromC` (so `FfiSafe`), and
        // `$padding` is the padding between and after the fields plus the padding of
        // every field.
        unsafe impl<$($generics)*> $crate::ffi::FfiSafe for $ty where $($bounds)* {
            const PADDING: usize = $padding;
        }
    };
}

/// Stands in for the impls of an item `#[ffi_safe]` refused, next to its compile
/// error, so the item's uses (a field of another `#[ffi_safe]` struct, a parameter,
/// `Checked<T>`) add no errors of their own: one mistake, one error.
#[doc(hidden)]
#[macro_export]
macro_rules! __palisade_ffi_stubs {
    (@ffi_safe [$($generics:tt)*] $ty:ty, [$($bounds:tt)*]) => {
        // SAFETY: emitted only next to the `compile_error!` that `#[ffi_safe]` reports
        // for this item: the crate holding it never builds, so nothing runs with it.
        unsafe impl<$($generics)*> $crate::ffi::FfiSafe for $ty where $($bounds)* {
            const PADDING: usize = 0;
        }
    };
    (from_c [$($generics:tt)*] $ty:ty, [$($bounds:tt)*]) => {
        $crate::__palisade_ffi_stubs!(@ffi_safe [$($generics)*] $ty, [$($bounds)*]);
        // SAFETY: as above, next to a compile error only.
        unsafe impl<$($generics)*> $crate::ffi::FromC for $ty where $($bounds)* {}
    };
    (checked [$($generics:tt)*] $ty:ty, [$($bounds:tt)*]) => {
        $crate::__palisade_ffi_stubs!(@ffi_safe [$($generics)*] $ty, [$($bounds)*]);
        // SAFETY: as above, next to a compile error only.
        unsafe impl<$($generics)*> $crate::ffi::CheckedRepr for $ty where $($bounds)* {
            type Raw = Self;

            fn from_raw(raw: Self) -> $crate::__private::Result<Self, $crate::ffi::InvalidValue> {
                $crate::__private::Ok(raw)
            }

            fn to_raw(self) -> Self {
                self
            }
        }
    };
    (enum $ty:ty, $repr:ty, $name:expr) => {
        $crate::__palisade_ffi_stubs!(@ffi_safe [] $ty, []);
        // SAFETY: as above, next to a compile error only.
        unsafe impl $crate::ffi::CheckedRepr for $ty {
            type Raw = $repr;

            fn from_raw(raw: $repr) -> $crate::__private::Result<Self, $crate::ffi::InvalidValue> {
                $crate::__private::Err($crate::ffi::InvalidValue::BitPattern {
                    type_name: $name,
                    value: $crate::ffi::__private::Discriminant::widen(raw),
                })
            }

            fn to_raw(self) -> $repr {
                let _ = self;
                0
            }
        }
    };
}

/// Implements [`FromC`] for a struct `#[ffi_safe]` has checked.
#[doc(hidden)]
#[macro_export]
macro_rules! __palisade_impl_from_c {
    ([$($generics:tt)*] $ty:ty, [$($bounds:tt)*]) => {
        // SAFETY: `#[ffi_safe]` emits this only for a `#[repr(C)]`/`#[repr(transparent)]`
        // struct, with `$bounds` requiring every field type to be `FromC` (so every
        // bit pattern of the struct is valid), and after checking it runs no checks
        // of its own (it does not implement `Validate`).
        unsafe impl<$($generics)*> $crate::ffi::FromC for $ty where $($bounds)* {}
    };
}

macro_rules! from_c {
    ($($ty:ty),* $(,)?) => {$(
        // SAFETY: a primitive with a fixed C equivalent (stdint.h, float, double),
        // valid for every bit pattern.
        unsafe impl FfiSafe for $ty {}
        // SAFETY: as above.
        unsafe impl FromC for $ty {}
    )*};
}

from_c!(u8, u16, u32, u64, i8, i16, i32, i64, usize, isize, f32, f64);

// SAFETY: C's `bool` (`_Bool`): one byte, 0 or 1. Not `FromC`: C can write 2.
unsafe impl FfiSafe for bool {}

macro_rules! non_zero {
    ($($int:ty),*) => {$(
        // SAFETY: `NonZero<T>` is `repr(transparent)` over `T`. Not `FromC`: C can
        // write 0.
        unsafe impl FfiSafe for NonZero<$int> {}
        // SAFETY: the null-pointer optimisation is guaranteed for `Option<NonZero<T>>`:
        // it has `T`'s layout, with `None` as 0, so every bit pattern is valid.
        unsafe impl FfiSafe for Option<NonZero<$int>> {}
        // SAFETY: as above.
        unsafe impl FromC for Option<NonZero<$int>> {}
    )*};
}

non_zero!(u8, u16, u32, u64, i8, i16, i32, i64, usize, isize);

// SAFETY: thin raw pointers are C pointers; every address is a valid raw pointer.
unsafe impl<T> FfiSafe for *const T {}
// SAFETY: as above.
unsafe impl<T> FromC for *const T {}
// SAFETY: as above.
unsafe impl<T> FfiSafe for *mut T {}
// SAFETY: as above.
unsafe impl<T> FromC for *mut T {}
// SAFETY: a non-null thin pointer. Not `FromC`: C can pass NULL.
unsafe impl<T> FfiSafe for NonNull<T> {}
// SAFETY: guaranteed null-pointer optimisation: a nullable C pointer.
unsafe impl<T> FfiSafe for Option<NonNull<T>> {}
// SAFETY: as above; every address, NULL included, is a valid value.
unsafe impl<T> FromC for Option<NonNull<T>> {}
// SAFETY: a reference to a sized `T` is a non-null, aligned thin pointer. Not `FromC`:
// C can pass NULL.
unsafe impl<T> FfiSafe for &T {}
// SAFETY: as above.
unsafe impl<T> FfiSafe for &mut T {}
// SAFETY: guaranteed null-pointer optimisation: a nullable C pointer.
unsafe impl<T> FfiSafe for Option<&T> {}
// SAFETY: NULL is `None`; that a non-null pointer points to a live, aligned `T` is
// the C caller's contract, documented on `FromC`, as for any reference. What it
// points to is read as a `T` through a safe reference, so `T` itself must be valid
// for every bit pattern C can write there.
unsafe impl<T: FromC> FromC for Option<&T> {}
// SAFETY: as above.
unsafe impl<T> FfiSafe for Option<&mut T> {}
// SAFETY: as above.
unsafe impl<T: FromC> FromC for Option<&mut T> {}
// SAFETY: `Box<T>` of a sized `T` is a non-null thin pointer (one C can free only
// through Rust). Not `FromC`: C can pass NULL.
unsafe impl<T> FfiSafe for Box<T> {}
// SAFETY: guaranteed null-pointer optimisation: a nullable C pointer.
unsafe impl<T> FfiSafe for Option<Box<T>> {}
// SAFETY: NULL is `None`; that a non-null pointer came from `Box::into_raw` is the C
// caller's contract, documented on `FromC`; the `T` it owns must be valid for every
// bit pattern C could have written into it.
unsafe impl<T: FromC> FromC for Option<Box<T>> {}
// SAFETY: a C array of `N` FFI-safe elements.
unsafe impl<T: FfiSafe, const N: usize> FfiSafe for [T; N] {
    const PADDING: usize = T::PADDING * N;
}
// SAFETY: as above; every element is valid for every bit pattern.
unsafe impl<T: FromC, const N: usize> FromC for [T; N] {}
// SAFETY: zero-sized, no C counterpart and no effect on the layout of a repr(C) struct.
unsafe impl<T: ?Sized> FfiSafe for PhantomData<T> {}
// SAFETY: zero-sized: there are no bits to be invalid.
unsafe impl<T: ?Sized> FromC for PhantomData<T> {}
// SAFETY: `MaybeUninit<T>` has `T`'s layout. Every byte may be uninitialised, so all
// of it counts as padding.
unsafe impl<T: FfiSafe> FfiSafe for MaybeUninit<T> {
    const PADDING: usize = core::mem::size_of::<T>();
}
// SAFETY: a `MaybeUninit` is valid for every bit pattern, initialised or not.
unsafe impl<T: FfiSafe> FromC for MaybeUninit<T> {}
// SAFETY: `ManuallyDrop<T>` is `repr(transparent)` over `T`.
unsafe impl<T: FfiSafe> FfiSafe for ManuallyDrop<T> {
    const PADDING: usize = T::PADDING;
}
// SAFETY: as above.
unsafe impl<T: FromC> FromC for ManuallyDrop<T> {}

macro_rules! fn_pointers {
    ($($arg:ident),*) => {
        fn_pointers!(@abi ["C"] $($arg),*);
        fn_pointers!(@abi ["C-unwind"] $($arg),*);
    };
    (@abi [$abi:literal] $($arg:ident),*) => {
        // SAFETY: an `extern "C"` function pointer whose parameters and result are
        // `FromC` is a C function pointer, and whichever side calls it, what crosses
        // is valid. Not `FromC` itself: C can pass NULL.
        unsafe impl<R: FromC, $($arg: FromC),*> FfiSafe for extern $abi fn($($arg),*) -> R {}
        // SAFETY: as above.
        unsafe impl<R: FromC, $($arg: FromC),*> FfiSafe for unsafe extern $abi fn($($arg),*) -> R {}
        // SAFETY: as above, for functions returning nothing.
        unsafe impl<$($arg: FromC),*> FfiSafe for extern $abi fn($($arg),*) {}
        // SAFETY: as above.
        unsafe impl<$($arg: FromC),*> FfiSafe for unsafe extern $abi fn($($arg),*) {}
        fn_pointers!(@option [$abi] [R: FromC,] [-> R] $($arg),*);
        fn_pointers!(@option [$abi] [] [] $($arg),*);
    };
    (@option [$abi:literal] [$($r:tt)*] [$($ret:tt)*] $($arg:ident),*) => {
        // SAFETY: guaranteed null-pointer optimisation: a nullable C function pointer;
        // NULL is `None`, and that a non-null one points to a function of this
        // signature is the C caller's contract.
        unsafe impl<$($r)* $($arg: FromC),*> FfiSafe for Option<extern $abi fn($($arg),*)
            $($ret)*> {}
        // SAFETY: as above.
        unsafe impl<$($r)* $($arg: FromC),*> FromC for Option<extern $abi fn($($arg),*) $($ret)*> {}
        // SAFETY: as above.
        unsafe impl<$($r)* $($arg: FromC),*> FfiSafe for Option<unsafe extern $abi fn($($arg),*)
            $($ret)*> {}
        // SAFETY: as above.
        unsafe impl<$($r)* $($arg: FromC),*> FromC for Option<unsafe extern $abi fn($($arg),*)
            $($ret)*> {}
    };
}

fn_pointers!();
fn_pointers!(A);
fn_pointers!(A, B);
fn_pointers!(A, B, C);
fn_pointers!(A, B, C, D);
fn_pointers!(A, B, C, D, E);
fn_pointers!(A, B, C, D, E, F);
fn_pointers!(A, B, C, D, E, F, G);
fn_pointers!(A, B, C, D, E, F, G, H);
fn_pointers!(A, B, C, D, E, F, G, H, I);
fn_pointers!(A, B, C, D, E, F, G, H, I, J);
fn_pointers!(A, B, C, D, E, F, G, H, I, J, K);
fn_pointers!(A, B, C, D, E, F, G, H, I, J, K, L);
