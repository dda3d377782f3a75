//! `JsonLinesFile` rotation: by size and by age, `keep(n)` deleting the oldest, names
//! that sort by time, and no event lost or written twice across rotations, whether
//! events come one by one or in `Background` batches.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use palisade::audit::{self, Background, Flush, JsonLinesFile, Overflow, Rotation};
use palisade::audit_log;
use serde_json::Value;

#[audit_log]
fn step(seq: u64) -> u64 {
    seq
}

/// A fresh directory for one test.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("palisade-rot-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The rotated files (by name, which must be their age order), then the current one.
fn files_in_order(dir: &Path) -> Vec<PathBuf> {
    let mut names = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .filter(|name| name != "audit.jsonl")
        .collect::<Vec<_>>();
    names.sort();
    for name in &names {
        let stamp = name
            .strip_prefix("audit.jsonl.")
            .unwrap_or_else(|| panic!("{name}"));
        assert_eq!(stamp.len(), "20261202T154500.123456Z".len(), "{name}");
        assert!(
            stamp.ends_with('Z') && stamp.as_bytes()[8] == b'T',
            "{name}"
        );
    }
    let mut files = names.iter().map(|name| dir.join(name)).collect::<Vec<_>>();
    files.push(dir.join("audit.jsonl"));
    files
}

/// The `seq` of every event in `files`, in order; every line must parse.
fn seqs(files: &[PathBuf]) -> Vec<u64> {
    let mut all = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(file).unwrap();
        assert!(
            text.is_empty() || text.ends_with('\n'),
            "{}",
            file.display()
        );
        for line in text.lines() {
            let event: Value = serde_json::from_str(line)
                .unwrap_or_else(|e| panic!("torn line in {} ({e}): {line}", file.display()));
            all.push(event["args"]["seq"].as_u64().unwrap());
        }
    }
    all
}

#[test]
fn size_rotation_keeps_every_file_under_the_limit_and_every_event_once_in_order() {
    let dir = temp_dir("size");
    let limit = 4_000;
    let sink = JsonLinesFile::open(dir.join("audit.jsonl"))
        .unwrap()
        .rotate(Rotation::size(limit));
    {
        let _scope = audit::scoped_sink(Arc::new(sink));
        for n in 0..200 {
            step(n);
        }
    }
    let files = files_in_order(&dir);
    assert!(files.len() > 10, "{files:?}");
    for file in &files {
        let len = std::fs::metadata(file).unwrap().len();
        assert!(len <= limit && len > 0, "{} is {len} bytes", file.display());
    }
    // Names sort as the files were written: the events come out in order.
    assert_eq!(seqs(&files), (0..200).collect::<Vec<_>>());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn keep_deletes_the_oldest_rotated_files() {
    let dir = temp_dir("keep");
    let sink = JsonLinesFile::open(dir.join("audit.jsonl"))
        .unwrap()
        .rotate(Rotation::size(2_000))
        .keep(3);
    // A file that is not one of this sink's rotated files is never touched.
    std::fs::write(dir.join("audit.jsonl.bak"), "mine").unwrap();
    {
        let _scope = audit::scoped_sink(Arc::new(sink));
        for n in 0..200 {
            step(n);
        }
    }
    assert_eq!(
        std::fs::read_to_string(dir.join("audit.jsonl.bak")).unwrap(),
        "mine"
    );
    std::fs::remove_file(dir.join("audit.jsonl.bak")).unwrap();
    let files = files_in_order(&dir);
    assert_eq!(
        files.len(),
        4,
        "three rotated and the current one: {files:?}"
    );
    // What is left is the newest events, contiguous up to the last one.
    let left = seqs(&files);
    let first = left[0];
    assert!(first > 0);
    assert_eq!(left, (first..200).collect::<Vec<_>>());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn age_rotation_starts_a_new_file_once_the_current_one_is_old() {
    let dir = temp_dir("age");
    let sink = JsonLinesFile::open(dir.join("audit.jsonl"))
        .unwrap()
        .rotate(Rotation::age(Duration::from_millis(300)))
        .flush_policy(Flush::EachEvent);
    {
        let _scope = audit::scoped_sink(Arc::new(sink));
        step(0);
        step(1);
        std::thread::sleep(Duration::from_millis(400));
        step(2);
        step(3);
        std::thread::sleep(Duration::from_millis(400));
        step(4);
    }
    let files = files_in_order(&dir);
    assert_eq!(files.len(), 3, "{files:?}");
    assert_eq!(seqs(&files[..1]), [0, 1]);
    assert_eq!(seqs(&files[1..2]), [2, 3]);
    assert_eq!(seqs(&files[2..]), [4]);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn size_or_age_rotates_on_whichever_comes_first() {
    let dir = temp_dir("either");
    let sink = JsonLinesFile::open(dir.join("audit.jsonl"))
        .unwrap()
        .rotate(Rotation::size_or_age(3_000, Duration::from_millis(300)));
    {
        let _scope = audit::scoped_sink(Arc::new(sink));
        // Two small events, then the age.
        step(0);
        step(1);
        std::thread::sleep(Duration::from_millis(400));
        // Then enough for the size.
        for n in 2..40 {
            step(n);
        }
    }
    let files = files_in_order(&dir);
    assert_eq!(seqs(&files[..1]), [0, 1]);
    assert!(files.len() > 3, "{files:?}");
    assert_eq!(seqs(&files), (0..40).collect::<Vec<_>>());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn background_batches_rotate_without_losing_or_repeating_an_event() {
    let dir = temp_dir("batches");
    let sink = JsonLinesFile::open(dir.join("audit.jsonl"))
        .unwrap()
        .rotate(Rotation::size(20_000))
        .flush_policy(Flush::Every(100));
    let background = Arc::new(Background::new(sink, 8_192, Overflow::Block).unwrap());
    let threads = (0..4u64)
        .map(|thread| {
            let background = background.clone();
            std::thread::spawn(move || {
                let _scope = audit::scoped_sink(background);
                for n in 0..1_000 {
                    step(thread * 10_000 + n);
                }
            })
        })
        .collect::<Vec<_>>();
    for thread in threads {
        thread.join().unwrap();
    }
    drop(background);
    let files = files_in_order(&dir);
    assert!(files.len() > 20, "{files:?}");
    for file in &files {
        assert!(std::fs::metadata(file).unwrap().len() <= 20_000);
    }
    let all = seqs(&files);
    assert_eq!(all.len(), 4_000);
    assert_eq!(all.iter().collect::<HashSet<_>>().len(), 4_000);
    for thread in 0..4u64 {
        let mine = all
            .iter()
            .filter(|seq| **seq / 10_000 == thread)
            .map(|seq| seq % 10_000)
            .collect::<Vec<_>>();
        assert_eq!(mine, (0..1_000).collect::<Vec<_>>());
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
