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
#[derive(Clone, Default)]
pub struct FieldPath {
    segments: Segments,
}

/// Most failed values sit one field below the validated value: that path is held
/// inline, and only a longer one allocates.
#[derive(Clone)]
enum Segments {
    One(PathSegment),
    Many(Vec<PathSegment>),
}

impl Default for Segments {
    fn default() -> Self {
        Segments::Many(Vec::new())
    }
}

impl FieldPath {
    /// The empty path: the validated value itself.
    #[must_use]
    pub const fn root() -> Self {
        Self {
            segments: Segments::Many(Vec::new()),
        }
    }

    /// The steps of the path, outermost first.
    #[must_use]
    pub fn segments(&self) -> &[PathSegment] {
        match &self.segments {
            Segments::One(segment) => core::slice::from_ref(segment),
            Segments::Many(segments) => segments,
        }
    }

    /// Whether this is the path of the validated value itself.
    #[must_use]
    pub fn is_root(&self) -> bool {
        self.segments().is_empty()
    }

    /// Puts `outer` in front of this path, as when an error of a nested value is
    /// reported from the value that contains it.
    pub fn prepend(&mut self, outer: &FieldPath) {
        if outer.is_root() {
            return;
        }
        if self.is_root() {
            self.segments = outer.segments.clone();
            return;
        }
        let mut segments = Vec::with_capacity(outer.segments().len() + self.segments().len());
        segments.extend_from_slice(outer.segments());
        segments.extend(self.take_segments());
        self.segments = Segments::Many(segments);
    }

    /// Appends one step at the end of the path.
    pub fn push(&mut self, segment: PathSegment) {
        if self.is_root() {
            self.segments = Segments::One(segment);
            return;
        }
        let mut segments = self.take_segments();
        segments.push(segment);
        self.segments = Segments::Many(segments);
    }

    fn take_segments(&mut self) -> Vec<PathSegment> {
        match core::mem::take(&mut self.segments) {
            Segments::One(segment) => alloc::vec![segment],
            Segments::Many(segments) => segments,
        }
    }

    fn from_vec(mut segments: Vec<PathSegment>) -> Self {
        let segments = if segments.len() == 1 {
            match segments.pop() {
                Some(segment) => Segments::One(segment),
                None => Segments::Many(segments),
            }
        } else {
            Segments::Many(segments)
        };
        Self { segments }
    }
}

// Equality, order and hashing are the segments', whichever way they are held.
impl PartialEq for FieldPath {
    fn eq(&self, other: &Self) -> bool {
        self.segments() == other.segments()
    }
}

impl Eq for FieldPath {}

impl PartialOrd for FieldPath {
    fn partial_cmp(&self, other: &Self) -> Option<core::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for FieldPath {
    fn cmp(&self, other: &Self) -> core::cmp::Ordering {
        self.segments().cmp(other.segments())
    }
}

impl core::hash::Hash for FieldPath {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.segments().hash(state);
    }
}

impl fmt::Debug for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FieldPath")
            .field("segments", &self.segments())
            .finish()
    }
}

impl FromIterator<PathSegment> for FieldPath {
    fn from_iter<I: IntoIterator<Item = PathSegment>>(iter: I) -> Self {
        Self::from_vec(iter.into_iter().collect())
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (position, segment) in self.segments().iter().enumerate() {
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
        let segment = |node: &PathNode<'_>| match node {
            PathNode::Root => None,
            PathNode::Field { name, .. } => Some(PathSegment::Field(Cow::Borrowed(*name))),
            PathNode::Index { index, .. } => Some(PathSegment::Index(*index)),
        };
        let parent = |node: &PathNode<'a>| match *node {
            PathNode::Root => None,
            PathNode::Field { parent, .. } | PathNode::Index { parent, .. } => Some(parent),
        };
        match parent(self) {
            None => return FieldPath::root(),
            Some(PathNode::Root) => {
                return FieldPath {
                    segments: segment(self).map_or_else(Segments::default, Segments::One),
                }
            }
            Some(_) => {}
        }
        let mut depth = 0;
        let mut node = self;
        while let Some(up) = parent(node) {
            depth += 1;
            node = up;
        }
        let mut segments = Vec::with_capacity(depth);
        let mut node = self;
        while let (Some(step), Some(up)) = (segment(node), parent(node)) {
            segments.push(step);
            node = up;
        }
        segments.reverse();
        FieldPath {
            segments: Segments::Many(segments),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;

    fn field(name: &'static str) -> PathSegment {
        PathSegment::Field(Cow::Borrowed(name))
    }

    #[test]
    fn a_path_is_its_segments_whichever_way_it_is_held() {
        let root = PathNode::Root;
        let servers = root.field("servers");
        let second = servers.index(2);
        let port = second.field("port");
        assert!(root.to_path().is_root());
        assert_eq!(servers.to_path().segments(), [field("servers")]);
        assert_eq!(port.to_path().to_string(), "servers[2].port");

        let mut built = FieldPath::root();
        built.push(field("port"));
        let mut outer = FieldPath::root();
        outer.push(field("servers"));
        outer.push(PathSegment::Index(2));
        built.prepend(&outer);
        assert_eq!(built, port.to_path());
        assert_eq!(built.cmp(&port.to_path()), core::cmp::Ordering::Equal);

        let collected: FieldPath = [field("servers")].into_iter().collect();
        assert_eq!(collected, servers.to_path());
        let mut grown = servers.to_path();
        grown.push(PathSegment::Index(2));
        grown.push(field("port"));
        assert_eq!(grown, port.to_path());
        let mut nothing_in_front = grown.clone();
        nothing_in_front.prepend(&FieldPath::root());
        assert_eq!(nothing_in_front, grown);
        assert_eq!(
            alloc::format!("{:?}", servers.to_path()),
            r#"FieldPath { segments: [Field("servers")] }"#
        );
    }
}
