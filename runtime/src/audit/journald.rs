//! [`JournaldSink`]: audit events as journal entries, over systemd-journald's native
//! protocol.

// The runtime is `no_std`; auditing needs the standard library.
use std::prelude::rust_2021::*;
use std::{format, vec};

use std::fmt::Write as _;
use std::fs::File;
use std::io::{self, Write as _};
use std::os::fd::{AsRawFd as _, FromRawFd as _, OwnedFd};
use std::os::unix::net::UnixDatagram;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use super::event::{AuditEvent, Outcome};
use super::severity::{Severity, SeverityMap};
use super::{AuditSink, SinkError};

/// journald's native socket.
pub const JOURNAL_SOCKET: &str = "/run/systemd/journal/socket";

/// The `MESSAGE_ID` of every palisade audit entry (`journalctl
/// MESSAGE_ID=6f1c3a2e9b7d4e0fa5c8d2b1e4f70a93` lists them all).
pub const AUDIT_MESSAGE_ID: &str = "6f1c3a2e9b7d4e0fa5c8d2b1e4f70a93";

/// Sends each event to systemd-journald as one entry, over the native protocol
/// (datagrams to `/run/systemd/journal/socket`).
///
/// Fields: `MESSAGE` (one line: `audit finish accounts.transfer: failure (actor
/// alice, 42 us)`), `PRIORITY` (the outcome's [`Severity`]; failures and panics rank
/// above successes), `SYSLOG_IDENTIFIER` (default: the program's name),
/// `MESSAGE_ID` ([`AUDIT_MESSAGE_ID`]), and every field of the event as
/// `PALISADE_<NAME>`: `PALISADE_TIMESTAMP`, `_ID`, `_PHASE`, `_OPERATION`, `_MODULE`,
/// `_OUTCOME`, `_DURATION_US`, `_ACTOR`, `_CHANGE_TICKET` and `_ERROR_DETAIL` (when
/// set), `_ENVIRONMENT`, `_ARGS` and `_RESOURCES_AFFECTED` (JSON), `_BUILD_CRATE`,
/// `_BUILD_VERSION`, `_BUILD_RUSTC`, `_BUILD_TARGET`, `_BUILD_PROFILE`; and
/// `PALISADE_JSON`, the whole event as its JSON line.
///
/// A value containing a newline is sent in the protocol's binary-safe form (name,
/// newline, 64-bit little-endian length, bytes). An entry too large for one datagram
/// (the kernel says `EMSGSIZE`), or larger than [`max_datagram`](Self::max_datagram),
/// is written to a sealed memfd whose descriptor is passed to journald instead
/// (counted in [`sent_via_memfd`](Self::sent_via_memfd)). journald itself caps an
/// entry (768 MiB) and a field (`journalctl` shows values over 4 KiB with `--all`).
///
/// An entry that cannot be sent (journald not running, its queue full past the
/// send timeout of 1 s) is returned as an error, so it is counted
/// ([`sink_failures`](super::sink_failures)), passed to the error hook and counted in
/// [`failed`](Self::failed). Entries journald received are its to keep: with
/// `Storage=volatile` they live in `/run` and go with a reboot.
///
/// ```no_run
/// use palisade::audit::{self, JournaldSink};
///
/// audit::install(JournaldSink::new()?.identifier("billing")).expect("installed once");
/// // journalctl -t billing -o json   or   journalctl PALISADE_OUTCOME=failure
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug)]
pub struct JournaldSink {
    socket: UnixDatagram,
    path: PathBuf,
    identifier: String,
    severities: SeverityMap,
    max_datagram: Option<usize>,
    sent: AtomicU64,
    via_memfd: AtomicU64,
    failed: AtomicU64,
}

impl JournaldSink {
    /// Sends to journald's socket, [`JOURNAL_SOCKET`].
    ///
    /// # Errors
    /// journald is not listening there.
    pub fn new() -> io::Result<Self> {
        Self::with_socket(JOURNAL_SOCKET)
    }

    /// Sends to the native socket at `path` (a journal namespace's is
    /// `/run/systemd/journal.NAMESPACE/socket`).
    ///
    /// # Errors
    /// Nothing is listening at `path` (checked by connecting once), or the local
    /// socket cannot be made.
    pub fn with_socket(path: impl AsRef<Path>) -> io::Result<Self> {
        let path = path.as_ref().to_path_buf();
        UnixDatagram::unbound()?.connect(&path)?;
        let socket = UnixDatagram::unbound()?;
        socket.set_write_timeout(Some(Duration::from_secs(1)))?;
        let identifier = std::env::args_os()
            .next()
            .and_then(|arg0| {
                Path::new(&arg0)
                    .file_name()
                    .map(|name| name.to_string_lossy().into_owned())
            })
            .unwrap_or_else(|| "palisade".to_owned());
        Ok(Self {
            socket,
            path,
            identifier,
            severities: SeverityMap::default(),
            max_datagram: None,
            sent: AtomicU64::new(0),
            via_memfd: AtomicU64::new(0),
            failed: AtomicU64::new(0),
        })
    }

