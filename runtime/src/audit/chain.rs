//! The hash chain of a tamper-evident log: which line comes next, what it links to,
//! and when a signed checkpoint is due. Pure state: it builds lines and hands them to
//! a `write` function, so any sink that writes lines can carry a chain.
//!
//! # The format
//!
//! Every line of a chained log is one JSON object that ends with the same two fields:
//!
//! ```text
//! {...the line's own fields...,"seq":41,"prev":"9f2c…(64 hex digits)"}
//! ```
//!
//! `seq` counts the lines of the chain from 0, across files; `prev` is the lowercase hex
//! SHA-256 of the *exact bytes* of the line before (without its `\n`). Byte-exact
//! rather than RFC 8785-canonical: the writer hashes the bytes it writes, the verifier
//! the bytes it reads, and neither needs a JSON parser or a canonicaliser, which keeps
//! verification at SHA-256 speed; and it is stricter: any change of a byte is a change,
//! also one that a JSON re-serialisation would hide (key order, whitespace, escapes).
//! Because the two fields close every line, a verifier finds them from the end of the
//! line without parsing the event.
//!
//! Four kinds of line carry the chain:
//!
//! - the first line of a chain: `{"phase":"chain","time":..,"key_id":..,"public_key":..,"nonce":..,"seq":0,"prev":"000…0"}`,
//!   with a random 128-bit `nonce` so that no two chains share a line;
//! - events: the event's JSON object with `seq` and `prev` appended;
//! - checkpoints: `{"phase":"checkpoint","time":..,"key_id":..,"end":..,"sig":..,"seq":..,"prev":..}`,
//!   `sig` the Ed25519 signature (hex) of [`Checkpoint::message`]: `seq`, `prev` (so every
//!   line before it), `end` (`periodic`, `rotation` or `final`) and `time`;
//! - the first line of every later file after a rotation:
//!   `{"phase":"rotated","previous":"<file name>","time":..,"key_id":..,"public_key":..,"seq":..,"prev":..}`,
//!   linked to the last line of the previous file (a `rotation` checkpoint), which it names.

// The runtime is `no_std`; chained logs need the standard library.
use std::prelude::rust_2021::*;
use std::time::{Duration, Instant, SystemTime};

use sha2::{Digest as _, Sha256};

use super::signing::{Checkpoint, CheckpointEnd, SigningKey, VerifyingKey};

/// Checkpoints are written after this many lines unless [`Chain::checkpoint_every`]
/// says otherwise.
pub const DEFAULT_CHECKPOINT_EVERY: u64 = 1000;

/// Checkpoints are written this long after the previous one (with the next event)
/// unless [`Chain::checkpoint_interval`] says otherwise.
pub const DEFAULT_CHECKPOINT_INTERVAL: Duration = Duration::from_secs(60);

/// The `prev` of a chain's first line.
pub const GENESIS_PREV: [u8; 32] = [0; 32];

/// The state of one hash chain: the next `seq`, the hash of the last line, the key
/// and the checkpoint cadence.
///
/// (Not run as a doc test: Ed25519 under Miri takes minutes; `cli/tests/` runs the same.)
/// ```no_run
/// use palisade::audit::{Chain, SigningKey};
///
/// let mut log = Vec::new();
/// let mut write = |line: &[u8]| -> std::io::Result<()> {
///     log.extend_from_slice(line);
///     Ok(())
/// };
/// let mut chain = Chain::start(SigningKey::generate()?, &mut write)?;
/// chain.append(br#"{"operation":"ping"}"#, &mut write)?;
/// chain.checkpoint(palisade::audit::CheckpointEnd::Final, &mut write)?;
/// drop(write);
/// let text = String::from_utf8(log).unwrap();
/// assert_eq!(text.lines().count(), 3);
/// assert!(text.lines().nth(1).unwrap().starts_with(r#"{"operation":"ping","seq":1,"prev":""#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct Chain {
    key: SigningKey,
    key_id: String,
    next_seq: u64,
    prev: [u8; 32],
    every: Option<u64>,
    interval: Option<Duration>,
    since_checkpoint: u64,
    last_checkpoint: Instant,
    /// The `seq` after a `rotation` checkpoint whose file's successor is not started yet.
    rotation_sealed: Option<u64>,
    /// The line being built, reused.
    line: Vec<u8>,
}

