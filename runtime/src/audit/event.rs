//! [`AuditEvent`] and its JSON line.

// The runtime is `no_std`; auditing needs the standard library.
use std::prelude::rust_2021::*;

use std::fmt;
use std::fmt::Write as _;
use std::io::Write as _;
use std::time::{Duration, SystemTime};

use super::json;

/// A unique event id: a UUIDv7 (RFC 9562), written in its hyphenated form. Its 48
/// leading bits are the Unix time in milliseconds (ids sort by time to the
/// millisecond), the other 74 are random from a per-thread generator seeded from the
/// operating system's random source (and seeded again in a `fork()` child), so ids
/// stay unique across threads, processes, hosts and forks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct EventId(pub u128);

impl EventId {
    /// A new id.
    #[must_use]
    pub fn new() -> Self {
        EventId(super::id::new_v7(std::time::Instant::now()))
    }

    /// A new id for a call started at `now`.
    pub(crate) fn at(now: std::time::Instant) -> Self {
        EventId(super::id::new_v7(now))
    }
}

impl Default for EventId {
    fn default() -> Self {
        Self::new()
    }
}

impl fmt::Display for EventId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&uuid::Uuid::from_u128(self.0).hyphenated(), f)
    }
}

/// Which event of a call: `start` (with `#[audit_log(start)]`) or `finish`; or a
/// `gap` record, which stands for events that were dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Before the body runs.
    Start,
    /// After it returned or panicked.
    Finish,
    /// Not a call: `dropped` events were dropped here, because a
    /// [`Background`](super::Background) queue with
    /// [`Overflow::DropNewest`](super::Overflow::DropNewest) was full. Its JSON
    /// has `"phase":"gap","dropped":N`, operation `audit.gap`, outcome `failure`.
    Gap {
        /// How many events were dropped.
        dropped: u64,
    },
}

impl Phase {
    /// `"start"`, `"finish"` or `"gap"`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Phase::Start => "start",
            Phase::Finish => "finish",
            Phase::Gap { .. } => "gap",
        }
    }
}

/// How the call ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Not yet (start events).
    Pending,
    /// Returned, and not an `Err`.
    Success,
    /// Returned an `Err` (its `Display` is the `error_detail`), or was dropped
    /// before finishing (a cancelled future).
    Failure,
    /// Panicked; the panic went on unwinding.
    Panic,
}

impl Outcome {
    /// `"pending"`, `"success"`, `"failure"` or `"panic"`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Outcome::Pending => "pending",
            Outcome::Success => "success",
            Outcome::Failure => "failure",
            Outcome::Panic => "panic",
        }
    }
}

/// The build an event came from.
#[derive(Debug, Clone, Copy)]
pub struct BuildInfo {
    /// The audited crate's name.
    pub crate_name: &'static str,
    /// Its version.
    pub version: &'static str,
    /// The compiler (`rustc --version`).
    pub rustc: &'static str,
    /// The target triple.
    pub target: &'static str,
    /// `debug` or `release` (from `debug_assertions`).
    pub profile: &'static str,
}

/// One audit event, borrowing what it reports. Sinks usually call
/// [`write_json`](Self::write_json).
#[derive(Clone, Copy)]
pub struct AuditEvent<'a> {
    /// When it was emitted.
    pub timestamp: SystemTime,
    /// The call's id, shared by its start and finish events.
    pub id: EventId,
    /// Start or finish.
    pub phase: Phase,
    /// `operation = "..."`, or the function's name.
    pub operation: &'a str,
    /// The function's module path.
    pub module: &'a str,
    /// How the call ended.
    pub outcome: Outcome,
    /// How long the call took (zero for start events).
    pub duration: Duration,
    /// Who: `with_actor`, else `$USER`.
    pub actor: &'a str,
    /// `CHANGE_TICKET`, if set.
    pub change_ticket: Option<&'a str>,
    /// `ENVIRONMENT`, default `development`.
    pub environment: &'a str,
    /// The arguments as a JSON object, redactions applied.
    pub args_json: &'a str,
    /// The affected resources as a JSON array.
    pub resources_json: &'a str,
    /// `#[audit_log(fields(name = EXPR, ..))]` as a JSON object, redacted like the
    /// arguments; empty (and the `metadata` key left out) when there are none.
    pub metadata_json: &'a str,
    /// The error's text, for failures.
    pub error_detail: Option<&'a dyn fmt::Display>,
    /// The build.
    pub build: BuildInfo,
}

impl fmt::Debug for AuditEvent<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut line = Vec::new();
        self.write_json(&mut line);
        f.write_str(&String::from_utf8_lossy(&line))
    }
}

impl AuditEvent<'_> {
    /// Appends the event as one line of JSON, without the newline.
    pub fn write_json(&self, out: &mut Vec<u8>) {
        let string = json::push_string::<Vec<u8>>;
        out.extend_from_slice(b"{\"timestamp\":\"");
        let _ = write!(out, "{}", humantime::format_rfc3339_micros(self.timestamp));
        let _ = write!(
            out,
            "\",\"id\":\"{}\",\"phase\":\"{}\",",
            self.id,
            self.phase.as_str()
        );
        if let Phase::Gap { dropped } = self.phase {
            out.extend_from_slice(b"\"dropped\":");
            out.extend_from_slice(itoa::Buffer::new().format(dropped).as_bytes());
            out.push(b',');
        }
        out.extend_from_slice(b"\"operation\":");
        string(out, self.operation);
        out.extend_from_slice(b",\"module\":");
        string(out, self.module);
        let _ = write!(
            out,
            ",\"outcome\":\"{}\",\"duration_us\":{},\"actor\":",
            self.outcome.as_str(),
            self.duration.as_micros()
        );
        string(out, self.actor);
        out.extend_from_slice(b",\"change_ticket\":");
        match self.change_ticket {
            Some(ticket) => string(out, ticket),
            None => out.extend_from_slice(b"null"),
        }
        out.extend_from_slice(b",\"environment\":");
        string(out, self.environment);
        out.extend_from_slice(b",\"args\":");
        out.extend_from_slice(self.args_json.as_bytes());
        out.extend_from_slice(b",\"resources_affected\":");
        out.extend_from_slice(self.resources_json.as_bytes());
        if !self.metadata_json.is_empty() {
            out.extend_from_slice(b",\"metadata\":");
            out.extend_from_slice(self.metadata_json.as_bytes());
        }
        out.extend_from_slice(b",\"error_detail\":");
        match self.error_detail {
            Some(detail) => {
                out.push(b'"');
                // Unlimited: only a failing `Display` stops it, and what it wrote
                // before failing is kept.
                let _ = write!(
                    json::Escaping {
                        out: &mut *out,
                        left: usize::MAX
                    },
                    "{detail}"
                );
                out.push(b'"');
            }
            None => out.extend_from_slice(b"null"),
        }
        out.extend_from_slice(b",\"build\":{\"crate\":");
        string(out, self.build.crate_name);
        out.extend_from_slice(b",\"version\":");
        string(out, self.build.version);
        out.extend_from_slice(b",\"rustc\":");
        string(out, self.build.rustc);
        out.extend_from_slice(b",\"target\":");
        string(out, self.build.target);
        out.extend_from_slice(b",\"profile\":");
        string(out, self.build.profile);
        out.extend_from_slice(b"}}");
    }

    /// The event as one line of JSON.
    #[must_use]
    pub fn to_json(&self) -> String {
        let mut line = Vec::with_capacity(512);
        self.write_json(&mut line);
        // Every piece written is UTF-8.
        String::from_utf8(line).unwrap_or_default()
    }
}
