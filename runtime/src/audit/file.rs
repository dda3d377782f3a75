//! [`JsonLinesFile`]: events appended to a file as JSON lines, one `write` per event
//! (or per batch), with a flush policy ([`Flush`]) and rotation ([`Rotation`]).

// The runtime is `no_std`; auditing needs the standard library.
use std::prelude::rust_2021::*;
use std::{format, vec};

use std::ffi::OsString;
use std::fs::{File, OpenOptions};
use std::io::{Seek as _, Write as _};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant, SystemTime};

use super::sinks::with_line;
use super::{AuditEvent, AuditSink, SinkError};

/// When a [`JsonLinesFile`] makes what it wrote durable (`fdatasync(2)`: the data and
/// the file size reach the disk).
///
/// Every event is handed to the kernel with `write(2)` as soon as the sink records it
/// (one `write` per event, or per batch under [`Background`](super::Background)), so
/// whatever the policy, **a `kill -9` of the process loses nothing the sink wrote**:
/// it is in the page cache and the kernel writes it out. The policy decides what a
/// **power loss or kernel crash** can lose:
///
/// | policy | lost on power loss | cost |
/// |---|---|---|
/// | `Never` (the default) | what the kernel had not written back yet (by default it writes dirty pages older than 30 s: `vm.dirty_expire_centisecs`) | none |
/// | `Every(n)` | at most the `n - 1` events written since the last sync | one `fdatasync` per `n` events |
/// | `Interval(d)` | the events written in the last `d`, plus those written since the last sync if no event came after them (the next event, [`flush`](super::flush) or dropping the sink syncs them) | at most one `fdatasync` per `d` |
/// | `EachEvent` | nothing the sink reported recorded: an event counts as recorded only once synced (a failed sync is a failed event) | one `fdatasync` per write |
///
/// In-process buffering is what `kill -9` loses, and the only in-process buffer is a
/// [`Background`](super::Background) queue (its bound is documented there).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flush {
    /// Never sync; the kernel writes back on its own schedule.
    Never,
    /// Sync once `n` events were written since the last sync (`Every(0)` is `Every(1)`).
    Every(u64),
    /// Sync after a write when the last sync is `d` or more ago.
    Interval(Duration),
    /// Sync after every write (an event; a batch under `Background`).
    EachEvent,
}

/// When a [`JsonLinesFile`] starts a new file: by size, by age, or whichever comes
/// first.
///
/// The current file keeps its name; a rotated file is renamed to that name plus `.`
/// and the UTC time it was rotated, `audit.jsonl.20261202T154500.123456Z`, so `ls`
/// (and any byte-wise sort) lists rotated files oldest first. When that name is
/// taken (two rotations within a microsecond), the time is moved on by a microsecond
/// until it is free, so the order holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Rotation {
    /// Rotate before a write that would take the file past this many bytes.
    max_bytes: Option<u64>,
    /// Rotate before a write once the file is this old.
    max_age: Option<Duration>,
}

impl Rotation {
    /// Rotate before a write that would take the file past `bytes` (a single event
    /// larger than that still goes into a file of its own, whole).
    #[must_use]
    pub fn size(bytes: u64) -> Self {
        Rotation {
            max_bytes: Some(bytes),
            max_age: None,
        }
    }

    /// Rotate before the first write once the file is `age` old (counted from when
    /// this sink opened or created it; nothing is written when no event comes).
    #[must_use]
    pub fn age(age: Duration) -> Self {
        Rotation {
            max_bytes: None,
            max_age: Some(age),
        }
    }

    /// Rotate by size or by age, whichever comes first.
    #[must_use]
    pub fn size_or_age(bytes: u64, age: Duration) -> Self {
        Rotation {
            max_bytes: Some(bytes),
            max_age: Some(age),
        }
    }
}

/// Called with the rotated file's new path after each rotation.
pub(crate) type RotateHook = Box<dyn Fn(&Path) + Send + Sync>;

