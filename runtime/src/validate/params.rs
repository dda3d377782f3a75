//! [`Params`]: a rule's parameters by name, kept in a small sorted vector.
//!
//! A failed rule carries two or three parameters (`min`, `max`, `value`). A
//! `BTreeMap` allocated a node of several hundred bytes for them and spent most of
//! the failing path's time inserting and dropping; a vector sorted by name does the
//! same job with one small allocation and keeps the map's behaviour: one value per
//! name, iteration in name order, serialized as a map.

use alloc::borrow::Cow;
use alloc::vec::Vec;
use core::fmt;

use super::error::ParamValue;

/// The parameters of one failed rule by name (`min`, `max`, `value`, `pattern`, …):
/// one value per name, in name order.
///
/// ```
/// use palisade::{ParamValue, ValidationError};
///
/// let error = ValidationError::new("range", "must be at most 10")
///     .with_param("value", 12usize)
///     .with_param("max", 10usize);
/// let names: Vec<&str> = error.params.iter().map(|(name, _)| name).collect();
/// assert_eq!(names, ["max", "value"]);
/// assert_eq!(error.params.get("max"), Some(&ParamValue::UInt(10)));
/// ```
#[derive(Clone, Default, PartialEq)]
pub struct Params {
    entries: Vec<(Cow<'static, str>, ParamValue)>,
}

impl Params {
    /// No parameters. Does not allocate.
    #[must_use]
    pub const fn new() -> Self {
        Self {
            entries: Vec::new(),
        }
    }

    /// Room for `capacity` parameters, allocated once.
    #[must_use]
    pub fn with_capacity(capacity: usize) -> Self {
        Self {
            entries: Vec::with_capacity(capacity),
        }
    }

    /// Sets the parameter called `name`, returning the value it replaces.
    pub fn insert(
        &mut self,
        name: impl Into<Cow<'static, str>>,
        value: impl Into<ParamValue>,
    ) -> Option<ParamValue> {
        let name = name.into();
        let value = value.into();
        match self.position(&name) {
            Ok(found) => Some(core::mem::replace(&mut self.entries[found].1, value)),
            Err(at) => {
                self.entries.insert(at, (name, value));
                None
            }
        }
    }

    /// Appends a parameter whose name sorts after every name present (the failing
    /// path knows its order; this skips the search).
    pub(crate) fn push_last(&mut self, name: &'static str, value: ParamValue) {
        debug_assert!(self.entries.last().is_none_or(|(last, _)| **last < *name));
        self.entries.push((Cow::Borrowed(name), value));
    }

    /// The parameter called `name`.
    #[must_use]
    pub fn get(&self, name: &str) -> Option<&ParamValue> {
        self.position(name).ok().map(|found| &self.entries[found].1)
    }

    /// Removes the parameter called `name` and returns it.
    pub fn remove(&mut self, name: &str) -> Option<ParamValue> {
        let found = self.position(name).ok()?;
        Some(self.entries.remove(found).1)
    }

    /// Whether there is a parameter called `name`.
    #[must_use]
    pub fn contains_key(&self, name: &str) -> bool {
        self.position(name).is_ok()
    }

    /// How many parameters there are.
    #[must_use]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are none.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Each parameter's name and value, in name order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&str, &ParamValue)> + '_ {
        self.entries.iter().map(|(name, value)| (&**name, value))
    }

    /// The parameters' names, in order.
    pub fn keys(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        self.entries.iter().map(|(name, _)| &**name)
    }

    fn position(&self, name: &str) -> Result<usize, usize> {
        // Two or three entries: a linear scan beats a binary search's branches.
        for (index, (present, _)) in self.entries.iter().enumerate() {
            match (**present).cmp(name) {
                core::cmp::Ordering::Less => {}
                core::cmp::Ordering::Equal => return Ok(index),
                core::cmp::Ordering::Greater => return Err(index),
            }
        }
        Err(self.entries.len())
    }
}

impl fmt::Debug for Params {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

// Over the pairs `IntoIterator` gives back, as `BTreeMap`'s is, so that `.into()`s
// inside the pairs stay inferable.
impl FromIterator<(Cow<'static, str>, ParamValue)> for Params {
    fn from_iter<I: IntoIterator<Item = (Cow<'static, str>, ParamValue)>>(iter: I) -> Self {
        let mut params = Params::new();
        for (name, value) in iter {
            params.insert(name, value);
        }
        params
    }
}

impl Extend<(Cow<'static, str>, ParamValue)> for Params {
    fn extend<I: IntoIterator<Item = (Cow<'static, str>, ParamValue)>>(&mut self, iter: I) {
        for (name, value) in iter {
            self.insert(name, value);
        }
    }
}

impl IntoIterator for Params {
    type Item = (Cow<'static, str>, ParamValue);
    type IntoIter = alloc::vec::IntoIter<(Cow<'static, str>, ParamValue)>;
    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

impl core::ops::Index<&str> for Params {
    type Output = ParamValue;

    /// The parameter called `name`.
    ///
    /// # Panics
    /// When there is none; use [`get`](Params::get) when it may be missing.
    fn index(&self, name: &str) -> &ParamValue {
        match self.get(name) {
            Some(value) => value,
            None => panic!("no parameter called {name:?}"),
        }
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Params {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_one_value_per_name_in_name_order() {
        let mut params = Params::new();
        assert_eq!(params.insert("value", 3usize), None);
        assert_eq!(params.insert("max", 10usize), None);
        assert_eq!(params.insert("min", 1usize), None);
        assert_eq!(
            params.insert("max", 11usize),
            Some(ParamValue::UInt(10)),
            "a second insert replaces"
        );
        assert_eq!(params.keys().collect::<Vec<_>>(), ["max", "min", "value"]);
        assert_eq!(params.get("max"), Some(&ParamValue::UInt(11)));
        assert_eq!(params["min"], ParamValue::UInt(1));
        assert_eq!(params.get("pattern"), None);
        assert_eq!(params.remove("min"), Some(ParamValue::UInt(1)));
        assert!(!params.contains_key("min"));
        assert_eq!(params.len(), 2);
        assert_eq!(
            alloc::format!("{params:?}"),
            r#"{"max": UInt(11), "value": UInt(3)}"#
        );
    }

    #[test]
    fn equal_whatever_the_insertion_order() {
        let pair = |name: &'static str, value: usize| (Cow::Borrowed(name), value.into());
        let forward: Params = [pair("a", 1), pair("b", 2)].into_iter().collect();
        let backward: Params = [pair("b", 2), pair("a", 1)].into_iter().collect();
        assert_eq!(forward, backward);
    }
}