    /// The `SYSLOG_IDENTIFIER` (default: the program's file name).
    #[must_use]
    pub fn identifier(mut self, identifier: &str) -> Self {
        identifier.clone_into(&mut self.identifier);
        self
    }

    /// The severity (`PRIORITY`) of events with `outcome` (defaults in
    /// [`SeverityMap`]).
    #[must_use]
    pub fn severity(mut self, outcome: Outcome, severity: Severity) -> Self {
        self.severities.set(outcome, severity);
        self
    }

    /// Entries larger than `bytes` go through a memfd without trying a datagram
    /// first (default: only when the kernel refuses the datagram).
    #[must_use]
    pub fn max_datagram(mut self, bytes: usize) -> Self {
        self.max_datagram = Some(bytes);
        self
    }

    /// Entries handed to journald so far.
    #[must_use]
    pub fn sent(&self) -> u64 {
        self.sent.load(Ordering::Relaxed)
    }

    /// Of [`sent`](Self::sent), those passed as a memfd.
    #[must_use]
    pub fn sent_via_memfd(&self) -> u64 {
        self.via_memfd.load(Ordering::Relaxed)
    }

    /// Entries that could not be sent (each also reported as a sink failure).
    #[must_use]
    pub fn failed(&self) -> u64 {
        self.failed.load(Ordering::Relaxed)
    }

    /// The entry for `event`, in the native protocol's framing.
    fn entry(&self, event: &AuditEvent<'_>) -> Vec<u8> {
        let mut out = Vec::with_capacity(2048);
        let mut summary = format!(
            "audit {} {}: {} (actor {}, {} us)",
            event.phase.as_str(),
            event.operation,
            event.outcome.as_str(),
            event.actor,
            event.duration.as_micros()
        );
        summary = summary
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        field(&mut out, "MESSAGE", summary.as_bytes());
        let priority = self.severities.of(event.outcome).code();
        field(&mut out, "PRIORITY", &[b'0' + priority]);
        field(&mut out, "SYSLOG_IDENTIFIER", self.identifier.as_bytes());
        field(&mut out, "MESSAGE_ID", AUDIT_MESSAGE_ID.as_bytes());
        let timestamp = humantime::format_rfc3339_micros(event.timestamp).to_string();
        field(&mut out, "PALISADE_TIMESTAMP", timestamp.as_bytes());
        field(&mut out, "PALISADE_ID", event.id.to_string().as_bytes());
        field(&mut out, "PALISADE_PHASE", event.phase.as_str().as_bytes());
        field(&mut out, "PALISADE_OPERATION", event.operation.as_bytes());
        field(&mut out, "PALISADE_MODULE", event.module.as_bytes());
        field(
            &mut out,
            "PALISADE_OUTCOME",
            event.outcome.as_str().as_bytes(),
        );
        let duration = event.duration.as_micros().to_string();
        field(&mut out, "PALISADE_DURATION_US", duration.as_bytes());
        field(&mut out, "PALISADE_ACTOR", event.actor.as_bytes());
        if let Some(ticket) = event.change_ticket {
            field(&mut out, "PALISADE_CHANGE_TICKET", ticket.as_bytes());
        }
        field(
            &mut out,
            "PALISADE_ENVIRONMENT",
            event.environment.as_bytes(),
        );
        field(&mut out, "PALISADE_ARGS", event.args_json.as_bytes());
        let resources = event.resources_json.as_bytes();
        field(&mut out, "PALISADE_RESOURCES_AFFECTED", resources);
        if !event.metadata_json.is_empty() {
            field(
                &mut out,
                "PALISADE_METADATA",
                event.metadata_json.as_bytes(),
            );
        }
        if let Some(detail) = event.error_detail {
            let mut text = String::new();
            let _ = write!(text, "{detail}");
            field(&mut out, "PALISADE_ERROR_DETAIL", text.as_bytes());
        }
        let build = &event.build;
        field(
            &mut out,
            "PALISADE_BUILD_CRATE",
            build.crate_name.as_bytes(),
        );
        field(&mut out, "PALISADE_BUILD_VERSION", build.version.as_bytes());
        field(&mut out, "PALISADE_BUILD_RUSTC", build.rustc.as_bytes());
        field(&mut out, "PALISADE_BUILD_TARGET", build.target.as_bytes());
        field(&mut out, "PALISADE_BUILD_PROFILE", build.profile.as_bytes());
        let mut json = Vec::with_capacity(1024);
        event.write_json(&mut json);
        field(&mut out, "PALISADE_JSON", &json);
        out
    }