/// Appends each event as one JSON line to a file, with a single `write` per event,
/// so concurrent writers (threads or processes, the file opened in append mode) never
/// tear or interleave a line. Under [`Background`](super::Background) a batch of
/// events is one `write`.
///
/// A short write (a full disk, a file-size limit) never leaves a torn line: the part
/// that was written is cut off again (the file is truncated back to where the line
/// began), and the event is reported as [`SinkError::ShortWrite`] and counted. Writers
/// in this process are serialised around that; if another *process* appended after
/// the fragment before it could be cut, a newline is written instead, so the fragment
/// stays a line of its own (invalid JSON) and never runs into the next event. A short
/// batch is cut off the same way and then written event by event, so each event is
/// recorded or reported on its own.
///
/// A process killed (`kill -9`) *during* a `write` can leave the last line cut: Linux
/// stops copying a write into the page cache at a page boundary once a fatal signal
/// is pending. Such a line has no newline; [`open`](Self::open) ends it with one, so
/// the fragment stays a line of its own and the next event starts on a new line.
///
/// [`flush_policy`](Self::flush_policy) sets when data is synced to disk ([`Flush`], with what each
/// policy can lose); [`rotate`](Self::rotate) and [`keep`](Self::keep) start new files
/// and delete old ones ([`Rotation`], with the names). Rotation assumes this sink is
/// the file's only writer; another process appending to the same path goes on
/// writing into the rotated file until it opens the path again.
///
/// ```
/// use std::time::Duration;
/// use palisade::audit::{Flush, JsonLinesFile, Rotation};
///
/// let dir = std::env::temp_dir().join(format!("audit-doc-{}", std::process::id()));
/// std::fs::create_dir_all(&dir)?;
/// let sink = JsonLinesFile::open(dir.join("audit.jsonl"))?
///     .rotate(Rotation::size_or_age(64 << 20, Duration::from_secs(24 * 3600)))
///     .keep(30)
///     .flush_policy(Flush::Interval(Duration::from_secs(1)));
/// # drop(sink);
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), std::io::Error>(())
/// ```
pub struct JsonLinesFile {
    /// The file's path: where a new file is opened after a rotation.
    pub(super) path: PathBuf,
    /// When to sync.
    policy: Flush,
    /// When to rotate, if ever.
    rotation: Option<Rotation>,
    /// How many rotated files to keep, if not all.
    keep: Option<usize>,
    /// Called after each rotation.
    on_rotate: Option<RotateHook>,
    /// The open file and its counters; held around a write and the repair of a short
    /// one.
    state: Mutex<State>,
}

impl JsonLinesFile {
    /// The open file and its counters, locked.
    #[cfg(feature = "chain")]
    pub(super) fn state(&self) -> std::sync::MutexGuard<'_, State> {
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// A [`JsonLinesFile`]'s open file.
pub(super) struct State {
    /// The file, in append mode.
    pub(super) file: File,
    /// Its size as this sink counts it.
    pub(super) size: u64,
    /// When this sink opened it (for [`Rotation::age`]).
    opened: Instant,
    /// Events written since the last sync.
    unsynced: u64,
    /// When it was last synced.
    synced: Instant,
    /// A batch's lines, reused.
    batch: Vec<u8>,
    /// The hash chain, once [`chained`](JsonLinesFile::chained).
    #[cfg(feature = "chain")]
    pub(super) chain: Option<super::chained_file::ChainedFile>,
}

impl std::fmt::Debug for JsonLinesFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("JsonLinesFile")
            .field("path", &self.path)
            .field("flush", &self.policy)
            .field("rotation", &self.rotation)
            .field("keep", &self.keep)
            .finish_non_exhaustive()
    }
}

impl JsonLinesFile {
    /// Opens `path` for appending, creating it if needed.
    ///
    /// # Errors
    /// Any error opening the file.
    pub fn open(path: impl AsRef<Path>) -> std::io::Result<Self> {
        let path = path.as_ref().to_path_buf();
        let file = open_append(&path)?;
        let mut size = file.metadata()?.len();
        if size > 0 && !ends_with_newline(&path, size) {
            // A line cut off by a process killed in the middle of a `write`: end it,
            // so it stays a line of its own and the next event starts a new one.
            (&file).write_all(b"\n")?;
            size += 1;
        }
        let now = Instant::now();
        Ok(Self {
            path,
            policy: Flush::Never,
            rotation: None,
            keep: None,
            on_rotate: None,
            state: Mutex::new(State {
                file,
                size,
                opened: now,
                unsynced: 0,
                synced: now,
                batch: Vec::new(),
                #[cfg(feature = "chain")]
                chain: None,
            }),
        })
    }

    /// When to `fdatasync` what was written ([`Flush`] says what each policy can
    /// lose). (Not named `flush`: that is [`AuditSink::flush`], which syncs now.)
    #[must_use]
    pub fn flush_policy(mut self, policy: Flush) -> Self {
        self.policy = policy;
        self
    }

