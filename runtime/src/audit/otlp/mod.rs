//! [`OtlpSink`]: audit events as OpenTelemetry log records, exported in batches over
//! OTLP/HTTP with the JSON encoding by a thread the sink owns.

// The runtime is `no_std`; auditing needs the standard library.
use std::prelude::rust_2021::*;
use std::{format, vec};

use std::collections::VecDeque;
use std::io;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, Weak};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use serde_json::Value;

use super::event::{AuditEvent, Outcome};
use super::severity::{Severity, SeverityMap};
use super::{AuditSink, SinkError};

mod encode;
mod export;

use export::{Exported, Retry};

/// Sends each event to an OpenTelemetry collector as a log record, over OTLP/HTTP
/// with the JSON encoding (`POST {endpoint}/v1/logs`, an `ExportLogsServiceRequest`).
///
/// Each record has `timeUnixNano` (the event's time), `observedTimeUnixNano` (when
/// the sink took it), `severityNumber`/`severityText` (the outcome's [`Severity`]:
/// failures and panics rank above successes), `eventName` (the operation), `body`
/// (the event's JSON line, as a string: the same bytes a file sink writes, so any
/// pipeline can parse or verify it), and a typed attribute per field: `audit.id`,
/// `audit.phase`, `audit.operation`, `audit.module`, `audit.outcome`,
/// `audit.duration_us` (an integer), `audit.actor`, `audit.environment`,
/// `audit.args` (a `kvlistValue`, each argument typed), `audit.resources_affected`
/// (an `arrayValue`), `audit.change_ticket` and `audit.error_detail` when set,
/// `audit.build.{crate,version,rustc,target,profile}`. The resource carries
/// `service.name` (default: the program's name) and `service.version` when set.
///
/// `record` only encodes the event and queues it; a thread owned by the sink sends
/// batches of [`batch`](Self::batch) records (default 512), or what is queued every
/// [`batch`](Self::batch) interval (default 1 s). An export answered 429, 502, 503
/// or 504, or that cannot reach the server, is retried with exponential backoff
/// (100 ms doubling up to 5 s, or the server's `Retry-After` in seconds) for up to
/// [`retry_window`](Self::retry_window) (default 30 s); then its records are dropped.
///
/// What can be lost, and how it shows: an event that finds the queue full
/// ([`capacity`](Self::capacity), default 8192 records: the server has been away a
/// while) is dropped at once and `record` returns an error; records of a batch given
/// up on (retry window closed, or an answer such as 400 that retrying cannot fix) and
/// records the server reports rejected (`partialSuccess`) are dropped by the thread.
/// All are counted in [`dropped`](Self::dropped) and reported as sink failures, one
/// per record ([`sink_failures`](super::sink_failures), the error hook). Dropping the
/// sink, [`flush`](Self::flush), and the process exiting normally (a return from
/// `main`, `std::process::exit`: an `atexit` handler flushes every live sink, so an
/// installed sink needs nothing) send what is queued first, waiting up to the retry
/// window for an absent server. Events queued when the process is killed (`kill -9`,
/// a crash, an `abort`) are lost uncounted: up to one batch interval's worth, or the
/// queue while the server is away.
///
/// Plain HTTP only: for TLS, send to a collector on the same host (or a sidecar)
/// that forwards over TLS.
///
/// ```no_run
/// use palisade::audit::{self, OtlpSink};
///
/// let sink = OtlpSink::new("http://127.0.0.1:4318")?
///     .service_name("billing")
///     .service_version(env!("CARGO_PKG_VERSION"));
/// audit::install(sink).expect("installed once");
/// # Ok::<(), std::io::Error>(())
/// ```
pub struct OtlpSink {
    shared: Arc<Shared>,
    worker: Option<JoinHandle<()>>,
}

impl std::fmt::Debug for OtlpSink {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OtlpSink")
            .field("url", &self.shared.url)
            .field("exported", &self.exported())
            .field("dropped", &self.dropped())
            .finish_non_exhaustive()
    }
}

/// What the sink and its thread share.
struct Shared {
    /// `{endpoint}/v1/logs`.
    url: String,
    state: Mutex<State>,
    /// Wakes the thread: a full batch, a flush, the end.
    wake: Condvar,
    /// Wakes flushers: the queue is empty and nothing is in flight.
    idle: Condvar,
    exported: AtomicU64,
    dropped: AtomicU64,
    requests: AtomicU64,
}

/// The queue and the settings, under one lock.
struct State {
    records: VecDeque<Value>,
    /// Records taken by the thread and not yet exported or dropped.
    in_flight: usize,
    /// Flush requests not yet served.
    flushing: bool,
    closing: bool,
    capacity: usize,
    batch_size: usize,
    batch_interval: Duration,
    retry: Retry,
    timeout: Duration,
    severities: SeverityMap,
    resource: Vec<Value>,
}

