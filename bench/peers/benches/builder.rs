//! The same 8-field build as a struct literal and through palisade, bon and
//! typed-builder, side by side.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use palisade_peers::palisade_builder::{self, Inputs};
use palisade_peers::{with_bon, with_typed_builder};

fn builder(c: &mut Criterion) {
    let inputs = Inputs::sample();
    let mut group = c.benchmark_group("build");
    group.bench_function("struct literal", |b| {
        b.iter(|| palisade_builder::literal(black_box(&inputs)))
    });
    group.bench_function("palisade", |b| {
        b.iter(|| palisade_builder::built(black_box(&inputs)))
    });
    group.bench_function("bon", |b| {
        b.iter(|| {
            let i = black_box(&inputs);
            with_bon::Order::builder()
                .id(i.id)
                .customer(i.customer)
                .quantity(i.quantity)
                .price(i.price)
                .express(i.express)
                .coupon(i.coupon)
                .lines(i.lines)
                .build()
        });
    });
    group.bench_function("typed-builder", |b| {
        b.iter(|| {
            let i = black_box(&inputs);
            with_typed_builder::Order::builder()
                .id(i.id)
                .customer(i.customer)
                .quantity(i.quantity)
                .price(i.price)
                .express(i.express)
                .coupon(i.coupon)
                .lines(i.lines)
                .build()
        });
    });
    group.finish();
}

criterion_group!(benches, builder);
criterion_main!(benches);
