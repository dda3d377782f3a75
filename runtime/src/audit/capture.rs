//! How arguments become JSON: [`AuditValue`] for the types palisade can see into
//! (numbers, text, containers, [`Secret`]), `Serialize` behind the `serde` feature, a
//! placeholder for everything else. Sensitive names are redacted at every depth.

// The runtime is `no_std`; auditing needs the standard library.
use std::prelude::rust_2021::*;
use std::thread_local;

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
use std::fmt::{self, Write as _};
use std::rc::Rc;
use std::sync::Arc;

use super::json;
use super::secret::{is_sensitive_builtin, is_sensitive_extra, Secret, REDACTED};

/// A value's JSON text longer than this (in bytes) is replaced by a JSON string of its
/// first 4 KiB and a `…[N more bytes]` marker, so an enormous value cannot make an
/// event enormous.
pub const MAX_VALUE_LEN: usize = 4096;

/// A type `#[audit_log]` captures structurally: numbers as numbers, text as strings,
/// containers element by element, fields by name with sensitive names redacted.
/// Implemented for the standard types it makes sense for; implement it for your own
/// types to log them without `Debug` (or enable the `serde` feature and derive
/// `Serialize`, which is captured the same way).
///
/// ```
/// use palisade::audit::{AuditValue, ValueWriter};
///
/// struct Login { user: String, password: String }
///
/// impl AuditValue for Login {
///     fn write_audit(&self, out: &mut ValueWriter<'_>) {
///         // `password` is a sensitive name: written as "[REDACTED]".
///         out.object(&[("user", &self.user), ("password", &self.password)]);
///     }
/// }
/// ```
pub trait AuditValue {
    /// Writes the value as JSON.
    fn write_audit(&self, out: &mut ValueWriter<'_>);
}

/// Where an [`AuditValue`] writes itself: one JSON value.
pub struct ValueWriter<'a> {
    out: &'a mut String,
    secrets: &'a mut Vec<String>,
    /// Writing a value under a sensitive name, into a scratch buffer: its text and
    /// numbers are kept to scrub them from error messages.
    collecting: bool,
}

impl ValueWriter<'_> {
    /// Writes a JSON string; text longer than [`MAX_VALUE_LEN`] is cut there, with a
    /// `…[N more bytes]` marker.
    pub fn str(&mut self, text: &str) {
        if self.collecting {
            self.secrets.push(text.to_owned());
        }
        if text.len() <= MAX_VALUE_LEN {
            json::push_string(self.out, text);
            return;
        }
        let mut end = MAX_VALUE_LEN;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        self.out.push('"');
        json::escape_into(self.out, &text[..end]);
        let _ = write!(self.out, "…[{} more bytes]\"", text.len() - end);
    }

    /// Writes `true` or `false`.
    pub fn bool(&mut self, value: bool) {
        self.out.push_str(if value { "true" } else { "false" });
    }

    /// Writes `null`.
    pub fn null(&mut self) {
        self.out.push_str("null");
    }

    /// Writes `"[REDACTED]"`.
    pub fn redacted(&mut self) {
        json::push_string(self.out, REDACTED);
    }

    /// Writes `value`.
    pub fn value<V: AuditValue + ?Sized>(&mut self, value: &V) {
        value.write_audit(self);
    }

    /// Writes a JSON array of `items`.
    pub fn list<'i, V: AuditValue + ?Sized + 'i>(
        &mut self,
        items: impl IntoIterator<Item = &'i V>,
    ) {
        self.out.push('[');
        for (at, item) in items.into_iter().enumerate() {
            if at > 0 {
                self.out.push(',');
            }
            item.write_audit(self);
        }
        self.out.push(']');
    }

    /// Writes a JSON object of `fields`; the value of a field whose name is sensitive
    /// ([`is_sensitive_name`](super::is_sensitive_name)) is written as `"[REDACTED]"`.
    pub fn object(&mut self, fields: &[(&str, &dyn AuditValue)]) {
        self.entries(
            fields
                .iter()
                .map(|(name, value)| (Cow::Borrowed(*name), *value)),
        );
    }

    fn entries<'v>(&mut self, entries: impl Iterator<Item = (Cow<'v, str>, &'v dyn AuditValue)>) {
        self.out.push('{');
        for (at, (name, value)) in entries.enumerate() {
            if at > 0 {
                self.out.push(',');
            }
            json::push_string(self.out, &name);
            self.out.push(':');
            if is_sensitive_builtin(&name) || is_sensitive_extra(&name) {
                self.redacted();
                value.write_audit(&mut ValueWriter {
                    out: &mut String::new(),
                    secrets: self.secrets,
                    collecting: true,
                });
            } else {
                value.write_audit(self);
            }
        }
        self.out.push('}');
    }

    fn number(&mut self, value: impl fmt::Display) {
        let mark = self.out.len();
        let _ = write!(self.out, "{value}");
        if self.collecting {
            self.secrets.push(self.out[mark..].to_owned());
        }
    }

    /// An integer, written without `core::fmt` (the audited call's hot path).
    fn integer(&mut self, value: impl itoa::Integer) {
        let mut buffer = itoa::Buffer::new();
        let text = buffer.format(value);
        self.out.push_str(text);
        if self.collecting {
            self.secrets.push(text.to_owned());
        }
    }
}

