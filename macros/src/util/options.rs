//! Typed identities for attribute keys. Each macro declares the keys of its attribute
//! once, with [`options!`], as an enum; [`Keys`](super::attr::Keys) hands the reader a
//! value of that enum rather than a string, so every reader is an exhaustive `match`
//! and a new key is a compile error in each place that must handle it.

/// The keys of one attribute, as an enum users' keywords map onto.
pub trait Keyword: Copy + PartialEq + 'static {
    /// Every key, in the order messages list them.
    fn all() -> impl Iterator<Item = Self>;

    /// The keyword users write.
    fn keyword(self) -> &'static str;

    /// The key written `keyword`, if there is one.
    fn from_keyword(keyword: &str) -> Option<Self> {
        Self::all().find(|key| key.keyword() == keyword)
    }
}

/// Declares an attribute's keys: `options! { /// doc  pub enum Name { Variant = "kw", .. } }`
/// makes the enum and its [`Keyword`] impl.
macro_rules! options {
    ($(#[$meta:meta])* $vis:vis enum $name:ident {
        $($(#[$doc:meta])* $variant:ident = $keyword:literal,)*
    }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, PartialEq, Eq)]
        $vis enum $name {
            $($(#[$doc])* $variant,)*
        }

        impl $crate::util::options::Keyword for $name {
            fn all() -> impl Iterator<Item = Self> {
                [$($name::$variant),*].into_iter()
            }

            fn keyword(self) -> &'static str {
                match self {
                    $($name::$variant => $keyword,)*
                }
            }

            fn from_keyword(keyword: &str) -> Option<Self> {
                match keyword {
                    $($keyword => Some($name::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

pub(crate) use options;
