//! [`Background`]: a bounded queue in front of a sink and one writer thread that
//! drains it, so the audited call only copies its event and enqueues it; and
//! [`flush`], which waits for every background writer.
//!
//! The queue is std's `sync_channel` (since Rust 1.67 the array flavour of
//! crossbeam-channel, ported into std): a lock-free bounded ring whose sender blocks
//! or fails when full, which is exactly [`Overflow::Block`] and
//! [`Overflow::DropNewest`], with no dependency.

// The runtime is `no_std`; auditing needs the standard library.
use std::prelude::rust_2021::*;
use std::thread_local;

use std::cell::Cell;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, SyncSender, TrySendError};
use std::sync::{Arc, Mutex, Once, Weak};
use std::thread::JoinHandle;
use std::time::{Duration, Instant, SystemTime};

use super::event::{AuditEvent, BuildInfo, EventId, Outcome, Phase};
use super::owned::OwnedAuditEvent;
use super::{AlreadyInstalled, AuditSink, SinkError};

/// The most events the writer hands its sink in one [`AuditSink::record_batch`].
/// Together with the queue's capacity it bounds what a `kill -9` can lose: at most
/// `capacity + MAX_BATCH` events that the audited calls had enqueued.
pub const MAX_BATCH: usize = 256;

/// How long the flush at process exit waits for the writers before giving up, so a
/// sink that hangs (a network peer that stopped reading) cannot hang the exit.
const EXIT_FLUSH_TIMEOUT: Duration = Duration::from_secs(10);

/// What the audited call does when the queue is full.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overflow {
    /// Wait for room: no event is ever lost, but a call may wait for the writer
    /// (for as long as the sink takes to write a batch).
    Block,
    /// Never wait: the event is dropped and counted ([`sink_failures`](super::sink_failures)
    /// at once, [`Background::dropped`]), and a `gap` record with the number of
    /// dropped events ([`Phase::Gap`]) is enqueued as soon as there is room again,
    /// so the log itself shows where and how many; the error hook gets
    /// [`SinkError::Dropped`] when the writer writes it.
    DropNewest,
}

/// What travels through the queue.
// Events go inline in the queue's slots (no allocation per event for the usual
// one); the small variants are rare control messages.
#[allow(clippy::large_enum_variant)]
enum Message {
    /// An event to record.
    Event(OwnedAuditEvent),
    /// `dropped` events were dropped before this point, the last at `at`.
    Gap { dropped: u64, at: SystemTime },
    /// Flush the sink, then acknowledge.
    Flush(SyncSender<()>),
    /// Flush the sink and end the writer.
    Stop,
}

/// What the audited calls and [`flush`] share with the writer.
struct Shared {
    /// The queue's sending end.
    sender: SyncSender<Message>,
    /// What to do when it is full.
    overflow: Overflow,
    /// Dropped events not yet covered by an enqueued gap record.
    pending_gap: AtomicU64,
    /// Every event dropped, for [`Background::dropped`].
    dropped: AtomicU64,
    /// The sink, also reachable from here so that a `fork()` child (which has no
    /// writer thread) records into it directly.
    sink: Arc<dyn AuditSink>,
    /// The fork generation the writer thread runs in.
    generation: u64,
}

/// Every live background writer, for [`flush`].
static WRITERS: Mutex<Vec<Weak<Shared>>> = Mutex::new(Vec::new());

thread_local! {
    /// Set on writer threads: a flush from there would wait on itself.
    static IS_WRITER: Cell<bool> = const { Cell::new(false) };
}