macro_rules! audit_integers {
    ($($ty:ty),*) => {$(
        impl AuditValue for $ty {
            fn write_audit(&self, out: &mut ValueWriter<'_>) {
                out.integer(*self);
            }
        }
        impl ScrubText for $ty {
            fn scrub_text(&self) -> Option<String> {
                Some(self.to_string())
            }
        }
    )*};
}

audit_integers!(u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize);

macro_rules! audit_floats {
    ($($ty:ty),*) => {$(
        impl AuditValue for $ty {
            fn write_audit(&self, out: &mut ValueWriter<'_>) {
                if self.is_finite() {
                    out.number(self);
                } else {
                    // JSON has no NaN or infinity.
                    out.str(&self.to_string());
                }
            }
        }
    )*};
}

audit_floats!(f32, f64);

impl AuditValue for bool {
    fn write_audit(&self, out: &mut ValueWriter<'_>) {
        out.bool(*self);
    }
}

impl AuditValue for char {
    fn write_audit(&self, out: &mut ValueWriter<'_>) {
        out.str(self.encode_utf8(&mut [0; 4]));
    }
}

impl AuditValue for () {
    fn write_audit(&self, out: &mut ValueWriter<'_>) {
        out.null();
    }
}

impl AuditValue for str {
    fn write_audit(&self, out: &mut ValueWriter<'_>) {
        out.str(self);
    }
}

impl AuditValue for String {
    fn write_audit(&self, out: &mut ValueWriter<'_>) {
        out.str(self);
    }
}

impl AuditValue for Cow<'_, str> {
    fn write_audit(&self, out: &mut ValueWriter<'_>) {
        out.str(self);
    }
}

impl AuditValue for std::path::Path {
    fn write_audit(&self, out: &mut ValueWriter<'_>) {
        out.str(&self.to_string_lossy());
    }
}

impl AuditValue for std::path::PathBuf {
    fn write_audit(&self, out: &mut ValueWriter<'_>) {
        out.str(&self.to_string_lossy());
    }
}

/// Redacted; its text is kept to scrub it from error messages. (A `Secret` of a type
/// without a text is not an `AuditValue`: a container of them is captured through
/// `Serialize`, where a `Secret` writes `[REDACTED]`, or as a placeholder.)
impl<T: ScrubText> AuditValue for Secret<T> {
    fn write_audit(&self, out: &mut ValueWriter<'_>) {
        out.redacted();
        if let Some(text) = self.expose().scrub_text() {
            out.secrets.push(text);
        }
    }
}

