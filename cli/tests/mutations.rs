//! The verifier is not fooled: a chained log of 10,000 events over 3 rotated files,
//! 10,000+ seeded single mutations of nine kinds, each one reported as tampered at
//! the place it was made; the untouched log is intact.

mod common;

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::PathBuf;

use common::{Files, Rng};
use palisade::audit::{line_hash, to_hex, Checkpoint, CheckpointEnd, Link, SigningKey};
use palisade_audit::{Report, Status, TamperKind, VerifyOptions};

const EVENTS: usize = 10_000;
const FILES: usize = 3;
const PER_KIND: usize = 1_112;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Mutation {
    EditByte,
    DeleteLine,
    DuplicateLine,
    SwapLines,
    TruncateTail,
    DeleteFile,
    ReplaceSignature,
    ResignWithOtherKey,
    SpliceOtherChain,
}

const KINDS: [Mutation; 9] = [
    Mutation::EditByte,
    Mutation::DeleteLine,
    Mutation::DuplicateLine,
    Mutation::SwapLines,
    Mutation::TruncateTail,
    Mutation::DeleteFile,
    Mutation::ReplaceSignature,
    Mutation::ResignWithOtherKey,
    Mutation::SpliceOtherChain,
];

/// Where a mutation must be reported: a set of (file, line) places, any of which
/// may be named by the report's `file`/`line` or its `linked_to`.
struct Expected {
    places: Vec<(PathBuf, u64)>,
}

struct Fixture {
    key: SigningKey,
    other_key: SigningKey,
    log: Files,
    /// Another valid chain with the same key and the same shape.
    other_same_key: Files,
    /// Another valid chain with another key.
    other_key_log: Files,
    lines: Vec<Vec<Vec<u8>>>,
}

fn checkpoint_lines(lines: &[Vec<Vec<u8>>]) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    for (file, lines) in lines.iter().enumerate() {
        for (index, line) in lines.iter().enumerate() {
            if line.starts_with(b"{\"phase\":\"checkpoint\"") {
                found.push((file, index));
            }
        }
    }
    found
}

/// A mutated log: the files left alone are borrowed from the fixture.
type Mutated<'a> = Vec<(PathBuf, Cow<'a, [u8]>)>;

fn join(lines: &[Vec<u8>]) -> Vec<u8> {
    lines.concat()
}

fn borrowed(fixture: &Fixture) -> Mutated<'_> {
    fixture
        .log
        .iter()
        .map(|(name, bytes)| (name.clone(), Cow::Borrowed(bytes.as_slice())))
        .collect()
}

fn with_file<'a>(fixture: &'a Fixture, file: usize, lines: &[&[u8]]) -> Mutated<'a> {
    let mut log = borrowed(fixture);
    log[file].1 = Cow::Owned(lines.concat());
    log
}

/// The lines of a file of the fixture, borrowed.
fn lines_of(fixture: &Fixture, file: usize) -> Vec<&[u8]> {
    fixture.lines[file].iter().map(Vec::as_slice).collect()
}

fn place(fixture: &Fixture, file: usize, line: usize) -> (PathBuf, u64) {
    (fixture.log[file].0.clone(), line as u64)
}

