//! [`FfiStr`] and [`FfiSlice`]: `#[repr(C)]` pointer + length views that C can build,
//! turned into `&str` / `&[T]` only after checking them.

use core::marker::PhantomData;

use super::checked::{CheckedRepr, InvalidValue};
use super::input::CStrError;
use super::{FfiSafe, FromC};
use crate::validate::Validate;

/// Why an [`FfiStr`] or [`FfiSlice`] could not become a Rust reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ViewError {
    /// The pointer is null but the length is not zero.
    #[error("null pointer with length {len}")]
    Null {
        /// The length given.
        len: usize,
    },
    /// The pointer is not aligned for the element type.
    #[error("address {address:#x} is not aligned to {align} bytes")]
    Misaligned {
        /// The address.
        address: usize,
        /// The alignment required.
        align: usize,
    },
    /// `len` elements would span more than `isize::MAX` bytes.
    #[error("{len} elements of {size} bytes exceed isize::MAX bytes")]
    TooLong {
        /// The length given.
        len: usize,
        /// The size of one element.
        size: usize,
    },
    /// The bytes of an [`FfiStr`] are not UTF-8, or contain a NUL where one is refused.
    #[error(transparent)]
    Text(#[from] CStrError),
}

/// Why [`FfiSlice::to_valid_slice`] refused a slice from C.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ElementError {
    /// The pointer or the length is wrong.
    #[error(transparent)]
    View(#[from] ViewError),
    /// An element breaks its type's rules.
    #[error("element {index}: {error}")]
    Invalid {
        /// Its index.
        index: usize,
        /// Why.
        error: InvalidValue,
    },
}

/// A borrowed slice as C sees it: `{ const T *ptr; uintptr_t len; }`, rendered in
/// headers as `FfiSlice_T` (`FfiSlice_uint32_t`).
///
/// Build one from a slice with [`FfiSlice::new`] to hand it to C; turn one received
/// from C into a slice with [`FfiSlice::to_slice`], which checks null, alignment and
/// length first. `to_slice` needs `T: FromC` (C can write every element's bits); for
/// a type with checks (`#[validated]` `#[ffi_safe]` structs) use
/// [`to_valid_slice`](FfiSlice::to_valid_slice), which runs them on each element,
/// and for `bool` or an enum take `FfiSlice<Checked<T>>`. `FfiSlice<T>` crosses the
/// boundary only for `T: FfiSafe`:
///
/// ```compile_fail
/// use palisade::ffi::FfiSlice;
///
/// #[palisade::ffi_safe]
/// pub extern "C" fn total(items: FfiSlice<'_, String>) -> usize { items.len() }
/// ```
///
/// ```
/// use palisade::ffi::FfiSlice;
///
/// let data = [1u32, 2, 3];
/// let view = FfiSlice::new(&data);
/// assert_eq!(view.len(), 3);
/// assert_eq!(view.to_slice(), Ok(&data[..]));
/// ```
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct FfiSlice<'a, T> {
    ptr: *const T,
    len: usize,
    _borrow: PhantomData<&'a [T]>,
}

impl<'a, T> FfiSlice<'a, T> {
    /// A view of `slice`.
    #[must_use]
    pub const fn new(slice: &'a [T]) -> Self {
        Self {
            ptr: slice.as_ptr(),
            len: slice.len(),
            _borrow: PhantomData,
        }
    }

    /// A view of `len` elements at `ptr`.
    ///
    /// # Safety
    ///
    /// Unless `len` is 0, `ptr` points to `len` initialised elements of `T` that
    /// stay valid and unchanged for `'a` (null, misalignment and overlong lengths are
    /// still caught by [`to_slice`](Self::to_slice)).
    #[must_use]
    pub const unsafe fn from_raw_parts(ptr: *const T, len: usize) -> Self {
        Self {
            ptr,
            len,
            _borrow: PhantomData,
        }
    }

    /// The number of elements.
    #[must_use]
    pub const fn len(&self) -> usize {
        self.len
    }

    /// Whether there are no elements.
    #[must_use]
    pub const fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The pointer, as C sees it.
    #[must_use]
    pub const fn as_ptr(&self) -> *const T {
        self.ptr
    }

    /// The elements, after checking the pointer and the length.
    ///
    /// # Errors
    /// [`ViewError::Null`], [`ViewError::Misaligned`] or [`ViewError::TooLong`].
    pub fn to_slice(&self) -> Result<&'a [T], ViewError>
    where
        T: FromC,
    {
        self.checked_view()
    }

