//! [`OwnedAuditEvent`]: an event that owns what it reports, for sinks that keep
//! events past the call (the background queue, batching network sinks).

// The runtime is `no_std`; auditing needs the standard library.
use std::prelude::rust_2021::*;

use std::fmt::Write as _;
use std::ops::Range;
use std::time::{Duration, SystemTime};

use super::event::{AuditEvent, BuildInfo, EventId, Outcome, Phase};

/// An [`AuditEvent`] copied into one buffer it owns, so it can be sent to another
/// thread; [`as_event`](Self::as_event) lends it out again as an `AuditEvent`.
///
/// Copying costs no allocation when the string fields fit in [`INLINE_TEXT`] bytes
/// (they go into one buffer inside the value: the usual event), else one; plus one
/// for `error_detail`, whose `Display` is rendered into a `String` (failures only).
/// Not allocating matters to [`Background`](super::Background): memory allocated on
/// the calling thread and freed on the writer thread is slow for both.
/// The JSON line is *not* written here: [`Background`](super::Background) copies on
/// the audited call and leaves rendering to its writer thread.
///
/// ```
/// use palisade::audit::{self, AuditEvent, AuditSink, OwnedAuditEvent, SinkError};
/// use std::sync::{Arc, Mutex};
///
/// #[derive(Default)]
/// struct Keep(Mutex<Vec<OwnedAuditEvent>>);
///
/// impl AuditSink for Keep {
///     fn record(&self, event: &AuditEvent<'_>) -> Result<(), SinkError> {
///         self.0.lock().unwrap().push(OwnedAuditEvent::from(event));
///         Ok(())
///     }
/// }
///
/// #[palisade::audit_log]
/// fn ping(count: u32) {}
///
/// let keep = Arc::new(Keep::default());
/// {
///     let _scope = audit::scoped_sink(keep.clone());
///     ping(3);
/// }
/// let kept = keep.0.lock().unwrap();
/// assert_eq!(kept[0].as_event().operation, "ping");
/// assert_eq!(kept[0].as_event().args_json, r#"{"count":3}"#);
/// ```
#[derive(Debug, Clone)]
pub struct OwnedAuditEvent {
    /// When it was emitted.
    timestamp: SystemTime,
    /// The call's id.
    id: EventId,
    /// Start, finish or gap.
    phase: Phase,
    /// How the call ended.
    outcome: Outcome,
    /// How long the call took.
    duration: Duration,
    /// The build.
    build: BuildInfo,
    /// Every string field, one after the other.
    text: Text,
    /// Where each string field is in `text`.
    fields: Fields,
    /// `error_detail`'s text.
    error_detail: Option<String>,
}

/// Where each string field of an [`OwnedAuditEvent`] is in its buffer.
#[derive(Debug, Clone)]
struct Fields {
    /// `operation`.
    operation: Range<usize>,
    /// `module`.
    module: Range<usize>,
    /// `actor`.
    actor: Range<usize>,
    /// `change_ticket`, if there is one.
    change_ticket: Option<Range<usize>>,
    /// `environment`.
    environment: Range<usize>,
    /// `args_json`.
    args: Range<usize>,
    /// `resources_json`.
    resources: Range<usize>,
    /// `metadata_json`.
    metadata: Range<usize>,
}

/// How many bytes of string fields an [`OwnedAuditEvent`] holds without allocating.
pub const INLINE_TEXT: usize = 192;

/// The string fields of an [`OwnedAuditEvent`]: inside it when they fit.
#[derive(Clone)]
enum Text {
    /// `len` bytes of UTF-8 at the start of `bytes`.
    Inline { len: u8, bytes: [u8; INLINE_TEXT] },
    /// Too long to keep inline.
    Heap(String),
}

impl Text {
    /// Room for `len` bytes.
    fn with_capacity(len: usize) -> Self {
        if len <= INLINE_TEXT {
            Text::Inline {
                len: 0,
                bytes: [0; INLINE_TEXT],
            }
        } else {
            Text::Heap(String::with_capacity(len))
        }
    }

    /// Appends `field` (which fits: the capacity was the sum of the fields); where
    /// it is.
    fn push(&mut self, field: &str) -> Range<usize> {
        match self {
            Text::Inline { len, bytes } => {
                let start = usize::from(*len);
                let end = start + field.len();
                bytes[start..end].copy_from_slice(field.as_bytes());
                // `end <= INLINE_TEXT`, which is below 256.
                *len = u8::try_from(end).unwrap_or(u8::MAX);
                start..end
            }
            Text::Heap(text) => {
                let start = text.len();
                text.push_str(field);
                start..text.len()
            }
        }
    }