/// Applies one mutation of `kind`; returns the mutated log and where it must be found.
fn mutate<'a>(fixture: &'a Fixture, kind: Mutation, rng: &mut Rng) -> (Mutated<'a>, Expected) {
    let files = fixture.lines.len();
    match kind {
        Mutation::EditByte => {
            let file = rng.below(files);
            let mut lines = lines_of(fixture, file);
            let index = rng.below(lines.len());
            let mut line = lines[index].to_vec();
            let at = rng.below(line.len() - 1);
            line[at] ^= 1 + rng.below(255) as u8;
            lines[index] = &line;
            let expected = Expected {
                places: vec![place(fixture, file, index + 1)],
            };
            (with_file(fixture, file, &lines), expected)
        }
        Mutation::DeleteLine => {
            let file = rng.below(files);
            let mut lines = lines_of(fixture, file);
            let index = rng.below(lines.len());
            lines.remove(index);
            let expected = if index < lines.len() {
                place(fixture, file, index + 1)
            } else if file + 1 < files {
                place(fixture, file + 1, 1)
            } else {
                place(fixture, file, index + 1)
            };
            (
                with_file(fixture, file, &lines),
                Expected {
                    places: vec![expected],
                },
            )
        }
        Mutation::DuplicateLine => {
            let file = rng.below(files);
            let mut lines = lines_of(fixture, file);
            let index = rng.below(lines.len());
            lines.insert(index + 1, lines[index]);
            (
                with_file(fixture, file, &lines),
                Expected {
                    places: vec![place(fixture, file, index + 2)],
                },
            )
        }
        Mutation::SwapLines => {
            let file = rng.below(files);
            let mut lines = lines_of(fixture, file);
            let a = rng.below(lines.len());
            let mut b = rng.below(lines.len() - 1);
            if b >= a {
                b += 1;
            }
            lines.swap(a, b);
            (
                with_file(fixture, file, &lines),
                Expected {
                    places: vec![place(fixture, file, a.min(b) + 1)],
                },
            )
        }
        Mutation::TruncateTail => {
            let file = files - 1;
            let bytes = &fixture.log[file].1;
            // Half at a random byte, half at a random line boundary.
            let cut = if rng.below(2) == 0 {
                rng.below(bytes.len())
            } else {
                let lines = &fixture.lines[file];
                lines[..rng.below(lines.len())].iter().map(Vec::len).sum()
            };
            let kept = bytes[..cut].iter().filter(|&&byte| byte == b'\n').count();
            let mut log = borrowed(fixture);
            log[file].1 = Cow::Borrowed(&bytes[..cut]);
            (
                log,
                Expected {
                    places: vec![place(fixture, file, kept + 1)],
                },
            )
        }
        Mutation::DeleteFile => {
            let file = rng.below(files);
            let mut log = borrowed(fixture);
            log.remove(file);
            let expected = if file + 1 < files {
                place(fixture, file + 1, 1)
            } else {
                place(fixture, file - 1, fixture.lines[file - 1].len() + 1)
            };
            (
                log,
                Expected {
                    places: vec![expected],
                },
            )
        }
        Mutation::ReplaceSignature => {
            let checkpoints = checkpoint_lines(&fixture.lines);
            let (file, index) = checkpoints[rng.below(checkpoints.len())];
            let mut lines = lines_of(fixture, file);
            let text = String::from_utf8(lines[index].to_vec()).unwrap();
            let start = text.find("\"sig\":\"").unwrap() + 7;
            let mut forged = [0_u8; 64];
            for byte in &mut forged {
                *byte = rng.below(256) as u8;
            }
            let replaced = format!(
                "{}{}{}",
                &text[..start],
                to_hex(&forged),
                &text[start + 128..]
            );
            assert_ne!(replaced, text);
            lines[index] = replaced.as_bytes();
            (
                with_file(fixture, file, &lines),
                Expected {
                    places: vec![place(fixture, file, index + 1)],
                },
            )
        }
        Mutation::ResignWithOtherKey => resign(fixture, rng),
        Mutation::SpliceOtherChain => {
            let other = if rng.below(4) == 0 {
                &fixture.other_key_log
            } else {
                &fixture.other_same_key
            };
            let file = rng.below(files);
            let ours = &fixture.lines[file];
            let theirs = common::lines(&other[file].1);
            let len = ours.len().min(theirs.len());
            let a = rng.below(len);
            let b = (a + 1 + rng.below(20)).min(len);
            let mut lines = lines_of(fixture, file);
            for at in a..b {
                lines[at] = &theirs[at];
            }
            // The break is inside the spliced run or at the first line of ours after
            // it (in the next file when the run reaches the end of this one).
            let mut places: Vec<_> = (a..=b).map(|line| place(fixture, file, line + 1)).collect();
            if a > 0 {
                places.push(place(fixture, file, a));
            }
            if b == ours.len() && file + 1 < files {
                places.push(place(fixture, file + 1, 1));
            }
            (with_file(fixture, file, &lines), Expected { places })
        }
    }
}

