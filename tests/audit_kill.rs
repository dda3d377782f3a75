//! `kill -9` of a process writing audit events, under each flush policy, with and
//! without `Background`: no line is torn (every line ending in a newline parses, and
//! at most a final fragment is cut by the kill), ids are unique, the events found
//! are exactly the first ones made (none missing in between, none twice), and the
//! events the child had acknowledged (the audited call returned, reported through a
//! pipe) but that are not in the file are within the documented bound: none for a
//! synchronous `JsonLinesFile` (what `write(2)` returned survives the kill, in the
//! page cache), at most `capacity + MAX_BATCH` through a `Background`.

use std::collections::HashSet;
use std::io::{BufRead as _, BufReader, Write as _};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use palisade::audit::{self, Background, Flush, JsonLinesFile, Overflow, MAX_BATCH};
use palisade::audit_log;
use serde_json::Value;

const CAPACITY: usize = 1_000;

#[audit_log]
fn step(seq: u64) -> u64 {
    seq
}

fn policy(name: &str) -> Flush {
    match name {
        "never" => Flush::Never,
        "every" => Flush::Every(100),
        "interval" => Flush::Interval(Duration::from_millis(20)),
        "each" => Flush::EachEvent,
        other => panic!("unknown policy {other}"),
    }
}

/// The child: writes events until killed, printing `ack=N` after event N returned.
fn child(path: &str, mode: &str) -> ! {
    let (background, name) = match mode.split_once('-') {
        Some(("bg", name)) => (true, name),
        _ => (false, mode.trim_start_matches("sync-")),
    };
    let file = JsonLinesFile::open(path)
        .unwrap()
        .flush_policy(policy(name));
    let sink: Arc<dyn audit::AuditSink> = if background {
        Arc::new(Background::new(file, CAPACITY, Overflow::Block).unwrap())
    } else {
        Arc::new(file)
    };
    let _scope = audit::scoped_sink(sink);
    let mut out = std::io::stdout().lock();
    for seq in 0.. {
        step(seq);
        let _ = writeln!(out, "ack={seq}");
    }
    unreachable!()
}

/// Kills a child running `mode` once it acknowledged `events` events (or after 3 s)
/// and checks the file; returns (acknowledged, found).
fn kill_and_check(mode: &str, events: u64) -> (u64, u64) {
    let path =
        std::env::temp_dir().join(format!("palisade-kill-{mode}-{}.jsonl", std::process::id()));
    let _ = std::fs::remove_file(&path);
    let mut process = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "kill_9_loses_at_most_the_documented_bound",
            "--nocapture",
        ])
        .env("PALISADE_KILL_FILE", &path)
        .env("PALISADE_KILL_MODE", mode)
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(process.stdout.take().unwrap()).lines();
    let ack = |line: &str| {
        line.split("ack=")
            .nth(1)
            .and_then(|n| n.trim().parse::<u64>().ok())
    };
    let start = Instant::now();
    let mut acked = None;
    for line in lines.by_ref() {
        if let Some(seq) = ack(&line.unwrap()) {
            acked = Some(seq);
            if seq >= events || start.elapsed() > Duration::from_secs(3) {
                break;
            }
        }
    }
    process.kill().unwrap();
    // What the child printed before it died.
    for line in lines {
        if let Some(seq) = line.ok().as_deref().and_then(ack) {
            acked = Some(seq);
        }
    }
    let status = process.wait().unwrap();
    assert!(!status.success());
    let acked = acked.expect("the child acknowledged events") + 1;

    let text = std::fs::read(&path).unwrap();
    std::fs::remove_file(&path).unwrap();
    let text = String::from_utf8_lossy(&text);
    let mut complete = text.split_inclusive('\n').collect::<Vec<_>>();
    if complete.last().is_some_and(|line| !line.ends_with('\n')) {
        // Cut by the kill in the middle of a `write`: only ever the last line.
        let fragment = complete.pop().unwrap();
        println!("{mode}: a final fragment of {} bytes", fragment.len());
    }
    let mut ids = HashSet::new();
    let mut seqs = Vec::new();
    for line in complete {
        let event: Value = serde_json::from_str(line)
            .unwrap_or_else(|e| panic!("{mode}: torn line ({e}): {line}"));
        assert!(
            ids.insert(event["id"].as_str().unwrap().to_owned()),
            "{mode}: repeated id"
        );
        seqs.push(event["args"]["seq"].as_u64().unwrap());
    }
    let found = seqs.len() as u64;
    assert_eq!(
        seqs,
        (0..found).collect::<Vec<_>>(),
        "{mode}: a hole or a repeat"
    );
    (acked, found)
}

#[test]
fn kill_9_loses_at_most_the_documented_bound() {
    if let (Ok(path), Ok(mode)) = (
        std::env::var("PALISADE_KILL_FILE"),
        std::env::var("PALISADE_KILL_MODE"),
    ) {
        child(&path, &mode);
    }
    for mode in [
        "sync-never",
        "sync-each",
        "bg-never",
        "bg-every",
        "bg-interval",
        "bg-each",
    ] {
        let (acked, found) = kill_and_check(mode, 20_000);
        let lost = acked.saturating_sub(found);
        let bound = if mode.starts_with("bg-") {
            (CAPACITY + MAX_BATCH) as u64
        } else {
            0
        };
        println!("{mode}: {acked} acknowledged, {found} in the file, {lost} lost (bound {bound})");
        assert!(acked > 100, "{mode}: the child barely ran");
        assert!(
            lost <= bound,
            "{mode}: {lost} acknowledged events lost, more than {bound}"
        );
    }
}
