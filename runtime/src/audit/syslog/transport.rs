//! Where syslog messages go: a UDP socket, a local datagram socket, or a TCP stream
//! (RFC 6587 octet counting) that reconnects and buffers, up to a bound, while the
//! server is away.

// The runtime is `no_std`; auditing needs the standard library.
use std::prelude::rust_2021::*;
use std::{format, vec};

use std::collections::VecDeque;
use std::io::{self, Write as _};
use std::net::{SocketAddr, TcpStream, UdpSocket};
use std::os::unix::net::UnixDatagram;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use super::super::SinkError;

/// What a sink counts.
#[derive(Debug, Default)]
pub(super) struct Counters {
    /// Messages handed to the operating system.
    pub sent: AtomicU64,
    /// Events given up on (a full buffer, a failed datagram).
    pub dropped: AtomicU64,
    /// Events sent without their arguments, to fit the size limit.
    pub reduced: AtomicU64,
}

/// One of the three transports.
#[derive(Debug)]
pub(super) enum Transport {
    /// Datagrams to a UDP address (RFC 5426): one message each.
    Udp {
        /// The local socket.
        socket: UdpSocket,
        /// The server.
        to: SocketAddr,
    },
    /// Datagrams to a local socket such as `/dev/log`, addressed by path on every
    /// send, so a server that recreates its socket is found again.
    Unix {
        /// The local, unbound socket.
        socket: UnixDatagram,
        /// The server's socket.
        path: PathBuf,
    },
    /// A TCP stream, octet-counted frames.
    Tcp(Mutex<TcpLink>),
}

impl Transport {
    /// Sends one message (a datagram, or a frame `LEN SP MSG` on TCP).
    pub(super) fn send(&self, message: &[u8], counters: &Counters) -> Result<(), SinkError> {
        let sent = match self {
            Transport::Udp { socket, to } => socket.send_to(message, to),
            Transport::Unix { socket, path } => socket.send_to(message, path),
            Transport::Tcp(link) => {
                let mut frame = Vec::with_capacity(message.len() + 8);
                let _ = write!(frame, "{} ", message.len());
                frame.extend_from_slice(message);
                return lock(link).send(frame, counters);
            }
        };
        match sent {
            Ok(_) => {
                counters.sent.fetch_add(1, Ordering::Relaxed);
                Ok(())
            }
            Err(error) => {
                counters.dropped.fetch_add(1, Ordering::Relaxed);
                Err(SinkError::Io(error))
            }
        }
    }
}

/// Locks, through poisoning: a panic elsewhere leaves the link usable.
pub(super) fn lock(link: &Mutex<TcpLink>) -> std::sync::MutexGuard<'_, TcpLink> {
    link.lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// A TCP connection to the server, made again when it is lost, and the frames
/// waiting for it.
#[derive(Debug)]
pub(super) struct TcpLink {
    /// The server's addresses, tried in order.
    addrs: Vec<SocketAddr>,
    /// The connection, when there is one.
    stream: Option<TcpStream>,
    /// Frames not yet written, oldest first.
    pub(super) pending: VecDeque<Vec<u8>>,
    /// The most frames `pending` holds; past it, new events are dropped and counted.
    pub(super) capacity: usize,
    /// How long to wait after a failed connection attempt before the next one.
    pub(super) reconnect_every: Duration,
    /// Timeout of a connection attempt and of a write.
    pub(super) timeout: Duration,
    /// When the next connection attempt is due, after a failed one.
    next_attempt: Option<Instant>,
}

impl TcpLink {
    /// Connects to the first address of `addrs` that accepts.
    pub(super) fn connect(addrs: Vec<SocketAddr>, timeout: Duration) -> io::Result<Self> {
        let stream = open(&addrs, timeout)?;
        Ok(Self {
            addrs,
            stream: Some(stream),
            pending: VecDeque::new(),
            capacity: 1024,
            reconnect_every: Duration::from_secs(1),
            timeout,
            next_attempt: None,
        })
    }