/// Edits one event, then rewrites every link after it and re-signs every checkpoint
/// after it with another key — naming that key, or forging the right key's id.
fn resign<'a>(fixture: &'a Fixture, rng: &mut Rng) -> (Mutated<'a>, Expected) {
    let mut lines = fixture.lines.clone();
    let positions: Vec<(usize, usize)> = lines
        .iter()
        .enumerate()
        .flat_map(|(file, lines)| (0..lines.len()).map(move |index| (file, index)))
        .collect();
    let events: Vec<usize> = positions
        .iter()
        .enumerate()
        .filter(|(_, &(file, index))| lines[file][index].starts_with(b"{\"timestamp\""))
        .map(|(at, _)| at)
        .collect();
    let edited = events[rng.below(events.len())];
    let (file, index) = positions[edited];
    {
        let line = &mut lines[file][index];
        let link = Link::parse(&line[..line.len() - 1]).unwrap();
        let letters: Vec<usize> = (0..link.starts_at)
            .filter(|&at| line[at].is_ascii_lowercase())
            .collect();
        let at = letters[rng.below(letters.len())];
        line[at] = if line[at] == b'z' { b'a' } else { line[at] + 1 };
    }
    let forge_id = rng.below(2) == 0;
    let key_id = if forge_id {
        fixture.key.verifying_key().key_id()
    } else {
        fixture.other_key.verifying_key().key_id()
    };
    let (file, index) = positions[edited];
    let mut prev = line_hash(&lines[file][index][..lines[file][index].len() - 1]);
    let mut first_checkpoint = None;
    for &(file, index) in &positions[edited + 1..] {
        let line = &lines[file][index];
        let body = &line[..line.len() - 1];
        let link = Link::parse(body).unwrap();
        let new = if body.starts_with(b"{\"phase\":\"checkpoint\"") {
            let fields: serde_json::Value = serde_json::from_slice(body).unwrap();
            let time = fields["time"].as_str().unwrap();
            let end = CheckpointEnd::from_name(fields["end"].as_str().unwrap()).unwrap();
            let signature = fixture.other_key.sign_checkpoint(&Checkpoint {
                seq: link.seq,
                prev,
                end,
                time,
            });
            first_checkpoint.get_or_insert((file, index));
            format!(
                "{{\"phase\":\"checkpoint\",\"time\":\"{time}\",\"key_id\":\"{key_id}\",\"end\":\"{}\",\
                 \"sig\":\"{}\",\"seq\":{},\"prev\":\"{}\"}}",
                end.as_str(),
                to_hex(&signature),
                link.seq,
                to_hex(&prev)
            )
            .into_bytes()
        } else {
            let mut new = body[..link.starts_at].to_vec();
            new.extend_from_slice(
                format!(",\"seq\":{},\"prev\":\"{}\"}}", link.seq, to_hex(&prev)).as_bytes(),
            );
            new
        };
        prev = line_hash(&new);
        let mut new = new;
        new.push(b'\n');
        lines[file][index] = new;
    }
    let (file, index) = first_checkpoint.expect("a final checkpoint follows every event");
    let log = fixture
        .log
        .iter()
        .zip(&lines)
        .map(|((name, _), lines)| (name.clone(), Cow::Owned(join(lines))))
        .collect();
    (
        log,
        Expected {
            places: vec![place(fixture, file, index + 1)],
        },
    )
}

/// Verifies a mutated log with the library function the CLI runs.
fn verify(files: &Mutated<'_>, options: &VerifyOptions) -> Report {
    let sources = files
        .iter()
        .map(|(name, bytes)| palisade_audit::Source {
            name: name.clone(),
            reader: Box::new(bytes.as_ref()),
        })
        .collect();
    palisade_audit::verify(sources, options, &mut |_| {}).expect("memory is readable")
}

