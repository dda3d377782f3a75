//! `show`: the events of audit logs (chained or not), one per line, filtered.

use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::time::SystemTime;

use serde_json::Value;

/// Which events `show` prints; every filter set must match.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// The `operation`, exactly.
    pub operation: Option<String>,
    /// The `outcome`, exactly (`success`, `failure`, `panic`, `pending`).
    pub outcome: Option<String>,
    /// The `actor`, exactly.
    pub actor: Option<String>,
    /// Events at or after this time.
    pub since: Option<SystemTime>,
    /// Events before this time.
    pub until: Option<SystemTime>,
}

impl Filter {
    fn any(&self) -> bool {
        self.operation.is_some()
            || self.outcome.is_some()
            || self.actor.is_some()
            || self.since.is_some()
            || self.until.is_some()
    }

    fn matches(&self, event: &Value) -> bool {
        let field = |name: &str| event.get(name).and_then(Value::as_str);
        let same = |want: &Option<String>, name: &str| {
            want.as_deref().is_none_or(|want| field(name) == Some(want))
        };
        if !(same(&self.operation, "operation")
            && same(&self.outcome, "outcome")
            && same(&self.actor, "actor"))
        {
            return false;
        }
        if self.since.is_none() && self.until.is_none() {
            return true;
        }
        let Some(time) =
            field("timestamp").and_then(|text| humantime::parse_rfc3339_weak(text).ok())
        else {
            return false;
        };
        self.since.is_none_or(|since| time >= since) && self.until.is_none_or(|until| time < until)
    }
}

/// What `show` counted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Shown {
    /// Events printed.
    pub printed: u64,
    /// Lines that are not JSON objects (reported on stderr by the binary).
    pub unreadable_lines: u64,
}

/// Prints the events of `files` that pass `filter` to `out`, one line each:
/// time, outcome, operation, actor, duration, then the error and the `seq` when there
/// are some. Checkpoints and chain lines are printed (marked `---`) only without filters.
///
/// # Errors
/// A file cannot be read, or writing to `out` fails.
pub fn show(files: &[PathBuf], filter: &Filter, out: &mut dyn Write) -> std::io::Result<Shown> {
    let mut shown = Shown::default();
    for path in files {
        let reader = BufReader::new(std::fs::File::open(path).map_err(|error| {
            std::io::Error::new(error.kind(), format!("{}: {error}", path.display()))
        })?);
        for line in reader.split(b'\n') {
            let line = line?;
            let Ok(event) = serde_json::from_slice::<Value>(&line) else {
                shown.unreadable_lines += 1;
                continue;
            };
            if !event.is_object() {
                shown.unreadable_lines += 1;
                continue;
            }
            if event.get("timestamp").is_none() {
                if !filter.any() {
                    writeln!(out, "{}", control_line(&event))?;
                }
                continue;
            }
            if filter.matches(&event) {
                writeln!(out, "{}", event_line(&event))?;
                shown.printed += 1;
            }
        }
    }
    Ok(shown)
}

fn text(event: &Value, name: &str) -> String {
    match event.get(name) {
        Some(Value::String(text)) => text.clone(),
        Some(Value::Null) | None => "-".into(),
        Some(other) => other.to_string(),
    }
}

fn event_line(event: &Value) -> String {
    let mut line = format!(
        "{}  {:<7}  {}  actor={}  {}µs",
        text(event, "timestamp"),
        text(event, "outcome"),
        text(event, "operation"),
        text(event, "actor"),
        text(event, "duration_us"),
    );
    if let Some(args) = event
        .get("args")
        .filter(|args| args.as_object().is_some_and(|a| !a.is_empty()))
    {
        line.push_str(&format!("  args={args}"));
    }
    if let Some(Value::String(error)) = event.get("error_detail") {
        line.push_str(&format!("  error={error:?}"));
    }
    if let Some(seq) = event.get("seq") {
        line.push_str(&format!("  [seq {seq}]"));
    }
    line
}

fn control_line(event: &Value) -> String {
    match event.get("phase").and_then(Value::as_str) {
        Some("checkpoint") => format!(
            "--- checkpoint ({}) seq {} at {} key {}",
            text(event, "end"),
            text(event, "seq"),
            text(event, "time"),
            text(event, "key_id")
        ),
        Some("chain") => format!(
            "--- chain starts at {} key {}",
            text(event, "time"),
            text(event, "key_id")
        ),
        Some("rotated") => format!(
            "--- continued from {} at seq {}",
            text(event, "previous"),
            text(event, "seq")
        ),
        _ => format!("--- {event}"),
    }
}
