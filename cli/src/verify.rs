//! Verifying a chained log: every line's link, every checkpoint's signature, the
//! files of a rotation in order, and a `final` checkpoint at the end. Stops at the
//! first broken link and says where it is and what kind of change it shows.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use palisade::audit::{line_hash, Checkpoint, CheckpointEnd, Link, VerifyingKey, GENESIS_PREV};
use serde::{Deserialize, Serialize};

/// What `verify` is told besides the files.
#[derive(Debug, Clone, Default)]
pub struct VerifyOptions {
    /// The key the checkpoints must be signed with. Without it, the key the log names
    /// in its first line is used, which shows the log is consistent but not who wrote it.
    pub key: Option<VerifyingKey>,
    /// Accept a log whose first file starts after a rotation (older files deleted by
    /// retention): its first line's link to the missing file is not checked.
    pub allow_missing_head: bool,
}

/// One input: a name for reports and the bytes.
pub struct Source<'a> {
    /// The file name shown in reports.
    pub name: PathBuf,
    /// The content.
    pub reader: Box<dyn Read + 'a>,
}

impl std::fmt::Debug for Source<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Source")
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

/// A file could not be read: `verify` exits with 2.
#[derive(Debug, thiserror::Error)]
#[error("cannot read {}: {source}", path.display())]
pub struct Unreadable {
    /// The file.
    pub path: PathBuf,
    /// Why.
    #[source]
    pub source: std::io::Error,
}

/// What kind of change a broken link shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TamperKind {
    /// A line does not end in a well-formed `seq`/`prev` link, or a control line does
    /// not parse: it was edited or cut.
    Malformed,
    /// A line's `prev` is not the hash of the line before: one of the two was changed
    /// (or lines from another chain were put in).
    Edited,
    /// `seq` skips ahead and the missing lines are nowhere later: lines were deleted.
    Missing,
    /// The same line twice in a row.
    Duplicated,
    /// `seq` goes back, or skips ahead to a line that comes later: lines were moved.
    Reordered,
    /// A second chain's first line inside this one.
    Spliced,
    /// A checkpoint's signature does not verify with the key.
    BadSignature,
    /// A checkpoint or a chain start names a key other than the trusted one.
    UnknownKey,
    /// The log ends without a `final` checkpoint, in a partial line, or a file is empty.
    Truncated,
    /// A file of the rotation is missing.
    MissingFile,
    /// The input holds no chained line at all (another format).
    NotChained,
}

impl TamperKind {
    /// The name used in reports (`edited`, `missing_file`, ...).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Malformed => "malformed",
            Self::Edited => "edited",
            Self::Missing => "missing",
            Self::Duplicated => "duplicated",
            Self::Reordered => "reordered",
            Self::Spliced => "spliced",
            Self::BadSignature => "bad_signature",
            Self::UnknownKey => "unknown_key",
            Self::Truncated => "truncated",
            Self::MissingFile => "missing_file",
            Self::NotChained => "not_chained",
        }
    }
}

/// A place in the input: a file and a 1-based line number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Location {
    /// The file, as given.
    pub file: PathBuf,
    /// The line, from 1; one past the last line for something missing at the end.
    pub line: u64,
}

/// The first broken link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Break {
    /// What kind of change it shows.
    pub kind: TamperKind,
    /// Where it was found.
    pub file: PathBuf,
    /// The line where it was found (1-based).
    pub line: u64,
    /// The `seq` written in that line, when it has one.
    pub seq: Option<u64>,
    /// For a link that does not hold: the line it should link to (the changed line
    /// is this one or that one).
    pub linked_to: Option<Location>,
    /// What is wrong, in a sentence.
    pub message: String,
}

/// What one file held.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileSummary {
    /// The file, as given.
    pub file: PathBuf,
    /// Lines read.
    pub lines: u64,
    /// The `seq` of its first line, if it has one.
    pub first_seq: Option<u64>,
}

/// The outcome of a verification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    /// `intact` or `tampered`.
    pub status: Status,
    /// The files in the order they were verified (chain order).
    pub files: Vec<FileSummary>,
    /// Lines read in all files.
    pub lines: u64,
    /// Checkpoints whose signature verified.
    pub checkpoints: u64,
    /// The `seq` of the last line read.
    pub last_seq: Option<u64>,
    /// The key the checkpoints were checked with.
    pub key_id: Option<String>,
    /// Whether that key was given by the caller (`--key`), not read from the log.
    pub key_trusted: bool,
    /// The first broken link, when tampered.
    pub broken: Option<Break>,
}