    /// Sends `entry` as a datagram, or through a memfd when it is too large for one.
    fn send(&self, entry: &[u8]) -> io::Result<()> {
        if self.max_datagram.is_none_or(|max| entry.len() <= max) {
            match self.socket.send_to(entry, &self.path) {
                Ok(_) => return Ok(()),
                Err(error)
                    if matches!(error.raw_os_error(), Some(libc::EMSGSIZE | libc::ENOBUFS)) => {}
                Err(error) => return Err(error),
            }
        }
        send_memfd(&self.path, entry)?;
        self.via_memfd.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }
}

impl AuditSink for JournaldSink {
    fn record(&self, event: &AuditEvent<'_>) -> Result<(), SinkError> {
        let entry = self.entry(event);
        match self.send(&entry) {
            Ok(()) => {
                self.sent.fetch_add(1, Ordering::Relaxed);
                Ok(())
            }
            Err(error) => {
                self.failed.fetch_add(1, Ordering::Relaxed);
                Err(SinkError::Io(error))
            }
        }
    }
}

/// Appends one field: `NAME=value\n`, or, when the value holds a newline, the
/// binary-safe `NAME\n` + length (u64, little-endian) + value + `\n`.
fn field(out: &mut Vec<u8>, name: &str, value: &[u8]) {
    out.extend_from_slice(name.as_bytes());
    if value.contains(&b'\n') {
        out.push(b'\n');
        out.extend_from_slice(&(value.len() as u64).to_le_bytes());
    } else {
        out.push(b'=');
    }
    out.extend_from_slice(value);
    out.push(b'\n');
}

/// Writes `entry` to a new memfd, seals it (journald refuses unsealed ones: the
/// sender could change the entry after journald checked it), and passes its
/// descriptor to journald with `SCM_RIGHTS` in an otherwise empty datagram.
fn send_memfd(path: &Path, entry: &[u8]) -> io::Result<()> {
    // SAFETY: the name is a NUL-terminated static string; the flags are valid.
    let raw = unsafe {
        libc::memfd_create(
            c"palisade-journal-entry".as_ptr(),
            libc::MFD_ALLOW_SEALING | libc::MFD_CLOEXEC,
        )
    };
    if raw < 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: `raw` is a descriptor just created and owned by nothing else.
    let fd = unsafe { OwnedFd::from_raw_fd(raw) };
    let mut file = File::from(fd);
    file.write_all(entry)?;
    let seals = libc::F_SEAL_SHRINK | libc::F_SEAL_GROW | libc::F_SEAL_WRITE | libc::F_SEAL_SEAL;
    // SAFETY: `file` owns an open memfd created with `MFD_ALLOW_SEALING`.
    if unsafe { libc::fcntl(file.as_raw_fd(), libc::F_ADD_SEALS, seals) } < 0 {
        return Err(io::Error::last_os_error());
    }
    let socket = UnixDatagram::unbound()?;
    socket.connect(path)?;
    socket.set_write_timeout(Some(Duration::from_secs(1)))?;
    let fd = file.as_raw_fd();
    // Room for one `cmsghdr` carrying one descriptor, aligned as `cmsghdr` needs.
    #[allow(clippy::cast_possible_truncation)] // the size of one `c_int`
    // SAFETY: `CMSG_SPACE` only computes a size.
    let space = unsafe { libc::CMSG_SPACE(size_of::<libc::c_int>() as u32) } as usize;
    let mut control = vec![0u64; space.div_ceil(8)];
    // SAFETY: `msghdr` is plain data; all-zero is a valid empty message.
    let mut message: libc::msghdr = unsafe { std::mem::zeroed() };
    message.msg_control = control.as_mut_ptr().cast();
    message.msg_controllen = space as _;
    // SAFETY: `msg_control` points at `space` writable, aligned bytes, enough for
    // the one header `CMSG_FIRSTHDR` returns and the descriptor written after it.
    unsafe {
        let header = libc::CMSG_FIRSTHDR(&raw const message);
        (*header).cmsg_level = libc::SOL_SOCKET;
        (*header).cmsg_type = libc::SCM_RIGHTS;
        #[allow(clippy::cast_possible_truncation)] // the size of one `c_int`
        {
            (*header).cmsg_len = libc::CMSG_LEN(size_of::<libc::c_int>() as u32) as _;
        }
        libc::CMSG_DATA(header)
            .cast::<libc::c_int>()
            .write_unaligned(fd);
    }
    // SAFETY: `socket` is a connected datagram socket; `message` is fully initialised
    // and its control buffer outlives the call.
    let sent = unsafe { libc::sendmsg(socket.as_raw_fd(), &raw const message, libc::MSG_NOSIGNAL) };
    if sent < 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_values_are_lines_and_values_with_newlines_are_length_prefixed() {
        let mut out = Vec::new();
        field(&mut out, "A", b"x=y");
        field(&mut out, "B", b"1\n2");
        let mut expected = b"A=x=y\nB\n".to_vec();
        expected.extend_from_slice(&3u64.to_le_bytes());
        expected.extend_from_slice(b"1\n2\n");
        assert_eq!(out, expected);
    }
}