impl OtlpSink {
    /// Exports to the OTLP/HTTP endpoint `endpoint` (`http://host:4318`; the sink
    /// appends `/v1/logs`) and starts the sink's thread.
    ///
    /// # Errors
    /// `endpoint` is not an `http://` URL, or the thread cannot be started.
    pub fn new(endpoint: &str) -> io::Result<Self> {
        let base = endpoint.trim_end_matches('/');
        if !base.starts_with("http://") || base.len() <= "http://".len() {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("OTLP endpoint {endpoint:?} is not an http:// URL"),
            ));
        }
        let program = std::env::args_os()
            .next()
            .and_then(|arg0| {
                std::path::Path::new(&arg0)
                    .file_name()
                    .map(|name| name.to_string_lossy().into_owned())
            })
            .unwrap_or_else(|| "unknown_service".to_owned());
        let shared = Arc::new(Shared {
            url: format!("{base}/v1/logs"),
            state: Mutex::new(State {
                records: VecDeque::new(),
                in_flight: 0,
                flushing: false,
                closing: false,
                capacity: 8192,
                batch_size: 512,
                batch_interval: Duration::from_secs(1),
                retry: Retry {
                    first_wait: Duration::from_millis(100),
                    max_wait: Duration::from_secs(5),
                    window: Duration::from_secs(30),
                },
                timeout: Duration::from_secs(10),
                severities: SeverityMap::default(),
                resource: vec![encode::string_attribute("service.name", &program)],
            }),
            wake: Condvar::new(),
            idle: Condvar::new(),
            exported: AtomicU64::new(0),
            dropped: AtomicU64::new(0),
            requests: AtomicU64::new(0),
        });
        let worker = {
            let shared = shared.clone();
            std::thread::Builder::new()
                .name("palisade-otlp".into())
                .spawn(move || run(&shared))?
        };
        flush_at_exit(&shared);
        Ok(Self {
            shared,
            worker: Some(worker),
        })
    }

    fn state(&self) -> MutexGuard<'_, State> {
        self.shared.lock()
    }

    /// The resource's `service.name` (default: the program's name).
    #[must_use]
    pub fn service_name(self, name: &str) -> Self {
        self.set_resource("service.name", name);
        self
    }

    /// The resource's `service.version` (default: none).
    #[must_use]
    pub fn service_version(self, version: &str) -> Self {
        self.set_resource("service.version", version);
        self
    }

    fn set_resource(&self, key: &str, value: &str) {
        let mut state = self.state();
        state.resource.retain(|attribute| attribute["key"] != key);
        state.resource.push(encode::string_attribute(key, value));
    }

    /// The severity of events with `outcome` (defaults in [`SeverityMap`]).
    #[must_use]
    pub fn severity(self, outcome: Outcome, severity: Severity) -> Self {
        self.state().severities.set(outcome, severity);
        self
    }

    /// Sends a batch once `records` are queued (default 512), or every `interval`
    /// (default 1 s) whatever is queued.
    #[must_use]
    pub fn batch(self, records: usize, interval: Duration) -> Self {
        {
            let mut state = self.state();
            state.batch_size = records.max(1);
            state.batch_interval = interval;
        }
        self.shared.wake.notify_all();
        self
    }

    /// How many records may wait (default 8192); past it, events are dropped.
    #[must_use]
    pub fn capacity(self, records: usize) -> Self {
        self.state().capacity = records;
        self
    }

    /// How long to keep retrying an export (default 30 s), starting with `first_wait`
    /// between attempts (default 100 ms, doubled each time up to 5 s).
    #[must_use]
    pub fn retry_window(self, window: Duration, first_wait: Duration) -> Self {
        let mut state = self.state();
        state.retry.window = window;
        state.retry.first_wait = first_wait;
        drop(state);
        self
    }

    /// The timeout of one HTTP request (default 10 s).
    #[must_use]
    pub fn timeout(self, timeout: Duration) -> Self {
        self.state().timeout = timeout;
        self
    }

    /// Records the server accepted so far.
    #[must_use]
    pub fn exported(&self) -> u64 {
        self.shared.exported.load(Ordering::Relaxed)
    }

    /// Records dropped so far (queue full, export given up on, rejected by the
    /// server); each also reported as a sink failure.
    #[must_use]
    pub fn dropped(&self) -> u64 {
        self.shared.dropped.load(Ordering::Relaxed)
    }

    /// HTTP requests made so far (retries included).
    #[must_use]
    pub fn requests(&self) -> u64 {
        self.shared.requests.load(Ordering::Relaxed)
    }

    /// Records queued or being exported.
    #[must_use]
    pub fn pending(&self) -> usize {
        let state = self.state();
        state.records.len() + state.in_flight
    }

    /// Exports everything queued now, and waits until it is exported or dropped.
    pub fn flush(&self) {
        self.shared.flush();
    }
}

/// The sinks alive in this process, flushed when it exits normally.
static LIVE: Mutex<Vec<Weak<Shared>>> = Mutex::new(Vec::new());

