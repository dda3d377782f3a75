//! [`SyslogSink`]: audit events as RFC 5424 syslog messages over UDP, TCP (RFC 6587
//! octet counting, reconnecting, with a bounded buffer) or a local datagram socket
//! such as `/dev/log`.

// The runtime is `no_std`; auditing needs the standard library.
use std::format;
use std::prelude::rust_2021::*;

use std::io;
use std::net::{SocketAddr, ToSocketAddrs, UdpSocket};
use std::os::unix::net::UnixDatagram;
use std::path::Path;
use std::sync::atomic::Ordering;
use std::sync::Mutex;
use std::time::Duration;

use super::event::{AuditEvent, Outcome};
use super::severity::{Severity, SeverityMap};
use super::{AuditSink, SinkError};

mod message;
mod transport;

use message::{Cut, Header};
use transport::{Counters, TcpLink, Transport};

/// The IANA private enterprise number in the default SD-ID `audit@32473`: 32473 is
/// the number RFC 5612 reserves for documentation and examples. Use your
/// organisation's own with [`SyslogSink::enterprise_id`].
pub const EXAMPLE_ENTERPRISE_ID: u32 = 32_473;

/// The largest message a [`SyslogSink`] sends by default: 8 KiB, rsyslog's default
/// `maxMessageSize`, so the server never cuts one.
pub const DEFAULT_MAX_MESSAGE: usize = 8 * 1024;

/// The largest UDP payload over IPv4 (RFC 5426 §3.2).
const UDP_MAX: usize = 65_507;

/// How long a TCP connection attempt or write may take by default.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(5);

/// A syslog facility (RFC 5424 §6.2.1). The default is [`Facility::LogAudit`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[allow(missing_docs)] // The names are the RFC's table.
pub enum Facility {
    Kern = 0,
    User = 1,
    Mail = 2,
    Daemon = 3,
    Auth = 4,
    Syslog = 5,
    Lpr = 6,
    News = 7,
    Uucp = 8,
    Cron = 9,
    AuthPriv = 10,
    Ftp = 11,
    Ntp = 12,
    /// 13, "log audit": what audit trails are for.
    #[default]
    LogAudit = 13,
    LogAlert = 14,
    Clock = 15,
    Local0 = 16,
    Local1 = 17,
    Local2 = 18,
    Local3 = 19,
    Local4 = 20,
    Local5 = 21,
    Local6 = 22,
    Local7 = 23,
}

impl Facility {
    /// The RFC 5424 number, 0 to 23.
    #[must_use]
    pub const fn code(self) -> u8 {
        self as u8
    }
}

/// Sends each event as an RFC 5424 message:
///
/// ```text
/// <PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID [audit@PEN id="…" phase="…" operation="…" outcome="…" actor="…" module="…" duration_us="…" environment="…" change_ticket="…"] {"timestamp":…}
/// ```
///
/// `PRI` is the facility (default `LogAudit`, 13) × 8 + the outcome's severity
/// ([`SeverityMap`]: failures and panics rank above successes); the timestamp is the
/// event's, RFC 3339 with microseconds; `HOSTNAME` the machine's (from
/// `/proc/sys/kernel/hostname`), `APP-NAME` the program's name, `PROCID` its pid,
/// `MSGID` the operation (header fields are printable ASCII cut to the RFC's
/// lengths, `-` when empty). The structured-data element carries the key fields
/// (values escaped per §6.3.3); the MSG is the whole event as JSON, in ASCII
/// (non-ASCII characters as `\u` escapes), so no BOM is needed.
///
/// An event whose message would pass [`max_message`](Self::max_message) (default
/// 8 KiB, rsyslog's default limit) is sent with its `args` and `resources_affected`
/// replaced by a marker and its `error_detail` cut, and counted in
/// [`reduced`](Self::reduced).
///
/// Transports:
/// - [`udp`](Self::udp): one datagram per event (RFC 5426). Loss on the network is
///   invisible to the sender: prefer TCP for audit trails.
/// - [`tcp`](Self::tcp): octet-counted frames (RFC 6587 §3.4.1). When the server
///   closes the connection (it stopped or restarted), the next event reconnects;
///   while it cannot, events wait in a buffer ([`buffer`](Self::buffer), default
///   1024 events), written in order once a connection is made again (at the next
///   event, or [`flush`](Self::flush)). An event that finds the buffer full is
///   dropped, counted in [`dropped`](Self::dropped), and reported as a sink failure
///   (so [`sink_failures`](super::sink_failures) and the error hook see it). What TCP
///   cannot tell: a message written in the instant the server dies, or read by the
///   server but not yet stored when it is killed. Sending happens in the audited
///   call's thread: a connection attempt to a host that does not answer waits up to
///   [`timeout`](Self::timeout) (5 s), once per [`reconnect_every`](Self::reconnect_every).
/// - [`unix`](Self::unix) / [`local`](Self::local): datagrams to a local socket
///   (`/dev/log`); the server must parse RFC 5424 (rsyslog's `imuxsock` with
///   `useSpecialParser="off"`, syslog-ng's `unix-dgram` with `flags(syslog-protocol)`).
///   A send that fails (no server) is dropped, counted and reported.
///
/// ```no_run
/// use palisade::audit::{self, Facility, Severity, Outcome, SyslogSink};
///
/// let sink = SyslogSink::tcp("127.0.0.1:514")?
///     .app_name("billing")
///     .facility(Facility::Local4)
///     .severity(Outcome::Failure, Severity::Error)
///     .max_message(64 * 1024);
/// audit::install(sink).expect("installed once");
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug)]
pub struct SyslogSink {
    header: Header,
    max_message: usize,
    transport: Transport,
    counters: Counters,
}

