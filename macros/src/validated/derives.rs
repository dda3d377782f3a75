//! Which derives and attributes may sit on a `#[validated]` type. A derive expands
//! next to the type, inside the module that can build it, so one that builds or
//! changes values would skip the checks. Derives known to only read are allowed; the
//! ones known to build or change values are refused with what to use instead; any other
//! is refused until the user says it only reads (`#[validated(allow_derive(Name))]`).

/// What a derive does to values of the type it is on.
#[derive(Clone, Copy)]
pub enum Verdict {
    /// It only reads values (`Debug`, `Serialize`): fine.
    Reads,
    /// It builds a value from nothing or from arbitrary input (`Default`, `Arbitrary`).
    BuildsFromNothing,
    /// It builds a value from input data (`Deserialize` and its kin).
    Deserializes,
    /// It builds a value from raw bytes (`FromBytes`, `Zeroable`).
    FromBytes,
    /// It builds a value from another value or from arithmetic (`From`, `Add`).
    Converts,
    /// It hands out mutable access or changes values in place (`DerefMut`, `Zeroize`).
    Mutates,
}

/// Derives by the last segment of their path, as users write them (`Deserialize`,
/// `serde::Deserialize`). `Builder` is palisade's own, whose `build()` goes through
/// `try_new`.
const DERIVES: &[(&str, Verdict)] = &[
    ("Debug", Verdict::Reads),
    ("Clone", Verdict::Reads),
    ("Copy", Verdict::Reads),
    ("PartialEq", Verdict::Reads),
    ("Eq", Verdict::Reads),
    ("PartialOrd", Verdict::Reads),
    ("Ord", Verdict::Reads),
    ("Hash", Verdict::Reads),
    ("Builder", Verdict::Reads),
    ("Serialize", Verdict::Reads),
    ("JsonSchema", Verdict::Reads),
    ("ToSchema", Verdict::Reads),
    ("IntoBytes", Verdict::Reads),
    ("AsBytes", Verdict::Reads),
    ("KnownLayout", Verdict::Reads),
    ("Immutable", Verdict::Reads),
    ("Unaligned", Verdict::Reads),
    ("NoUninit", Verdict::Reads),
    ("Display", Verdict::Reads),
    ("Error", Verdict::Reads),
    ("BorshSerialize", Verdict::Reads),
    ("Encode", Verdict::Reads),
    ("Default", Verdict::BuildsFromNothing),
    ("SmartDefault", Verdict::BuildsFromNothing),
    ("Arbitrary", Verdict::BuildsFromNothing),
    ("Dummy", Verdict::BuildsFromNothing),
    ("Deserialize", Verdict::Deserializes),
    ("BorshDeserialize", Verdict::Deserializes),
    ("Decode", Verdict::Deserializes),
    ("BorrowDecode", Verdict::Deserializes),
    ("Readable", Verdict::Deserializes),
    ("Message", Verdict::Deserializes),
    ("FromRow", Verdict::Deserializes),
    ("Queryable", Verdict::Deserializes),
    ("QueryableByName", Verdict::Deserializes),
    ("Parser", Verdict::Deserializes),
    ("Args", Verdict::Deserializes),
    ("FromPyObject", Verdict::Deserializes),
    ("FromBytes", Verdict::FromBytes),
    ("FromZeros", Verdict::FromBytes),
    ("FromZeroes", Verdict::FromBytes),
    ("TryFromBytes", Verdict::FromBytes),
    ("Zeroable", Verdict::FromBytes),
    ("Pod", Verdict::FromBytes),
    ("AnyBitPattern", Verdict::FromBytes),
    ("CheckedBitPattern", Verdict::FromBytes),
    ("TransparentWrapper", Verdict::FromBytes),
    ("From", Verdict::Converts),
    ("FromStr", Verdict::Converts),
    ("Constructor", Verdict::Converts),
    ("TryFrom", Verdict::Converts),
    ("Add", Verdict::Converts),
    ("Sub", Verdict::Converts),
    ("Mul", Verdict::Converts),
    ("Div", Verdict::Converts),
    ("Rem", Verdict::Converts),
    ("Neg", Verdict::Converts),
    ("Not", Verdict::Converts),
    ("Sum", Verdict::Converts),
    ("Product", Verdict::Converts),
    ("DerefMut", Verdict::Mutates),
    ("AsMut", Verdict::Mutates),
    ("BorrowMut", Verdict::Mutates),
    ("IndexMut", Verdict::Mutates),
    ("AddAssign", Verdict::Mutates),
    ("SubAssign", Verdict::Mutates),
    ("MulAssign", Verdict::Mutates),
    ("DivAssign", Verdict::Mutates),
    ("RemAssign", Verdict::Mutates),
    ("MutGetters", Verdict::Mutates),
    ("Setters", Verdict::Mutates),
    ("Zeroize", Verdict::Mutates),
];

