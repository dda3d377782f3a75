//! The one table of field rules. Each row gives a rule its typed identity
//! ([`RuleKind`]) and says everything the phases need to know of it: the keyword users
//! write (which is also the name of its runtime function in `rules` and
//! `rules::check`), the argument it takes, the values it fits and whether it can be
//! checked in a `const fn`. Every match over a rule is over [`RuleKind`] or the checked
//! `Rule` and is exhaustive, so a new row makes the compiler list each place that must
//! handle it.

use crate::util::options::{options, Keyword};

/// What a rule takes after its keyword.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Argument {
    /// Nothing: `email`.
    Flag,
    /// A range in parentheses: `range(1..=10)`.
    Bounds,
    /// A string: `prefix = "ab"`.
    Text,
    /// A function's path: `custom = check`.
    Path,
    /// An integer literal: `multiple_of = 5`.
    Integer,
    /// An array of literals: `one_of = ["eur", "usd"]`.
    List,
}

/// The values a rule applies to.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    /// Integers and floats.
    Number,
    /// Strings and collections (a length).
    Sized,
    /// Strings.
    Text,
    /// `f32` and `f64`.
    Float,
    /// Types that implement `Validate`.
    Composite,
    /// Integers.
    Integer,
    /// Strings and integers (compared with `==`).
    Set,
    /// Anything: the rule's own signature decides.
    Any,
}

macro_rules! rules {
    ($($(#[$doc:meta])* $kind:ident = $keyword:literal, $argument:ident, $fit:ident, const:
        $const:literal;)*) => {
        /// A field rule, by its keyword. The declaration order is the order in which
        /// the rules of one attribute run.
        #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
        pub enum RuleKind {
            $($(#[$doc])* $kind,)*
        }

        impl Keyword for RuleKind {
            fn all() -> impl Iterator<Item = Self> {
                [$(RuleKind::$kind),*].into_iter()
            }

            fn keyword(self) -> &'static str {
                RuleKind::keyword(self)
            }

            fn from_keyword(keyword: &str) -> Option<Self> {
                match keyword {
                    $($keyword => Some(RuleKind::$kind),)*
                    _ => None,
                }
            }
        }

        impl RuleKind {
            /// The keyword users write, and the name of the rule's runtime function.
            pub fn keyword(self) -> &'static str {
                match self {
                    $(RuleKind::$kind => $keyword,)*
                }
            }


            /// What follows the keyword.
            pub fn argument(self) -> Argument {
                match self {
                    $(RuleKind::$kind => Argument::$argument,)*
                }
            }

            /// The values the rule applies to.
            pub fn fit(self) -> Fit {
                match self {
                    $(RuleKind::$kind => Fit::$fit,)*
                }
            }

            /// Whether the rule can be checked in a `const fn` (on the values the
            /// checked model then narrows to: integers for `range`, `&'static str`
            /// for lengths).
            pub fn const_evaluable(self) -> bool {
                match self {
                    $(RuleKind::$kind => $const,)*
                }
            }
        }
    };
}

rules! {
    /// `range(A..=B)`: a number within bounds.
    Range = "range", Bounds, Number, const: true;
    /// `length(A..=B)`: a length in bytes or elements within bounds.
    Length = "length", Bounds, Sized, const: true;
    /// `chars(A..=B)`: a length in chars within bounds.
    Chars = "chars", Bounds, Text, const: true;
    /// `non_empty`: a length above zero.
    NonEmpty = "non_empty", Flag, Sized, const: true;
    /// `email`: a WHATWG valid email address.
    Email = "email", Flag, Text, const: false;
    /// `url`: an absolute URL with no validation error.
    Url = "url", Flag, Text, const: false;
    /// `ip`: an IPv4 or IPv6 address.
    Ip = "ip", Flag, Text, const: false;
    /// `ipv4`: an IPv4 address.
    Ipv4 = "ipv4", Flag, Text, const: false;
    /// `ipv6`: an IPv6 address.
    Ipv6 = "ipv6", Flag, Text, const: false;
    /// `ascii`: only ASCII characters.
    Ascii = "ascii", Flag, Text, const: false;
    /// `alphanumeric`: only letters and digits.
    Alphanumeric = "alphanumeric", Flag, Text, const: false;
    /// `finite`: not NaN, not infinite.
    Finite = "finite", Flag, Float, const: false;
    /// `nested`: the value's own `Validate` impl, its errors under the field's path.
    Nested = "nested", Flag, Composite, const: false;
    /// `pattern = "regex"`: the whole string matches.
    Pattern = "pattern", Text, Text, const: false;
    /// `prefix = "..."`.
    Prefix = "prefix", Text, Text, const: false;
    /// `suffix = "..."`.
    Suffix = "suffix", Text, Text, const: false;
    /// `contains = "..."`.
    Contains = "contains", Text, Text, const: false;
    /// `credit_card`: 12 to 19 digits (spaces or dashes between groups) passing Luhn.
    CreditCard = "credit_card", Flag, Text, const: false;
    /// `one_of = [..]`: equal to one of the listed literals.
    OneOf = "one_of", List, Set, const: false;
    /// `none_of = [..]`: equal to none of the listed literals.
    NoneOf = "none_of", List, Set, const: false;
    /// `multiple_of = N`: an integer divisible by `N` (never 0).
    MultipleOf = "multiple_of", Integer, Integer, const: false;
    /// `custom = path`: a `fn(&T) -> Result<(), ValidationError>`.
    Custom = "custom", Path, Any, const: false;
}

options! {
    /// The keys of `#[validate(...)]` that are not rules but shape the rules around them.
    pub enum RuleOption {
        /// `each(...)`: rules for every element of a collection.
        Each = "each",
        /// `required`: an `Option` must be `Some`.
        Required = "required",
        /// `message = "..."`: replaces the human message of the attribute's rules.
        Message = "message",
        /// `code = "..."`: replaces the machine code of the attribute's rules.
        Code = "code",
        /// `when = EXPR`: the attribute's rules apply only when `EXPR` holds.
        When = "when",
    }
}

/// A key of `#[validate(...)]` on a field: a rule or an option around the rules.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum RuleKey {
    /// A rule.
    Rule(RuleKind),
    /// An option.
    Option(RuleOption),
}

impl Keyword for RuleKey {
    fn all() -> impl Iterator<Item = Self> {
        RuleKind::all()
            .map(RuleKey::Rule)
            .chain(RuleOption::all().map(RuleKey::Option))
    }

    fn keyword(self) -> &'static str {
        match self {
            RuleKey::Rule(kind) => kind.keyword(),
            RuleKey::Option(option) => option.keyword(),
        }
    }

    fn from_keyword(keyword: &str) -> Option<Self> {
        RuleKind::from_keyword(keyword)
            .map(RuleKey::Rule)
            .or_else(|| RuleOption::from_keyword(keyword).map(RuleKey::Option))
    }
}

options! {
    /// The options of `#[invariant(condition, ...)]`.
    pub enum InvariantOption {
        Message = "message",
        Code = "code",
    }
}