impl SyslogSink {
    fn with(transport: Transport, max_message: usize) -> Self {
        let program = std::env::args_os()
            .next()
            .and_then(|path| {
                Path::new(&path)
                    .file_name()
                    .map(|name| name.to_string_lossy().into_owned())
            })
            .unwrap_or_default();
        let hostname = std::fs::read_to_string("/proc/sys/kernel/hostname")
            .ok()
            .or_else(|| std::env::var("HOSTNAME").ok())
            .unwrap_or_default();
        Self {
            header: Header {
                facility: Facility::default(),
                severities: SeverityMap::default(),
                hostname: message::header_field(hostname.trim(), message::HOSTNAME_MAX),
                app_name: message::header_field(&program, message::APP_NAME_MAX),
                procid: message::header_field(&std::process::id().to_string(), message::PROCID_MAX),
                enterprise_id: EXAMPLE_ENTERPRISE_ID,
            },
            max_message,
            transport,
            counters: Counters::default(),
        }
    }

    /// Sends datagrams to `addr` (RFC 5426) from a socket bound to an ephemeral port.
    ///
    /// # Errors
    /// `addr` does not resolve, or the local socket cannot be bound.
    pub fn udp(addr: impl ToSocketAddrs) -> io::Result<Self> {
        let to = resolve(addr)?
            .into_iter()
            .next()
            .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "no address"))?;
        let local: SocketAddr = if to.is_ipv4() {
            ([0, 0, 0, 0], 0).into()
        } else {
            ([0u16; 8], 0).into()
        };
        let socket = UdpSocket::bind(local)?;
        Ok(Self::with(
            Transport::Udp { socket, to },
            DEFAULT_MAX_MESSAGE,
        ))
    }

    /// Connects to `addr` over TCP; messages are octet-counted frames (RFC 6587).
    ///
    /// # Errors
    /// `addr` does not resolve, or no server accepts the connection (within 5 s):
    /// a server missing at start is a configuration error, reported here. Once
    /// connected, outages are bridged by the buffer.
    pub fn tcp(addr: impl ToSocketAddrs) -> io::Result<Self> {
        let link = TcpLink::connect(resolve(addr)?, DEFAULT_TIMEOUT)?;
        Ok(Self::with(
            Transport::Tcp(Mutex::new(link)),
            DEFAULT_MAX_MESSAGE,
        ))
    }

    /// Sends datagrams to the local socket at `path`.
    ///
    /// # Errors
    /// Nothing is listening at `path` (checked by connecting once), or the local
    /// socket cannot be made.
    pub fn unix(path: impl AsRef<Path>) -> io::Result<Self> {
        let path = path.as_ref().to_path_buf();
        UnixDatagram::unbound()?.connect(&path)?;
        let socket = UnixDatagram::unbound()?;
        socket.set_write_timeout(Some(DEFAULT_TIMEOUT))?;
        Ok(Self::with(
            Transport::Unix { socket, path },
            DEFAULT_MAX_MESSAGE,
        ))
    }

    /// [`unix`](Self::unix) on `/dev/log`, the system's syslog socket.
    ///
    /// # Errors
    /// As [`unix`](Self::unix).
    pub fn local() -> io::Result<Self> {
        Self::unix("/dev/log")
    }

    /// The APP-NAME (default: the program's file name); printable ASCII, at most 48
    /// bytes (other characters become `_`, the rest is cut).
    #[must_use]
    pub fn app_name(mut self, name: &str) -> Self {
        self.header.app_name = message::header_field(name, message::APP_NAME_MAX);
        self
    }

    /// The HOSTNAME (default: the kernel's host name); printable ASCII, at most 255
    /// bytes.
    #[must_use]
    pub fn hostname(mut self, name: &str) -> Self {
        self.header.hostname = message::header_field(name, message::HOSTNAME_MAX);
        self
    }

    /// The facility (default [`Facility::LogAudit`]).
    #[must_use]
    pub fn facility(mut self, facility: Facility) -> Self {
        self.header.facility = facility;
        self
    }

    /// The severity of events with `outcome` (defaults in [`SeverityMap`]).
    #[must_use]
    pub fn severity(mut self, outcome: Outcome, severity: Severity) -> Self {
        self.header.severities.set(outcome, severity);
        self
    }

    /// The private enterprise number of the SD-ID `audit@PEN` (default
    /// [`EXAMPLE_ENTERPRISE_ID`], 32473).
    #[must_use]
    pub fn enterprise_id(mut self, pen: u32) -> Self {
        self.header.enterprise_id = pen;
        self
    }

    /// The largest message to send, in bytes (default 8 KiB; at most 65,507 over
    /// UDP). Raise it together with the server's limit (rsyslog's
    /// `global(maxMessageSize=..)`).
    #[must_use]
    pub fn max_message(mut self, bytes: usize) -> Self {
        self.max_message = match self.transport {
            Transport::Udp { .. } => bytes.min(UDP_MAX),
            _ => bytes,
        };
        self
    }

    /// TCP only: how many events to hold while the server is unreachable (default
    /// 1024); past it, events are dropped and counted.
    #[must_use]
    pub fn buffer(self, events: usize) -> Self {
        if let Transport::Tcp(link) = &self.transport {
            transport::lock(link).capacity = events;
        }
        self
    }

    /// TCP only: the least time between two connection attempts while the server
    /// is unreachable (default 1 s), so that events do not each wait for one.
    #[must_use]
    pub fn reconnect_every(self, interval: Duration) -> Self {
        if let Transport::Tcp(link) = &self.transport {
            transport::lock(link).reconnect_every = interval;
        }
        self
    }

    /// TCP only: the timeout of a connection attempt and of a write (default 5 s).
    #[must_use]
    pub fn timeout(self, timeout: Duration) -> Self {
        if let Transport::Tcp(link) = &self.transport {
            transport::lock(link).timeout = timeout;
        }
        self
    }

    /// Messages handed to the operating system so far.
    #[must_use]
    pub fn sent(&self) -> u64 {
        self.counters.sent.load(Ordering::Relaxed)
    }

    /// Events dropped so far (buffer full, or a datagram that could not be sent);
    /// each was also reported as a sink failure.
    #[must_use]
    pub fn dropped(&self) -> u64 {
        self.counters.dropped.load(Ordering::Relaxed)
    }

    /// Events sent without their arguments to fit [`max_message`](Self::max_message).
    #[must_use]
    pub fn reduced(&self) -> u64 {
        self.counters.reduced.load(Ordering::Relaxed)
    }

    /// TCP: events waiting for the server (0 for datagrams).
    #[must_use]
    pub fn buffered(&self) -> usize {
        match &self.transport {
            Transport::Tcp(link) => transport::lock(link).pending.len(),
            _ => 0,
        }
    }

    /// TCP: tries to connect now (if needed) and write the buffered events.
    ///
    /// # Errors
    /// [`SinkError::Other`] saying how many events are still buffered.
    pub fn flush(&self) -> Result<(), SinkError> {
        if let Transport::Tcp(link) = &self.transport {
            let mut link = transport::lock(link);
            link.drain(true, &self.counters);
            if !link.pending.is_empty() {
                return Err(SinkError::Other(format!(
                    "{} audit events still wait for the syslog server",
                    link.pending.len()
                )));
            }
        }
        Ok(())
    }

    /// The message for `event`, reduced to fit `max_message` when it would not.
    fn message(&self, event: &AuditEvent<'_>) -> Vec<u8> {
        let mut out = Vec::with_capacity(1024);
        message::write(&mut out, &self.header, event);
        if out.len() <= self.max_message {
            return out;
        }
        self.counters.reduced.fetch_add(1, Ordering::Relaxed);
        let detail = event.error_detail.map(|inner| Cut { inner, max: 256 });
        let reduced = AuditEvent {
            args_json: message::OMITTED_ARGS,
            resources_json: "[]",
            metadata_json: "",
            error_detail: detail.as_ref().map(|cut| cut as &dyn std::fmt::Display),
            ..*event
        };
        out.clear();
        message::write(&mut out, &self.header, &reduced);
        out
    }
}

