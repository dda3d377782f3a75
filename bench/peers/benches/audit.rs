//! One audited call: bare, through palisade with a no-op sink and with a JSON-lines
//! file (on /dev/null), and through `tracing::instrument` with tracing-subscriber's
//! JSON formatter writing to `io::sink()`, side by side. Then, to a real file: the
//! synchronous `JsonLinesFile`, `Background` over it, and tracing-appender's
//! non-blocking writer (`audit_latency.rs` adds 4-thread percentiles and throughput).

use std::fs::OpenOptions;
use std::hint::black_box;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use palisade::audit::{self, Background, JsonLinesFile, NoopSink, Overflow};
use palisade_peers::audit_workload::{audited, bare, traced};
use tracing_subscriber::fmt::format::FmtSpan;

/// Calls timed between two catch-ups of the writer: the queue always has room.
const CHUNK: u64 = 50_000;

fn audit(c: &mut Criterion) {
    let mut group = c.benchmark_group("audited_call");
    group.bench_function("bare", |b| {
        b.iter(|| bare(black_box(1), black_box(2), black_box(300)))
    });
    {
        let _scope = audit::scoped_sink(Arc::new(NoopSink));
        group.bench_function("palisade, no-op sink", |b| {
            b.iter(|| audited(black_box(1), black_box(2), black_box(300)));
        });
    }
    {
        let file = JsonLinesFile::open("/dev/null").expect("/dev/null opens for append");
        let _scope = audit::scoped_sink(Arc::new(file));
        group.bench_function("palisade, JsonLinesFile", |b| {
            b.iter(|| audited(black_box(1), black_box(2), black_box(300)));
        });
    }
    let subscriber = tracing_subscriber::fmt()
        .json()
        .with_span_events(FmtSpan::CLOSE)
        .with_writer(std::io::sink)
        .finish();
    tracing::subscriber::with_default(subscriber, || {
        group.bench_function("tracing::instrument + JSON", |b| {
            b.iter(|| traced(black_box(1), black_box(2), black_box(300)));
        });
    });
    group.finish();
}

fn truncate(path: &Path) {
    let file = OpenOptions::new().write(true).open(path).unwrap();
    file.set_len(0).unwrap();
}

/// `iters` calls of `call`, timed `CHUNK` at a time, with `between` run untimed after
/// each chunk.
fn chunked(iters: u64, mut call: impl FnMut(), mut between: impl FnMut()) -> Duration {
    let mut total = Duration::ZERO;
    let mut left = iters;
    while left > 0 {
        let n = left.min(CHUNK);
        let start = Instant::now();
        for _ in 0..n {
            call();
        }
        total += start.elapsed();
        between();
        left -= n;
    }
    total
}

fn to_file(c: &mut Criterion) {
    let dir = std::env::temp_dir().join(format!("palisade-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let call = || {
        let _ = black_box(audited(black_box(1), black_box(2), black_box(300)));
    };
    let mut group = c.benchmark_group("audit_to_file");
    {
        let path = dir.join("sync.jsonl");
        let _scope = audit::scoped_sink(Arc::new(JsonLinesFile::open(&path).unwrap()));
        group.bench_function("palisade, JsonLinesFile (synchronous)", |b| {
            b.iter_custom(|iters| chunked(iters, call, || truncate(&path)));
        });
    }
    {
        let path = dir.join("background.jsonl");
        let file = JsonLinesFile::open(&path).unwrap();
        let background = Background::new(file, CHUNK as usize, Overflow::Block).unwrap();
        let _scope = audit::scoped_sink(Arc::new(background));
        group.bench_function("palisade, Background -> JsonLinesFile (enqueue)", |b| {
            b.iter_custom(|iters| {
                chunked(iters, call, || {
                    audit::flush();
                    truncate(&path);
                })
            });
        });
    }
    {
        let path = dir.join("tracing.jsonl");
        group.bench_function("tracing + tracing-appender non_blocking JSON (enqueue)", |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                let mut left = iters;
                while left > 0 {
                    let n = left.min(CHUNK);
                    // A writer per chunk: dropping its guard waits for the worker.
                    let file = OpenOptions::new().create(true).write(true).truncate(true).open(&path).unwrap();
                    let (writer, guard) = tracing_appender::non_blocking::NonBlockingBuilder::default()
                        .lossy(false)
                        .buffered_lines_limit(CHUNK as usize)
                        .finish(file);
                    let subscriber = tracing_subscriber::fmt()
                        .json()
                        .with_span_events(FmtSpan::CLOSE)
                        .with_writer(writer)
                        .finish();
                    tracing::subscriber::with_default(subscriber, || {
                        let start = Instant::now();
                        for _ in 0..n {
                            let _ = black_box(traced(black_box(1), black_box(2), black_box(300)));
                        }
                        total += start.elapsed();
                    });
                    drop(guard);
                    left -= n;
                }
                total
            });
        });
    }
    group.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(benches, audit, to_file);
criterion_main!(benches);