/// A sink that writes on a thread of its own: the audited call copies its event
/// ([`OwnedAuditEvent`]: no JSON, no allocation for the usual event) into a bounded
/// queue, and one writer thread drains it into the wrapped sink, up to [`MAX_BATCH`] events per
/// [`AuditSink::record_batch`] call (one `write` per batch for [`JsonLinesFile`]).
///
/// - [`Overflow::Block`] never loses an event and may make a call wait;
///   [`Overflow::DropNewest`] never waits, counts what it drops and writes a `gap`
///   record in its place.
/// - A sink that fails or panics in the writer thread: the event is counted in
///   [`sink_failures`](super::sink_failures) and reported to the error hook; the
///   writer catches the panic and goes on.
/// - [`flush`] (and [`FlushGuard`], from [`install`](Self::install)) waits until
///   everything enqueued before it is written and the sink flushed. At normal
///   process exit (`main` returning, `std::process::exit`) an `atexit` handler
///   flushes every writer (waiting at most 10 s). Dropping a `Background` flushes it
///   and stops its writer.
/// - What can be lost: a `kill -9` (or an abort, or a signal that kills) loses the
///   events still queued, at most `capacity + MAX_BATCH`; what the writer already
///   passed to `write(2)` is in the kernel and survives it (a power loss is the
///   sink's flush policy: [`Flush`](super::Flush)).
/// - After `fork()` the child has no writer thread: its events go straight to the
///   sink, synchronously; events queued in the parent are written by the parent.
///
/// [`JsonLinesFile`]: super::JsonLinesFile
///
/// ```
/// use palisade::audit::{self, Background, JsonLinesFile, Overflow};
///
/// #[palisade::audit_log]
/// fn ping() {}
///
/// let path = std::env::temp_dir().join(format!("audit-bg-doc-{}.jsonl", std::process::id()));
/// let file = JsonLinesFile::open(&path)?;
/// let background = std::sync::Arc::new(Background::new(file, 10_000, Overflow::Block)?);
/// {
///     let _scope = audit::scoped_sink(background.clone());
///     ping();
/// }
/// audit::flush();
/// assert_eq!(std::fs::read_to_string(&path)?.lines().count(), 1);
/// # std::fs::remove_file(&path)?;
/// # Ok::<(), std::io::Error>(())
/// ```
pub struct Background {
    /// Shared with the writer and [`flush`].
    shared: Arc<Shared>,
    /// The writer thread, joined on drop.
    writer: Option<JoinHandle<()>>,
}

impl std::fmt::Debug for Background {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Background")
            .field("overflow", &self.shared.overflow)
            .field("dropped", &self.dropped())
            .finish_non_exhaustive()
    }
}

impl Background {
    /// Starts a writer thread (named `palisade-audit`) that records into `sink`, fed
    /// by a queue of `capacity` events.
    ///
    /// # Errors
    /// `InvalidInput` for a capacity of 0; the error of spawning the thread.
    pub fn new(
        sink: impl AuditSink + 'static,
        capacity: usize,
        overflow: Overflow,
    ) -> std::io::Result<Self> {
        if capacity == 0 {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "a background audit queue needs a capacity of at least 1",
            ));
        }
        let sink: Arc<dyn AuditSink> = Arc::new(sink);
        let (sender, receiver) = mpsc::sync_channel(capacity);
        let writer_sink = sink.clone();
        let writer = std::thread::Builder::new()
            .name("palisade-audit".into())
            .spawn(move || write_until_stopped(&receiver, &*writer_sink))?;
        let shared = Arc::new(Shared {
            sender,
            overflow,
            pending_gap: AtomicU64::new(0),
            dropped: AtomicU64::new(0),
            sink,
            generation: super::id::fork_generation(),
        });
        {
            let mut writers = WRITERS
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            writers.retain(|writer| writer.strong_count() > 0);
            writers.push(Arc::downgrade(&shared));
        }
        flush_at_exit();
        Ok(Background {
            shared,
            writer: Some(writer),
        })
    }

    /// Installs this as the process-wide sink ([`audit::install`](super::install)),
    /// and returns a guard that [`flush`]es when dropped: keep it in `main`.
    ///
    /// ```no_run
    /// use palisade::audit::{Background, JsonLinesFile, Overflow};
    ///
    /// fn main() -> Result<(), Box<dyn std::error::Error>> {
    ///     let file = JsonLinesFile::open("/var/log/app/audit.jsonl")?;
    ///     let _flush = Background::new(file, 65_536, Overflow::Block)?.install()?;
    ///     // ... the application ...
    ///     Ok(())
    /// }
    /// ```
    ///
    /// # Errors
    /// [`AlreadyInstalled`] when a sink was installed before.
    pub fn install(self) -> Result<FlushGuard, AlreadyInstalled> {
        super::install(self)?;
        Ok(FlushGuard { _private: () })
    }

    /// How many events this writer's queue dropped ([`Overflow::DropNewest`]).
    #[must_use]
    pub fn dropped(&self) -> u64 {
        self.shared.dropped.load(Ordering::Relaxed)
    }
}