/// Intact or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Every link holds, every checkpoint verifies, and the log ends in a `final` one.
    Intact,
    /// Something was changed; see `broken`.
    Tampered,
}

/// A checkpoint line's fields.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CheckpointLine<'a> {
    #[allow(dead_code)]
    phase: &'a str,
    time: &'a str,
    key_id: &'a str,
    end: &'a str,
    sig: &'a str,
    #[allow(dead_code)]
    seq: u64,
    #[allow(dead_code)]
    prev: &'a str,
}

/// The fields of a chain's first line and of a file's first line after a rotation.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StartLine<'a> {
    #[allow(dead_code)]
    phase: &'a str,
    #[allow(dead_code)]
    time: &'a str,
    key_id: &'a str,
    public_key: &'a str,
    #[serde(default)]
    #[allow(dead_code)]
    nonce: Option<&'a str>,
    #[serde(default, borrow)]
    previous: Option<std::borrow::Cow<'a, str>>,
    #[allow(dead_code)]
    seq: u64,
    #[allow(dead_code)]
    prev: &'a str,
}

/// Lines longer than this are refused rather than read into memory whole (an event's
/// values are cut at 4 KiB each, so real lines are far shorter).
pub const MAX_LINE: u64 = 64 << 20;

const CHECKPOINT_PREFIX: &[u8] = b"{\"phase\":\"checkpoint\",";
const GENESIS_PREFIX: &[u8] = b"{\"phase\":\"chain\",";
const ROTATED_PREFIX: &[u8] = b"{\"phase\":\"rotated\",";

/// Verifies the files `paths` as one chained log (any order: they are put in chain
/// order by the `seq` of their first lines). `progress` is told the bytes read so far.
///
/// # Errors
/// [`Unreadable`] when a file cannot be opened or read.
pub fn verify_files(
    paths: &[PathBuf],
    options: &VerifyOptions,
    progress: &mut dyn FnMut(u64),
) -> Result<Report, Unreadable> {
    let mut sources = Vec::with_capacity(paths.len());
    let mut first_seqs = Vec::with_capacity(paths.len());
    for path in paths {
        let unreadable = |source| Unreadable {
            path: path.clone(),
            source,
        };
        let file = File::open(path).map_err(unreadable)?;
        if file.metadata().map_err(unreadable)?.is_dir() {
            return Err(unreadable(std::io::Error::other("is a directory")));
        }
        first_seqs.push(first_seq(path).map_err(unreadable)?);
        sources.push(Source {
            name: path.clone(),
            reader: Box::new(file),
        });
    }
    if first_seqs.iter().all(Option::is_some) {
        let mut order: Vec<usize> = (0..sources.len()).collect();
        order.sort_by_key(|&index| first_seqs[index]);
        let mut slots: Vec<Option<Source<'_>>> = sources.into_iter().map(Some).collect();
        sources = order
            .into_iter()
            .filter_map(|index| slots[index].take())
            .collect();
    }
    verify(sources, options, progress)
}

/// The `seq` of the first line of `path` that has a link, within its first 64 lines.
fn first_seq(path: &Path) -> std::io::Result<Option<u64>> {
    let mut reader = BufReader::new(File::open(path)?);
    let mut line = Vec::new();
    for _ in 0..64 {
        line.clear();
        if (&mut reader)
            .take(MAX_LINE + 1)
            .read_until(b'\n', &mut line)?
            == 0
        {
            return Ok(None);
        }
        let body = line.strip_suffix(b"\n").unwrap_or(&line);
        if let Some(link) = Link::parse(body) {
            return Ok(Some(link.seq));
        }
    }
    Ok(None)
}

/// What the verifier knows about the line it read last.
struct Previous {
    hash: [u8; 32],
    seq: u64,
    at: Location,
    /// Why the last line was a checkpoint, if it was one.
    end: Option<CheckpointEnd>,
}

