//! The built-in sinks.

// The runtime is `no_std`; auditing needs the standard library.
use std::prelude::rust_2021::*;
use std::{format, thread_local};

use std::cell::RefCell;
use std::io::Write as _;
use std::sync::Mutex;

use super::{AuditEvent, AuditSink, SinkError};

thread_local! {
    /// The line buffer each thread reuses, so writing an event does not allocate.
    static LINE: RefCell<Vec<u8>> = RefCell::new(Vec::with_capacity(1024));
}

/// Runs `write` with `event` as one JSON line ending in `\\n`, in a reused buffer.
pub(super) fn with_line<R>(event: &AuditEvent<'_>, write: impl FnOnce(&[u8]) -> R) -> R {
    let fill = |line: &mut Vec<u8>| {
        line.clear();
        event.write_json(line);
        line.push(b'\n');
    };
    LINE.with(|buffer| match buffer.try_borrow_mut() {
        Ok(mut line) => {
            fill(&mut line);
            write(&line)
        }
        // A sink that audits something while writing: use a buffer of its own.
        Err(_) => {
            let mut line = Vec::new();
            fill(&mut line);
            write(&line)
        }
    })
}

/// Writes each event as one JSON line to stderr. The default sink.
#[derive(Debug, Clone, Copy, Default)]
pub struct StderrSink;

impl AuditSink for StderrSink {
    fn record(&self, event: &AuditEvent<'_>) -> Result<(), SinkError> {
        with_line(event, |line| std::io::stderr().lock().write_all(line)).map_err(SinkError::from)
    }
}

/// Ignores every event; for measuring what auditing itself costs.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoopSink;

impl AuditSink for NoopSink {
    fn record(&self, _event: &AuditEvent<'_>) -> Result<(), SinkError> {
        Ok(())
    }
}

/// Keeps every event in memory as its JSON line; for tests.
#[derive(Debug, Default)]
pub struct MemorySink {
    lines: Mutex<Vec<String>>,
}

impl MemorySink {
    /// An empty sink.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// The JSON lines recorded so far.
    #[must_use]
    pub fn lines(&self) -> Vec<String> {
        self.lines
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    /// The events recorded so far, parsed (with the `serde` feature).
    #[cfg(feature = "serde")]
    #[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
    #[must_use]
    pub fn events(&self) -> Vec<serde_json::Value> {
        self.lines()
            .iter()
            .filter_map(|line| serde_json::from_str(line).ok())
            .collect()
    }

    /// Forgets every event.
    pub fn clear(&self) {
        self.lines
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clear();
    }
}

impl AuditSink for MemorySink {
    fn record(&self, event: &AuditEvent<'_>) -> Result<(), SinkError> {
        let line = event.to_json();
        self.lines
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(line);
        Ok(())
    }
}

/// Sends each event to several sinks; one failing does not keep the others from
/// recording it.
pub struct FanOut {
    sinks: Vec<Box<dyn AuditSink>>,
}

impl FanOut {
    /// Sends to every sink in `sinks`.
    #[must_use]
    pub fn new(sinks: Vec<Box<dyn AuditSink>>) -> Self {
        Self { sinks }
    }
}

impl AuditSink for FanOut {
    fn record(&self, event: &AuditEvent<'_>) -> Result<(), SinkError> {
        let mut first_error = None;
        let mut failed = 0;
        for sink in &self.sinks {
            let outcome =
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| sink.record(event)))
                    .unwrap_or(Err(SinkError::Panicked));
            if let Err(error) = outcome {
                failed += 1;
                first_error.get_or_insert(error);
            }
        }
        match first_error {
            None => Ok(()),
            Some(error) if failed == 1 => Err(error),
            Some(error) => Err(SinkError::Other(format!(
                "{failed} of {} sinks failed; first: {error}",
                self.sinks.len()
            ))),
        }
    }
}

/// Forwards each event to `tracing` as an `INFO` event with target
/// `palisade::audit`: the id, operation, outcome and duration as fields, and the whole
/// JSON line as `event`.
#[cfg(feature = "tracing")]
#[derive(Debug, Clone, Copy, Default)]
pub struct TracingSink;

#[cfg(feature = "tracing")]
impl AuditSink for TracingSink {
    fn record(&self, event: &AuditEvent<'_>) -> Result<(), SinkError> {
        with_line(event, |line| {
            let json = String::from_utf8_lossy(line.strip_suffix(b"\n").unwrap_or(line));
            tracing::info!(
                target: "palisade::audit",
                id = %event.id,
                operation = event.operation,
                phase = event.phase.as_str(),
                outcome = event.outcome.as_str(),
                duration_us = u64::try_from(event.duration.as_micros()).unwrap_or(u64::MAX),
                event = %json,
            );
        });
        Ok(())
    }
}