    /// The text; whole fields were copied in, so it is UTF-8 at every field boundary.
    fn as_str(&self) -> &str {
        match self {
            Text::Inline { len, bytes } => {
                std::str::from_utf8(&bytes[..usize::from(*len)]).unwrap_or_default()
            }
            Text::Heap(text) => text,
        }
    }
}

impl std::fmt::Debug for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl OwnedAuditEvent {
    /// The event, borrowing from this copy.
    #[must_use]
    pub fn as_event(&self) -> AuditEvent<'_> {
        let all = self.text.as_str();
        let text = |range: &Range<usize>| all.get(range.clone()).unwrap_or_default();
        AuditEvent {
            timestamp: self.timestamp,
            id: self.id,
            phase: self.phase,
            operation: text(&self.fields.operation),
            module: text(&self.fields.module),
            outcome: self.outcome,
            duration: self.duration,
            actor: text(&self.fields.actor),
            change_ticket: self.fields.change_ticket.as_ref().map(text),
            environment: text(&self.fields.environment),
            args_json: text(&self.fields.args),
            resources_json: text(&self.fields.resources),
            metadata_json: text(&self.fields.metadata),
            error_detail: self
                .error_detail
                .as_ref()
                .map(|detail| detail as &dyn std::fmt::Display),
            build: self.build,
        }
    }
}

impl From<&AuditEvent<'_>> for OwnedAuditEvent {
    fn from(event: &AuditEvent<'_>) -> Self {
        let len = event.operation.len()
            + event.module.len()
            + event.actor.len()
            + event.change_ticket.map_or(0, str::len)
            + event.environment.len()
            + event.args_json.len()
            + event.resources_json.len()
            + event.metadata_json.len();
        let mut text = Text::with_capacity(len);
        let mut push = |field: &str| text.push(field);
        let fields = Fields {
            operation: push(event.operation),
            module: push(event.module),
            actor: push(event.actor),
            change_ticket: event.change_ticket.map(&mut push),
            environment: push(event.environment),
            args: push(event.args_json),
            resources: push(event.resources_json),
            metadata: push(event.metadata_json),
        };
        let error_detail = event.error_detail.map(|detail| {
            let mut rendered = String::new();
            // A failing `Display` keeps what it wrote, as `write_json` does.
            let _ = write!(rendered, "{detail}");
            rendered
        });
        OwnedAuditEvent {
            timestamp: event.timestamp,
            id: event.id,
            phase: event.phase,
            outcome: event.outcome,
            duration: event.duration,
            build: event.build,
            text,
            fields,
            error_detail,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event<'a>(args_json: &'a str, detail: Option<&'a dyn std::fmt::Display>) -> AuditEvent<'a> {
        AuditEvent {
            timestamp: SystemTime::UNIX_EPOCH + Duration::from_micros(1_700_000_000_000_000),
            id: EventId(0x0123_4567_89ab_7def_8123_4567_89ab_cdef),
            phase: Phase::Gap { dropped: 3 },
            operation: "op",
            module: "mod::ule",
            outcome: Outcome::Failure,
            duration: Duration::from_micros(42),
            actor: "ann é",
            change_ticket: Some("CHG-1"),
            environment: "prod",
            args_json,
            resources_json: "[1,2]",
            metadata_json: "",
            error_detail: detail,
            build: BuildInfo {
                crate_name: "c",
                version: "1",
                rustc: "r",
                target: "t",
                profile: "release",
            },
        }
    }

    #[test]
    fn a_copy_writes_the_same_json_inline_or_on_the_heap() {
        let long = format!("{{\"x\":\"{}\"}}", "é".repeat(INLINE_TEXT));
        for args in ["{}", r#"{"a":1}"#, long.as_str()] {
            let detail = "it failed";
            let original = event(args, Some(&detail));
            let copy = OwnedAuditEvent::from(&original);
            assert_eq!(matches!(copy.text, Text::Inline { .. }), args.len() < 100);
            assert_eq!(copy.as_event().to_json(), original.to_json());
            assert_eq!(copy.clone().as_event().to_json(), original.to_json());
        }
    }
}