    /// `true` is [`Flush::EachEvent`], `false` [`Flush::Never`].
    #[must_use]
    pub fn with_fsync(self, fsync: bool) -> Self {
        self.flush_policy(if fsync {
            Flush::EachEvent
        } else {
            Flush::Never
        })
    }

    /// When to start a new file ([`Rotation`] says how rotated files are named).
    #[must_use]
    pub fn rotate(mut self, rotation: Rotation) -> Self {
        self.rotation = Some(rotation);
        self
    }

    /// After a rotation, delete the oldest rotated files so that at most `files`
    /// remain (the current file not counted). Without it every rotated file is kept.
    /// Only names this sink gives rotated files (its file name, `.`, a time) are
    /// counted or deleted.
    #[must_use]
    pub fn keep(mut self, files: usize) -> Self {
        self.keep = Some(files);
        self
    }

    /// Calls `hook` with the rotated file's new path after each rotation, before the
    /// event that caused it is written to the new file (for a sink that carries state
    /// from one file to the next, such as a hash chain).
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) fn on_rotate(mut self, hook: impl Fn(&Path) + Send + Sync + 'static) -> Self {
        self.on_rotate = Some(Box::new(hook));
        self
    }

    /// The policy's sync after a write of `events` events; a failed sync fails them
    /// when the policy promises each event synced.
    fn sync_if_due(&self, state: &mut State, events: u64) -> std::io::Result<()> {
        state.unsynced += events;
        let due = match self.policy {
            Flush::Never => false,
            Flush::Every(n) => state.unsynced >= n.max(1),
            Flush::Interval(every) => state.synced.elapsed() >= every,
            Flush::EachEvent => true,
        };
        if due {
            sync(state)?;
        }
        Ok(())
    }

    /// Whether a line of `len` bytes must go into a new file, after `pending` bytes
    /// already bound for the current one.
    fn rotation_due(&self, state: &State, pending: usize, len: usize) -> bool {
        let Some(rotation) = self.rotation else {
            return false;
        };
        let before = state.size + pending as u64;
        let too_big = rotation
            .max_bytes
            .is_some_and(|max| before > 0 && before + len as u64 > max);
        let too_old = rotation
            .max_age
            .is_some_and(|max| state.opened.elapsed() >= max);
        too_big || too_old
    }

    /// Renames the current file to its rotated name and opens a new one; then calls
    /// the hook and deletes rotated files beyond `keep`. A failure leaves the events
    /// going to the current file, is reported to the error hook (not counted: no event
    /// is lost), and rotation is tried again on the next write.
    fn rotate_now(&self, state: &mut State) {
        if let Err(error) = self.try_rotate(state) {
            super::call_hook(&SinkError::Rotation(error));
            // Not again for every event while the cause lasts: next when due again.
            state.opened = Instant::now();
        }
    }

    fn try_rotate(&self, state: &mut State) -> std::io::Result<()> {
        if self.policy != Flush::Never {
            sync(state)?;
        }
        let rotated = free_rotated_name(&self.path)?;
        std::fs::rename(&self.path, &rotated)?;
        let file = match open_append(&self.path) {
            Ok(file) => file,
            Err(error) => {
                // Keep writing where the file went rather than losing events.
                let _ = std::fs::rename(&rotated, &self.path);
                return Err(error);
            }
        };
        if self.policy != Flush::Never {
            sync_directory(&self.path);
        }
        #[cfg(feature = "chain")]
        if let Some(chain) = &mut state.chain {
            let previous = rotated
                .file_name()
                .map(|name| name.to_string_lossy().into_owned())
                .unwrap_or_default();
            chain.rotate_to(&state.file, &file, &previous)?;
        }
        let now = Instant::now();
        let size = file.metadata().map_or(0, |meta| meta.len());
        state.file = file;
        state.size = size;
        state.opened = now;
        state.unsynced = 0;
        state.synced = now;
        if let Some(hook) = &self.on_rotate {
            hook(&rotated);
        }
        if let Some(keep) = self.keep {
            prune(&self.path, keep)?;
        }
        Ok(())
    }

    /// Writes `bytes` (whole lines) with one `write`: all of it, or none (a short
    /// write is cut off again).
    fn write_whole(state: &mut State, bytes: &[u8]) -> Result<(), SinkError> {
        // One `write` of the whole text: in append mode the kernel places it at the
        // end in one piece. A short write is undone, not completed by a second write
        // that another process could interleave with.
        let written = (&state.file).write(bytes)?;
        if written != bytes.len() {
            if written > 0 {
                undo(&state.file, written);
            }
            return Err(SinkError::ShortWrite {
                written,
                len: bytes.len(),
            });
        }
        state.size += written as u64;
        Ok(())
    }

    /// Writes one event's line: rotating first if due, syncing after if due; on a
    /// chained file, as the chain's next line (with a checkpoint when one is due).
    fn write_line(&self, state: &mut State, line: &[u8]) -> Result<(), SinkError> {
        if self.rotation_due(state, 0, line.len()) {
            self.rotate_now(state);
        }
        #[cfg(feature = "chain")]
        if let Some(mut chain) = state.chain.take() {
            let written = chain.append(line, &mut |chained: &[u8]| {
                Self::write_whole(state, chained)
            });
            state.chain = Some(chain);
            written?;
            self.sync_if_due(state, 1)?;
            return Ok(());
        }
        Self::write_whole(state, line)?;
        self.sync_if_due(state, 1)?;
        Ok(())
    }

    /// Writes the chain's `final` checkpoint now (nothing on an unchained file).
    #[cfg(feature = "chain")]
    pub(super) fn seal_chain(&self) -> Result<(), SinkError> {
        let mut state = self.state();
        let state = &mut *state;
        let Some(mut chain) = state.chain.take() else {
            return Ok(());
        };
        let sealed = chain.seal(&mut |line: &[u8]| Self::write_whole(state, line));
        state.chain = Some(chain);
        sealed?;
        self.sync_if_due(state, 0)?;
        Ok(())
    }

    /// Writes the lines in `state.batch` (each ending at one of `ends`) with one
    /// `write`; after a short write, event by event.
    fn write_chunk(&self, state: &mut State, ends: &[usize], failed: &mut dyn FnMut(SinkError)) {
        if ends.is_empty() {
            return;
        }
        let bytes = std::mem::take(&mut state.batch);
        let outcome = Self::write_whole(state, &bytes);
        match outcome {
            Ok(()) => {
                if let Err(error) = self.sync_if_due(state, ends.len() as u64) {
                    // Written, but not made durable as the policy promises.
                    let text = error.to_string();
                    failed(SinkError::Io(error));
                    for _ in 1..ends.len() {
                        failed(SinkError::Other(format!("audit file sync failed: {text}")));
                    }
                }
            }
            Err(_) => {
                let mut start = 0;
                for &end in ends {
                    if let Err(error) = self.write_line(state, &bytes[start..end]) {
                        failed(error);
                    }
                    start = end;
                }
            }
        }
        state.batch = bytes;
        state.batch.clear();
    }
}