    /// The elements of a type with checks, after checking the pointer, the length,
    /// and every element's rules, up to the first element that breaks them.
    ///
    /// ```
    /// use palisade::ffi::{ElementError, FfiSlice, InvalidValue};
    /// use palisade::{ffi_safe, validated};
    ///
    /// #[validated]
    /// #[ffi_safe]
    /// #[repr(C)]
    /// #[derive(Debug, Clone, Copy)]
    /// pub struct Percent {
    ///     #[validate(range(0..=100))]
    ///     value: u8,
    /// }
    ///
    /// # fn main() {
    /// let good = [Percent::try_new(5).unwrap(), Percent::try_new(100).unwrap()];
    /// assert_eq!(FfiSlice::new(&good).to_valid_slice().unwrap().len(), 2);
    ///
    /// // What C may pass: bytes that are valid `u8`s but not valid percentages.
    /// let from_c = [5u8, 200];
    /// // SAFETY: two initialised `Percent`-sized bytes that outlive the view.
    /// let view = unsafe { FfiSlice::from_raw_parts(from_c.as_ptr().cast::<Percent>(), 2) };
    /// let error = view.to_valid_slice().unwrap_err();
    /// assert!(matches!(
    ///     error,
    ///     ElementError::Invalid { index: 1, error: InvalidValue::Rules { .. } }
    /// ));
    /// # }
    /// ```
    ///
    /// # Errors
    /// As [`to_slice`](Self::to_slice), or [`ElementError::Invalid`] with the index
    /// of the first element that breaks its rules.
    pub fn to_valid_slice(&self) -> Result<&'a [T], ElementError>
    where
        T: CheckedRepr<Raw = T> + Validate,
    {
        let items = self.checked_view()?;
        for (index, item) in items.iter().enumerate() {
            if let Err(errors) = item.validate() {
                return Err(ElementError::Invalid {
                    index,
                    error: InvalidValue::Rules {
                        type_name: short_type_name::<T>(),
                        errors,
                    },
                });
            }
        }
        Ok(items)
    }

    fn checked_view(&self) -> Result<&'a [T], ViewError> {
        if self.len == 0 {
            return Ok(&[]);
        }
        if self.ptr.is_null() {
            return Err(ViewError::Null { len: self.len });
        }
        if !self.ptr.is_aligned() {
            return Err(ViewError::Misaligned {
                address: self.ptr.addr(),
                align: core::mem::align_of::<T>(),
            });
        }
        let size = core::mem::size_of::<T>();
        if size
            .checked_mul(self.len)
            .is_none_or(|bytes| bytes > isize::MAX as usize)
        {
            return Err(ViewError::TooLong {
                len: self.len,
                size,
            });
        }
        // SAFETY: non-null, aligned, and at most `isize::MAX` bytes (checked above);
        // that the memory holds `len` initialised `T`s valid for `'a` is this view's
        // invariant, promised by `new` (a real slice) or by `from_raw_parts`' caller.
        Ok(unsafe { core::slice::from_raw_parts(self.ptr, self.len) })
    }
}

/// `a::b::Reading` → `Reading`, for messages.
fn short_type_name<T>() -> &'static str {
    let full = core::any::type_name::<T>();
    let base = full.split('<').next().unwrap_or(full);
    let start = base.rfind("::").map_or(0, |at| at + 2);
    full.get(start..).unwrap_or(full)
}

// SAFETY: `#[repr(C)]` of a thin pointer and a `usize`, no padding; only for
// elements that have a C layout.
unsafe impl<T: FfiSafe> FfiSafe for FfiSlice<'_, T> {}
// SAFETY: a pointer and a `usize` are valid for every bit pattern; the elements are
// only read through `to_slice` (which needs `T: FromC`) or `to_valid_slice` (which
// runs `T`'s checks, for a `T` whose raw form is valid for every bit pattern).
unsafe impl<T: FfiSafe> FromC for FfiSlice<'_, T> {}
// SAFETY: `#[repr(C)]` over an `FfiSlice<u8>`.
unsafe impl FfiSafe for FfiStr<'_> {}
// SAFETY: as above; the bytes are checked for UTF-8 by `to_str`.
unsafe impl FromC for FfiStr<'_> {}

impl<'a, T> From<&'a [T]> for FfiSlice<'a, T> {
    fn from(slice: &'a [T]) -> Self {
        Self::new(slice)
    }
}

/// A borrowed UTF-8 string as C sees it: `{ const uint8_t *ptr; uintptr_t len; }`, not
/// NUL-terminated.
///
/// ```
/// use palisade::ffi::FfiStr;
///
/// let view = FfiStr::new("héllo");
/// assert_eq!(view.len(), 6);
/// assert_eq!(view.to_str(), Ok("héllo"));
/// ```
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct FfiStr<'a> {
    bytes: FfiSlice<'a, u8>,
}

impl<'a> FfiStr<'a> {
    /// A view of `text`.
    #[must_use]
    pub const fn new(text: &'a str) -> Self {
        Self {
            bytes: FfiSlice::new(text.as_bytes()),
        }
    }