macro_rules! audit_pointers {
    ($($ty:ty),*) => {$(
        impl<T: AuditValue + ?Sized> AuditValue for $ty {
            fn write_audit(&self, out: &mut ValueWriter<'_>) {
                (**self).write_audit(out);
            }
        }
        impl<T: ScrubText + ?Sized> ScrubText for $ty {
            fn scrub_text(&self) -> Option<String> {
                (**self).scrub_text()
            }
        }
    )*};
}

audit_pointers!(&T, &mut T, Box<T>, Rc<T>, Arc<T>);

impl<T: AuditValue> AuditValue for Option<T> {
    fn write_audit(&self, out: &mut ValueWriter<'_>) {
        match self {
            Some(value) => value.write_audit(out),
            None => out.null(),
        }
    }
}

macro_rules! audit_sequences {
    ($($ty:ty),*) => {$(
        impl<T: AuditValue> AuditValue for $ty {
            fn write_audit(&self, out: &mut ValueWriter<'_>) {
                out.list(self.iter());
            }
        }
    )*};
}

audit_sequences!([T], Vec<T>, VecDeque<T>, BTreeSet<T>);

impl<T: AuditValue, S> AuditValue for HashSet<T, S> {
    fn write_audit(&self, out: &mut ValueWriter<'_>) {
        out.list(self.iter());
    }
}

impl<T: AuditValue, const N: usize> AuditValue for [T; N] {
    fn write_audit(&self, out: &mut ValueWriter<'_>) {
        out.list(self.iter());
    }
}

impl<A: AuditValue, B: AuditValue> AuditValue for (A, B) {
    fn write_audit(&self, out: &mut ValueWriter<'_>) {
        out.list::<dyn AuditValue>([&self.0 as &dyn AuditValue, &self.1]);
    }
}

impl<A: AuditValue, B: AuditValue, C: AuditValue> AuditValue for (A, B, C) {
    fn write_audit(&self, out: &mut ValueWriter<'_>) {
        out.list::<dyn AuditValue>([&self.0 as &dyn AuditValue, &self.1, &self.2]);
    }
}

impl<K: fmt::Display, V: AuditValue, S> AuditValue for HashMap<K, V, S> {
    fn write_audit(&self, out: &mut ValueWriter<'_>) {
        out.entries(
            self.iter()
                .map(|(key, value)| (Cow::Owned(key.to_string()), value as &dyn AuditValue)),
        );
    }
}

impl<K: fmt::Display, V: AuditValue> AuditValue for BTreeMap<K, V> {
    fn write_audit(&self, out: &mut ValueWriter<'_>) {
        out.entries(
            self.iter()
                .map(|(key, value)| (Cow::Owned(key.to_string()), value as &dyn AuditValue)),
        );
    }
}

/// The text of a redacted value, kept (not logged) to scrub it from error messages.
pub trait ScrubText {
    /// The text, if the value has one.
    fn scrub_text(&self) -> Option<String>;
}

impl ScrubText for str {
    fn scrub_text(&self) -> Option<String> {
        Some(self.to_owned())
    }
}

impl ScrubText for String {
    fn scrub_text(&self) -> Option<String> {
        Some(self.clone())
    }
}

impl<T: ScrubText> ScrubText for Secret<T> {
    fn scrub_text(&self) -> Option<String> {
        self.expose().scrub_text()
    }
}

impl<T: ScrubText> ScrubText for Option<T> {
    fn scrub_text(&self) -> Option<String> {
        self.as_ref().and_then(ScrubText::scrub_text)
    }
}

/// Writes the arguments object and the resources array of a call.
pub struct ArgsWriter {
    pub(crate) out: String,
    first: bool,
    /// Where the arguments object ends, once the resources started.
    pub(crate) args_end: Option<usize>,
    /// Where the resources array ends, once the metadata started.
    pub(crate) resources_end: Option<usize>,
    /// The text of redacted values, scrubbed from error messages.
    pub(crate) secrets: Vec<String>,
}

