//! Per-call latency of an audited call with 4 threads calling, as percentiles, and
//! the writer's throughput to a file, for palisade's `Background` over a
//! `JsonLinesFile`, palisade's synchronous `JsonLinesFile`, and `tracing` with
//! tracing-subscriber's JSON formatter over `tracing-appender`'s non-blocking writer.
//!
//! Each case runs in a process of its own (this binary, run again with
//! `AUDIT_LATENCY_CASE` set), installed process-wide as an application would:
//! `audit::install` / `tracing::subscriber::set_global_default`. Every call is timed
//! with two `Instant::now()` reads (their own cost is printed as "timer"). Between
//! rounds the writers catch up (palisade: `audit::flush()`; tracing-appender has no
//! flush, so: until the file stops growing) and the file is truncated, so every call
//! measured found room in the queue.
//!
//!     cargo bench --manifest-path bench/peers/Cargo.toml --bench audit_latency

use std::fs::{File, OpenOptions};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use palisade::audit::{self, Background, JsonLinesFile, Overflow};
use palisade_peers::audit_workload::{audited, traced};
use tracing_subscriber::fmt::format::FmtSpan;

const THREADS: usize = 4;
const ROUNDS: usize = 20;
const PER_THREAD: usize = 25_000;
const CAPACITY: usize = 262_144;
const THROUGHPUT_EVENTS: usize = 200_000;

const CASES: [&str; 3] = ["palisade-background", "palisade-sync-file", "tracing-appender"];

fn main() {
    match std::env::var("AUDIT_LATENCY_CASE") {
        Ok(case) => run(&case),
        Err(_) => {
            for case in CASES {
                let output = Command::new(std::env::current_exe().unwrap())
                    .env("AUDIT_LATENCY_CASE", case)
                    .output()
                    .unwrap();
                print!("{}", String::from_utf8_lossy(&output.stdout));
                eprint!("{}", String::from_utf8_lossy(&output.stderr));
                assert!(output.status.success(), "{case} failed");
            }
        }
    }
}

fn append(path: &Path) -> File {
    OpenOptions::new().create(true).append(true).open(path).unwrap()
}

fn truncate(path: &Path) {
    OpenOptions::new().write(true).open(path).unwrap().set_len(0).unwrap();
}

/// Waits until the file at `path` has not grown for 30 ms; when it last grew.
fn until_stable(path: &Path) -> Instant {
    let mut len = std::fs::metadata(path).unwrap().len();
    let mut changed = Instant::now();
    while changed.elapsed() < Duration::from_millis(30) {
        std::thread::sleep(Duration::from_millis(1));
        let now = std::fs::metadata(path).unwrap().len();
        if now != len {
            len = now;
            changed = Instant::now();
        }
    }
    changed
}

fn run(case: &str) {
    let path: PathBuf = std::env::temp_dir().join(format!("palisade-latency-{case}-{}.jsonl", std::process::id()));
    let _ = std::fs::remove_file(&path);
    let tracing_case = case == "tracing-appender";
    match case {
        "palisade-background" => {
            let file = JsonLinesFile::open(&path).unwrap();
            audit::install(Background::new(file, CAPACITY, Overflow::Block).unwrap()).unwrap();
        }
        "palisade-sync-file" => audit::install(JsonLinesFile::open(&path).unwrap()).unwrap(),
        "tracing-appender" => {
            let (writer, guard) = tracing_appender::non_blocking::NonBlockingBuilder::default()
                .lossy(false)
                .buffered_lines_limit(CAPACITY)
                .finish(append(&path));
            std::mem::forget(guard);
            let subscriber = tracing_subscriber::fmt()
                .json()
                .with_span_events(FmtSpan::CLOSE)
                .with_writer(writer)
                .finish();
            tracing::subscriber::set_global_default(subscriber).unwrap();
        }
        other => panic!("unknown case {other}"),
    }
    let call = move |n: u64| {
        if tracing_case {
            let _ = black_box(traced(black_box(1), black_box(2), black_box(n + 1)));
        } else {
            let _ = black_box(audited(black_box(1), black_box(2), black_box(n + 1)));
        }
    };
    let settle = |path: &Path| {
        if tracing_case {
            until_stable(path);
        } else {
            audit::flush();
        }
        truncate(path);
    };

    // The timer's own cost: two reads around nothing.
    let mut timer = (0..1_000_000)
        .map(|_| {
            let start = Instant::now();
            black_box(());
            start.elapsed().as_nanos() as u64
        })
        .collect::<Vec<_>>();
    timer.sort_unstable();

    let mut latencies = Vec::with_capacity(THREADS * ROUNDS * PER_THREAD);
    for round in 0..=ROUNDS {
        let rounds = std::thread::scope(|scope| {
            let threads = (0..THREADS)
                .map(|_| {
                    scope.spawn(move || {
                        let mut mine = Vec::with_capacity(PER_THREAD);
                        for n in 0..PER_THREAD as u64 {
                            let start = Instant::now();
                            call(n);
                            mine.push(start.elapsed().as_nanos() as u64);
                        }
                        mine
                    })
                })
                .collect::<Vec<_>>();
            threads.into_iter().map(|t| t.join().unwrap()).collect::<Vec<_>>()
        });
        // Round 0 warms up.
        if round > 0 {
            latencies.extend(rounds.into_iter().flatten());
        }
        settle(&path);
    }
    latencies.sort_unstable();
    let at = |sorted: &[u64], p: f64| sorted[((sorted.len() - 1) as f64 * p) as usize];
    println!(
        "{case}: {} calls from {THREADS} threads: p50 {} ns, p90 {} ns, p99 {} ns, p99.9 {} ns, max {} ns (timer: p50 {} ns, p99 {} ns)",
        latencies.len(),
        at(&latencies, 0.5),
        at(&latencies, 0.9),
        at(&latencies, 0.99),
        at(&latencies, 0.999),
        latencies[latencies.len() - 1],
        at(&timer, 0.5),
        at(&timer, 0.99),
    );

    // Throughput: one thread enqueues, the writer writes; until the last is written.
    let start = Instant::now();
    for n in 0..THROUGHPUT_EVENTS as u64 {
        call(n);
    }
    let enqueued = start.elapsed();
    let written = if tracing_case {
        until_stable(&path) - start
    } else {
        audit::flush();
        start.elapsed()
    };
    let lines = std::fs::read_to_string(&path).unwrap().lines().count();
    assert_eq!(lines, THROUGHPUT_EVENTS, "{case}: every event written");
    println!(
        "{case}: {THROUGHPUT_EVENTS} events from one thread: calls took {:.1} ms, all written after {:.1} ms: {:.0} events/s to the file",
        enqueued.as_secs_f64() * 1e3,
        written.as_secs_f64() * 1e3,
        THROUGHPUT_EVENTS as f64 / written.as_secs_f64(),
    );
    let _ = std::fs::remove_file(&path);
}
