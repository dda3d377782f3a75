//! `Background`: the audited call only enqueues, one writer thread writes. Events
//! arrive whole and in order; `Overflow::Block` waits and loses nothing;
//! `Overflow::DropNewest` never waits, counts each drop and writes a `gap` record with
//! the right count; a sink that panics or fails (a full disk, `/dev/full`) in the
//! writer thread is counted and reported and the writer goes on; events still queued
//! when the process exits are written (by the guard, or by the `atexit` flush).
//!
//! The failure counter and the error hook are process-wide, so the tests that read
//! them take `SERIAL` first.

use std::collections::HashSet;
use std::path::PathBuf;
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use palisade::audit::{
    self, AuditEvent, AuditSink, Background, JsonLinesFile, MemorySink, Overflow, SinkError,
};
use palisade::audit_log;
use serde_json::Value;

static SERIAL: Mutex<()> = Mutex::new(());

fn serial() -> MutexGuard<'static, ()> {
    SERIAL
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn temp_file(name: &str) -> PathBuf {
    let path =
        std::env::temp_dir().join(format!("palisade-bg-{name}-{}.jsonl", std::process::id()));
    let _ = std::fs::remove_file(&path);
    path
}

#[audit_log]
fn step(seq: u64) -> u64 {
    seq
}

/// The errors the hook saw from now on (the hook is replaced by the next test).
fn collect_hook() -> Arc<Mutex<Vec<String>>> {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let sink = seen.clone();
    audit::set_error_hook(move |error| sink.lock().unwrap().push(format!("{error:?}")));
    seen
}

fn parse(lines: &[String]) -> Vec<Value> {
    lines
        .iter()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("bad line ({e}): {line}")))
        .collect()
}

fn seq(event: &Value) -> u64 {
    event["args"]["seq"].as_u64().unwrap()
}

/// A memory sink whose writer blocks inside `record` until the gate opens, and says
/// when it is blocked there.
#[derive(Default)]
struct Gated {
    memory: MemorySink,
    open: Mutex<bool>,
    changed: Condvar,
    waiting: AtomicBool,
}

impl Gated {
    fn open(&self) {
        *self.open.lock().unwrap() = true;
        self.changed.notify_all();
    }

    fn wait_until_blocked(&self) {
        let start = Instant::now();
        while !self.waiting.load(Ordering::SeqCst) {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "the writer never took an event"
            );
            std::thread::sleep(Duration::from_millis(1));
        }
    }
}

impl AuditSink for Gated {
    fn record(&self, event: &AuditEvent<'_>) -> Result<(), SinkError> {
        let mut open = self.open.lock().unwrap();
        while !*open {
            self.waiting.store(true, Ordering::SeqCst);
            open = self.changed.wait(open).unwrap();
        }
        drop(open);
        self.memory.record(event)
    }
}

#[test]
fn four_threads_events_arrive_whole_in_order_and_once() {
    // `audit::flush()` waits on every live writer: the gated ones of the other tests
    // would hold it up.
    let _serial = serial();
    let path = temp_file("order");
    let background = Arc::new(
        Background::new(JsonLinesFile::open(&path).unwrap(), 1024, Overflow::Block).unwrap(),
    );
    let threads = (0..4u64)
        .map(|thread| {
            let background = background.clone();
            std::thread::spawn(move || {
                let _scope = audit::scoped_sink(background);
                for n in 0..2_000 {
                    step(thread * 1_000_000 + n);
                }
            })
        })
        .collect::<Vec<_>>();
    for thread in threads {
        thread.join().unwrap();
    }
    audit::flush();
    let text = std::fs::read_to_string(&path).unwrap();
    let lines = text.lines().map(str::to_owned).collect::<Vec<_>>();
    let events = parse(&lines);
    assert_eq!(events.len(), 8_000);
    let ids = events
        .iter()
        .map(|e| e["id"].as_str().unwrap().to_owned())
        .collect::<HashSet<_>>();
    assert_eq!(ids.len(), 8_000);
    // Each thread's events in the order it made them.
    for thread in 0..4u64 {
        let mine = events
            .iter()
            .map(seq)
            .filter(|seq| seq / 1_000_000 == thread)
            .map(|seq| seq % 1_000_000)
            .collect::<Vec<_>>();
        assert_eq!(mine, (0..2_000).collect::<Vec<_>>());
    }
    drop(background);
    std::fs::remove_file(&path).unwrap();
}

