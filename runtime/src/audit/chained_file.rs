//! A hash chain bound to the file it is written to: started or resumed from the
//! file's last line, guarded by an exclusive lock on the file, and sealed with a
//! `final` checkpoint when the sink is dropped.

// The runtime is `no_std`; chained logs need the standard library.
use std::prelude::rust_2021::*;
use std::vec;

use std::fs::File;
use std::io::{self, Read as _, Seek as _, SeekFrom, Write as _};

use super::chain::Chain;
use super::signing::{CheckpointEnd, SigningKey};

/// The chain of a `JsonLinesFile`, and a handle of its file for the `final` checkpoint.
#[derive(Debug)]
pub(crate) struct ChainedFile {
    chain: Chain,
    /// A second handle of the sink's file (the same open file, in append mode); it
    /// holds the lock as long as the sink does.
    file: File,
    /// Lines were written since the last `final` checkpoint.
    unsealed: bool,
}

impl ChainedFile {
    /// Locks `file` (open for appending at `path`) for this process, then starts a
    /// chain in it when it is empty, or goes on after its last line.
    pub(crate) fn open(file: &File, path: &std::path::Path, key: SigningKey) -> io::Result<Self> {
        let file = file.try_clone()?;
        lock_exclusively(&file)?;
        let mut reader = File::open(path)?;
        let chain = match last_line(&mut reader)? {
            None => Chain::start(key, &mut |line: &[u8]| (&file).write_all(line))?,
            Some(line) => Chain::resume(key, &line).map_err(|error| {
                io::Error::new(
                    io::ErrorKind::InvalidData,
                    std::format!(
                        "cannot chain this file: its last line is {error}; \
                         chain a new file instead"
                    ),
                )
            })?,
        };
        Ok(Self {
            chain,
            file,
            unsealed: true,
        })
    }

    /// The chain, to tune its checkpoints.
    pub(crate) fn chain_mut(&mut self) -> &mut Chain {
        &mut self.chain
    }

    /// Moves the chain to `new`, the file that replaces `old` (kept as `previous`): a
    /// `rotation` checkpoint ends `old`, `new` starts with a line linking to it, and
    /// the lock moves to `new`.
    pub(crate) fn rotate_to(&mut self, old: &File, new: &File, previous: &str) -> io::Result<()> {
        let handle = new.try_clone()?;
        lock_exclusively(&handle)?;
        self.chain.rotated(
            previous,
            &mut |line: &[u8]| (&*old).write_all(line),
            &mut |line: &[u8]| (&*new).write_all(line),
        )?;
        self.file = handle;
        self.unsealed = true;
        Ok(())
    }

    /// Writes `line` as the next line of the chain through `write`.
    pub(crate) fn append<E: From<io::Error>>(
        &mut self,
        line: &[u8],
        write: &mut impl FnMut(&[u8]) -> Result<(), E>,
    ) -> Result<(), E> {
        self.unsealed = true;
        self.chain.append(line, write)
    }

    /// Writes a `final` checkpoint (through `write`) unless nothing was written since
    /// the last one.
    pub(crate) fn seal<E: From<io::Error>>(
        &mut self,
        write: &mut impl FnMut(&[u8]) -> Result<(), E>,
    ) -> Result<(), E> {
        if self.unsealed {
            self.chain.checkpoint(CheckpointEnd::Final, write)?;
            self.unsealed = false;
        }
        Ok(())
    }
}

impl Drop for ChainedFile {
    fn drop(&mut self) {
        let file = &self.file;
        let mut write = |line: &[u8]| -> io::Result<()> {
            (&*file).write_all(line)?;
            file.sync_data()
        };
        if self.unsealed {
            let _ = self.chain.checkpoint(CheckpointEnd::Final, &mut write);
        }
    }
}

/// Takes an exclusive `flock` on the file, refusing when another open of it (another
/// process, or another sink of this one) holds it: two writers would fork the chain.
#[cfg(unix)]
fn lock_exclusively(file: &File) -> io::Result<()> {
    use std::os::unix::io::AsRawFd as _;
    // SAFETY: `flock` only takes a descriptor and flags; the descriptor is owned by
    // `file`, which is open for the duration of the call. No memory is passed.
    let result = unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) };
    if result == 0 {
        return Ok(());
    }
    let error = io::Error::last_os_error();
    if error.kind() == io::ErrorKind::WouldBlock {
        return Err(io::Error::new(
            io::ErrorKind::WouldBlock,
            "another writer holds this chained log (two writers would fork the chain)",
        ));
    }
    Err(error)
}

/// No file lock off Unix: one writer per chained file is then the caller's to ensure.
#[cfg(not(unix))]
fn lock_exclusively(_file: &File) -> io::Result<()> {
    Ok(())
}

