//! The setters of `#[validated]` types: a field is replaced, the whole value checked,
//! and the old field put back unless the check passed — also when a rule panics, so
//! a value caught after the panic (`catch_unwind`, a `Drop` impl) is still valid.

use crate::validate::{Validate, ValidateWith, ValidationErrors};

/// Puts `previous` back into the field `slot` selects unless disarmed.
struct Restore<'a, T, F> {
    target: &'a mut T,
    slot: fn(&mut T) -> &mut F,
    previous: Option<F>,
}

impl<T, F> Drop for Restore<'_, T, F> {
    fn drop(&mut self) {
        if let Some(previous) = self.previous.take() {
            *(self.slot)(self.target) = previous;
        }
    }
}

/// Replaces the field of `target` that `slot` selects with `value` and checks
/// `target`; on failure (an error or a panic) the field holds its old value again.
///
/// # Errors
/// Every rule that fails with the new value; `target` is then unchanged.
pub fn replace_checked<T: Validate, F>(
    target: &mut T,
    slot: fn(&mut T) -> &mut F,
    value: F,
) -> Result<(), ValidationErrors> {
    replace_then(target, slot, value, |target| target.validate())
}

/// [`replace_checked`] for a type whose rules take a context.
///
/// # Errors
/// Every rule that fails with the new value; `target` is then unchanged.
pub fn replace_checked_with<T: ValidateWith<C>, C: ?Sized, F>(
    target: &mut T,
    context: &C,
    slot: fn(&mut T) -> &mut F,
    value: F,
) -> Result<(), ValidationErrors> {
    replace_then(target, slot, value, |target| target.validate_with(context))
}

fn replace_then<T, F>(
    target: &mut T,
    slot: fn(&mut T) -> &mut F,
    value: F,
    check: impl FnOnce(&T) -> Result<(), ValidationErrors>,
) -> Result<(), ValidationErrors> {
    let previous = core::mem::replace(slot(target), value);
    let mut restore = Restore {
        target,
        slot,
        previous: Some(previous),
    };
    let checked = check(restore.target);
    if checked.is_ok() {
        restore.previous = None;
    }
    checked
}
