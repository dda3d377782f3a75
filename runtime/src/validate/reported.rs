//! A `#[validated(serde)]` value inside a larger document: when its check fails, the
//! document goes on deserializing and the errors join the enclosing type's, under the
//! path from the document's root (`refunds[1].amount_cents`), instead of ending it.
//!
//! A failed check happens after the value was read whole, so the deserializer is at
//! the value's end and can go on. The errors travel from the value's `Deserialize` to
//! the [`Reported`] that asked for it through a thread-local slot, tagged with the
//! nesting depth, so that only the value's own failure is taken, never one from deeper
//! inside that already ended its document. Without `std` there is no slot, and a
//! nested failure ends the document as a plain serde error.
//!
//! No invalid value escapes: a failed check yields errors, never the value.

use crate::validate::ValidationErrors;

#[cfg(feature = "std")]
std::thread_local! {
    static DEPTH: core::cell::Cell<usize> = const { core::cell::Cell::new(0) };
    static FAILED: core::cell::RefCell<Option<(usize, ValidationErrors)>> =
        const { core::cell::RefCell::new(None) };
}

/// One `#[validated(serde)]` deserialization in progress, one level deeper than the
/// one it is inside.
#[must_use]
pub struct Level {
    #[cfg(feature = "std")]
    depth: usize,
}

impl Level {
    /// Enters a level; leaving it (dropping) returns to the enclosing one.
    pub fn enter() -> Self {
        #[cfg(feature = "std")]
        {
            let depth = DEPTH.with(|depth| {
                let entered = depth.get() + 1;
                depth.set(entered);
                entered
            });
            Self { depth }
        }
        #[cfg(not(feature = "std"))]
        Self {}
    }

    /// Records that this level's value failed its check with `errors`, for the
    /// [`Reported`] around it, if any.
    pub fn fail(&self, errors: ValidationErrors) {
        #[cfg(feature = "std")]
        FAILED.with(|failed| *failed.borrow_mut() = Some((self.depth, errors)));
        #[cfg(not(feature = "std"))]
        drop(errors);
    }
}

impl Drop for Level {
    fn drop(&mut self) {
        #[cfg(feature = "std")]
        DEPTH.with(|depth| depth.set(self.depth - 1));
    }
}

/// A value read from a document and checked, or the errors of its check.
#[derive(Debug)]
pub struct Reported<T>(pub Result<T, ValidationErrors>);

impl<'de, T: serde::Deserialize<'de>> serde::Deserialize<'de> for Reported<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[cfg(feature = "std")]
        let here = {
            FAILED.with(|failed| failed.borrow_mut().take());
            DEPTH.with(core::cell::Cell::get)
        };
        match T::deserialize(deserializer) {
            Ok(value) => Ok(Self(Ok(value))),
            Err(error) => {
                #[cfg(feature = "std")]
                if let Some((depth, errors)) = FAILED.with(|failed| failed.borrow_mut().take()) {
                    if depth == here + 1 {
                        return Ok(Self(Err(errors)));
                    }
                }
                Err(error)
            }
        }
    }
}

/// The text of the serde error a `#[validated(serde)]` value gives when its check
/// fails: one error per line, `path: message`, where an error of the value as a
/// whole (a newtype's rule, an invariant) is named by the type, so that even a
/// newtype deep in a document says what failed: `Port: must be between 1 and 65535`.
pub struct Failed<'a> {
    /// The `#[validated]` type's name.
    pub type_name: &'static str,
    /// What its check found.
    pub errors: &'a ValidationErrors,
}

impl core::fmt::Display for Failed<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        for (position, error) in self.errors.iter().enumerate() {
            if position > 0 {
                f.write_str("\n")?;
            }
            if error.path.is_root() {
                write!(f, "{}: {}", self.type_name, error.message)?;
            } else {
                core::fmt::Display::fmt(error, f)?;
            }
        }
        Ok(())
    }
}