impl core::fmt::Debug for Chain {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Chain")
            .field("key_id", &self.key_id)
            .field("next_seq", &self.next_seq)
            .field("every", &self.every)
            .field("interval", &self.interval)
            .finish_non_exhaustive()
    }
}

impl Chain {
    fn with_position(key: SigningKey, next_seq: u64, prev: [u8; 32]) -> Self {
        let key_id = key.verifying_key().key_id();
        Self {
            key,
            key_id,
            next_seq,
            prev,
            every: Some(DEFAULT_CHECKPOINT_EVERY),
            interval: Some(DEFAULT_CHECKPOINT_INTERVAL),
            since_checkpoint: 0,
            last_checkpoint: Instant::now(),
            rotation_sealed: None,
            line: Vec::with_capacity(1024),
        }
    }

    /// Starts a new chain and writes its first line through `write`.
    ///
    /// # Errors
    /// What `write` returns, or a failing OS random source (as an I/O error).
    pub fn start<E: From<std::io::Error>>(
        key: SigningKey,
        write: &mut impl FnMut(&[u8]) -> Result<(), E>,
    ) -> Result<Self, E> {
        let mut nonce = [0_u8; 16];
        super::signing::fill_random(&mut nonce)
            .map_err(|error| E::from(std::io::Error::other(std::format!("{error}"))))?;
        let mut chain = Self::with_position(key, 0, GENESIS_PREV);
        chain.line.clear();
        chain.line.extend_from_slice(b"{\"phase\":\"chain\"");
        chain.push_time_and_key(true);
        chain.line.extend_from_slice(b",\"nonce\":\"");
        push_hex_bytes(&mut chain.line, &nonce);
        chain.line.push(b'"');
        chain.finish_line(write)?;
        Ok(chain)
    }

    /// Goes on after `last_line`, the last line of an existing chain (without or with
    /// its `\n`): the next line gets its `seq` + 1 and links to it.
    ///
    /// # Errors
    /// [`NotAChainLine`] when `last_line` does not end in `seq` and `prev`.
    pub fn resume(key: SigningKey, last_line: &[u8]) -> Result<Self, NotAChainLine> {
        let last_line = last_line.strip_suffix(b"\n").unwrap_or(last_line);
        let link = Link::parse(last_line).ok_or(NotAChainLine)?;
        let next = link.seq.checked_add(1).ok_or(NotAChainLine)?;
        Ok(Self::with_position(key, next, line_hash(last_line)))
    }

    /// Writes a checkpoint after every `lines` lines (0: never by count). Default
    /// [`DEFAULT_CHECKPOINT_EVERY`].
    pub fn set_checkpoint_every(&mut self, lines: u64) {
        self.every = (lines > 0).then_some(lines);
    }

    /// [`set_checkpoint_every`](Self::set_checkpoint_every), chained.
    #[must_use]
    pub fn checkpoint_every(mut self, lines: u64) -> Self {
        self.set_checkpoint_every(lines);
        self
    }

    /// Writes a checkpoint with the first event at least `interval` after the last
    /// checkpoint (`Duration::ZERO`: never by time). Default
    /// [`DEFAULT_CHECKPOINT_INTERVAL`]. No timer runs: an idle log is sealed by its
    /// next event, or by [`checkpoint`](Self::checkpoint).
    pub fn set_checkpoint_interval(&mut self, interval: Duration) {
        self.interval = (!interval.is_zero()).then_some(interval);
    }

