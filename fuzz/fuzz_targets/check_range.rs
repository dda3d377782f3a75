//! `check_range` never panics, and accepts exactly the ranges inside `0..len`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use palisade::ffi::{check_range, RangeError};

fuzz_target!(|input: (usize, usize, usize)| {
    let (len, offset, count) = input;
    match check_range(len, offset, count) {
        Ok(range) => {
            assert_eq!(range.start, offset);
            assert_eq!(range.end - range.start, count);
            assert!(range.end <= len);
        }
        Err(RangeError::Overflow { .. }) => assert!(offset.checked_add(count).is_none()),
        Err(RangeError::OutOfBounds { .. }) => {
            assert!(offset.checked_add(count).is_some_and(|end| end > len));
        }
    }
});
