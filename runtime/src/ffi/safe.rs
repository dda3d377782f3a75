//! [`FfiSafe`]: types whose layout C can describe, and the impls for the standard ones.

use core::marker::PhantomData;
use core::mem::{ManuallyDrop, MaybeUninit};
use core::num::NonZero;
use core::ptr::NonNull;

/// A type that can cross an `extern "C"` boundary as it is: a fixed, C-compatible
/// layout and no invalid bit patterns C could produce by accident beyond what the
/// type itself documents.
///
/// `#[ffi_safe]` implements it for a `#[repr(C)]` / `#[repr(transparent)]` struct whose
/// fields are all `FfiSafe`, and for a fieldless enum with an integer repr.
///
/// # Safety
///
/// Implement it only for types with a defined C layout (`#[repr(C)]`,
/// `#[repr(transparent)]` over an `FfiSafe` type, or an integer repr) whose fields
/// are all `FfiSafe`. Prefer `#[ffi_safe]`, which checks exactly this.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot cross an FFI boundary",
    label = "not FFI-safe",
    note = "FFI-safe types: fixed-size integers, `usize`/`isize`, `f32`/`f64`, `bool`, raw pointers, references, `NonNull`, arrays, `NonZero*`, `Option` of a pointer, reference, `NonZero*` or `extern \"C\" fn`, and `#[ffi_safe]` types",
    note = "for text use `*const c_char` or `palisade::ffi::FfiStr`; for a slice `palisade::ffi::FfiSlice`; for a struct add `#[ffi_safe]` and `#[repr(C)]`"
)]
pub unsafe trait FfiSafe {}

/// Implements [`FfiSafe`] for a type `#[ffi_safe]` has checked. Generated code calls
/// this instead of writing `unsafe` itself.
#[doc(hidden)]
#[macro_export]
macro_rules! __palisade_impl_ffi_safe {
    ([$($generics:tt)*] $ty:ty, [$($bounds:tt)*]) => {
        // SAFETY: `#[ffi_safe]` emits this only after checking that the type is
        // `#[repr(C)]`/`#[repr(transparent)]` (or a fieldless enum with an integer
        // repr), and `$bounds` requires every field type to be `FfiSafe`.
        unsafe impl<$($generics)*> $crate::ffi::FfiSafe for $ty where $($bounds)* {}
    };
}

macro_rules! ffi_safe {
    ($($ty:ty),* $(,)?) => {$(
        // SAFETY: a primitive with a fixed C equivalent (stdint.h, float, double, bool).
        unsafe impl FfiSafe for $ty {}
    )*};
}

ffi_safe!(u8, u16, u32, u64, i8, i16, i32, i64, usize, isize, f32, f64, bool);

macro_rules! non_zero {
    ($($int:ty),*) => {$(
        // SAFETY: `NonZero<T>` is `repr(transparent)` over `T`.
        unsafe impl FfiSafe for NonZero<$int> {}
        // SAFETY: the null-pointer optimisation is guaranteed for `Option<NonZero<T>>`:
        // it has `T`'s layout, with `None` as 0.
        unsafe impl FfiSafe for Option<NonZero<$int>> {}
    )*};
}

non_zero!(u8, u16, u32, u64, i8, i16, i32, i64, usize, isize);

// SAFETY: thin raw pointers are C pointers.
unsafe impl<T> FfiSafe for *const T {}
// SAFETY: thin raw pointers are C pointers.
unsafe impl<T> FfiSafe for *mut T {}
// SAFETY: `NonNull<T>` is a non-null thin pointer.
unsafe impl<T> FfiSafe for NonNull<T> {}
// SAFETY: guaranteed null-pointer optimisation: a nullable C pointer.
unsafe impl<T> FfiSafe for Option<NonNull<T>> {}
// SAFETY: a reference to a sized `T` is a non-null, aligned thin pointer.
unsafe impl<T> FfiSafe for &T {}
// SAFETY: as above.
unsafe impl<T> FfiSafe for &mut T {}
// SAFETY: guaranteed null-pointer optimisation: a nullable C pointer.
unsafe impl<T> FfiSafe for Option<&T> {}
// SAFETY: as above.
unsafe impl<T> FfiSafe for Option<&mut T> {}
// SAFETY: a C array of `N` FFI-safe elements.
unsafe impl<T: FfiSafe, const N: usize> FfiSafe for [T; N] {}
// SAFETY: zero-sized, no C counterpart and no effect on the layout of a repr(C) struct.
unsafe impl<T: ?Sized> FfiSafe for PhantomData<T> {}
// SAFETY: `MaybeUninit<T>` has `T`'s layout.
unsafe impl<T: FfiSafe> FfiSafe for MaybeUninit<T> {}
// SAFETY: `ManuallyDrop<T>` is `repr(transparent)` over `T`.
unsafe impl<T: FfiSafe> FfiSafe for ManuallyDrop<T> {}

macro_rules! fn_pointers {
    ($($arg:ident),*) => {
        // SAFETY: an `extern "C"` function pointer whose parameters and result are
        // FFI-safe is a C function pointer.
        unsafe impl<R: FfiSafe, $($arg: FfiSafe),*> FfiSafe for extern "C" fn($($arg),*) -> R {}
        // SAFETY: as above; `Option` of a function pointer is a nullable one.
        unsafe impl<R: FfiSafe, $($arg: FfiSafe),*> FfiSafe for Option<extern "C" fn($($arg),*) -> R> {}
        // SAFETY: as above, for functions returning nothing.
        unsafe impl<$($arg: FfiSafe),*> FfiSafe for extern "C" fn($($arg),*) {}
        // SAFETY: as above.
        unsafe impl<$($arg: FfiSafe),*> FfiSafe for Option<extern "C" fn($($arg),*)> {}
    };
}

fn_pointers!();
fn_pointers!(A);
fn_pointers!(A, B);
fn_pointers!(A, B, C);
fn_pointers!(A, B, C, D);
fn_pointers!(A, B, C, D, E);
fn_pointers!(A, B, C, D, E, F);