/// What `name` does, when palisade knows it.
pub fn verdict(name: &str) -> Option<Verdict> {
    DERIVES
        .iter()
        .find(|(known, _)| *known == name)
        .map(|(_, verdict)| *verdict)
}

/// Why `#[derive(name)]` is refused on `ty`, and what to write instead.
pub fn refusal(name: &str, ty: &str, verdict: Option<Verdict>) -> String {
    match verdict {
        Some(Verdict::Reads) => String::new(),
        Some(Verdict::BuildsFromNothing) => format!(
            "`#[derive({name})]` would build a `{ty}` without its checks: remove it and \
             write `impl {name} for {ty}` by hand, building the value through `valid!` or \
             `{ty}::try_new`"
        ),
        Some(Verdict::Deserializes) if name == "Deserialize" => format!(
            "`#[derive(Deserialize)]` would build a `{ty}` from input without its checks: \
             remove it and write `#[validated(serde)]`, whose `Deserialize` goes through \
             `{ty}::try_new`"
        ),
        Some(Verdict::Deserializes) => format!(
            "`#[derive({name})]` would build a `{ty}` from input without its checks: remove \
             it, decode the field values and build the `{ty}` with `{ty}::try_new`"
        ),
        Some(Verdict::FromBytes) => format!(
            "`#[derive({name})]` would make a `{ty}` out of raw bytes without its checks: \
             remove it, read the field values from the bytes and build the `{ty}` with \
             `{ty}::try_new`"
        ),
        Some(Verdict::Converts) => format!(
            "`#[derive({name})]` would build a `{ty}` from other values without its checks: \
             remove it and write the impl by hand through `{ty}::try_new` (`TryFrom` fits \
             a conversion that can fail)"
        ),
        Some(Verdict::Mutates) => format!(
            "`#[derive({name})]` would change a `{ty}` in place without its checks: remove \
             it and change values through the generated `set_...` methods"
        ),
        None => format!(
            "palisade does not know what `#[derive({name})]` does, and a derive that builds \
             or changes a `{ty}` would skip its checks: if it only reads values (as `Debug` \
             or `Serialize` do), allow it with `#[validated(allow_derive({name}))]`; \
             otherwise remove it"
        ),
    }
}

/// Attributes that build and change nothing, known by their path's first segment:
/// Rust's own, palisade's, and the helper attributes of the derives allowed above.
/// An attribute macro below `#[validated]` runs inside the module that can build the
/// type, so any other is refused until the user says it only reads.
const INERT_ATTRIBUTES: &[&str] = &[
    "doc",
    "repr",
    "allow",
    "warn",
    "deny",
    "forbid",
    "expect",
    "must_use",
    "non_exhaustive",
    "deprecated",
    "diagnostic",
    "rustfmt",
    "clippy",
    "cfg",
    "validate",
    "invariant",
    "builder",
    "ffi_safe",
    "ffi",
    "serde",
    "schemars",
    "schema",
    "error",
    "display",
];

/// Whether `path` is an attribute known to build and change nothing.
pub fn inert(path: &syn::Path) -> bool {
    path.segments
        .first()
        .is_some_and(|first| INERT_ATTRIBUTES.iter().any(|known| first.ident == known))
}
