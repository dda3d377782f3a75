//! Audit events as JSON, through real sinks: 10,000 hostile strings round-trip field
//! by field; 8 threads and two processes share one file without a torn line; a secret
//! never reaches any sink; the passing path allocates nothing once warm.

use std::collections::HashSet;
use std::path::PathBuf;
use std::process::Command;
use std::sync::Arc;

use palisade::audit::{self, FanOut, JsonLinesFile, MemorySink, NoopSink, Secret};
use palisade::audit_log;
use serde_json::Value;

fn temp_file(name: &str) -> PathBuf {
    let path = std::env::temp_dir().join(format!("palisade-{name}-{}.jsonl", std::process::id()));
    let _ = std::fs::remove_file(&path);
    path
}

#[audit_log(operation = "echo")]
fn echo(text: &str, label: String, number: i64) -> Result<usize, String> {
    if number % 3 == 0 {
        Err(format!("rejected {text}"))
    } else {
        Ok(text.len() + label.len())
    }
}

/// Deterministic hostile strings: quotes, backslashes, newlines, control characters,
/// non-BMP characters, mixed.
fn hostile(seed: u64) -> String {
    const PIECES: [&str; 12] = [
        "\"", "\\", "\n", "\r\t", "\u{0}", "\u{1f}", "😀", "𝄞", "é", "\u{7f}", "plain", "\u{2028}",
    ];
    let mut state = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
    let mut text = String::new();
    for _ in 0..(seed % 7 + 1) {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        text.push_str(PIECES[usize::try_from(state >> 60).unwrap() % PIECES.len()]);
    }
    text
}

#[test]
fn ten_thousand_hostile_events_round_trip_through_a_json_parser() {
    let sink = Arc::new(MemorySink::new());
    let scope = audit::scoped_sink(sink.clone());
    let actor = hostile(99);
    audit::with_actor(&actor, || {
        for seed in 0..10_000u64 {
            let _ = echo(
                &hostile(seed),
                hostile(seed + 1),
                i64::try_from(seed).unwrap(),
            );
        }
    });
    drop(scope);
    let lines = sink.lines();
    assert_eq!(lines.len(), 10_000);
    for (seed, line) in (0..10_000u64).zip(&lines) {
        assert!(!line.contains('\n'), "an event must be one line");
        let event: Value = serde_json::from_str(line).unwrap();
        assert_eq!(event["args"]["text"], hostile(seed).as_str());
        assert_eq!(event["args"]["label"], hostile(seed + 1).as_str());
        assert_eq!(event["args"]["number"], i64::try_from(seed).unwrap());
        assert_eq!(event["actor"], actor.as_str());
        if seed % 3 == 0 {
            assert_eq!(event["outcome"], "failure");
            assert_eq!(
                event["error_detail"],
                format!("rejected {}", hostile(seed)).as_str()
            );
        } else {
            assert_eq!(event["outcome"], "success");
            assert_eq!(event["error_detail"], Value::Null);
        }
    }
}

#[audit_log(start, operation = "work")]
fn work(thread: usize, call: usize) -> usize {
    thread * call
}

#[audit_log(operation = "work")]
fn work_without_start(thread: usize, call: usize) -> usize {
    thread + call
}

fn read_events(path: &PathBuf) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|line| {
            serde_json::from_str(line).unwrap_or_else(|error| panic!("torn line {line:?}: {error}"))
        })
        .collect()
}

fn hammer(path: &PathBuf, with_start: bool) {
    let sink: Arc<JsonLinesFile> = Arc::new(JsonLinesFile::open(path).unwrap());
    std::thread::scope(|scope| {
        for thread in 0..8 {
            let sink = sink.clone();
            scope.spawn(move || {
                let _scope = audit::scoped_sink(sink);
                for call in 0..10_000 {
                    if with_start {
                        work(thread, call);
                    } else {
                        work_without_start(thread, call);
                    }
                }
            });
        }
    });
}

#[test]
fn eight_threads_share_one_file_without_losing_or_tearing_a_line() {
    let path = temp_file("threads");
    hammer(&path, false);
    let events = read_events(&path);
    assert_eq!(events.len(), 80_000);
    let ids = events
        .iter()
        .map(|event| event["id"].as_str().unwrap().to_owned())
        .collect::<HashSet<_>>();
    assert_eq!(ids.len(), 80_000);
    std::fs::remove_file(&path).unwrap();

    let path = temp_file("threads-start");
    hammer(&path, true);
    let events = read_events(&path);
    assert_eq!(events.len(), 160_000);
    let mut phases = std::collections::HashMap::<String, (usize, usize)>::new();
    for event in &events {
        let entry = phases
            .entry(event["id"].as_str().unwrap().to_owned())
            .or_default();
        match event["phase"].as_str().unwrap() {
            "start" => entry.0 += 1,
            _ => entry.1 += 1,
        }
    }
    assert_eq!(phases.len(), 80_000);
    assert!(phases.values().all(|&counts| counts == (1, 1)));
    std::fs::remove_file(&path).unwrap();
}