fn reported_at(report: &Report, expected: &Expected) -> bool {
    let Some(broken) = &report.broken else {
        return false;
    };
    let named = std::iter::once((broken.file.clone(), broken.line)).chain(
        broken
            .linked_to
            .iter()
            .map(|location| (location.file.clone(), location.line)),
    );
    named
        .into_iter()
        .any(|place| expected.places.contains(&place))
}

#[test]
fn every_single_mutation_of_a_rotated_log_is_found_where_it_was_made() {
    let key = SigningKey::generate().unwrap();
    let other_key = SigningKey::generate().unwrap();
    let log = common::generate(&key, EVENTS, FILES, 250);
    let fixture = Fixture {
        lines: log.iter().map(|(_, bytes)| common::lines(bytes)).collect(),
        other_same_key: common::generate(&key, EVENTS, FILES, 250),
        other_key_log: common::generate(&other_key, EVENTS, FILES, 250),
        key,
        other_key,
        log,
    };
    let options = VerifyOptions {
        key: Some(fixture.key.verifying_key()),
        allow_missing_head: false,
    };
    let untouched = common::verify(&fixture.log, &options);
    assert_eq!(untouched.broken, None);
    assert_eq!(untouched.status, Status::Intact);
    assert_eq!(fixture.log.len(), FILES);

    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(4);
    let outcomes: Vec<Vec<(Mutation, TamperKind)>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|worker| {
                let fixture = &fixture;
                let options = &options;
                scope.spawn(move || {
                    let mut rng = Rng(0x5eed_0000 + worker as u64);
                    let mut found = Vec::new();
                    for (round, kind) in KINDS
                        .iter()
                        .flat_map(|kind| std::iter::repeat_n(*kind, PER_KIND))
                        .enumerate()
                    {
                        if round % workers != worker {
                            continue;
                        }
                        let (mutated, expected) = mutate(fixture, kind, &mut rng);
                        let report = verify(&mutated, options);
                        assert_eq!(
                            report.status,
                            Status::Tampered,
                            "{kind:?} (round {round}) was not found"
                        );
                        assert!(
                            reported_at(&report, &expected),
                            "{kind:?} (round {round}): reported {:?}, made at {:?}",
                            report.broken,
                            expected.places
                        );
                        found.push((kind, report.broken.unwrap().kind));
                    }
                    found
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|handle| handle.join().unwrap())
            .collect()
    });
    let mut counts: BTreeMap<Mutation, BTreeMap<&str, usize>> = BTreeMap::new();
    let mut total = 0;
    for (mutation, reported) in outcomes.into_iter().flatten() {
        *counts
            .entry(mutation)
            .or_default()
            .entry(reported.as_str())
            .or_default() += 1;
        total += 1;
    }
    for (mutation, reported) in &counts {
        let sum: usize = reported.values().sum();
        println!("{mutation:?}: {sum} mutations, all tampered, reported as {reported:?}");
        assert_eq!(sum, PER_KIND);
    }
    println!("total: {total} mutations");
    assert!(total >= 10_000);
    // Each kind is reported the way it should be, at least most of the time.
    let share = |mutation: Mutation, kind: &str| counts[&mutation].get(kind).copied().unwrap_or(0);
    assert_eq!(share(Mutation::ReplaceSignature, "bad_signature"), PER_KIND);
    assert_eq!(
        share(Mutation::ResignWithOtherKey, "bad_signature")
            + share(Mutation::ResignWithOtherKey, "unknown_key"),
        PER_KIND
    );
    assert_eq!(share(Mutation::DuplicateLine, "duplicated"), PER_KIND);
    assert_eq!(
        share(Mutation::SwapLines, "reordered") + share(Mutation::SwapLines, "missing"),
        PER_KIND
    );
}