thread_local! {
    /// A finished call's argument buffer, kept for this thread's next call, so the
    /// common case does not go to the allocator.
    static SPARE: std::cell::Cell<Option<String>> = const { std::cell::Cell::new(None) };
}

/// The longest buffer kept for reuse; a larger one (a call with huge arguments) is
/// freed.
const SPARE_MAX: usize = 4096;

/// An empty buffer: this thread's spare one, else a new one.
fn take_buffer() -> String {
    SPARE
        .try_with(std::cell::Cell::take)
        .ok()
        .flatten()
        .unwrap_or_else(|| String::with_capacity(256))
}

/// Keeps `buffer` as this thread's spare one, if it is not too large and there is
/// none.
pub(crate) fn give_back(mut buffer: String) {
    if buffer.capacity() > SPARE_MAX {
        return;
    }
    buffer.clear();
    let _ = SPARE.try_with(|spare| {
        // Keep the larger of the two.
        let kept = match spare.take() {
            Some(other) if other.capacity() >= buffer.capacity() => other,
            _ => buffer,
        };
        spare.set(Some(kept));
    });
}

impl ArgsWriter {
    pub(crate) fn new() -> Self {
        let mut out = take_buffer();
        out.push('{');
        ArgsWriter {
            out,
            first: true,
            args_end: None,
            resources_end: None,
            secrets: Vec::new(),
        }
    }

    fn separate(&mut self) {
        if !std::mem::replace(&mut self.first, false) {
            self.out.push(',');
        }
    }

    /// Starts the argument `name`. Returns whether its value follows: `false` when
    /// the name was made sensitive at run time ([`sensitive_names`](super::sensitive_names)),
    /// and `"[REDACTED]"` was written instead.
    #[inline]
    pub fn key(&mut self, name: &str) -> bool {
        self.name(name);
        if is_sensitive_extra(name) {
            json::push_string(&mut self.out, REDACTED);
            return false;
        }
        true
    }

    /// Writes `name` as redacted.
    pub fn redacted(&mut self, name: &str) {
        self.name(name);
        json::push_string(&mut self.out, REDACTED);
    }