impl Shared {
    /// Enqueues a gap record for the drops not yet covered by one, if there is room.
    fn enqueue_gap(&self) {
        let dropped = self.pending_gap.swap(0, Ordering::Relaxed);
        if dropped == 0 {
            return;
        }
        let gap = Message::Gap {
            dropped,
            at: SystemTime::now(),
        };
        if self.sender.try_send(gap).is_err() {
            self.pending_gap.fetch_add(dropped, Ordering::Relaxed);
        }
    }

    /// Waits until the writer has written everything enqueued before and flushed its
    /// sink, or until `deadline`; whether it did.
    fn flush(&self, deadline: Option<Instant>) -> bool {
        if IS_WRITER.try_with(Cell::get).unwrap_or(false) || super::id::forks() != self.generation {
            // A sink that flushes from the writer thread, or a fork child without one.
            return self.sink.flush().is_ok();
        }
        if self.pending_gap.load(Ordering::Relaxed) != 0 {
            let dropped = self.pending_gap.swap(0, Ordering::Relaxed);
            let gap = Message::Gap {
                dropped,
                at: SystemTime::now(),
            };
            if !send_by(&self.sender, gap, deadline) {
                self.pending_gap.fetch_add(dropped, Ordering::Relaxed);
                return false;
            }
        }
        let (ack, acked) = mpsc::sync_channel(1);
        if !send_by(&self.sender, Message::Flush(ack), deadline) {
            return false;
        }
        match deadline {
            None => acked.recv().is_ok(),
            Some(deadline) => acked
                .recv_timeout(deadline.saturating_duration_since(Instant::now()))
                .is_ok(),
        }
    }
}

/// Sends `message`, waiting for room until `deadline` (forever without one); whether
/// it was sent.
fn send_by(sender: &SyncSender<Message>, message: Message, deadline: Option<Instant>) -> bool {
    let Some(deadline) = deadline else {
        return sender.send(message).is_ok();
    };
    let mut message = message;
    loop {
        match sender.try_send(message) {
            Ok(()) => return true,
            Err(TrySendError::Disconnected(_)) => return false,
            Err(TrySendError::Full(back)) => {
                if Instant::now() >= deadline {
                    return false;
                }
                message = back;
                std::thread::sleep(Duration::from_millis(1));
            }
        }
    }
}

impl AuditSink for Background {
    fn record(&self, event: &AuditEvent<'_>) -> Result<(), SinkError> {
        let shared = &*self.shared;
        if super::id::forks() != shared.generation {
            return shared.sink.record(event);
        }
        if shared.pending_gap.load(Ordering::Relaxed) != 0 {
            shared.enqueue_gap();
        }
        let message = Message::Event(OwnedAuditEvent::from(event));
        let stopped = || SinkError::Other("the background audit writer has stopped".into());
        match shared.overflow {
            Overflow::Block => shared.sender.send(message).map_err(|_| stopped()),
            Overflow::DropNewest => match shared.sender.try_send(message) {
                Ok(()) => Ok(()),
                Err(TrySendError::Full(_)) => {
                    // Counted here, reported to the hook by the writer with the gap
                    // record: the hook is user code, and this call never waits.
                    shared.pending_gap.fetch_add(1, Ordering::Relaxed);
                    shared.dropped.fetch_add(1, Ordering::Relaxed);
                    super::count_failures(1);
                    Ok(())
                }
                Err(TrySendError::Disconnected(_)) => Err(stopped()),
            },
        }
    }

