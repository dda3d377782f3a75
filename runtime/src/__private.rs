//! What generated code names, under one absolute path (`::palisade::__private`), so no
//! user item can shadow it. Not public API: anything here may change in any release.

// The standard items generated code names, so a user type called `Result`, `Some`
// or `core` cannot capture them.
pub use alloc::vec;
pub use core::any::type_name;
pub use core::convert::{AsRef, From, Into, TryFrom};
pub use core::default::Default;
pub use core::iter::Iterator;
pub use core::marker::PhantomData;
pub use core::mem::{align_of, offset_of, replace, size_of, ManuallyDrop};
pub use core::ops::Bound;
pub use core::ops::Drop;
pub use core::option::Option::{self, None, Some};
pub use core::result::Result::{self, Err, Ok};
pub use core::{cfg, concat, env, module_path, panic};
#[cfg(feature = "std")]
pub use std::panic::{catch_unwind, AssertUnwindSafe};

pub use crate::validate::replace::{replace_checked, replace_checked_with};
/// What `#[validate]` and `#[validated]` name.
pub use crate::validate::rules;
pub use crate::validate::{PathNode, Validate, ValidateWith, ValidationErrors};

/// What `#[derive(Builder)]` names.
pub use crate::builder;

/// What `#[ffi_safe]` names.
pub mod ffi {
    pub use crate::ffi::__private::*;
    pub use crate::ffi::{
        CField, CFunction, CHeader, CPrototype, CType, CTypeRef, CheckedRepr, FfiSafe, FromC,
        InvalidDiscriminant, InvalidValue, NoChecksIn,
    };
}
pub use crate::__palisade_ffi_stubs as ffi_stubs;
pub use crate::__palisade_impl_checked_enum as impl_checked_enum;
pub use crate::__palisade_impl_checked_struct as impl_checked_struct;
pub use crate::__palisade_impl_ffi_safe as impl_ffi_safe;
pub use crate::__palisade_impl_from_c as impl_from_c;

/// What `#[audit_log]` names.
#[cfg(feature = "std")]
pub mod audit {
    pub use crate::audit::__private::*;
}

/// What `#[validated(serde)]` names to report nested failures with their paths.
#[cfg(feature = "serde")]
pub use crate::validate::reported::{Failed, Level, Reported};
#[cfg(feature = "serde")]
pub use serde;

/// Pairs each item of a collection with its index, for `each(...)` rules.
#[inline]
pub fn enumerate<I: IntoIterator>(items: I) -> core::iter::Enumerate<I::IntoIter> {
    items.into_iter().enumerate()
}

/// Passes `#[validated(serde)]`'s generated items through when the `serde` feature
/// is on.
#[cfg(feature = "serde")]
#[macro_export]
#[doc(hidden)]
macro_rules! __palisade_with_serde {
    ($($item:tt)*) => { $($item)* };
}

/// Replaces `#[validated(serde)]`'s generated items with one clear error when the
/// `serde` feature is off.
#[cfg(not(feature = "serde"))]
#[macro_export]
#[doc(hidden)]
macro_rules! __palisade_with_serde {
    ($($item:tt)*) => {
        ::core::compile_error! {
            "`#[validated(serde)]` needs palisade's `serde` feature: add `features = [\"serde\"]` \
to the `palisade` dependency"
        }
    };
}

pub use crate::__palisade_with_serde as with_serde;
