//! Which types a rule fits: [`HasLength`], [`Text`], [`Float`]. Their
//! `on_unimplemented` messages are what a user sees for a rule that does not fit.

use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;

/// Types with a length: strings (in bytes) and collections (in elements).
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no length, so `length` and `non_empty` do not apply to it",
    label = "`length` and `non_empty` need a string or a collection here",
    note = "they apply to `str`, `String`, `Vec`, slices, arrays, maps and sets; use `range` for \
        numbers"
)]
pub trait HasLength {
    /// The length in bytes (strings) or elements (collections).
    fn length(&self) -> usize;
}

/// Types that are text: the string rules (`chars`, `pattern`, `email`, `url`,
/// `ascii`, `alphanumeric`, `prefix`, `suffix`, `contains`) read them as `&str`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a string, so this string rule does not apply to it",
    label = "this rule needs a string here",
    note = "string rules apply to `str`, `String`, `Cow<str>` and `Box<str>`"
)]
pub trait Text {
    /// The text.
    fn text(&self) -> &str;
}

/// Integers, for `multiple_of`.
#[diagnostic::on_unimplemented(
    message = "`multiple_of` applies to integers, not to `{Self}`",
    label = "`multiple_of` needs an integer here"
)]
pub trait Integer: Copy {
    /// Whether `of` divides the value with no remainder (`of` is never 0).
    fn is_multiple(&self, of: Self) -> bool;
}

macro_rules! integers {
    ($($ty:ty),*) => {$(
        impl Integer for $ty {
            #[inline]
            fn is_multiple(&self, of: Self) -> bool {
                // `checked_rem` is `None` only for `MIN % -1`, which is a multiple.
                of != 0 && self.checked_rem(of).is_none_or(|rest| rest == 0)
            }
        }
    )*};
}

integers!(u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize);

/// Floating-point numbers, for `finite`.
#[diagnostic::on_unimplemented(
    message = "`finite` applies to `f32` and `f64`, not to `{Self}`",
    label = "`finite` needs a floating-point number here"
)]
pub trait Float {
    /// Neither NaN nor infinite.
    fn is_finite_number(&self) -> bool;
}

impl Float for f32 {
    fn is_finite_number(&self) -> bool {
        self.is_finite()
    }
}

impl Float for f64 {
    fn is_finite_number(&self) -> bool {
        self.is_finite()
    }
}

impl<T: HasLength + ?Sized> HasLength for &T {
    fn length(&self) -> usize {
        (**self).length()
    }
}

impl<T: Text + ?Sized> Text for &T {
    fn text(&self) -> &str {
        (**self).text()
    }
}

impl Text for str {
    fn text(&self) -> &str {
        self
    }
}

impl Text for String {
    fn text(&self) -> &str {
        self
    }
}

impl Text for Cow<'_, str> {
    fn text(&self) -> &str {
        self
    }
}

impl Text for alloc::boxed::Box<str> {
    fn text(&self) -> &str {
        self
    }
}

impl Text for alloc::rc::Rc<str> {
    fn text(&self) -> &str {
        self
    }
}

impl Text for alloc::sync::Arc<str> {
    fn text(&self) -> &str {
        self
    }
}

macro_rules! has_length {
    ($( [$($generics:tt)*] $ty:ty => $len:ident ),* $(,)?) => {$(
        impl<$($generics)*> HasLength for $ty {
            #[inline]
            fn length(&self) -> usize {
                self.$len()
            }
        }
    )*};
}

has_length! {
    [] str => len,
    [] String => len,
    ['a] Cow<'a, str> => len,
    [] alloc::boxed::Box<str> => len,
    [T] [T] => len,
    [T, const N: usize] [T; N] => len,
    [T] Vec<T> => len,
    [T] alloc::boxed::Box<[T]> => len,
    [T] alloc::collections::VecDeque<T> => len,
    [T] alloc::collections::BTreeSet<T> => len,
    [K, V] alloc::collections::BTreeMap<K, V> => len,
}

#[cfg(feature = "std")]
has_length! {
    [T, S] std::collections::HashSet<T, S> => len,
    [K, V, S] std::collections::HashMap<K, V, S> => len,
}
