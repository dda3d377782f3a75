//! The validation workload of `tests/common/workload.rs`, valid and with 3 failing
//! fields. `bench/peers/` runs the same workload through validator and garde:
//! `cargo bench --manifest-path bench/peers/Cargo.toml` prints all three.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use palisade::Validate;

#[path = "../tests/common/workload.rs"]
mod workload;

fn validate(c: &mut Criterion) {
    let valid = workload::valid();
    let invalid = workload::invalid();
    let mut group = c.benchmark_group("validate");
    group.bench_function("palisade/valid", |b| {
        b.iter(|| black_box(&valid).validate().is_ok())
    });
    group.bench_function("palisade/invalid", |b| {
        b.iter(|| black_box(&invalid).validate().unwrap_err().len())
    });
    group.finish();
}

criterion_group!(benches, validate);
criterion_main!(benches);