#[test]
fn block_waits_for_room_and_loses_nothing() {
    let _serial = serial();
    let failures = audit::sink_failures();
    let gated = Arc::new(Gated::default());
    // Opens the gate even when an assertion fails, so the writer (which dropping the
    // `Background` joins) is never left waiting.
    let _open = OpenOnDrop(gated.clone());
    let background = Arc::new(Background::new(gated.clone(), 4, Overflow::Block).unwrap());
    let (go, wait_for_go) = std::sync::mpsc::channel::<()>();
    let caller = {
        let background = background.clone();
        std::thread::spawn(move || {
            let _scope = audit::scoped_sink(background);
            step(0);
            // The rest only once the writer holds event 0 alone: otherwise it may
            // take any number of them into its batch before it blocks.
            wait_for_go.recv().unwrap();
            for n in 1..10 {
                step(n);
            }
        })
    };
    gated.wait_until_blocked();
    go.send(()).unwrap();
    // Event 0 in the writer, 1..=4 queued: the call of 5 waits.
    std::thread::sleep(Duration::from_millis(200));
    assert!(
        !caller.is_finished(),
        "a full Block queue let the call through"
    );
    gated.open();
    caller.join().unwrap();
    audit::flush();
    let events = parse(&gated.memory.lines());
    assert_eq!(
        events.iter().map(seq).collect::<Vec<_>>(),
        (0..10).collect::<Vec<_>>()
    );
    assert_eq!(background.dropped(), 0);
    assert_eq!(audit::sink_failures(), failures);
}

/// Opens the gate when dropped.
struct OpenOnDrop(Arc<Gated>);

impl Drop for OpenOnDrop {
    fn drop(&mut self) {
        self.0.open();
    }
}

#[test]
fn drop_newest_never_waits_counts_and_writes_the_gap_with_its_count() {
    let _serial = serial();
    let hook = collect_hook();
    let failures = audit::sink_failures();
    let gated = Arc::new(Gated::default());
    let _open = OpenOnDrop(gated.clone());
    let background = Arc::new(Background::new(gated.clone(), 4, Overflow::DropNewest).unwrap());
    {
        let _scope = audit::scoped_sink(background.clone());
        step(0);
        gated.wait_until_blocked();
        let start = Instant::now();
        // 1..=4 fill the queue; 5..=14 are dropped.
        for n in 1..15 {
            step(n);
        }
        assert!(
            start.elapsed() < Duration::from_secs(1),
            "DropNewest waited"
        );
        assert_eq!(background.dropped(), 10);
        assert_eq!(audit::sink_failures(), failures + 10);
        gated.open();
        // Room again: the gap goes in first, then this event.
        audit::flush();
        step(15);
    }
    audit::flush();
    let events = parse(&gated.memory.lines());
    let phases = events
        .iter()
        .map(|e| e["phase"].as_str().unwrap())
        .collect::<Vec<_>>();
    assert_eq!(
        phases,
        ["finish", "finish", "finish", "finish", "finish", "gap", "finish"],
        "{events:#?}"
    );
    let gap = &events[5];
    assert_eq!(gap["dropped"], 10);
    assert_eq!(gap["operation"], "audit.gap");
    assert_eq!(gap["outcome"], "failure");
    assert_eq!(gap["id"].as_str().unwrap().len(), 36);
    assert!(gap["timestamp"].as_str().unwrap().ends_with('Z'));
    let kept = events
        .iter()
        .filter(|e| e["phase"] == "finish")
        .map(seq)
        .collect::<Vec<_>>();
    assert_eq!(kept, [0, 1, 2, 3, 4, 15]);
    // Counted once, when dropped; the hook heard of them with the gap.
    assert_eq!(audit::sink_failures(), failures + 10);
    assert!(
        hook.lock().unwrap().iter().any(|e| e == "Dropped(10)"),
        "{hook:?}"
    );
}

/// Panics on every event whose `seq` is odd.
struct PanicsOnOdd(MemorySink);

impl AuditSink for PanicsOnOdd {
    fn record(&self, event: &AuditEvent<'_>) -> Result<(), SinkError> {
        assert!(!event.args_json.contains("1}"), "odd event");
        self.0.record(event)
    }
}

#[test]
fn a_sink_panicking_in_the_writer_thread_is_counted_and_the_writer_goes_on() {
    let _serial = serial();
    let hook = collect_hook();
    let failures = audit::sink_failures();
    let sink = Arc::new(PanicsOnOdd(MemorySink::new()));
    let background = Arc::new(Background::new(sink.clone(), 64, Overflow::Block).unwrap());
    {
        let _scope = audit::scoped_sink(background.clone());
        for n in [0, 2, 11, 4, 21, 6] {
            step(n);
        }
        audit::flush();
        // The writer is alive: later events still arrive.
        step(8);
    }
    audit::flush();
    let events = parse(&sink.0.lines());
    assert_eq!(events.iter().map(seq).collect::<Vec<_>>(), [0, 2, 4, 6, 8]);
    assert_eq!(audit::sink_failures(), failures + 2);
    assert_eq!(
        hook.lock()
            .unwrap()
            .iter()
            .filter(|e| *e == "Panicked")
            .count(),
        2
    );
}