impl AuditSink for JsonLinesFile {
    fn record(&self, event: &AuditEvent<'_>) -> Result<(), SinkError> {
        with_line(event, |line| {
            let mut state = self
                .state
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            self.write_line(&mut state, line)
        })
    }

    /// One `write` for the whole batch (one per file when a rotation falls inside it).
    fn record_batch(&self, events: &[AuditEvent<'_>], failed: &mut dyn FnMut(SinkError)) {
        let mut state = self
            .state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let state = &mut *state;
        // A chained file links every line to the one before: event by event.
        #[cfg(feature = "chain")]
        if state.chain.is_some() {
            let mut line = Vec::with_capacity(1024);
            for event in events {
                line.clear();
                event.write_json(&mut line);
                line.push(b'\n');
                if let Err(error) = self.write_line(state, &line) {
                    failed(error);
                }
            }
            return;
        }
        let mut ends = vec![];
        let mut line = Vec::with_capacity(1024);
        for event in events {
            line.clear();
            event.write_json(&mut line);
            line.push(b'\n');
            if self.rotation_due(state, state.batch.len(), line.len()) {
                self.write_chunk(state, &ends, failed);
                ends.clear();
                if self.rotation_due(state, 0, line.len()) {
                    self.rotate_now(state);
                }
            }
            state.batch.extend_from_slice(&line);
            ends.push(state.batch.len());
        }
        self.write_chunk(state, &ends, failed);
    }

    /// Seals a chained file (its `final` checkpoint), then syncs what was written
    /// since the last sync, unless the policy is [`Flush::Never`].
    fn flush(&self) -> Result<(), SinkError> {
        // A chained file is sealed: `audit::flush()` and the guard at exit write the
        // final checkpoint that makes a cut tail evident.
        #[cfg(feature = "chain")]
        self.seal_chain()?;
        if self.policy == Flush::Never {
            return Ok(());
        }
        let mut state = self
            .state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if state.unsynced > 0 {
            sync(&mut state)?;
        }
        Ok(())
    }
}

impl Drop for JsonLinesFile {
    fn drop(&mut self) {
        let _ = AuditSink::flush(self);
    }
}

/// Opens `path` for appending, creating it if needed.
fn open_append(path: &Path) -> std::io::Result<File> {
    OpenOptions::new().append(true).create(true).open(path)
}

/// Whether the file at `path`, `size` bytes long, ends with a newline (a file that
/// cannot be read, such as `/dev/full`, is taken to).
fn ends_with_newline(path: &Path, size: u64) -> bool {
    use std::io::{Read as _, SeekFrom};
    let Ok(mut file) = File::open(path) else {
        return true;
    };
    let mut last = [0];
    match file.seek(SeekFrom::Start(size - 1)) {
        Ok(_) => !matches!(file.read(&mut last), Ok(1)) || last[0] == b'\n',
        Err(_) => true,
    }
}

/// `fdatasync`s the file and resets the counters.
fn sync(state: &mut State) -> std::io::Result<()> {
    state.file.sync_data()?;
    state.unsynced = 0;
    state.synced = Instant::now();
    Ok(())
}

/// Makes a rename in `path`'s directory durable (best effort: not every platform
/// can open a directory).
fn sync_directory(path: &Path) {
    let dir = path.parent().filter(|dir| !dir.as_os_str().is_empty());
    if let Ok(dir) = File::open(dir.unwrap_or(Path::new("."))) {
        let _ = dir.sync_all();
    }
}

/// Removes the `written` bytes of a line cut short, or ends them with a newline
/// when something was appended after them.
fn undo(file: &File, written: usize) {
    let written = written as u64;
    // In append mode the position is the end of what this write put in the file.
    let end = (&*file).stream_position().ok();
    let len = file.metadata().ok().map(|meta| meta.len());
    match (end, len) {
        (Some(end), Some(len)) if end == len && end >= written => {
            if file.set_len(end - written).is_ok() {
                return;
            }
            let _ = (&*file).write(b"\n");
        }
        _ => {
            let _ = (&*file).write(b"\n");
        }
    }
}

/// `20261202T154500.123456Z`: the UTC time, in a form that sorts as text.
fn rotation_stamp(at: SystemTime) -> String {
    humantime::format_rfc3339_micros(at)
        .to_string()
        .chars()
        .filter(|c| *c != '-' && *c != ':')
        .collect()
}

/// A name for the file being rotated out that is not taken yet.
fn free_rotated_name(path: &Path) -> std::io::Result<PathBuf> {
    let name = path.file_name().ok_or_else(|| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "an audit file path has no file name",
        )
    })?;
    let mut at = SystemTime::now();
    loop {
        let mut rotated = OsString::from(name);
        rotated.push(".");
        rotated.push(rotation_stamp(at));
        let rotated = path.with_file_name(rotated);
        if !rotated.exists() {
            return Ok(rotated);
        }
        at += Duration::from_micros(1);
    }
}