/// The file's last line without its `\n`, or `None` for an empty file. A last line
/// without its `\n` (a write cut short by a crash) is an error: the chain cannot go
/// on after half a line.
fn last_line(file: &mut File) -> io::Result<Option<Vec<u8>>> {
    let len = file.metadata()?.len();
    if len == 0 {
        return Ok(None);
    }
    let mut window: u64 = 64 * 1024;
    loop {
        let start = len.saturating_sub(window);
        let mut tail = vec![0; usize::try_from(len - start).map_err(io::Error::other)?];
        file.seek(SeekFrom::Start(start))?;
        file.read_exact(&mut tail)?;
        file.seek(SeekFrom::End(0))?;
        let Some(body) = tail.strip_suffix(b"\n") else {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "cannot chain this file: it ends in a partial line",
            ));
        };
        match body.iter().rposition(|&byte| byte == b'\n') {
            Some(newline) => return Ok(Some(body[newline + 1..].to_vec())),
            None if start == 0 => return Ok(Some(body.to_vec())),
            None => window = window.saturating_mul(4),
        }
    }
}

/// Tamper evidence for the file sink (feature `chain`).
impl super::JsonLinesFile {
    /// Makes the file a hash-chained, signed log: every event gets `seq` and `prev`,
    /// and a checkpoint signed with `key` follows every
    /// [`DEFAULT_CHECKPOINT_EVERY`](super::DEFAULT_CHECKPOINT_EVERY) events or
    /// [`DEFAULT_CHECKPOINT_INTERVAL`](super::DEFAULT_CHECKPOINT_INTERVAL) (tune with
    /// [`checkpoint_every`](Self::checkpoint_every) and
    /// [`checkpoint_interval`](Self::checkpoint_interval)); dropping the sink, or
    /// [`seal`](Self::seal), writes a `final` checkpoint. An empty file starts a new
    /// chain; a chained file goes on after its last line. `palisade-audit verify`
    /// checks the result. The format is described at [`Chain`](super::Chain).
    ///
    /// The file is locked (`flock`, exclusive) while the sink lives: a second sink
    /// chaining it, in this process or another, is refused, since two writers would
    /// fork the chain. Threads of this process share one sink and one chain.
    ///
    /// (Not run as a doc test: Ed25519 under Miri takes minutes; `cli/tests/` runs the same.)
    /// ```no_run
    /// use palisade::audit::{JsonLinesFile, SigningKey};
    ///
    /// let path = std::env::temp_dir().join(format!("audit-chain-doc-{}.jsonl", std::process::id()));
    /// # let _ = std::fs::remove_file(&path);
    /// let key = SigningKey::generate()?;
    /// let sink = JsonLinesFile::open(&path)?.chained(key)?.checkpoint_every(100);
    /// // A second writer of the same chained file is refused.
    /// assert!(JsonLinesFile::open(&path)?.chained(SigningKey::generate()?).is_err());
    /// drop(sink); // writes the final checkpoint
    /// let text = std::fs::read_to_string(&path)?;
    /// assert!(text.lines().last().unwrap().contains(r#""end":"final""#));
    /// # std::fs::remove_file(&path)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// The file is held by another writer (`WouldBlock`), its last line is not a
    /// chained line or is cut short (`InvalidData`), or reading or writing it fails.
    pub fn chained(self, key: SigningKey) -> io::Result<Self> {
        {
            let mut state = self.state();
            let chained = ChainedFile::open(&state.file, &self.path, key)?;
            state.size = state.file.metadata()?.len();
            state.chain = Some(chained);
        }
        Ok(self)
    }

    /// Writes a checkpoint after every `events` lines (0: never by count); only for a
    /// [`chained`](Self::chained) file, call it after `chained`.
    #[must_use]
    pub fn checkpoint_every(self, events: u64) -> Self {
        if let Some(chain) = &mut self.state().chain {
            chain.chain_mut().set_checkpoint_every(events);
        }
        self
    }

    /// Writes a checkpoint with the first event at least `interval` after the previous
    /// one (`Duration::ZERO`: never by time); only for a [`chained`](Self::chained)
    /// file, call it after `chained`.
    #[must_use]
    pub fn checkpoint_interval(self, interval: std::time::Duration) -> Self {
        if let Some(chain) = &mut self.state().chain {
            chain.chain_mut().set_checkpoint_interval(interval);
        }
        self
    }

    /// Writes a `final` checkpoint now (a no-op on an unchained file, or when nothing
    /// was written since the last one). Dropping the sink does this too, and so does
    /// its [`AuditSink::flush`](super::AuditSink::flush) (which [`flush`](super::flush)
    /// and the guard of `Background::install` call); a sink given to
    /// [`install`](super::install) is never dropped, so keep an `Arc` of it, install
    /// the `Arc`, and call `seal` (or `audit::flush()`) at shutdown. Events after it go
    /// on with the chain.
    ///
    /// # Errors
    /// Writing the checkpoint failed.
    pub fn seal(&self) -> Result<(), super::SinkError> {
        self.seal_chain()
    }
}