/// Verifies `sources`, in the order given, as one chained log.
///
/// # Errors
/// [`Unreadable`] when reading a source fails.
pub fn verify(
    sources: Vec<Source<'_>>,
    options: &VerifyOptions,
    progress: &mut dyn FnMut(u64),
) -> Result<Report, Unreadable> {
    let mut run = Run {
        options,
        key: options.key,
        previous: None,
        report: Report {
            status: Status::Intact,
            files: Vec::with_capacity(sources.len()),
            lines: 0,
            checkpoints: 0,
            last_seq: None,
            key_id: options.key.map(|key| key.key_id()),
            key_trusted: options.key.is_some(),
            broken: None,
        },
        pending: None,
    };
    let mut bytes = 0;
    let mut line = Vec::with_capacity(4096);
    for (index, source) in sources.into_iter().enumerate() {
        let name = source.name;
        let mut reader = BufReader::with_capacity(64 << 10, source.reader);
        let mut summary = FileSummary {
            file: name.clone(),
            lines: 0,
            first_seq: None,
        };
        loop {
            line.clear();
            let read = (&mut reader)
                .take(MAX_LINE + 1)
                .read_until(b'\n', &mut line)
                .map_err(|source| Unreadable {
                    path: name.clone(),
                    source,
                })?;
            if read == 0 {
                break;
            }
            bytes += read as u64;
            summary.lines += 1;
            run.report.lines += 1;
            if summary.lines.is_multiple_of(65_536) {
                progress(bytes);
            }
            let at = Location {
                file: name.clone(),
                line: summary.lines,
            };
            if let Some(expected) = run.pending.as_ref().map(|pending| pending.1) {
                // A seq gap was found: only look for the missing seq, to tell moved
                // lines from deleted ones.
                let body = line.strip_suffix(b"\n").unwrap_or(&line);
                if Link::parse(body).is_some_and(|link| link.seq == expected) {
                    if let Some((broken, _)) = run.pending.take() {
                        run.fail(Break {
                            kind: TamperKind::Reordered,
                            message: format!(
                                "{}; the line with seq {expected} comes later, at {} line {}",
                                broken.message,
                                at.file.display(),
                                at.line
                            ),
                            ..broken
                        });
                    }
                    break;
                }
                continue;
            }
            if line.len() as u64 > MAX_LINE {
                run.fail(Break {
                    kind: TamperKind::Malformed,
                    file: at.file,
                    line: at.line,
                    seq: None,
                    linked_to: None,
                    message: format!(
                        "a line longer than {} MiB: no audit event is this long",
                        MAX_LINE >> 20
                    ),
                });
                break;
            }
            let Some(body) = line.strip_suffix(b"\n") else {
                run.fail(Break {
                    kind: TamperKind::Truncated,
                    file: at.file,
                    line: at.line,
                    seq: None,
                    linked_to: None,
                    message: "the file ends in a partial line: it was cut".into(),
                });
                break;
            };
            if summary.first_seq.is_none() {
                summary.first_seq = Link::parse(body).map(|link| link.seq);
            }
            if let Err(broken) = run.line(body, &at, index) {
                run.fail(broken);
                break;
            }
        }
        progress(bytes);
        let empty = summary.lines == 0;
        run.report.files.push(summary);
        if run.report.broken.is_some() {
            break;
        }
        if empty && run.pending.is_none() {
            run.fail(Break {
                kind: TamperKind::Truncated,
                file: name,
                line: 1,
                seq: None,
                linked_to: None,
                message: "the file is empty: a chained file always holds lines".into(),
            });
            break;
        }
    }
    if let Some((broken, _)) = run.pending.take() {
        run.fail(broken);
    }
    if run.report.broken.is_none() {
        run.finish();
    }
    Ok(run.report)
}

struct Run<'o> {
    options: &'o VerifyOptions,
    /// The key checkpoints are checked with: the trusted one, or the one the log names.
    key: Option<VerifyingKey>,
    previous: Option<Previous>,
    report: Report,
    /// A seq gap found, and the seq looked for in the rest of the input.
    pending: Option<(Break, u64)>,
}