/// Whether `suffix` (what follows `name.`) is a rotation stamp.
fn is_rotation_stamp(suffix: &str) -> bool {
    let bytes = suffix.as_bytes();
    bytes.len() == 23
        && bytes[..8].iter().all(u8::is_ascii_digit)
        && bytes[8] == b'T'
        && bytes[9..15].iter().all(u8::is_ascii_digit)
        && bytes[15] == b'.'
        && bytes[16..22].iter().all(u8::is_ascii_digit)
        && bytes[22] == b'Z'
}

/// The rotated files of `path`, oldest first.
pub(crate) fn rotated_files(path: &Path) -> std::io::Result<Vec<PathBuf>> {
    let Some(name) = path.file_name().and_then(|name| name.to_str()) else {
        return Ok(Vec::new());
    };
    let dir = path.parent().filter(|dir| !dir.as_os_str().is_empty());
    let prefix = format!("{name}.");
    let mut rotated = Vec::new();
    for entry in std::fs::read_dir(dir.unwrap_or(Path::new(".")))? {
        let entry = entry?;
        let is_rotated = entry
            .file_name()
            .to_str()
            .and_then(|file_name| file_name.strip_prefix(&prefix))
            .is_some_and(is_rotation_stamp);
        if is_rotated {
            rotated.push(entry.path());
        }
    }
    // The stamps are fixed-width: sorting the names sorts by time.
    rotated.sort();
    Ok(rotated)
}

