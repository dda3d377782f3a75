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
/// Copying costs one allocation (every string field goes into one buffer) plus one
/// for `error_detail`, whose `Display` is rendered into a `String` (failures only).
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
    text: String,
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
}

impl OwnedAuditEvent {
    /// The event, borrowing from this copy.
    #[must_use]
    pub fn as_event(&self) -> AuditEvent<'_> {
        let text = |range: &Range<usize>| &self.text[range.clone()];
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
            + event.resources_json.len();
        let mut text = String::with_capacity(len);
        let mut push = |field: &str| {
            let start = text.len();
            text.push_str(field);
            start..text.len()
        };
        let fields = Fields {
            operation: push(event.operation),
            module: push(event.module),
            actor: push(event.actor),
            change_ticket: event.change_ticket.map(&mut push),
            environment: push(event.environment),
            args: push(event.args_json),
            resources: push(event.resources_json),
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
