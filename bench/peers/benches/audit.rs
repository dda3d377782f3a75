//! One audited call: bare, through palisade with a no-op sink and with a JSON-lines
//! file (on /dev/null), and through `tracing::instrument` with tracing-subscriber's
//! JSON formatter writing to `io::sink()`, side by side.

use std::hint::black_box;
use std::sync::Arc;

use criterion::{criterion_group, criterion_main, Criterion};
use palisade::audit::{self, JsonLinesFile, NoopSink};
use palisade_peers::audit_workload::{audited, bare, traced};
use tracing_subscriber::fmt::format::FmtSpan;

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

criterion_group!(benches, audit);
criterion_main!(benches);
