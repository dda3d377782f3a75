//! palisade, validator and garde on the same 8-field workload, side by side.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use palisade_peers::{fn_args, palisade_workload, with_garde, with_validator};

fn validate(c: &mut Criterion) {
    let mut group = c.benchmark_group("valid");
    let palisade = palisade_workload::valid();
    let validator = with_validator::valid();
    let garde = with_garde::valid();
    group.bench_function("palisade", |b| {
        b.iter(|| palisade::Validate::validate(black_box(&palisade)).is_ok())
    });
    group.bench_function("validator", |b| {
        b.iter(|| validator::Validate::validate(black_box(&validator)).is_ok())
    });
    group.bench_function("garde", |b| {
        b.iter(|| garde::Validate::validate(black_box(&garde)).is_ok())
    });
    group.finish();

    let mut group = c.benchmark_group("invalid_3_fields");
    let palisade = palisade_workload::invalid();
    let validator = with_validator::invalid();
    let garde = with_garde::invalid();
    group.bench_function("palisade", |b| {
        b.iter(|| {
            palisade::Validate::validate(black_box(&palisade))
                .unwrap_err()
                .len()
        })
    });
    group.bench_function("validator", |b| {
        b.iter(|| {
            validator::Validate::validate(black_box(&validator))
                .unwrap_err()
                .errors()
                .len()
        })
    });
    group.bench_function("garde", |b| {
        b.iter(|| {
            garde::Validate::validate(black_box(&garde))
                .unwrap_err()
                .iter()
                .count()
        })
    });
    group.finish();
}

/// `#[validated]` on a function against the same checks by hand and no checks, all
/// with valid arguments.
fn function_arguments(c: &mut Criterion) {
    let mut group = c.benchmark_group("fn_arguments_valid");
    let (amount, to, hops) = (500_u64, "DE89370400440532013000", [3_u16, 7, 1]);
    group.bench_function("validated", |b| {
        b.iter(|| fn_args::validated(black_box(amount), black_box(to), black_box(&hops)))
    });
    group.bench_function("by_hand", |b| {
        b.iter(|| fn_args::by_hand(black_box(amount), black_box(to), black_box(&hops)))
    });
    group.bench_function("bare", |b| {
        b.iter(|| fn_args::bare(black_box(amount), black_box(to), black_box(&hops)))
    });
    group.finish();
}

criterion_group!(benches, validate, function_arguments);
criterion_main!(benches);