/// Deletes the oldest rotated files of `path` beyond `keep`.
fn prune(path: &Path, keep: usize) -> std::io::Result<()> {
    let rotated = rotated_files(path)?;
    let excess = rotated.len().saturating_sub(keep);
    for old in &rotated[..excess] {
        std::fs::remove_file(old)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::{BuildInfo, EventId, Outcome, Phase};
    use std::sync::Arc;

    fn event(args_json: &str) -> AuditEvent<'_> {
        AuditEvent {
            timestamp: SystemTime::now(),
            id: EventId::new(),
            phase: Phase::Finish,
            operation: "op",
            module: "m",
            outcome: Outcome::Success,
            duration: Duration::ZERO,
            actor: "a",
            change_ticket: None,
            environment: "test",
            args_json,
            resources_json: "[]",
            metadata_json: "",
            error_detail: None,
            build: BuildInfo {
                crate_name: "c",
                version: "0",
                rustc: "r",
                target: "t",
                profile: "debug",
            },
        }
    }

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("palisade-unit-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn the_rotate_hook_gets_each_rotated_file_before_the_next_event_is_written() {
        let dir = temp_dir("hook");
        let seen = Arc::new(Mutex::new(Vec::<(PathBuf, u64)>::new()));
        let record = seen.clone();
        let path = dir.join("audit.jsonl");
        let current = path.clone();
        let sink = JsonLinesFile::open(&path)
            .unwrap()
            .rotate(Rotation::size(1))
            .on_rotate(move |rotated| {
                let len = std::fs::metadata(&current).unwrap().len();
                record.lock().unwrap().push((rotated.to_path_buf(), len));
            });
        for n in 0..3 {
            sink.record(&event(&format!("{{\"n\":{n}}}"))).unwrap();
        }
        let seen = seen.lock().unwrap();
        assert_eq!(seen.len(), 2);
        for (rotated, current_len) in seen.iter() {
            // The rotated file holds its event; the new one is still empty.
            assert_eq!(std::fs::read_to_string(rotated).unwrap().lines().count(), 1);
            assert_eq!(*current_len, 0);
        }
        assert!(seen[0].0 < seen[1].0);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn each_policy_syncs_when_it_says() {
        let dir = temp_dir("policy");
        let unsynced_after = |policy: Flush, events: usize| {
            let sink = JsonLinesFile::open(dir.join(format!("{policy:?}.jsonl")))
                .unwrap()
                .flush_policy(policy);
            let mut counts = Vec::new();
            for _ in 0..events {
                sink.record(&event("{}")).unwrap();
                counts.push(sink.state.lock().unwrap().unsynced);
            }
            counts
        };
        assert_eq!(unsynced_after(Flush::Never, 3), [1, 2, 3]);
        assert_eq!(unsynced_after(Flush::EachEvent, 3), [0, 0, 0]);
        assert_eq!(unsynced_after(Flush::Every(3), 7), [1, 2, 0, 1, 2, 0, 1]);
        assert_eq!(unsynced_after(Flush::Every(0), 2), [0, 0]);
        assert_eq!(
            unsynced_after(Flush::Interval(Duration::from_secs(3600)), 3),
            [1, 2, 3]
        );
        assert_eq!(unsynced_after(Flush::Interval(Duration::ZERO), 2), [0, 0]);
        // `flush()` syncs the rest, except under `Never`.
        let sink = JsonLinesFile::open(dir.join("flush.jsonl"))
            .unwrap()
            .flush_policy(Flush::Every(100));
        sink.record(&event("{}")).unwrap();
        AuditSink::flush(&sink).unwrap();
        assert_eq!(sink.state.lock().unwrap().unsynced, 0);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn stamps_sort_as_times_and_are_recognised() {
        let early = SystemTime::UNIX_EPOCH + Duration::from_micros(1_700_000_000_000_001);
        let late = early + Duration::from_micros(999);
        let (a, b) = (rotation_stamp(early), rotation_stamp(late));
        assert_eq!(a, "20231114T221320.000001Z");
        assert!(a < b);
        assert!(is_rotation_stamp(&a));
        assert!(!is_rotation_stamp("20231114T221320Z"));
        assert!(!is_rotation_stamp(&format!("{a}.gz")));
    }
}
