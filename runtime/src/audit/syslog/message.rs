//! The RFC 5424 message of an audit event:
//! `<PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID [audit@PEN ...] JSON`.
//!
//! Header fields are printable US-ASCII (33–126) cut to the RFC's lengths (HOSTNAME
//! 255, APP-NAME 48, PROCID 128, MSGID 32), `-` (NILVALUE) when empty. SD-PARAM values
//! escape `"`, `\` and `]` with a backslash (§6.3.3). The MSG is the event's JSON
//! with every non-ASCII character written as a `\u` escape: the same JSON value, in
//! plain ASCII, so it needs no BOM (§6.4) and no receiver can mangle its encoding.

// The runtime is `no_std`; auditing needs the standard library.
use std::prelude::rust_2021::*;

use std::fmt::{self, Write as _};
use std::io::Write as _;

use super::super::event::AuditEvent;
use super::super::severity::SeverityMap;
use super::Facility;

/// RFC 5424 §6: the longest HOSTNAME, APP-NAME, PROCID and MSGID.
pub(super) const HOSTNAME_MAX: usize = 255;
pub(super) const APP_NAME_MAX: usize = 48;
pub(super) const PROCID_MAX: usize = 128;
pub(super) const MSGID_MAX: usize = 32;

/// What every message of a sink shares: the header fields it fixes.
#[derive(Debug, Clone)]
pub(super) struct Header {
    /// The facility.
    pub facility: Facility,
    /// The severity of each outcome.
    pub severities: SeverityMap,
    /// HOSTNAME, already made valid.
    pub hostname: String,
    /// APP-NAME, already made valid.
    pub app_name: String,
    /// PROCID, already made valid.
    pub procid: String,
    /// The private enterprise number in the SD-ID `audit@PEN`.
    pub enterprise_id: u32,
}

/// `text` as a header field: printable US-ASCII only (others become `_`), cut to
/// `max` bytes, `-` when empty.
pub(super) fn header_field(text: &str, max: usize) -> String {
    let field: String = text
        .chars()
        .take(max)
        .map(|c| if c.is_ascii_graphic() { c } else { '_' })
        .collect();
    if field.is_empty() {
        "-".to_owned()
    } else {
        field
    }
}

/// What the oversized event lost to fit, written into its `args` in its place.
pub(super) const OMITTED_ARGS: &str = "{\"[omitted: event too large for syslog]\":true}";

/// Appends the whole message for `event` to `out`.
pub(super) fn write(out: &mut Vec<u8>, header: &Header, event: &AuditEvent<'_>) {
    let severity = header.severities.of(event.outcome);
    let pri = u16::from(header.facility.code()) * 8 + u16::from(severity.code());
    let _ = write!(
        out,
        "<{pri}>1 {} {} {} {} ",
        humantime::format_rfc3339_micros(event.timestamp),
        header.hostname,
        header.app_name,
        header.procid,
    );
    out.extend_from_slice(header_field(event.operation, MSGID_MAX).as_bytes());
    let _ = write!(out, " [audit@{}", header.enterprise_id);
    let id = event.id.to_string();
    let duration = event.duration.as_micros().to_string();
    let mut params: Vec<(&str, &str)> = vec![
        ("id", &id),
        ("phase", event.phase.as_str()),
        ("operation", event.operation),
        ("outcome", event.outcome.as_str()),
        ("actor", event.actor),
        ("module", event.module),
        ("duration_us", &duration),
        ("environment", event.environment),
    ];
    if let Some(ticket) = event.change_ticket {
        params.push(("change_ticket", ticket));
    }
    for (name, value) in params {
        out.push(b' ');
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(b"=\"");
        push_param_value(out, value);
        out.push(b'"');
    }
    out.extend_from_slice(b"] ");
    let mut json = Vec::with_capacity(512);
    event.write_json(&mut json);
    push_ascii_json(out, &json);
}

/// Appends `value` as the inside of an SD-PARAM value: `"`, `\` and `]` escaped with
/// a backslash; control characters, which would break line-based receivers and
/// files, replaced by U+FFFD (the JSON body keeps them exactly).
pub(super) fn push_param_value(out: &mut Vec<u8>, value: &str) {
    for c in value.chars() {
        match c {
            '"' | '\\' | ']' => {
                out.push(b'\\');
                out.push(c as u8);
            }
            c if c.is_control() => out.extend_from_slice("\u{fffd}".as_bytes()),
            c => {
                let mut utf8 = [0; 4];
                out.extend_from_slice(c.encode_utf8(&mut utf8).as_bytes());
            }
        }
    }
}

/// Appends the JSON text `json` with every non-ASCII character as `\uXXXX` (two,
/// a surrogate pair, above U+FFFF). Outside strings JSON is ASCII, so only string
/// contents change, and only in how they are spelled.
pub(super) fn push_ascii_json(out: &mut Vec<u8>, json: &[u8]) {
    let text = String::from_utf8_lossy(json);
    let mut units = [0u16; 2];
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c as u8);
        } else {
            for unit in c.encode_utf16(&mut units) {
                let _ = write!(out, "\\u{unit:04x}");
            }
        }
    }
}

/// A `Display` that writes at most `max` bytes of another, then `…[truncated]`.
pub(super) struct Cut<'a> {
    /// What is cut.
    pub inner: &'a dyn fmt::Display,
    /// How many bytes to keep.
    pub max: usize,
}

impl fmt::Display for Cut<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut text = String::new();
        let _ = write!(text, "{}", self.inner);
        if text.len() <= self.max {
            return f.write_str(&text);
        }
        let mut end = self.max;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        f.write_str(&text[..end])?;
        f.write_str("…[truncated]")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_fields_are_printable_ascii_within_their_length_or_nil() {
        assert_eq!(header_field("", APP_NAME_MAX), "-");
        assert_eq!(header_field("my app\té", APP_NAME_MAX), "my_app__");
        assert_eq!(header_field(&"x".repeat(300), HOSTNAME_MAX).len(), 255);
        assert_eq!(header_field(&"m".repeat(40), MSGID_MAX).len(), 32);
    }

    #[test]
    fn param_values_escape_quote_backslash_and_bracket_only() {
        let mut out = Vec::new();
        push_param_value(&mut out, "a\"b\\c]d[e=f é\n");
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "a\\\"b\\\\c\\]d[e=f é\u{fffd}"
        );
    }

    #[test]
    fn json_body_becomes_ascii_with_the_same_value() {
        let mut out = Vec::new();
        push_ascii_json(&mut out, "{\"k\":\"é😀\\n\"}".as_bytes());
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "{\"k\":\"\\u00e9\\ud83d\\ude00\\n\"}"
        );
    }

    #[test]
    fn cut_keeps_char_boundaries_and_marks_the_cut() {
        let text = "ééé";
        assert_eq!(
            Cut {
                inner: &text,
                max: 3
            }
            .to_string(),
            "é…[truncated]"
        );
        assert_eq!(
            Cut {
                inner: &text,
                max: 6
            }
            .to_string(),
            "ééé"
        );
    }
}