/// Run by `two_processes_append_to_one_file` in child processes only.
#[test]
#[ignore = "a child process of two_processes_append_to_one_file"]
fn child_appends_events() {
    let Ok(path) = std::env::var("PALISADE_AUDIT_CHILD_FILE") else {
        return;
    };
    let _scope = audit::scoped_sink(Arc::new(JsonLinesFile::open(path).unwrap()));
    for call in 0..20_000 {
        work_without_start(std::process::id() as usize, call);
    }
}

#[test]
fn two_processes_append_to_one_file() {
    let path = temp_file("processes");
    let children = (0..2)
        .map(|_| {
            Command::new(std::env::current_exe().unwrap())
                .args([
                    "--exact",
                    "child_appends_events",
                    "--ignored",
                    "--test-threads=1",
                ])
                .env("PALISADE_AUDIT_CHILD_FILE", &path)
                .stdout(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect::<Vec<_>>();
    for mut child in children {
        assert!(child.wait().unwrap().success());
    }
    let events = read_events(&path);
    assert_eq!(events.len(), 40_000);
    let ids = events
        .iter()
        .map(|event| event["id"].as_str().unwrap().to_owned())
        .collect::<HashSet<_>>();
    assert_eq!(ids.len(), 40_000, "ids are unique across processes");
    let writers = events
        .iter()
        .map(|event| event["args"]["thread"].as_u64().unwrap())
        .collect::<HashSet<_>>();
    assert_eq!(writers.len(), 2);
    std::fs::remove_file(&path).unwrap();
}

#[audit_log]
fn rotate(user: &str, master_key: &str, new_value: Secret<String>) -> bool {
    !user.is_empty() && !master_key.is_empty() && !new_value.expose().is_empty()
}

/// Run by `a_secret_reaches_no_sink` in a child process, with the default stderr sink.
#[test]
#[ignore = "a child process of a_secret_reaches_no_sink"]
fn child_audits_to_stderr() {
    let Ok(secret) = std::env::var("PALISADE_AUDIT_SECRET") else {
        return;
    };
    assert!(rotate("ops", &secret, Secret::new(secret.clone())));
}

#[test]
fn a_secret_reaches_no_sink() {
    let secret = format!(
        "s3cr3t-{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .elapsed()
            .unwrap_or_default()
            .as_nanos()
    );
    let file = temp_file("secret");
    let memory = Arc::new(MemorySink::new());
    let fan_out = FanOut::new(vec![
        Box::new(JsonLinesFile::open(&file).unwrap()),
        Box::new(memory.clone()),
    ]);
    {
        let _scope = audit::scoped_sink(Arc::new(fan_out));
        assert!(rotate("ops", &secret, Secret::new(secret.clone())));
    }
    let file_text = std::fs::read_to_string(&file).unwrap();
    assert_eq!(file_text.lines().count(), 1);
    assert!(file_text.contains("\"master_key\":\"[REDACTED]\""));
    assert!(!file_text.contains(&secret));
    assert_eq!(memory.lines().len(), 1);
    assert!(!memory.lines()[0].contains(&secret));
    std::fs::remove_file(&file).unwrap();

    let child = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "child_audits_to_stderr",
            "--ignored",
            "--test-threads=1",
        ])
        .env("PALISADE_AUDIT_SECRET", &secret)
        .output()
        .unwrap();
    assert!(child.status.success());
    let stderr = String::from_utf8_lossy(&child.stderr);
    assert!(stderr.contains("\"operation\":\"rotate\""), "{stderr}");
    assert!(!stderr.contains(&secret) && !String::from_utf8_lossy(&child.stdout).contains(&secret));
}

#[test]
fn a_sink_on_a_full_disk_fails_without_touching_the_result() {
    let Ok(full) = JsonLinesFile::open("/dev/full") else {
        return;
    };
    let before = audit::sink_failures();
    let _scope = audit::scoped_sink(Arc::new(full));
    assert_eq!(echo("abc", String::from("de"), 1), Ok(5));
    assert!(audit::sink_failures() > before);
}

#[audit_log]
fn add(left: u64, right: u64) -> u64 {
    left + right
}

#[test]
fn the_passing_path_reuses_its_buffer_and_allocates_nothing() {
    for sink in [
        Arc::new(NoopSink) as Arc<dyn audit::AuditSink>,
        Arc::new(JsonLinesFile::open(temp_file("alloc")).unwrap()),
    ] {
        let _scope = audit::scoped_sink(sink);
        assert_eq!(add(1, 2), 3); // warm up lazily initialised state
        let info = allocation_counter::measure(|| {
            for call in 0..1000 {
                assert_eq!(add(call, 1), call + 1);
            }
            // The counter is live: this one is seen.
            std::hint::black_box(Box::new(1u8));
        });
        // The arguments' buffer of one call is kept for the next on the thread.
        assert_eq!(
            info.count_total, 1,
            "{} allocations for 1000 events",
            info.count_total
        );
    }
    let _ = std::fs::remove_file(temp_file("alloc"));
}

#[audit_log(skip_all)]
fn tick(step: u64) -> u64 {
    step + 1
}

#[test]
fn an_event_without_arguments_does_not_allocate() {
    let _scope = audit::scoped_sink(Arc::new(NoopSink));
    assert_eq!(tick(1), 2);
    let info = allocation_counter::measure(|| {
        for step in 0..1000 {
            assert_eq!(tick(step), step + 1);
        }
    });
    assert_eq!(info.count_total, 0);
}
