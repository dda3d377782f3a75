//! `palisade-audit`: verifies palisade's tamper-evident audit logs, prints their
//! events and makes signing keys. The binary is a thin layer over this library:
//! [`verify::verify_files`] is what `palisade-audit verify` runs.
//!
//! Exit codes of the binary: 0 intact, 1 tampered, 2 unreadable input or usage error.

pub mod keygen;
pub mod show;
pub mod verify;

pub use verify::{
    verify, verify_files, Break, FileSummary, Location, Report, Source, Status, TamperKind,
    Unreadable, VerifyOptions,
};
