//! One audited call against the bare function: with a no-op sink (what auditing
//! itself costs) and with a JSON-lines file on /dev/null (plus serialising and one
//! `write`), and through a `Background` writer over that file (the call only
//! enqueues; the writer catches up between timed chunks, so the queue always has
//! room). `bench/peers/` adds `tracing::instrument` with a JSON formatter and
//! tracing-appender, and 4-thread latency percentiles.

use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use palisade::audit::{self, Background, JsonLinesFile, NoopSink, Overflow};

/// Calls timed between two catch-ups of the background writer.
const CHUNK: u64 = 50_000;

#[path = "../tests/common/audit_workload.rs"]
mod workload;

fn audit(c: &mut Criterion) {
    let mut group = c.benchmark_group("audited_call");
    group.bench_function("bare", |b| {
        b.iter(|| workload::bare(black_box(1), black_box(2), black_box(300)))
    });
    {
        let _scope = audit::scoped_sink(Arc::new(NoopSink));
        group.bench_function("no-op sink", |b| {
            b.iter(|| workload::audited(black_box(1), black_box(2), black_box(300)))
        });
    }
    {
        let file = JsonLinesFile::open("/dev/null").expect("/dev/null opens for append");
        let _scope = audit::scoped_sink(Arc::new(file));
        group.bench_function("JsonLinesFile", |b| {
            b.iter(|| workload::audited(black_box(1), black_box(2), black_box(300)))
        });
    }
    {
        let file = JsonLinesFile::open("/dev/null").expect("/dev/null opens for append");
        let background = Background::new(file, CHUNK as usize, Overflow::Block).unwrap();
        let _scope = audit::scoped_sink(Arc::new(background));
        group.bench_function("Background (enqueue)", |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                let mut left = iters;
                while left > 0 {
                    let n = left.min(CHUNK);
                    let start = Instant::now();
                    for _ in 0..n {
                        let _ = black_box(workload::audited(
                            black_box(1),
                            black_box(2),
                            black_box(300),
                        ));
                    }
                    total += start.elapsed();
                    audit::flush();
                    left -= n;
                }
                total
            })
        });
    }
    group.finish();
}

criterion_group!(benches, audit);
criterion_main!(benches);
