//! The benchmark workload, shared by `benches/validate.rs` and the allocation test:
//! 8 fields (3 integer ranges, 2 string lengths, 1 email, 1 `Option<u32>` range,
//! 1 `f64` range). `bench/peers/` declares the same struct for validator and garde.

use palisade::Validate;

#[derive(Debug, Clone, Validate)]
pub struct Signup {
    #[validate(range(18..=130))]
    pub age: u32,
    #[validate(range(1..=65535))]
    pub port: u32,
    #[validate(range(-100..=100))]
    pub offset: i64,
    #[validate(length(3..=32))]
    pub username: String,
    #[validate(length(8..=128))]
    pub password: String,
    #[validate(email)]
    pub email: String,
    #[validate(range(1..=10))]
    pub retries: Option<u32>,
    #[validate(range(0.0..=1.0))]
    pub ratio: f64,
}

/// Every rule passes.
#[must_use]
pub fn valid() -> Signup {
    Signup {
        age: 42,
        port: 8080,
        offset: -7,
        username: "ferris".into(),
        password: "correct horse battery".into(),
        email: "ferris@example.com".into(),
        retries: Some(3),
        ratio: 0.25,
    }
}

/// Three fields fail: `age`, `email` and `ratio`.
#[must_use]
pub fn invalid() -> Signup {
    Signup {
        age: 12,
        email: "not-an-email".into(),
        ratio: 1.5,
        ..valid()
    }
}
