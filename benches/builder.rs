//! A builder against the struct literal it stands for, in release: the typestate
//! must compile away. `bench/peers/` adds bon and typed-builder on the same struct.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};

#[path = "../tests/common/builder_workload.rs"]
mod workload;

use workload::{Inputs, Order};

fn builder(c: &mut Criterion) {
    let inputs = Inputs::sample();
    let mut group = c.benchmark_group("build");
    group.bench_function("struct literal", |b| {
        b.iter(|| {
            let i = black_box(&inputs);
            Order {
                id: i.id,
                customer: i.customer,
                quantity: i.quantity,
                price: i.price,
                express: i.express,
                coupon: Some(i.coupon),
                lines: i.lines,
                note: 0,
            }
        });
    });
    group.bench_function("palisade builder", |b| {
        b.iter(|| {
            let i = black_box(&inputs);
            Order::builder()
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