    /// Writes `"name":`. Names are Rust identifiers (from the macro), which hold no
    /// character JSON escapes; anything else is escaped.
    fn name(&mut self, name: &str) {
        self.separate();
        if name
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || byte == b'_')
        {
            self.out.push('"');
            self.out.push_str(name);
            self.out.push_str("\":");
        } else {
            json::push_string(&mut self.out, name);
            self.out.push(':');
        }
    }

    /// Closes the arguments and starts the resources array.
    pub fn resources(&mut self) {
        self.out.push('}');
        self.args_end = Some(self.out.len());
        self.out.push('[');
        self.first = true;
    }

    /// Closes the arguments (and the resources) and starts the metadata object of
    /// `fields(..)`: its entries follow, each through [`key`](Self::key) or
    /// [`redacted`](Self::redacted).
    pub fn metadata(&mut self) {
        if self.args_end.is_some() {
            self.out.push(']');
        } else {
            self.out.push('}');
            self.args_end = Some(self.out.len());
            self.out.push_str("[]");
        }
        self.resources_end = Some(self.out.len());
        self.out.push('{');
        self.first = true;
    }

    /// Starts the next resource; its value follows.
    pub fn item(&mut self) {
        self.separate();
    }

    /// Writes a redacted resource.
    pub fn redacted_item(&mut self) {
        self.separate();
        json::push_string(&mut self.out, REDACTED);
    }

    /// Keeps `text` to scrub it from error messages.
    pub fn remember(&mut self, text: Option<String>) {
        if let Some(text) = text {
            if text.len() >= super::secret::MIN_SCRUBBED_LEN {
                self.secrets.push(text);
            }
        }
    }

    /// Writes a value through `write`, replacing it by a cut JSON string if its text is
    /// longer than [`MAX_VALUE_LEN`].
    #[inline]
    fn capped(&mut self, write: impl FnOnce(&mut ValueWriter<'_>)) {
        let mark = self.out.len();
        write(&mut ValueWriter {
            out: &mut self.out,
            secrets: &mut self.secrets,
            collecting: false,
        });
        // Strings are cut as they are written (`ValueWriter::str`); anything else too
        // long becomes a string of its first bytes.
        if self.out.len() - mark > MAX_VALUE_LEN && !self.out[mark..].starts_with('"') {
            let written = self.out.split_off(mark);
            let mut end = MAX_VALUE_LEN;
            while !written.is_char_boundary(end) {
                end -= 1;
            }
            self.out.push('"');
            json::escape_into(&mut self.out, &written[..end]);
            let _ = write!(self.out, "…[{} more bytes]\"", written.len() - end);
        }
    }

    /// Writes `value`'s `Debug` text (`debug(name)`: the user asked for it), cut at
    /// [`MAX_VALUE_LEN`] bytes; a `Debug` that panics is written as `[Debug panicked]`.
    pub fn debug(&mut self, value: &dyn fmt::Debug) {
        self.out.push('"');
        let mark = self.out.len();
        let mut limited = json::Escaping {
            out: &mut self.out,
            left: MAX_VALUE_LEN,
        };
        let formatted = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            write!(limited, "{value:?}")
        }));
        match formatted {
            Ok(Ok(())) => {}
            Ok(Err(_)) => self.out.push_str("…[truncated]"),
            Err(_) => {
                self.out.truncate(mark);
                self.out.push_str("[Debug panicked]");
            }
        }
        // The text of a redacted argument may be inside (a struct holding it).
        for secret in &self.secrets {
            let mut escaped = String::new();
            json::escape_into(&mut escaped, secret);
            if self.out[mark..].contains(escaped.as_str()) {
                let replaced = self.out[mark..].replace(escaped.as_str(), REDACTED);
                self.out.truncate(mark);
                self.out.push_str(&replaced);
            }
        }
        self.out.push('"');
    }

    fn placeholder(&mut self, type_name: &str) {
        self.out.push_str("\"[not captured: ");
        json::escape_into(&mut self.out, type_name);
        self.out.push_str("]\"");
    }
}

/// Wraps an argument so that method resolution picks how to capture it:
/// [`AuditValue`], then `Serialize` (with the `serde` feature), else a placeholder
/// (autoref specialisation, most specific first).
pub struct ArgProbe<'a, T: ?Sized>(pub &'a T);

/// [`AuditValue`] types.
pub trait StructuredArg {
    /// Writes the value.
    fn write_value(&self, out: &mut ArgsWriter);
}

/// `Serialize` types, with the `serde` feature.
pub trait SerializeArg {
    /// Writes the value.
    fn write_value(&self, out: &mut ArgsWriter);
}

/// Anything else: a placeholder naming the type.
pub trait OpaqueArg {
    /// Writes the value.
    fn write_value(&self, out: &mut ArgsWriter);
}

impl<T: AuditValue + ?Sized> StructuredArg for &&ArgProbe<'_, T> {
    fn write_value(&self, out: &mut ArgsWriter) {
        out.capped(|writer| self.0.write_audit(writer));
    }
}

#[cfg(feature = "serde")]
impl<T: serde::Serialize + ?Sized> SerializeArg for &ArgProbe<'_, T> {
    fn write_value(&self, out: &mut ArgsWriter) {
        out.capped(|writer| match serde_json::to_value(self.0) {
            Ok(value) => write_serde_value(writer, &value),
            Err(_) => writer.str("[not captured: Serialize failed]"),
        });
    }
}

