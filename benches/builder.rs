//! A builder against the struct literal it stands for, in release: the typestate
//! must compile away. `bench/peers/` adds bon and typed-builder on the same struct.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};

#[path = "../tests/common/builder_workload.rs"]
mod workload;

use workload::Inputs;

fn builder(c: &mut Criterion) {
    let inputs = Inputs::sample();
    let mut group = c.benchmark_group("build");
    group.bench_function("struct literal", |b| {
        b.iter(|| workload::literal(black_box(&inputs)))
    });
    group.bench_function("palisade builder", |b| {
        b.iter(|| workload::built(black_box(&inputs)))
    });
    group.finish();
}

criterion_group!(benches, builder);
criterion_main!(benches);