    /// [`set_checkpoint_interval`](Self::set_checkpoint_interval), chained.
    #[must_use]
    pub fn checkpoint_interval(mut self, interval: Duration) -> Self {
        self.set_checkpoint_interval(interval);
        self
    }

    /// The `seq` the next line gets.
    #[must_use]
    pub fn next_seq(&self) -> u64 {
        self.next_seq
    }

    /// The key that verifies this chain's checkpoints.
    #[must_use]
    pub fn verifying_key(&self) -> VerifyingKey {
        self.key.verifying_key()
    }

    /// Writes `event` (one JSON object; a trailing `\n` is ignored) as the next line
    /// of the chain, then a checkpoint if one is due. The chain moves on only when
    /// `write` succeeds, so a failed write leaves it where it was.
    ///
    /// # Errors
    /// What `write` returns; `InvalidInput` when `event` does not end in `}`.
    pub fn append<E: From<std::io::Error>>(
        &mut self,
        event: &[u8],
        write: &mut impl FnMut(&[u8]) -> Result<(), E>,
    ) -> Result<(), E> {
        let event = event.strip_suffix(b"\n").unwrap_or(event);
        let Some(body) = event.strip_suffix(b"}") else {
            return Err(E::from(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "a chained line must be a JSON object",
            )));
        };
        self.line.clear();
        self.line.extend_from_slice(body);
        self.finish_line(write)?;
        self.since_checkpoint += 1;
        if self.checkpoint_due() {
            self.checkpoint(CheckpointEnd::Periodic, write)?;
        }
        Ok(())
    }

    fn checkpoint_due(&self) -> bool {
        self.every
            .is_some_and(|every| self.since_checkpoint >= every)
            || self
                .interval
                .is_some_and(|interval| self.last_checkpoint.elapsed() >= interval)
    }

    /// Writes a signed checkpoint line now.
    ///
    /// # Errors
    /// What `write` returns.
    pub fn checkpoint<E: From<std::io::Error>>(
        &mut self,
        end: CheckpointEnd,
        write: &mut impl FnMut(&[u8]) -> Result<(), E>,
    ) -> Result<(), E> {
        let time = now();
        let signature = self.key.sign_checkpoint(&Checkpoint {
            seq: self.next_seq,
            prev: self.prev,
            end,
            time: &time,
        });
        self.line.clear();
        self.line
            .extend_from_slice(b"{\"phase\":\"checkpoint\",\"time\":\"");
        self.line.extend_from_slice(time.as_bytes());
        self.line.extend_from_slice(b"\",\"key_id\":\"");
        self.line.extend_from_slice(self.key_id.as_bytes());
        self.line.extend_from_slice(b"\",\"end\":\"");
        self.line.extend_from_slice(end.as_str().as_bytes());
        self.line.extend_from_slice(b"\",\"sig\":\"");
        push_hex_bytes(&mut self.line, &signature);
        self.line.push(b'"');
        self.finish_line(write)?;
        self.since_checkpoint = 0;
        self.last_checkpoint = Instant::now();
        Ok(())
    }

    /// Moves the chain to a new file: a `rotation` checkpoint ends the old file
    /// (through `old`), and the new file's first line (through `new`) names
    /// `previous` — the old file's name as it will be kept — and links to that
    /// checkpoint. A verifier given every file follows the chain from one to the next.
    ///
    /// # Errors
    /// What `old` or `new` returns; after an error from `new` call it again with the
    /// new file (the checkpoint is not written twice).
    pub fn rotated<E: From<std::io::Error>>(
        &mut self,
        previous: &str,
        old: &mut impl FnMut(&[u8]) -> Result<(), E>,
        new: &mut impl FnMut(&[u8]) -> Result<(), E>,
    ) -> Result<(), E> {
        if self.rotation_sealed != Some(self.next_seq) {
            self.checkpoint(CheckpointEnd::Rotation, old)?;
            self.rotation_sealed = Some(self.next_seq);
        }
        self.line.clear();
        self.line
            .extend_from_slice(b"{\"phase\":\"rotated\",\"previous\":");
        super::json::push_string(&mut self.line, previous);
        self.push_time_and_key(true);
        self.finish_line(new)?;
        self.rotation_sealed = None;
        Ok(())
    }

    /// Appends `,"time":..,"key_id":..` (and the public key) to the line.
    fn push_time_and_key(&mut self, public_key: bool) {
        self.line.extend_from_slice(b",\"time\":\"");
        self.line.extend_from_slice(now().as_bytes());
        self.line.extend_from_slice(b"\",\"key_id\":\"");
        self.line.extend_from_slice(self.key_id.as_bytes());
        self.line.push(b'"');
        if public_key {
            self.line.extend_from_slice(b",\"public_key\":\"");
            push_hex_bytes(&mut self.line, &self.key.verifying_key().to_bytes());
            self.line.push(b'"');
        }
    }

    /// Closes the line in `self.line` with `seq` and `prev`, writes it with its `\n`,
    /// and moves the chain past it when the write succeeds.
    fn finish_line<E>(&mut self, write: &mut impl FnMut(&[u8]) -> Result<(), E>) -> Result<(), E> {
        let separator: &[u8] = if self.line.last() == Some(&b'{') {
            b"\"seq\":"
        } else {
            b",\"seq\":"
        };
        self.line.extend_from_slice(separator);
        self.line
            .extend_from_slice(itoa::Buffer::new().format(self.next_seq).as_bytes());
        self.line.extend_from_slice(b",\"prev\":\"");
        push_hex_bytes(&mut self.line, &self.prev);
        self.line.extend_from_slice(b"\"}");
        let hash = line_hash(&self.line);
        self.line.push(b'\n');
        write(&self.line)?;
        self.prev = hash;
        self.next_seq += 1;
        Ok(())
    }
}