/// Adds `shared` to the sinks flushed at exit, registering the exit handler once.
fn flush_at_exit(shared: &Arc<Shared>) {
    // Miri runs no foreign functions.
    #[cfg(not(miri))]
    {
        static REGISTER: std::sync::Once = std::sync::Once::new();
        extern "C" {
            fn atexit(callback: extern "C" fn()) -> core::ffi::c_int;
        }
        extern "C" fn at_exit() {
            // A panic must not cross into C (it would abort the exit).
            let _ = std::panic::catch_unwind(|| {
                let live: Vec<Arc<Shared>> = LIVE
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner)
                    .iter()
                    .filter_map(Weak::upgrade)
                    .collect();
                for shared in live {
                    shared.flush();
                }
            });
        }
        REGISTER.call_once(|| {
            // SAFETY: `atexit` is standard C, in the C library std links; the handler
            // is a plain `extern "C" fn` that catches every panic. It runs on
            // `exit()` (a return from `main`, `std::process::exit`), while the sinks'
            // threads still run.
            let _ = unsafe { atexit(at_exit) };
        });
    }
    let mut live = LIVE
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    live.retain(|weak| weak.strong_count() > 0);
    live.push(Arc::downgrade(shared));
}

impl Shared {
    /// Asks the thread to export everything queued, and waits until it is exported
    /// or dropped.
    fn flush(&self) {
        let mut state = self.lock();
        state.flushing = true;
        self.wake.notify_all();
        while !state.records.is_empty() || state.in_flight > 0 {
            state = self
                .idle
                .wait(state)
                .unwrap_or_else(std::sync::PoisonError::into_inner);
        }
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Counts `count` records as dropped, and reports each.
    fn drop_records(&self, count: u64, why: &str) {
        if count == 0 {
            return;
        }
        self.dropped.fetch_add(count, Ordering::Relaxed);
        let error = SinkError::Other(format!("{count} OTLP log records dropped: {why}"));
        for _ in 0..count {
            super::report_failure(&error);
        }
    }
}

impl AuditSink for OtlpSink {
    fn record(&self, event: &AuditEvent<'_>) -> Result<(), SinkError> {
        let severities = self.state().severities;
        let record = encode::log_record(event, severities);
        let mut state = self.state();
        if state.records.len() >= state.capacity {
            let capacity = state.capacity;
            drop(state);
            self.shared.dropped.fetch_add(1, Ordering::Relaxed);
            return Err(SinkError::Other(format!(
                "OTLP queue full ({capacity} records waiting for {}): event dropped",
                self.shared.url
            )));
        }
        state.records.push_back(record);
        if state.records.len() >= state.batch_size {
            self.shared.wake.notify_all();
        }
        Ok(())
    }
}

impl Drop for OtlpSink {
    fn drop(&mut self) {
        self.state().closing = true;
        self.shared.wake.notify_all();
        if let Some(worker) = self.worker.take() {
            let _ = worker.join();
        }
    }
}

/// The sink's thread: waits for a batch (full, due, flushed or closing), exports it,
/// counts the outcome; until closing with nothing left.
fn run(shared: &Shared) {
    let agent_for = |timeout| {
        ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(timeout))
            .build()
            .new_agent()
    };
    let mut timeout = shared.lock().timeout;
    let mut agent = agent_for(timeout);
    let mut oldest: Option<Instant> = None;
    loop {
        let mut state = shared.lock();
        loop {
            if state.records.is_empty() {
                oldest = None;
                if state.closing {
                    return;
                }
                if state.flushing {
                    state.flushing = false;
                    shared.idle.notify_all();
                }
                state = shared
                    .wake
                    .wait(state)
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
                continue;
            }
            let since = *oldest.get_or_insert_with(Instant::now);
            let due = since + state.batch_interval;
            let now = Instant::now();
            if state.closing
                || state.flushing
                || state.records.len() >= state.batch_size
                || now >= due
            {
                break;
            }
            state = shared
                .wake
                .wait_timeout(state, due - now)
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .0;
        }
        let take = state.batch_size.min(state.records.len());
        let batch: Vec<Value> = state.records.drain(..take).collect();
        state.in_flight = batch.len();
        oldest = (!state.records.is_empty()).then(Instant::now);
        let (resource, retry) = (state.resource.clone(), state.retry);
        if state.timeout != timeout {
            timeout = state.timeout;
            agent = agent_for(timeout);
        }
        drop(state);

        let body = encode::request(&resource, &batch);
        let outcome = export::export(&agent, &shared.url, &body, retry, &shared.requests);
        let count = batch.len() as u64;
        match outcome {
            Exported::Accepted { rejected } => {
                let rejected = rejected.min(count);
                shared
                    .exported
                    .fetch_add(count - rejected, Ordering::Relaxed);
                shared.drop_records(rejected, "rejected by the server (partialSuccess)");
            }
            Exported::Failed(why) => shared.drop_records(count, &why),
        }
        let mut state = shared.lock();
        state.in_flight = 0;
        if state.records.is_empty() {
            state.flushing = false;
            shared.idle.notify_all();
        }
    }
}
