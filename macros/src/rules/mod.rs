//! The field rules and invariants shared by `#[derive(Validate)]` and `#[validated]`:
//! parsed from `#[validate(...)]` / `#[invariant(...)]`, checked against the field
//! type, and emitted as calls into the runtime's rule checks.

mod bounds;
pub mod check;
pub mod emit;
pub mod model;
pub mod parse;
pub mod table;