    fn flush(&self) -> Result<(), SinkError> {
        if self.shared.flush(None) {
            Ok(())
        } else {
            Err(SinkError::Other(
                "the background audit writer has stopped".into(),
            ))
        }
    }
}

impl Drop for Background {
    fn drop(&mut self) {
        let shared = &*self.shared;
        if super::id::forks() != shared.generation {
            return;
        }
        let dropped = shared.pending_gap.swap(0, Ordering::Relaxed);
        if dropped != 0 {
            let _ = shared.sender.send(Message::Gap {
                dropped,
                at: SystemTime::now(),
            });
        }
        let _ = shared.sender.send(Message::Stop);
        if let Some(writer) = self.writer.take() {
            let _ = writer.join();
        }
    }
}

/// Flushes every [`Background`] writer when dropped. Returned by
/// [`Background::install`]; keep it alive in `main`.
#[must_use = "the guard flushes when it is dropped; keep it until the end of main"]
#[derive(Debug)]
pub struct FlushGuard {
    /// Made only by `install`.
    _private: (),
}

impl Drop for FlushGuard {
    fn drop(&mut self) {
        flush();
    }
}

/// Blocks until every live [`Background`] writer has written every event enqueued
/// before this call (a `gap` record for drops included) and flushed its sink
/// ([`AuditSink::flush`]: `fdatasync` for a [`JsonLinesFile`](super::JsonLinesFile)
/// with a flush policy other than [`Flush::Never`](super::Flush::Never)); then
/// flushes the sink set with [`install`](super::install) (a `JsonLinesFile`
/// installed without a `Background` is synced too). Scoped sinks are the business
/// of the thread that set them.
///
/// Called from a writer thread (a sink that flushes), it only flushes that sink.
pub fn flush() {
    for shared in live_writers() {
        shared.flush(None);
    }
    flush_installed();
}

/// [`flush`], waiting at most `timeout` in all; whether every writer was flushed
/// in time.
#[must_use]
pub fn flush_within(timeout: Duration) -> bool {
    let deadline = Instant::now() + timeout;
    let mut all = true;
    // Every writer gets its chance, even after one failed.
    for shared in live_writers() {
        all &= shared.flush(Some(deadline));
    }
    // Not when a writer is stuck: the installed sink may be that writer.
    if all {
        flush_installed();
    }
    all
}

/// Flushes the installed sink; a failure (or a panic) goes to the error hook.
fn flush_installed() {
    if IS_WRITER.try_with(Cell::get).unwrap_or(false) {
        return;
    }
    if let Some(sink) = super::GLOBAL_SINK.get() {
        flush_sink(&**sink);
    }
}

/// Every writer still alive.
fn live_writers() -> Vec<Arc<Shared>> {
    WRITERS
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .iter()
        .filter_map(Weak::upgrade)
        .collect()
}

/// The writer thread: drains the queue in batches into `sink` until told to stop
/// (or every sender is gone).
fn write_until_stopped(receiver: &Receiver<Message>, sink: &dyn AuditSink) {
    IS_WRITER.with(|flag| flag.set(true));
    // Events raised by the sink's own audited calls are dropped and counted, never
    // enqueued into this queue, which the writer would then wait on.
    super::set_in_sink(true);
    let mut batch: Vec<OwnedAuditEvent> = Vec::with_capacity(MAX_BATCH);
    loop {
        let Ok(first) = receiver.recv() else {
            return;
        };
        let mut next = Some(first);
        let mut control = None;
        while let Some(message) = next.take() {
            match message {
                Message::Event(event) => batch.push(event),
                Message::Gap { dropped, at } => batch.push(gap_record(dropped, at)),
                other => {
                    control = Some(other);
                    break;
                }
            }
            if batch.len() < MAX_BATCH {
                next = receiver.try_recv().ok();
            }
        }
        write_batch(sink, &batch);
        batch.clear();
        match control {
            Some(Message::Flush(ack)) => {
                flush_sink(sink);
                let _ = ack.send(());
            }
            Some(Message::Stop) => {
                flush_sink(sink);
                return;
            }
            _ => {}
        }
    }
}

