//! The validation workload of `tests/common/workload.rs`, valid and with 3 failing
//! fields. `bench/peers/` runs the same workload through validator and garde:
//! `cargo bench --manifest-path bench/peers/Cargo.toml` prints all three. The same
//! rules on a `#[validated]` type measure its checked ways in: `try_new` and a setter.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use palisade::{validated, Validate};

#[path = "../tests/common/workload.rs"]
mod workload;

/// The workload's rules on a type that cannot hold an invalid value.
#[validated]
#[derive(Debug, Clone)]
pub struct Account {
    #[validate(range(18..=130))]
    age: u32,
    #[validate(range(1..=65535))]
    port: u32,
    #[validate(range(-100..=100))]
    offset: i64,
    #[validate(length(3..=32))]
    username: String,
    #[validate(length(8..=128))]
    password: String,
    #[validate(email)]
    email: String,
    #[validate(range(1..=10))]
    retries: Option<u32>,
    #[validate(range(0.0..=1.0))]
    ratio: f64,
}

fn account(signup: workload::Signup) -> Result<Account, palisade::ValidationErrors> {
    Account::try_new(
        signup.age,
        signup.port,
        signup.offset,
        signup.username,
        signup.password,
        signup.email,
        signup.retries,
        signup.ratio,
    )
}

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

    let mut group = c.benchmark_group("validated");
    group.bench_function("try_new/valid", |b| {
        b.iter_batched(
            workload::valid,
            |signup| account(black_box(signup)).is_ok(),
            criterion::BatchSize::SmallInput,
        );
    });
    let mut stored = account(workload::valid()).unwrap();
    group.bench_function("set/valid", |b| {
        b.iter(|| stored.set_retries(black_box(Some(4))).is_ok());
    });
    group.finish();
}

criterion_group!(benches, validate);
criterion_main!(benches);
