//! palisade: compile-time safety for Rust types. The README below is the guide; its
//! examples run as doc tests.
#![doc = include_str!("../README.md")]
#![no_std]

#[doc(inline)]
pub use palisade_macros::{audit_log, ffi_safe, validated, Builder, Validate};
#[doc(inline)]
pub use palisade_runtime::{
    valid, FieldPath, Invalid, ParamValue, Params, PathSegment, RangeValue, Valid, Validate,
    ValidateWith, ValidationError, ValidationErrors,
};

/// The typestate of `#[derive(Builder)]` builders: a field is [`Unset`](builder::Unset)
/// until its setter runs, then [`Set`](builder::Set).
pub mod builder {
    pub use palisade_runtime::builder::{Set, Unset};
    // What generated builders name, not for users: kept out of the docs.
    #[doc(hidden)]
    pub use palisade_runtime::builder::{
        BuildsWithoutChecks, IsSet, IsUnset, OrDefault, Validated,
    };
}

/// Audit logging: events, sinks, actors (also across `.await`:
/// [`with_actor_async`](audit::with_actor_async)), redaction ([`Secret`](audit::Secret),
/// [`AuditValue`](audit::AuditValue), [`sensitive_names`](audit::sensitive_names)), and
/// [`AuditOutcome`](audit::AuditOutcome) for generic returns. See [`audit_log`].
#[cfg(feature = "std")]
pub mod audit {
    #[cfg(feature = "otlp")]
    pub use palisade_runtime::audit::OtlpSink;
    #[cfg(feature = "tracing")]
    pub use palisade_runtime::audit::TracingSink;
    pub use palisade_runtime::audit::{
        actor, install, is_sensitive_name, scoped_sink, sensitive_names, set_error_hook,
        sink_failures, with_actor, with_actor_async, AlreadyInstalled, AuditEvent, AuditOutcome,
        AuditSink, AuditValue, BuildInfo, EventId, FanOut, JsonLinesFile, MemorySink, NoopSink,
        Outcome, Phase, ScopedSink, Secret, SinkError, StderrSink, ValueWriter, WithActor,
        MAX_DETAIL_LEN, MAX_VALUE_LEN, SENSITIVE_NAME_PARTS, SENSITIVE_NAME_WORDS,
    };
    // The background writer, flush and rotation policies.
    pub use palisade_runtime::audit::{
        flush, flush_within, Background, Flush, FlushGuard, Overflow, OwnedAuditEvent, Rotation,
        INLINE_TEXT, MAX_BATCH,
    };
    #[cfg(feature = "chain")]
    pub use palisade_runtime::audit::{
        line_hash, parse_hex_into, to_hex, Chain, Checkpoint, CheckpointEnd, KeyError, Link,
        NotAChainLine, SigningKey, VerifyingKey, DEFAULT_CHECKPOINT_EVERY,
        DEFAULT_CHECKPOINT_INTERVAL, GENESIS_PREV, KEY_ENV_VAR,
    };
    #[cfg(feature = "syslog")]
    pub use palisade_runtime::audit::{
        Facility, SyslogSink, DEFAULT_MAX_MESSAGE, EXAMPLE_ENTERPRISE_ID,
    };
    #[cfg(feature = "journald")]
    pub use palisade_runtime::audit::{JournaldSink, AUDIT_MESSAGE_ID, JOURNAL_SOCKET};
    #[cfg(any(feature = "syslog", feature = "journald", feature = "otlp"))]
    pub use palisade_runtime::audit::{Severity, SeverityMap};
}

/// FFI layout safety: [`FfiSafe`](ffi::FfiSafe) and [`FromC`](ffi::FromC),
/// [`Checked`](ffi::Checked) and the checked conversions for what C passes in, and C
/// headers with prototypes ([`CHeader`](ffi::CHeader)).
pub mod ffi {
    pub use palisade_runtime::ffi::{
        check_aligned, check_range, cstr_to_str, AlignmentError, CField, CFunction, CHeader,
        CPrototype, CStrError, CType, CTypeRef, Checked, CheckedRepr, ElementError, FfiSafe,
        FfiSlice, FfiStr, FromC, HeaderError, HeaderProblem, InvalidDiscriminant, InvalidValue,
        RangeError, ViewError,
    };
    // Named in the message that refuses a struct with checks coming from C directly.
    #[doc(hidden)]
    pub use palisade_runtime::ffi::{NoChecks, NoChecksIn, RunsChecks};
}

/// Validation building blocks: the path of the value being checked (for hand-written
/// [`Validate`] impls) and the traits that say which types a rule fits (implement
/// [`HasLength`](validate::HasLength) or [`Text`](validate::Text) for your own types to
/// use `length` or the string rules on them).
pub mod validate {
    pub use palisade_runtime::validate::rules;
    pub use palisade_runtime::validate::rules::{
        Float, HasLength, PatternSupport, Text, UrlSupport,
    };
    pub use palisade_runtime::validate::{is_valid_email, PathNode};
}

/// Everything a user names in code: `use palisade::prelude::*;`.
pub mod prelude {
    pub use crate::{
        audit_log, ffi_safe, valid, validated, Builder, Invalid, Valid, Validate, ValidationError,
        ValidationErrors,
    };
}

#[doc(hidden)]
pub mod __private {
    pub use palisade_runtime::__private::*;
}

/// The macros' reference pages (what rustdoc and an IDE's hover show for each macro),
/// run here as doc tests: the macro crate cannot use `palisade` in its own.
#[cfg(doctest)]
mod reference {
    #[doc = include_str!("../macros/docs/validate.md")]
    struct Validate;
    #[doc = include_str!("../macros/docs/validated.md")]
    struct Validated;
    #[doc = include_str!("../macros/docs/builder.md")]
    struct Builder;
    #[doc = include_str!("../macros/docs/ffi_safe.md")]
    struct FfiSafe;
    #[doc = include_str!("../macros/docs/audit_log.md")]
    struct AuditLog;
}
