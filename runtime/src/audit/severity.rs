//! [`Severity`]: how grave an event is to the production outputs (syslog, journald,
//! OpenTelemetry), and [`SeverityMap`], the severity each [`Outcome`] gets.

use super::event::Outcome;

/// A syslog severity (RFC 5424 §6.2.1), which journald's `PRIORITY` uses too; the
/// OpenTelemetry sink maps it onto OTLP's severity numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// 0: the system is unusable.
    Emergency = 0,
    /// 1: action must be taken immediately.
    Alert = 1,
    /// 2: critical conditions.
    Critical = 2,
    /// 3: error conditions.
    Error = 3,
    /// 4: warning conditions.
    Warning = 4,
    /// 5: normal but significant conditions.
    Notice = 5,
    /// 6: informational messages.
    Informational = 6,
    /// 7: debug-level messages.
    Debug = 7,
}

impl Severity {
    /// The RFC 5424 number, 0 (`Emergency`) to 7 (`Debug`).
    #[must_use]
    pub const fn code(self) -> u8 {
        self as u8
    }

    /// The name in capitals: `EMERGENCY`, ..., `INFO`, `DEBUG`.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Severity::Emergency => "EMERGENCY",
            Severity::Alert => "ALERT",
            Severity::Critical => "CRITICAL",
            Severity::Error => "ERROR",
            Severity::Warning => "WARNING",
            Severity::Notice => "NOTICE",
            Severity::Informational => "INFO",
            Severity::Debug => "DEBUG",
        }
    }
}

/// The severity of each outcome. The default: `pending` (start events) `Informational`,
/// `success` `Notice`, `failure` `Warning`, `panic` `Error`, so a failed or
/// panicking call always ranks above a successful one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SeverityMap {
    /// For start events.
    pub pending: Severity,
    /// For calls that succeeded.
    pub success: Severity,
    /// For calls that returned an error (or a cancelled future).
    pub failure: Severity,
    /// For calls that panicked.
    pub panic: Severity,
}

impl Default for SeverityMap {
    fn default() -> Self {
        Self {
            pending: Severity::Informational,
            success: Severity::Notice,
            failure: Severity::Warning,
            panic: Severity::Error,
        }
    }
}

impl SeverityMap {
    /// The severity of `outcome`.
    #[must_use]
    pub const fn of(&self, outcome: Outcome) -> Severity {
        match outcome {
            Outcome::Pending => self.pending,
            Outcome::Success => self.success,
            Outcome::Failure => self.failure,
            Outcome::Panic => self.panic,
        }
    }

    /// Sets the severity of `outcome`.
    pub fn set(&mut self, outcome: Outcome, severity: Severity) {
        match outcome {
            Outcome::Pending => self.pending = severity,
            Outcome::Success => self.success = severity,
            Outcome::Failure => self.failure = severity,
            Outcome::Panic => self.panic = severity,
        }
    }
}
