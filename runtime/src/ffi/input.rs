//! What a C caller hands over, checked: ranges, alignment, C strings.

use core::ffi::{c_char, CStr};
use core::ops::Range;

/// Why [`check_range`] refused an `offset`/`count` pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum RangeError {
    /// `offset + count` does not fit in `usize`.
    #[error("offset {offset} + count {count} overflows usize")]
    Overflow {
        /// The start asked for.
        offset: usize,
        /// The number of items asked for.
        count: usize,
    },
    /// The range ends past `len`.
    #[error("range {offset}..{offset}+{count} is out of bounds for length {len}")]
    OutOfBounds {
        /// The start asked for.
        offset: usize,
        /// The number of items asked for.
        count: usize,
        /// The length available.
        len: usize,
    },
}

/// The range `offset..offset + count` when it lies within `0..len`, with the
/// arithmetic checked: an `offset` and `count` from C can never overflow into a
/// small range.
///
/// ```
/// use palisade::ffi::{check_range, RangeError};
///
/// assert_eq!(check_range(10, 2, 3), Ok(2..5));
/// assert_eq!(check_range(10, 10, 0), Ok(10..10));
/// assert!(matches!(check_range(10, 8, 3), Err(RangeError::OutOfBounds { .. })));
/// assert!(matches!(check_range(10, usize::MAX, 2), Err(RangeError::Overflow { .. })));
/// ```
///
/// # Errors
/// [`RangeError::Overflow`] when `offset + count` overflows, [`RangeError::OutOfBounds`]
/// when the range ends past `len`.
pub const fn check_range(
    len: usize,
    offset: usize,
    count: usize,
) -> Result<Range<usize>, RangeError> {
    match offset.checked_add(count) {
        None => Err(RangeError::Overflow { offset, count }),
        Some(end) if end > len => Err(RangeError::OutOfBounds { offset, count, len }),
        Some(end) => Ok(offset..end),
    }
}

/// Why [`check_aligned`] refused a pointer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum AlignmentError {
    /// The pointer is null.
    #[error("null pointer")]
    Null,
    /// The address is not a multiple of the alignment the type needs.
    #[error("address {address:#x} is not aligned to {align} bytes")]
    Misaligned {
        /// The address.
        address: usize,
        /// The alignment required.
        align: usize,
    },
}

/// Checks that `ptr` is non-null and aligned for `T`, as a reference to `T` must be.
///
/// ```
/// use palisade::ffi::{check_aligned, AlignmentError};
///
/// let value = 7u32;
/// assert_eq!(check_aligned(&value as *const u32), Ok(()));
/// assert_eq!(check_aligned(core::ptr::null::<u32>()), Err(AlignmentError::Null));
/// let odd = (&value as *const u32 as *const u8).wrapping_add(1) as *const u32;
/// assert!(matches!(check_aligned(odd), Err(AlignmentError::Misaligned { align: 4, .. })));
/// ```
///
/// # Errors
/// [`AlignmentError::Null`] or [`AlignmentError::Misaligned`].
pub fn check_aligned<T>(ptr: *const T) -> Result<(), AlignmentError> {
    if ptr.is_null() {
        Err(AlignmentError::Null)
    } else if ptr.is_aligned() {
        Ok(())
    } else {
        Err(AlignmentError::Misaligned {
            address: ptr.addr(),
            align: core::mem::align_of::<T>(),
        })
    }
}

/// Why a C string could not become a `&str`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CStrError {
    /// The pointer is null.
    #[error("null pointer where a string was expected")]
    Null,
    /// The bytes are not UTF-8.
    #[error("string is not valid UTF-8 (valid up to byte {valid_up_to})")]
    InvalidUtf8 {
        /// How many leading bytes are valid UTF-8.
        valid_up_to: usize,
    },
    /// A string meant for C contains a NUL byte, which would cut it short there.
    #[error("string contains a NUL byte at {position}")]
    InteriorNul {
        /// Where the first NUL is.
        position: usize,
    },
}