    /// Writes what is pending, then `frame`; buffers `frame` while the server is
    /// away, or drops it (counted, and reported) when the buffer is full.
    fn send(&mut self, frame: Vec<u8>, counters: &Counters) -> Result<(), SinkError> {
        self.drain(false, counters);
        if self.pending.is_empty() {
            if let Some(stream) = &mut self.stream {
                if stream.write_all(&frame).is_ok() {
                    counters.sent.fetch_add(1, Ordering::Relaxed);
                    return Ok(());
                }
                self.lost();
            }
        }
        if self.pending.len() < self.capacity {
            self.pending.push_back(frame);
            return Ok(());
        }
        counters.dropped.fetch_add(1, Ordering::Relaxed);
        Err(SinkError::Other(format!(
            "syslog server {} unreachable and {} events already buffered: event dropped",
            self.addrs
                .first()
                .map_or_else(String::new, ToString::to_string),
            self.pending.len()
        )))
    }

    /// Writes the pending frames, oldest first, if the server can be reached (a
    /// connection attempt is made when one is due, or always with `force`).
    pub(super) fn drain(&mut self, force: bool, counters: &Counters) {
        if !self.live(force) {
            return;
        }
        while let Some(frame) = self.pending.front() {
            let Some(stream) = &mut self.stream else {
                return;
            };
            if stream.write_all(frame).is_err() {
                self.lost();
                return;
            }
            counters.sent.fetch_add(1, Ordering::Relaxed);
            self.pending.pop_front();
        }
    }

    /// Whether there is a connection that the server has not closed, reconnecting
    /// when it has (at once) or when an attempt is due.
    fn live(&mut self, force: bool) -> bool {
        if let Some(stream) = &self.stream {
            if still_open(stream) {
                return true;
            }
            self.stream = None;
            self.next_attempt = None;
        }
        if !force && self.next_attempt.is_some_and(|due| Instant::now() < due) {
            return false;
        }
        if let Ok(stream) = open(&self.addrs, self.timeout) {
            self.stream = Some(stream);
            self.next_attempt = None;
            true
        } else {
            self.next_attempt = Some(Instant::now() + self.reconnect_every);
            false
        }
    }

    /// Forgets a connection a write failed on; the next attempt is due at once.
    fn lost(&mut self) {
        self.stream = None;
        self.next_attempt = None;
    }
}

/// Checks the connection before writing on it: a syslog server never sends, so
/// anything readable is the end of the stream (it closed, or was killed). This
/// catches a server that went away between two events; one dying during a write is
/// what TCP cannot report (RFC 6587 has no acknowledgements).
fn still_open(stream: &TcpStream) -> bool {
    if stream.set_nonblocking(true).is_err() {
        return false;
    }
    let mut byte = [0; 1];
    let open = match stream.peek(&mut byte) {
        Err(error) => error.kind() == io::ErrorKind::WouldBlock,
        // A server that sends something: ignore it (and drop it from the queue).
        Ok(n) if n > 0 => {
            let mut unread = vec![0; 4096];
            let mut reader: &TcpStream = stream;
            let _ = io::Read::read(&mut reader, &mut unread);
            true
        }
        Ok(_) => false,
    };
    stream.set_nonblocking(false).is_ok() && open
}

/// A new connection to the first of `addrs` that accepts, with write timeouts.
fn open(addrs: &[SocketAddr], timeout: Duration) -> io::Result<TcpStream> {
    let mut last = io::Error::new(io::ErrorKind::InvalidInput, "no address to connect to");
    for addr in addrs {
        match TcpStream::connect_timeout(addr, timeout) {
            Ok(stream) => {
                stream.set_write_timeout(Some(timeout))?;
                let _ = stream.set_nodelay(true);
                return Ok(stream);
            }
            Err(error) => last = error,
        }
    }
    Err(last)
}