    /// A view of `len` bytes at `ptr`.
    ///
    /// # Safety
    ///
    /// As [`FfiSlice::from_raw_parts`]; the bytes are checked for UTF-8 by
    /// [`to_str`](Self::to_str).
    #[must_use]
    pub const unsafe fn from_raw_parts(ptr: *const u8, len: usize) -> Self {
        // SAFETY: forwarded to the caller.
        Self {
            bytes: unsafe { FfiSlice::from_raw_parts(ptr, len) },
        }
    }

    /// The length in bytes.
    #[must_use]
    pub const fn len(&self) -> usize {
        self.bytes.len()
    }

    /// Whether the string is empty.
    #[must_use]
    pub const fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// The bytes, after checking the pointer.
    ///
    /// # Errors
    /// As [`FfiSlice::to_slice`].
    pub fn to_bytes(&self) -> Result<&'a [u8], ViewError> {
        self.bytes.to_slice()
    }

    /// The text, after checking the pointer and UTF-8.
    ///
    /// # Errors
    /// As [`FfiSlice::to_slice`], or [`CStrError::InvalidUtf8`].
    pub fn to_str(&self) -> Result<&'a str, ViewError> {
        let bytes = self.to_bytes()?;
        core::str::from_utf8(bytes).map_err(|error| {
            ViewError::Text(CStrError::InvalidUtf8 {
                valid_up_to: error.valid_up_to(),
            })
        })
    }

    /// The text as an owned C string, for a C API that wants NUL termination.
    ///
    /// # Errors
    /// As [`to_str`](Self::to_str), or [`CStrError::InteriorNul`] when the text
    /// contains a NUL byte (C would read it as the end).
    pub fn to_c_string(&self) -> Result<alloc::ffi::CString, ViewError> {
        let text = self.to_str()?;
        alloc::ffi::CString::new(text).map_err(|error| {
            ViewError::Text(CStrError::InteriorNul {
                position: error.nul_position(),
            })
        })
    }
}

impl<'a> From<&'a str> for FfiStr<'a> {
    fn from(text: &'a str) -> Self {
        Self::new(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_from_raw_parts_are_checked() {
        let data = [1u32, 2, 3, 4];
        // SAFETY (for each view below): the pointers are null, or point into `data`,
        // which outlives the views; the checks under test run before any read.
        unsafe {
            assert_eq!(
                FfiSlice::from_raw_parts(data.as_ptr(), 4).to_slice(),
                Ok(&data[..])
            );
            assert_eq!(
                FfiSlice::<u32>::from_raw_parts(core::ptr::null(), 0).to_slice(),
                Ok(&[][..])
            );
            assert_eq!(
                FfiSlice::<u32>::from_raw_parts(core::ptr::null(), 3).to_slice(),
                Err(ViewError::Null { len: 3 })
            );
            let odd = data.as_ptr().cast::<u8>().wrapping_add(1).cast::<u32>();
            assert_eq!(
                FfiSlice::from_raw_parts(odd, 1).to_slice(),
                Err(ViewError::Misaligned {
                    address: odd.addr(),
                    align: 4
                })
            );
            assert_eq!(
                FfiSlice::from_raw_parts(data.as_ptr(), usize::MAX).to_slice(),
                Err(ViewError::TooLong {
                    len: usize::MAX,
                    size: 4
                })
            );
            assert_eq!(
                FfiSlice::from_raw_parts(data.as_ptr(), isize::MAX as usize / 4 + 1).to_slice(),
                Err(ViewError::TooLong {
                    len: isize::MAX as usize / 4 + 1,
                    size: 4
                })
            );
        }
    }

    #[test]
    fn strings_are_checked_for_utf8_and_nul() {
        assert_eq!(FfiStr::new("").to_str(), Ok(""));
        assert_eq!(FfiStr::new("日本").to_str(), Ok("日本"));
        let invalid = [b'o', b'k', 0xff];
        // SAFETY: points into `invalid`, which outlives the view.
        let view = unsafe { FfiStr::from_raw_parts(invalid.as_ptr(), invalid.len()) };
        assert_eq!(
            view.to_str(),
            Err(ViewError::Text(CStrError::InvalidUtf8 { valid_up_to: 2 }))
        );
        assert_eq!(view.to_bytes(), Ok(&invalid[..]));
        let with_nul = FfiStr::new("a\0b");
        assert_eq!(with_nul.to_str(), Ok("a\0b"));
        assert_eq!(
            with_nul.to_c_string(),
            Err(ViewError::Text(CStrError::InteriorNul { position: 1 }))
        );
        assert_eq!(FfiStr::new("abc").to_c_string().unwrap().as_bytes(), b"abc");
        // SAFETY: a null pointer with a non-zero length is reported, never read.
        let null = unsafe { FfiStr::from_raw_parts(core::ptr::null(), 5) };
        assert_eq!(null.to_str(), Err(ViewError::Null { len: 5 }));
    }
}