/// Reads a NUL-terminated C string as UTF-8. The string ends at its first NUL.
///
/// ```
/// use palisade::ffi::{cstr_to_str, CStrError};
///
/// let text = c"hello";
/// // SAFETY: `text` is a valid NUL-terminated string that outlives the result.
/// assert_eq!(unsafe { cstr_to_str(text.as_ptr()) }, Ok("hello"));
/// // SAFETY: null is always accepted, and reported.
/// assert_eq!(unsafe { cstr_to_str(core::ptr::null()) }, Err(CStrError::Null));
/// ```
///
/// # Safety
///
/// `ptr` is null, or points to a NUL-terminated sequence of bytes that stays valid
/// and unchanged for `'a`.
///
/// # Errors
/// [`CStrError::Null`] for a null pointer, [`CStrError::InvalidUtf8`] for bytes that
/// are not UTF-8.
pub unsafe fn cstr_to_str<'a>(ptr: *const c_char) -> Result<&'a str, CStrError> {
    if ptr.is_null() {
        return Err(CStrError::Null);
    }
    // SAFETY: `ptr` is non-null and, by this function's contract, points to a
    // NUL-terminated string valid for `'a`.
    let text = unsafe { CStr::from_ptr(ptr) };
    text.to_str().map_err(|error| CStrError::InvalidUtf8 {
        valid_up_to: error.valid_up_to(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_at_the_edges() {
        assert_eq!(check_range(0, 0, 0), Ok(0..0));
        assert_eq!(
            check_range(usize::MAX, usize::MAX, 0),
            Ok(usize::MAX..usize::MAX)
        );
        assert_eq!(check_range(usize::MAX, 0, usize::MAX), Ok(0..usize::MAX));
        assert_eq!(
            check_range(usize::MAX, 1, usize::MAX),
            Err(RangeError::Overflow {
                offset: 1,
                count: usize::MAX
            })
        );
        assert_eq!(
            check_range(4, 5, 0),
            Err(RangeError::OutOfBounds {
                offset: 5,
                count: 0,
                len: 4
            })
        );
        assert_eq!(check_range(4, 4, 0), Ok(4..4));
        assert_eq!(check_range(4, 3, 1), Ok(3..4));
        assert_eq!(
            check_range(4, 3, 2),
            Err(RangeError::OutOfBounds {
                offset: 3,
                count: 2,
                len: 4
            })
        );
    }

    #[test]
    fn alignment() {
        let values = [0u64; 2];
        let base = values.as_ptr();
        assert_eq!(check_aligned(base), Ok(()));
        for offset in 1..8 {
            let shifted = base.cast::<u8>().wrapping_add(offset).cast::<u64>();
            assert_eq!(
                check_aligned(shifted),
                Err(AlignmentError::Misaligned {
                    address: shifted.addr(),
                    align: 8
                })
            );
            // Byte pointers are always aligned.
            assert_eq!(
                check_aligned(base.cast::<u8>().wrapping_add(offset)),
                Ok(())
            );
        }
        assert_eq!(
            check_aligned(core::ptr::null::<u8>()),
            Err(AlignmentError::Null)
        );
    }

    #[test]
    fn c_strings() {
        // SAFETY: each pointer is null or a NUL-terminated literal that lives forever.
        unsafe {
            assert_eq!(cstr_to_str(c"".as_ptr()), Ok(""));
            assert_eq!(cstr_to_str(c"héllo".as_ptr()), Ok("héllo"));
            assert_eq!(cstr_to_str(core::ptr::null()), Err(CStrError::Null));
            let invalid = b"ab\xff\xfe\0";
            assert_eq!(
                cstr_to_str(invalid.as_ptr().cast()),
                Err(CStrError::InvalidUtf8 { valid_up_to: 2 })
            );
            // A C string ends at its first NUL.
            let interior = b"ab\0cd\0";
            assert_eq!(cstr_to_str(interior.as_ptr().cast()), Ok("ab"));
        }
    }
}