/// Flushes `sink`, reporting a failure (or a panic) to the hook without counting an
/// event: nothing was lost that `record` did not already report.
fn flush_sink(sink: &dyn AuditSink) {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| sink.flush())) {
        Ok(Ok(())) => {}
        Ok(Err(error)) => super::call_hook(&error),
        Err(_) => super::call_hook(&SinkError::Panicked),
    }
}

/// Hands `batch` to `sink`; every event it reports failed is counted and reported;
/// if the sink panics, every event it had not reported is counted as failed.
fn write_batch(sink: &dyn AuditSink, batch: &[OwnedAuditEvent]) {
    if batch.is_empty() {
        return;
    }
    let events = batch
        .iter()
        .map(OwnedAuditEvent::as_event)
        .collect::<Vec<_>>();
    let mut failed = 0;
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        sink.record_batch(&events, &mut |error| {
            failed += 1;
            super::report_failure(&error);
        });
    }));
    for event in &events {
        if let Phase::Gap { dropped } = event.phase {
            // Counted when they were dropped; the hook hears of them now.
            super::call_hook(&SinkError::Dropped(dropped));
        }
    }
    if outcome.is_err() {
        super::count_failures((events.len() - failed.min(events.len())) as u64);
        super::call_hook(&SinkError::Panicked);
    }
}

/// The `gap` record for `dropped` events dropped up to `at`.
fn gap_record(dropped: u64, at: SystemTime) -> OwnedAuditEvent {
    let (change_ticket, environment) = super::deployment();
    let detail = SinkError::Dropped(dropped);
    let event = AuditEvent {
        timestamp: at,
        id: EventId::new(),
        phase: Phase::Gap { dropped },
        operation: "audit.gap",
        module: module_path!(),
        outcome: Outcome::Failure,
        duration: Duration::ZERO,
        actor: "palisade",
        change_ticket: change_ticket.as_deref(),
        environment,
        args_json: "{}",
        resources_json: "[]",
        metadata_json: "",
        error_detail: Some(&detail),
        build: BuildInfo {
            crate_name: env!("CARGO_PKG_NAME"),
            version: env!("CARGO_PKG_VERSION"),
            rustc: env!("PALISADE_RUSTC_VERSION"),
            target: env!("PALISADE_TARGET"),
            profile: if cfg!(debug_assertions) {
                "debug"
            } else {
                "release"
            },
        },
    };
    OwnedAuditEvent::from(&event)
}

/// Registers (once) an `atexit` handler that flushes every writer at normal exit.
fn flush_at_exit() {
    static REGISTER: Once = Once::new();
    REGISTER.call_once(exit::register);
}

// Miri runs no foreign functions.
#[cfg(all(unix, not(miri)))]
mod exit {
    extern "C" {
        fn atexit(handler: extern "C" fn()) -> core::ffi::c_int;
    }

    extern "C" fn flush_writers() {
        // A panic must not unwind into C.
        let _ = std::panic::catch_unwind(|| super::flush_within(super::EXIT_FLUSH_TIMEOUT));
    }

    pub(super) fn register() {
        // SAFETY: `atexit` is C's (the C library std links); the handler is an
        // `extern "C" fn` that catches every panic, and runs while the process's
        // threads (the writers among them) still run, before exit tears anything down.
        let _ = unsafe { atexit(flush_writers) };
    }
}

#[cfg(not(all(unix, not(miri))))]
mod exit {
    /// Elsewhere, the guard returned by `install` flushes at the end of `main`.
    pub(super) fn register() {}
}
