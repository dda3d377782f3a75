// A struct with a hand-written `Validate` impl has checks `#[ffi_safe]` cannot see in
// its attributes: rather than let C build it unchecked, a probe on the `Validate`
// impl refuses it, naming the way that works.
use palisade::validate::PathNode;
use palisade::{ffi_safe, Validate, ValidationError, ValidationErrors};

#[ffi_safe]
#[repr(C)]
#[derive(Clone, Copy)]
pub struct Reading {
    temp_dc: i16,
}

impl Validate for Reading {
    fn validate_into(&self, at: &PathNode<'_>, errors: &mut ValidationErrors) {
        if self.temp_dc > 1250 {
            errors.push_at(at, ValidationError::new("range", "too hot"));
        }
    }
}

fn main() {}