#[test]
fn a_full_disk_is_counted_and_reported_and_the_writer_survives() {
    let _serial = serial();
    let hook = collect_hook();
    let failures = audit::sink_failures();
    let full = JsonLinesFile::open("/dev/full").expect("/dev/full opens");
    let background = Arc::new(Background::new(full, 64, Overflow::Block).unwrap());
    {
        let _scope = audit::scoped_sink(background.clone());
        for n in 0..5 {
            step(n);
        }
        audit::flush();
        assert_eq!(audit::sink_failures(), failures + 5);
        for n in 5..8 {
            step(n);
        }
    }
    audit::flush();
    assert_eq!(audit::sink_failures(), failures + 8);
    let seen = hook.lock().unwrap();
    assert_eq!(seen.len(), 8, "{seen:?}");
    assert!(
        seen.iter()
            .all(|e| e.contains("StorageFull") || e.contains("28")),
        "{seen:?}"
    );
}

/// Hands each batch on after a pause, so events are still queued when the child
/// exits.
struct Slow(JsonLinesFile);

impl AuditSink for Slow {
    fn record(&self, event: &AuditEvent<'_>) -> Result<(), SinkError> {
        self.0.record(event)
    }

    fn record_batch(&self, events: &[AuditEvent<'_>], failed: &mut dyn FnMut(SinkError)) {
        std::thread::sleep(Duration::from_millis(50));
        self.0.record_batch(events, failed);
    }

    fn flush(&self) -> Result<(), SinkError> {
        self.0.flush()
    }
}

const QUEUED_AT_EXIT: u64 = 2_000;

/// The child: installs a slow background writer, enqueues `QUEUED_AT_EXIT` events,
/// says how many lines are in the file, then exits as `how` says.
fn exit_child(path: &str, how: &str) {
    let sink = Slow(JsonLinesFile::open(path).unwrap());
    let guard = Background::new(sink, 4_096, Overflow::Block)
        .unwrap()
        .install()
        .unwrap();
    for n in 0..QUEUED_AT_EXIT {
        step(n);
    }
    let written = std::fs::read_to_string(path).unwrap().lines().count();
    println!("written-before-exit={written}");
    match how {
        // `exit` runs no destructor: the `atexit` flush writes the queue.
        "exit" => std::process::exit(0),
        // Leaving the scope drops the guard, which flushes.
        _ => drop(guard),
    }
}

#[test]
fn events_queued_at_exit_are_written() {
    if let (Ok(path), Ok(how)) = (
        std::env::var("PALISADE_EXIT_FILE"),
        std::env::var("PALISADE_EXIT_HOW"),
    ) {
        exit_child(&path, &how);
        return;
    }
    let _serial = serial();
    for how in ["exit", "guard"] {
        let path = temp_file(&format!("exit-{how}"));
        let output = Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "events_queued_at_exit_are_written",
                "--nocapture",
                "--test-threads=1",
            ])
            .env("PALISADE_EXIT_FILE", &path)
            .env("PALISADE_EXIT_HOW", how)
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(
            output.status.success(),
            "{stdout}\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let before = stdout
            .lines()
            .find_map(|line| line.split("written-before-exit=").nth(1))
            .unwrap_or_else(|| panic!("{stdout}"))
            .parse::<u64>()
            .unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        let lines = text.lines().map(str::to_owned).collect::<Vec<_>>();
        let seqs = parse(&lines).iter().map(seq).collect::<Vec<_>>();
        println!(
            "{how}: {before} of {QUEUED_AT_EXIT} written before exit, {} after",
            seqs.len()
        );
        // Most were still queued when the child began to exit, and all were written.
        assert!(
            before < QUEUED_AT_EXIT / 2,
            "{how}: {before} already written"
        );
        assert_eq!(seqs, (0..QUEUED_AT_EXIT).collect::<Vec<_>>(), "{how}");
        std::fs::remove_file(&path).unwrap();
    }
}

#[test]
fn a_zero_capacity_is_refused() {
    let _serial = serial();
    let error = Background::new(MemorySink::new(), 0, Overflow::Block).unwrap_err();
    assert_eq!(error.kind(), std::io::ErrorKind::InvalidInput);
}
