//! Where in a value a rule failed: the owned [`FieldPath`] kept in errors, and the
//! borrowed [`PathNode`] chain that validation walks without allocating.

use alloc::borrow::Cow;
use alloc::vec::Vec;
use core::fmt;

/// One step of a [`FieldPath`]: a named field or a position in a collection.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PathSegment {
    /// A named field (`tls`) or the position of a tuple field (`0`).
    Field(Cow<'static, str>),
    /// The position of an element in a collection checked with `each(...)`.
    Index(usize),
}

/// The full path from the validated value to the part that failed, such as
/// `servers[2].tls.port`. Empty for struct-level invariants.
///
/// ```
/// use palisade::{FieldPath, PathSegment};
///
/// let path: FieldPath = [
///     PathSegment::Field("servers".into()),
///     PathSegment::Index(2),
///     PathSegment::Field("port".into()),
/// ]
/// .into_iter()
/// .collect();
/// assert_eq!(path.to_string(), "servers[2].port");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FieldPath {
    segments: Vec<PathSegment>,
}

impl FieldPath {
    /// The empty path: the validated value itself.
    #[must_use]
    pub const fn root() -> Self {
        Self {
            segments: Vec::new(),
        }
    }

    /// The steps of the path, outermost first.
    #[must_use]
    pub fn segments(&self) -> &[PathSegment] {
        &self.segments
    }

    /// Whether this is the path of the validated value itself.
    #[must_use]
    pub fn is_root(&self) -> bool {
        self.segments.is_empty()
    }

    /// Puts `outer` in front of this path, as when an error of a nested value is
    /// reported from the value that contains it.
    pub fn prepend(&mut self, outer: &FieldPath) {
        self.segments.splice(0..0, outer.segments.iter().cloned());
    }

    /// Appends one step at the end of the path.
    pub fn push(&mut self, segment: PathSegment) {
        self.segments.push(segment);
    }
}

impl FromIterator<PathSegment> for FieldPath {
    fn from_iter<I: IntoIterator<Item = PathSegment>>(iter: I) -> Self {
        Self {
            segments: iter.into_iter().collect(),
        }
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (position, segment) in self.segments.iter().enumerate() {
            match segment {
                PathSegment::Field(name) if position == 0 => f.write_str(name)?,
                PathSegment::Field(name) => write!(f, ".{name}")?,
                PathSegment::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for FieldPath {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// The path to the value being checked, as a chain of borrowed nodes on the stack.
///
/// Validation code extends it with [`field`](Self::field) and [`index`](Self::index)
/// at no cost; only a failure turns it into an owned [`FieldPath`]. Hand-written
/// [`Validate`](crate::Validate) impls pass it on to nested values.
#[derive(Debug, Clone, Copy)]
pub enum PathNode<'a> {
    /// The validated value itself.
    Root,
    /// A named or positional field of the parent.
    Field {
        /// The value that holds the field.
        parent: &'a PathNode<'a>,
        /// The field's name.
        name: &'static str,
    },
    /// An element of a collection held by the parent.
    Index {
        /// The collection.
        parent: &'a PathNode<'a>,
        /// The element's position.
        index: usize,
    },
}

impl<'a> PathNode<'a> {
    /// The path of a field of the value at `self`.
    #[inline]
    #[must_use]
    pub const fn field(&'a self, name: &'static str) -> Self {
        PathNode::Field { parent: self, name }
    }

    /// The path of an element of the collection at `self`.
    #[inline]
    #[must_use]
    pub const fn index(&'a self, index: usize) -> Self {
        PathNode::Index {
            parent: self,
            index,
        }
    }

    /// The owned path, outermost step first.
    #[must_use]
    pub fn to_path(&self) -> FieldPath {
        let mut depth = 0;
        let mut node = self;
        while let PathNode::Field { parent, .. } | PathNode::Index { parent, .. } = node {
            depth += 1;
            node = parent;
        }
        let mut segments = Vec::with_capacity(depth);
        let mut node = self;
        loop {
            match node {
                PathNode::Root => break,
                PathNode::Field { parent, name } => {
                    segments.push(PathSegment::Field(Cow::Borrowed(*name)));
                    node = parent;
                }
                PathNode::Index { parent, index } => {
                    segments.push(PathSegment::Index(*index));
                    node = parent;
                }
            }
        }
        segments.reverse();
        FieldPath { segments }
    }
}