impl Run<'_> {
    fn fail(&mut self, broken: Break) {
        self.report.status = Status::Tampered;
        self.report.broken = Some(broken);
    }

    /// Checks the end of the log.
    fn finish(&mut self) {
        let Some(previous) = &self.previous else {
            let file = self
                .report
                .files
                .first()
                .map(|summary| summary.file.clone())
                .unwrap_or_default();
            self.fail(Break {
                kind: TamperKind::Truncated,
                file,
                line: 1,
                seq: None,
                linked_to: None,
                message: "no lines: a chained log starts with a chain line".into(),
            });
            return;
        };
        let at = Location {
            file: previous.at.file.clone(),
            line: previous.at.line + 1,
        };
        let (kind, message) = match previous.end {
            Some(CheckpointEnd::Final) => return,
            Some(CheckpointEnd::Rotation) => (
                TamperKind::MissingFile,
                format!(
                    "{} ends with a rotation checkpoint, but the file after it is missing",
                    at.file.display()
                ),
            ),
            _ => (
                TamperKind::Truncated,
                format!(
                    "the log ends after seq {} without a final checkpoint: its tail was cut \
                     (or its writer did not shut down cleanly)",
                    previous.seq
                ),
            ),
        };
        self.fail(Break {
            kind,
            file: at.file,
            line: at.line,
            seq: None,
            linked_to: None,
            message,
        });
    }

    /// Checks one line (without its `\n`).
    fn line(&mut self, body: &[u8], at: &Location, file_index: usize) -> Result<(), Break> {
        let broken = |kind, seq, message: String| Break {
            kind,
            file: at.file.clone(),
            line: at.line,
            seq,
            linked_to: None,
            message,
        };
        let Some(link) = Link::parse(body) else {
            let kind = if self.previous.is_none() && !body.starts_with(b"{") {
                TamperKind::NotChained
            } else {
                TamperKind::Malformed
            };
            return Err(broken(
                kind,
                None,
                "the line does not end in a `seq` and `prev` link: it was changed or cut, \
                 or this is not a chained audit log"
                    .into(),
            ));
        };
        let seq = Some(link.seq);
        let hash = line_hash(body);
        let genesis = body.starts_with(GENESIS_PREFIX);
        let rotated = body.starts_with(ROTATED_PREFIX);
        match &self.previous {
            None => {
                if genesis {
                    if link.seq != 0 || link.prev != GENESIS_PREV {
                        return Err(broken(
                            TamperKind::Malformed,
                            seq,
                            "a chain's first line must have seq 0 and a zero prev".into(),
                        ));
                    }
                } else if !(rotated && self.options.allow_missing_head) {
                    let (kind, message) = if rotated {
                        (
                            TamperKind::MissingFile,
                            format!(
                                "the chain does not start here (seq {}): the file before it{} \
                                 is missing (pass --allow-missing-head if retention deleted it)",
                                link.seq,
                                previous_name(body)
                                    .map(|name| format!(", {name},"))
                                    .unwrap_or_default()
                            ),
                        )
                    } else {
                        (
                            TamperKind::Missing,
                            format!(
                                "the chain does not start here: seq {} is not a chain's first line",
                                link.seq
                            ),
                        )
                    };
                    return Err(broken(kind, seq, message));
                }
            }
            Some(previous) => {
                let expected = previous.seq.saturating_add(1);
                if link.seq != expected {
                    return self.gap(body, at, link.seq, expected, hash, rotated);
                }
                if genesis {
                    return Err(broken(
                        TamperKind::Spliced,
                        seq,
                        "a second chain starts here: lines of another log were put in".into(),
                    ));
                }
                if link.prev != previous.hash {
                    return Err(Break {
                        linked_to: Some(previous.at.clone()),
                        ..broken(
                            TamperKind::Edited,
                            seq,
                            format!(
                                "the link does not hold: {} line {} was changed (or removed and \
                                 replaced), or this line's `prev` was",
                                previous.at.file.display(),
                                previous.at.line
                            ),
                        )
                    });
                }
                if rotated && previous.end != Some(CheckpointEnd::Rotation) {
                    return Err(broken(
                        TamperKind::Malformed,
                        seq,
                        "a rotation line must follow a rotation checkpoint".into(),
                    ));
                }
            }
        }
        let first_of_later_file = at.line == 1 && file_index > 0;
        if first_of_later_file != rotated && self.previous.is_some() {
            return Err(broken(
                TamperKind::Malformed,
                seq,
                if rotated {
                    "a rotation line inside a file".into()
                } else {
                    "a file after the first must start with a rotation line".into()
                },
            ));
        }
        let mut end = None;
        if genesis || rotated {
            self.start_line(body, seq, &broken)?;
        } else if body.starts_with(CHECKPOINT_PREFIX) {
            end = Some(self.checkpoint(body, &link, &broken)?);
        }
        self.previous = Some(Previous {
            hash,
            seq: link.seq,
            at: at.clone(),
            end,
        });
        self.report.last_seq = Some(link.seq);
        Ok(())
    }

    /// A line whose `seq` is not the next one.
    fn gap(
        &mut self,
        body: &[u8],
        at: &Location,
        seq: u64,
        expected: u64,
        hash: [u8; 32],
        rotated: bool,
    ) -> Result<(), Break> {
        let previous = self.previous.as_ref().map(|previous| previous.hash);
        let mut broken = Break {
            kind: TamperKind::Reordered,
            file: at.file.clone(),
            line: at.line,
            seq: Some(seq),
            linked_to: None,
            message: String::new(),
        };
        if seq < expected {
            if seq + 1 == expected && previous == Some(hash) {
                broken.kind = TamperKind::Duplicated;
                broken.message = format!("seq {seq} again: the line before is repeated");
            } else if body.starts_with(GENESIS_PREFIX) {
                broken.kind = TamperKind::Spliced;
                broken.message =
                    "a second chain starts here: lines of another log were put in".to_string();
            } else {
                broken.message = format!(
                    "seq {seq} where {expected} was due: a line from earlier (moved or copied)"
                );
            }
            return Err(broken);
        }
        if rotated && at.line == 1 {
            broken.kind = TamperKind::MissingFile;
            broken.message = format!(
                "seq jumps from {} to {seq} between files: the file{} before {} is missing",
                expected - 1,
                previous_name(body)
                    .map(|name| format!(" {name}"))
                    .unwrap_or_default(),
                at.file.display()
            );
            return Err(broken);
        }
        broken.kind = TamperKind::Missing;
        broken.message = format!(
            "seq {seq} where {expected} was due: {} line(s) before this one were deleted or moved",
            seq - expected
        );
        self.pending = Some((broken, expected));
        Ok(())
    }

    /// Checks a chain's first line or a rotation line: the key it names.
    fn start_line(
        &mut self,
        body: &[u8],
        seq: Option<u64>,
        broken: &dyn Fn(TamperKind, Option<u64>, String) -> Break,
    ) -> Result<(), Break> {
        let line: StartLine<'_> = serde_json::from_slice(body).map_err(|error| {
            broken(
                TamperKind::Malformed,
                seq,
                format!("a chain or rotation line that does not parse: {error}"),
            )
        })?;
        let mut bytes = [0; 32];
        let named = palisade::audit::parse_hex_into(line.public_key.as_bytes(), &mut bytes)
            .and_then(|()| VerifyingKey::from_bytes(&bytes).ok())
            .ok_or_else(|| {
                broken(
                    TamperKind::Malformed,
                    seq,
                    "the line's public_key is not an Ed25519 key".into(),
                )
            })?;
        if named.key_id() != line.key_id {
            return Err(broken(
                TamperKind::UnknownKey,
                seq,
                format!(
                    "key_id {} is not the id of the public key in the line",
                    line.key_id
                ),
            ));
        }
        match self.key {
            Some(key) if key != named => Err(broken(
                TamperKind::UnknownKey,
                seq,
                format!(
                    "the chain names key {}, not the key {} it must be signed with",
                    line.key_id,
                    key.key_id()
                ),
            )),
            Some(_) => Ok(()),
            None => {
                self.key = Some(named);
                self.report.key_id = Some(named.key_id());
                Ok(())
            }
        }
    }

    /// Checks a checkpoint's key and signature; returns why it was written.
    fn checkpoint(
        &mut self,
        body: &[u8],
        link: &Link,
        broken: &dyn Fn(TamperKind, Option<u64>, String) -> Break,
    ) -> Result<CheckpointEnd, Break> {
        let seq = Some(link.seq);
        let line: CheckpointLine<'_> = serde_json::from_slice(body).map_err(|error| {
            broken(
                TamperKind::Malformed,
                seq,
                format!("a checkpoint that does not parse: {error}"),
            )
        })?;
        let Some(key) = self.key else {
            return Err(broken(
                TamperKind::UnknownKey,
                seq,
                "a checkpoint before any line names the key".into(),
            ));
        };
        let key_id = key.key_id();
        if line.key_id != key_id {
            return Err(broken(
                TamperKind::UnknownKey,
                seq,
                format!(
                    "signed with key {}, not with the key {key_id} of this log",
                    line.key_id
                ),
            ));
        }
        let end = CheckpointEnd::from_name(line.end).ok_or_else(|| {
            broken(
                TamperKind::Malformed,
                seq,
                format!("unknown checkpoint end `{}`", line.end),
            )
        })?;
        let mut signature = [0; 64];
        let bad = || {
            broken(
                TamperKind::BadSignature,
                seq,
                "the checkpoint's signature does not verify".into(),
            )
        };
        palisade::audit::parse_hex_into(line.sig.as_bytes(), &mut signature).ok_or_else(bad)?;
        let checkpoint = Checkpoint {
            seq: link.seq,
            prev: link.prev,
            end,
            time: line.time,
        };
        if !key.verifies_checkpoint(&checkpoint, &signature) {
            return Err(bad());
        }
        self.report.checkpoints += 1;
        Ok(end)
    }
}

/// The `previous` file a rotation line names, if it parses.
fn previous_name(body: &[u8]) -> Option<String> {
    serde_json::from_slice::<StartLine<'_>>(body)
        .ok()
        .and_then(|line| line.previous.map(std::borrow::Cow::into_owned))
}