impl AuditSink for SyslogSink {
    fn record(&self, event: &AuditEvent<'_>) -> Result<(), SinkError> {
        let message = self.message(event);
        self.transport.send(&message, &self.counters)
    }
}

impl Drop for SyslogSink {
    /// Makes a last attempt to write what is buffered; what is still left is
    /// counted as dropped and reported.
    fn drop(&mut self) {
        if self.flush().is_err() {
            let left = self.buffered();
            self.counters
                .dropped
                .fetch_add(left as u64, Ordering::Relaxed);
            let error = SinkError::Other(format!(
                "syslog sink dropped with {left} events the server never got"
            ));
            for _ in 0..left {
                super::report_failure(&error);
            }
        }
    }
}

/// `addr`'s socket addresses, an error when there are none.
fn resolve(addr: impl ToSocketAddrs) -> io::Result<Vec<SocketAddr>> {
    let addrs: Vec<SocketAddr> = addr.to_socket_addrs()?.collect();
    if addrs.is_empty() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "the address resolves to nothing",
        ));
    }
    Ok(addrs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::SystemTime;

    use super::super::event::{BuildInfo, EventId, Phase};

    fn event(args: &str, outcome: Outcome) -> AuditEvent<'_> {
        AuditEvent {
            timestamp: SystemTime::UNIX_EPOCH + Duration::from_micros(1_700_000_000_123_456),
            id: EventId(7),
            phase: Phase::Finish,
            operation: "accounts.transfer",
            module: "bank",
            outcome,
            duration: Duration::from_micros(42),
            actor: "al\"i]ce",
            change_ticket: None,
            environment: "prod",
            args_json: args,
            resources_json: "[]",
            metadata_json: "",
            error_detail: None,
            build: BuildInfo {
                crate_name: "bank",
                version: "1.0.0",
                rustc: "rustc",
                target: "x86_64",
                profile: "release",
            },
        }
    }

    fn sink() -> SyslogSink {
        SyslogSink::udp("127.0.0.1:9")
            .unwrap()
            .hostname("host")
            .app_name("app")
    }

    #[test]
    #[cfg_attr(miri, ignore = "Miri has no sockets")]
    fn the_message_has_every_rfc_5424_part() {
        let sink = sink();
        let text =
            String::from_utf8(sink.message(&event("{\"n\":\"é\"}", Outcome::Failure))).unwrap();
        let pid = std::process::id();
        // LogAudit (13) × 8 + Warning (4).
        let expected = format!(
            "<108>1 2023-11-14T22:13:20.123456Z host app {pid} accounts.transfer \
             [audit@32473 id=\"00000000-0000-0000-0000-000000000007\" phase=\"finish\" \
             operation=\"accounts.transfer\" outcome=\"failure\" actor=\"al\\\"i\\]ce\" \
             module=\"bank\" duration_us=\"42\" environment=\"prod\"] {{\"timestamp\""
        );
        assert!(text.starts_with(&expected), "{text}");
        assert!(text.contains("\"args\":{\"n\":\"\\u00e9\"}"), "{text}");
        assert!(text.is_ascii());
    }

    #[test]
    #[cfg_attr(miri, ignore = "Miri has no sockets")]
    fn success_ranks_below_failure_and_panic_and_the_map_is_configurable() {
        let sink = sink().facility(Facility::Local0);
        let pri = |sink: &SyslogSink, outcome| {
            let text = String::from_utf8(sink.message(&event("{}", outcome))).unwrap();
            text[1..text.find('>').unwrap()].parse::<u16>().unwrap()
        };
        assert_eq!(pri(&sink, Outcome::Success), 16 * 8 + 5);
        assert_eq!(pri(&sink, Outcome::Failure), 16 * 8 + 4);
        assert_eq!(pri(&sink, Outcome::Panic), 16 * 8 + 3);
        let sink = sink.severity(Outcome::Success, Severity::Debug);
        assert_eq!(pri(&sink, Outcome::Success), 16 * 8 + 7);
    }

    #[test]
    #[cfg_attr(miri, ignore = "Miri has no sockets")]
    fn an_oversized_event_is_reduced_to_fit_and_counted() {
        let sink = sink().max_message(2048);
        let big = format!("{{\"blob\":\"{}\"}}", "x".repeat(4000));
        let message = sink.message(&event(&big, Outcome::Success));
        assert!(message.len() <= 2048);
        let text = String::from_utf8(message).unwrap();
        assert!(text.contains(message::OMITTED_ARGS), "{text}");
        assert_eq!(sink.reduced(), 1);
    }
}
