//! One audited call against the bare function: with a no-op sink (what auditing
//! itself costs) and with a JSON-lines file on /dev/null (plus serialising and one
//! `write`). `bench/peers/` adds `tracing::instrument` with a JSON formatter.

use std::hint::black_box;
use std::sync::Arc;

use criterion::{criterion_group, criterion_main, Criterion};
use palisade::audit::{self, JsonLinesFile, NoopSink};

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
    group.finish();
}

criterion_group!(benches, audit);
criterion_main!(benches);
