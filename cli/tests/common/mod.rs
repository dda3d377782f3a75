//! Chained logs made for the tests and the bench: realistic events written through
//! the runtime's `Chain`, rotated into several files with `Chain::rotated`, the way
//! the file sink writes them.
#![allow(dead_code)]

use std::path::PathBuf;
use std::time::Duration;

use palisade::audit::{Chain, CheckpointEnd, SigningKey};
use palisade_audit::{Report, Source, VerifyOptions};

/// The files of one chained log, oldest first, as names and bytes.
pub type Files = Vec<(PathBuf, Vec<u8>)>;

/// The name the `index`th of `count` files gets after rotation (the newest is
/// `audit.jsonl`, older ones `audit.jsonl.1`, `.2`, ... as logrotate names them).
pub fn file_name(index: usize, count: usize) -> PathBuf {
    if index + 1 == count {
        PathBuf::from("audit.jsonl")
    } else {
        PathBuf::from(format!("audit.jsonl.{}", count - 1 - index))
    }
}

/// One event line as `AuditEvent::write_json` writes them (the fields vary with `i`).
pub fn event(i: usize) -> String {
    let outcome = ["success", "success", "success", "failure", "panic"][i % 5];
    let error = if outcome == "success" {
        "null".to_string()
    } else {
        format!("\"insufficient funds in account {}\"", i % 97)
    };
    format!(
        concat!(
            "{{\"timestamp\":\"2026-12-02T15:{:02}:{:02}.{:06}Z\",\"id\":\"019ae0b1-{:04x}-7c3d-8e2f-{:012x}\",",
            "\"phase\":\"finish\",\"operation\":\"{}\",\"module\":\"bank::transfers\",\"outcome\":\"{}\",",
            "\"duration_us\":{},\"actor\":\"{}\",\"change_ticket\":null,\"environment\":\"production\",",
            "\"args\":{{\"amount\":{},\"to\":\"acct-{}\",\"password\":\"[REDACTED]\"}},\"resources_affected\":[\"acct-{}\"],",
            "\"error_detail\":{},\"build\":{{\"crate\":\"bank\",\"version\":\"1.4.2\",\"rustc\":\"rustc 1.95.0\",",
            "\"target\":\"x86_64-unknown-linux-gnu\",\"profile\":\"release\"}}}}"
        ),
        (i / 60) % 60,
        i % 60,
        (i * 7919) % 1_000_000,
        i % 65_536,
        i * 2_654_435_761 % (1 << 48),
        ["transfer", "refund", "login", "export", "close_account"][i % 5],
        outcome,
        17 + i % 900,
        ["alice", "bob", "carol", "dave"][i % 4],
        (i * 37) % 100_000,
        i % 1000,
        i % 1000,
        error,
    )
}

/// A chained log of `events` events over `files` files, a checkpoint every `every`
/// lines, and a final checkpoint at the end.
pub fn generate(key: &SigningKey, events: usize, files: usize, every: u64) -> Files {
    let per_file = events.div_ceil(files);
    let mut done: Vec<Vec<u8>> = Vec::new();
    let mut current = Vec::new();
    let mut chain = Chain::start(key.clone(), &mut |line: &[u8]| {
        current.extend_from_slice(line);
        Ok::<_, std::io::Error>(())
    })
    .expect("a chain starts in memory")
    .checkpoint_every(every)
    .checkpoint_interval(Duration::ZERO);
    for i in 0..events {
        if i > 0 && i % per_file == 0 {
            let mut next = Vec::new();
            let previous = file_name(done.len(), files);
            chain
                .rotated(
                    &previous.to_string_lossy(),
                    &mut |line: &[u8]| {
                        current.extend_from_slice(line);
                        Ok::<_, std::io::Error>(())
                    },
                    &mut |line: &[u8]| {
                        next.extend_from_slice(line);
                        Ok::<_, std::io::Error>(())
                    },
                )
                .expect("rotation in memory");
            done.push(std::mem::replace(&mut current, next));
        }
        chain
            .append(event(i).as_bytes(), &mut |line: &[u8]| {
                current.extend_from_slice(line);
                Ok::<_, std::io::Error>(())
            })
            .expect("appending in memory");
    }
    chain
        .checkpoint(CheckpointEnd::Final, &mut |line: &[u8]| {
            current.extend_from_slice(line);
            Ok::<_, std::io::Error>(())
        })
        .expect("the final checkpoint in memory");
    done.push(current);
    let count = done.len();
    done.into_iter()
        .enumerate()
        .map(|(index, bytes)| (file_name(index, count), bytes))
        .collect()
}

/// Verifies in-memory files with the library function the CLI runs.
pub fn verify(files: &Files, options: &VerifyOptions) -> Report {
    let sources = files
        .iter()
        .map(|(name, bytes)| Source {
            name: name.clone(),
            reader: Box::new(bytes.as_slice()),
        })
        .collect();
    palisade_audit::verify(sources, options, &mut |_| {}).expect("memory is readable")
}

/// Writes `files` into `dir`, returning the paths, oldest first.
pub fn write_to(dir: &std::path::Path, files: &Files) -> Vec<PathBuf> {
    files
        .iter()
        .map(|(name, bytes)| {
            let path = dir.join(name);
            std::fs::write(&path, bytes).expect("the temp dir is writable");
            path
        })
        .collect()
}

/// Splits a file into its lines, each with its `\n`.
pub fn lines(bytes: &[u8]) -> Vec<Vec<u8>> {
    bytes
        .split_inclusive(|&byte| byte == b'\n')
        .map(<[u8]>::to_vec)
        .collect()
}

/// A small deterministic generator (SplitMix64), so every run mutates the same way.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}