/// A line does not end in `"seq":N,"prev":"<64 hex>"}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("not a line of a chained log (it does not end in \"seq\" and \"prev\")")]
pub struct NotAChainLine;

/// The link that closes a chained line: its `seq` and the `prev` it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link {
    /// The line's position in the chain.
    pub seq: u64,
    /// The SHA-256 of the line before, as written.
    pub prev: [u8; 32],
    /// Where the `,"seq":` (or `"seq":`) part begins in the line.
    pub starts_at: usize,
}

impl Link {
    /// The link at the end of `line` (without its `\n`), read from the end without
    /// parsing the rest; `None` unless the line ends exactly in
    /// `"seq":<digits>,"prev":"<64 lowercase hex>"}`.
    #[inline]
    #[must_use]
    pub fn parse(line: &[u8]) -> Option<Self> {
        const PREV: &[u8] = b",\"prev\":\"";
        let rest = line.strip_suffix(b"\"}")?;
        let hex_start = rest.len().checked_sub(64)?;
        let prev = parse_hex32(&rest[hex_start..])?;
        let rest = rest[..hex_start].strip_suffix(PREV)?;
        let digits = rest.iter().rev().take_while(|b| b.is_ascii_digit()).count();
        if digits == 0 || digits > 20 {
            return None;
        }
        let digits_start = rest.len() - digits;
        let number = &rest[digits_start..];
        if number.len() > 1 && number[0] == b'0' {
            return None;
        }
        let seq = core::str::from_utf8(number).ok()?.parse().ok()?;
        let rest = rest[..digits_start].strip_suffix(b"\"seq\":")?;
        let starts_at = if rest.ends_with(b",") {
            rest.len() - 1
        } else if rest == b"{" {
            rest.len()
        } else {
            return None;
        };
        Some(Self {
            seq,
            prev,
            starts_at,
        })
    }
}