/// Writes a `serde_json::Value`, redacting the values under sensitive keys at every
/// depth (struct fields, map keys, enum variants) and keeping their text to scrub.
#[cfg(feature = "serde")]
fn write_serde_value(out: &mut ValueWriter<'_>, value: &serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::Null => out.null(),
        Value::Bool(value) => out.bool(*value),
        Value::Number(number) => out.number(number),
        Value::String(text) => out.str(text),
        Value::Array(items) => {
            out.out.push('[');
            for (at, item) in items.iter().enumerate() {
                if at > 0 {
                    out.out.push(',');
                }
                write_serde_value(out, item);
            }
            out.out.push(']');
        }
        Value::Object(entries) => {
            out.out.push('{');
            for (at, (name, item)) in entries.iter().enumerate() {
                if at > 0 {
                    out.out.push(',');
                }
                json::push_string(out.out, name);
                out.out.push(':');
                if is_sensitive_builtin(name) || is_sensitive_extra(name) {
                    out.redacted();
                    collect_serde_strings(item, out.secrets);
                } else {
                    write_serde_value(out, item);
                }
            }
            out.out.push('}');
        }
    }
}

#[cfg(feature = "serde")]
fn collect_serde_strings(value: &serde_json::Value, secrets: &mut Vec<String>) {
    use serde_json::Value;
    match value {
        Value::String(text) => secrets.push(text.clone()),
        Value::Number(number) => secrets.push(number.to_string()),
        Value::Array(items) => items
            .iter()
            .for_each(|item| collect_serde_strings(item, secrets)),
        Value::Object(entries) => entries
            .values()
            .for_each(|item| collect_serde_strings(item, secrets)),
        Value::Null | Value::Bool(_) => {}
    }
}

impl<T: ?Sized> OpaqueArg for ArgProbe<'_, T> {
    fn write_value(&self, out: &mut ArgsWriter) {
        out.placeholder(std::any::type_name::<T>());
    }
}

/// Wraps a redacted argument so that method resolution finds its text, if it has one
/// palisade can read without formatting it through `Debug`.
pub struct ScrubProbe<'a, T: ?Sized>(pub &'a T);

/// Types with a text to scrub.
pub trait KnownText {
    /// The text.
    fn text(&self) -> Option<String>;
}

/// Other types: nothing to scrub.
pub trait NoText {
    /// Nothing.
    fn text(&self) -> Option<String>;
}

impl<T: ScrubText + ?Sized> KnownText for &ScrubProbe<'_, T> {
    fn text(&self) -> Option<String> {
        self.0.scrub_text()
    }
}

impl<T: ?Sized> NoText for ScrubProbe<'_, T> {
    fn text(&self) -> Option<String> {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn capture(value: &dyn AuditValue) -> (String, Vec<String>) {
        let mut writer = ArgsWriter::new();
        writer.out.clear();
        writer.capped(|out| value.write_audit(out));
        (writer.out, writer.secrets)
    }

    #[test]
    fn containers_are_captured_structurally_with_sensitive_keys_redacted() {
        let mut map = BTreeMap::new();
        map.insert("region", Some(vec![Secret::new(1)]));
        map.insert("apiKey", None);
        let (json, _) = capture(&map);
        assert_eq!(json, r#"{"apiKey":"[REDACTED]","region":["[REDACTED]"]}"#);
        let mut map = HashMap::new();
        map.insert("x_api_key", "k-12\"34\n56");
        let (json, secrets) = capture(&map);
        assert_eq!(json, r#"{"x_api_key":"[REDACTED]"}"#);
        // The text itself, not its JSON form, is kept to scrub.
        assert_eq!(secrets, ["k-12\"34\n56"]);
        let (json, _) = capture(&(1u8, "a\"b"));
        assert_eq!(json, r#"[1,"a\"b"]"#);
    }

    #[test]
    fn an_enormous_value_is_cut_into_a_string() {
        let big = vec!["x".repeat(100); 100];
        let (json, _) = capture(&big);
        // 4 KiB of JSON text, its quotes escaped once more.
        assert!(json.len() < 2 * MAX_VALUE_LEN, "{}", json.len());
        let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert!(parsed.as_str().unwrap().ends_with("more bytes]"));
    }
}
