//! What the chain costs: verifying a chained log (events per second on one core),
//! the chain's work per event in the writer (`Chain::append`), and an audited call
//! through the file sink with and without the chain.

use std::hint::black_box;
use std::sync::Arc;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use palisade::audit::{self, Chain, JsonLinesFile, SigningKey};
use palisade_audit::VerifyOptions;

#[path = "../tests/common/mod.rs"]
mod common;

fn verify(c: &mut Criterion) {
    let key = SigningKey::generate().unwrap();
    let files = common::generate(&key, 100_000, 3, palisade::audit::DEFAULT_CHECKPOINT_EVERY);
    let options = VerifyOptions {
        key: Some(key.verifying_key()),
        allow_missing_head: false,
    };
    let lines = common::verify(&files, &options).lines;
    let mut group = c.benchmark_group("verify");
    group.throughput(Throughput::Elements(lines));
    group.sample_size(20);
    group.bench_function("100k events, 3 files", |b| {
        b.iter(|| {
            let report = common::verify(black_box(&files), &options);
            assert!(report.broken.is_none());
        })
    });
    group.finish();
}

fn append(c: &mut Criterion) {
    let key = SigningKey::generate().unwrap();
    let event = common::event(3);
    let mut out = Vec::with_capacity(4096);
    let mut chain = Chain::start(key, &mut |_: &[u8]| Ok::<_, std::io::Error>(())).unwrap();
    let mut group = c.benchmark_group("chain");
    group.bench_function("append (event line, checkpoint every 1000)", |b| {
        b.iter(|| {
            chain
                .append(black_box(event.as_bytes()), &mut |line: &[u8]| {
                    out.clear();
                    out.extend_from_slice(line);
                    Ok::<_, std::io::Error>(())
                })
                .unwrap();
        })
    });
    group.finish();
}

#[palisade::audit_log(operation = "transfer")]
fn transfer(from: u64, to: u64, amount: u64) -> Result<u64, String> {
    if amount == 0 {
        return Err("nothing to transfer".into());
    }
    Ok(from ^ to ^ amount)
}

fn audited_call(c: &mut Criterion) {
    let mut group = c.benchmark_group("audited_call");
    {
        let file = JsonLinesFile::open("/dev/null").unwrap();
        let _scope = audit::scoped_sink(Arc::new(file));
        group.bench_function("JsonLinesFile", |b| {
            b.iter(|| transfer(black_box(1), black_box(2), black_box(300)))
        });
    }
    {
        let file = JsonLinesFile::open("/dev/null")
            .unwrap()
            .chained(SigningKey::generate().unwrap())
            .unwrap();
        let _scope = audit::scoped_sink(Arc::new(file));
        group.bench_function("JsonLinesFile, chained", |b| {
            b.iter(|| transfer(black_box(1), black_box(2), black_box(300)))
        });
    }
    group.finish();
}

criterion_group!(benches, verify, append, audited_call);
criterion_main!(benches);