/// The SHA-256 of a line's bytes (without its `\n`): what the next line's `prev` names.
#[inline]
#[must_use]
pub fn line_hash(line: &[u8]) -> [u8; 32] {
    Sha256::digest(line).into()
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Appends `bytes` in lowercase hex.
pub(crate) fn push_hex_bytes(out: &mut Vec<u8>, bytes: &[u8]) {
    out.reserve(bytes.len() * 2);
    for byte in bytes {
        out.push(HEX[usize::from(byte >> 4)]);
        out.push(HEX[usize::from(byte & 0xf)]);
    }
}

/// Appends `bytes` in lowercase hex to a `String`.
pub(crate) fn push_hex(out: &mut String, bytes: &[u8]) {
    for byte in bytes {
        out.push(char::from(HEX[usize::from(byte >> 4)]));
        out.push(char::from(HEX[usize::from(byte & 0xf)]));
    }
}

/// `bytes` in lowercase hex.
#[must_use]
pub fn to_hex(bytes: &[u8]) -> String {
    let mut hex = String::with_capacity(bytes.len() * 2);
    push_hex(&mut hex, bytes);
    hex
}

#[inline]
fn hex_digit(digit: u8) -> Option<u8> {
    match digit {
        b'0'..=b'9' => Some(digit - b'0'),
        b'a'..=b'f' => Some(digit - b'a' + 10),
        _ => None,
    }
}

/// Decodes lowercase hex into `out`; `None` unless `hex` is exactly twice as long
/// and every digit is lowercase hex (uppercase would be a second spelling of one
/// line, so it is refused).
#[inline]
#[must_use]
pub fn parse_hex_into(hex: &[u8], out: &mut [u8]) -> Option<()> {
    if hex.len() != out.len() * 2 {
        return None;
    }
    for (byte, pair) in out.iter_mut().zip(hex.chunks_exact(2)) {
        *byte = (hex_digit(pair[0])? << 4) | hex_digit(pair[1])?;
    }
    Some(())
}

#[inline]
fn parse_hex32(hex: &[u8]) -> Option<[u8; 32]> {
    let mut out = [0; 32];
    parse_hex_into(hex, &mut out)?;
    Some(out)
}

fn now() -> String {
    std::format!("{}", humantime::format_rfc3339_micros(SystemTime::now()))
}

#[cfg(test)]
mod tests {
    use super::{line_hash, to_hex, Link};
    use std::format;
    use std::string::String;

    const PREV: &str = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    #[test]
    fn a_link_is_read_from_the_end_of_the_line() {
        let line = format!(r#"{{"operation":"x","seq":42,"prev":"{PREV}"}}"#);
        let link = Link::parse(line.as_bytes()).unwrap();
        assert_eq!(link.seq, 42);
        assert_eq!(to_hex(&link.prev), PREV);
        assert_eq!(&line[..link.starts_at], r#"{"operation":"x""#);
        let only = format!(r#"{{"seq":0,"prev":"{PREV}"}}"#);
        assert_eq!(Link::parse(only.as_bytes()).unwrap().starts_at, 1);
    }

    #[test]
    fn a_second_spelling_of_a_link_is_refused() {
        for line in [
            format!(r#"{{"a":1,"seq":042,"prev":"{PREV}"}}"#),
            format!(r#"{{"a":1,"seq":42,"prev":"{}"}}"#, PREV.to_uppercase()),
            format!(r#"{{"a":1, "seq":42,"prev":"{PREV}"}}"#),
            format!(r#"{{"a":1,"seq":42,"prev":"{PREV}"}} "#),
            format!(r#"{{"a":1,"seq":42,"prev":"{}"}}"#, &PREV[1..]),
            format!(r#"{{"a":1,"seq":-1,"prev":"{PREV}"}}"#),
            format!(r#"{{"a":1,"seq":99999999999999999999,"prev":"{PREV}"}}"#),
            format!(r#"{{"a":1"seq":42,"prev":"{PREV}"}}"#),
            String::new(),
        ] {
            assert_eq!(Link::parse(line.as_bytes()), None, "{line}");
        }
    }

    #[test]
    fn the_hash_is_sha256_of_the_bytes() {
        assert_eq!(
            to_hex(&line_hash(b"abc")),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
