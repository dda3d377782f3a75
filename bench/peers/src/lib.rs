//! The workload of `tests/common/workload.rs`, declared once per library.

/// The same valid values as palisade's workload, in another library's `Signup`.
macro_rules! from_palisade {
    ($signup:ident) => {{
        let p = $crate::palisade_workload::valid();
        $signup {
            age: p.age,
            port: p.port,
            offset: p.offset,
            username: p.username,
            password: p.password,
            email: p.email,
            retries: p.retries,
            ratio: p.ratio,
        }
    }};
}

#[path = "../../../tests/common/workload.rs"]
pub mod palisade_workload;

/// The workload for validator.
pub mod with_validator {
    use validator::Validate;

    #[derive(Debug, Clone, Validate)]
    pub struct Signup {
        #[validate(range(min = 18, max = 130))]
        pub age: u32,
        #[validate(range(min = 1, max = 65535))]
        pub port: u32,
        #[validate(range(min = -100, max = 100))]
        pub offset: i64,
        #[validate(length(min = 3, max = 32))]
        pub username: String,
        #[validate(length(min = 8, max = 128))]
        pub password: String,
        #[validate(email)]
        pub email: String,
        #[validate(range(min = 1, max = 10))]
        pub retries: Option<u32>,
        #[validate(range(min = 0.0, max = 1.0))]
        pub ratio: f64,
    }

    /// Every rule passes.
    pub fn valid() -> Signup {
        from_palisade!(Signup)
    }

    /// `age`, `email` and `ratio` fail.
    pub fn invalid() -> Signup {
        Signup {
            age: 12,
            email: "not-an-email".into(),
            ratio: 1.5,
            ..valid()
        }
    }
}

/// The workload for garde.
pub mod with_garde {
    use garde::Validate;

    #[derive(Debug, Clone, Validate)]
    pub struct Signup {
        #[garde(range(min = 18, max = 130))]
        pub age: u32,
        #[garde(range(min = 1, max = 65535))]
        pub port: u32,
        #[garde(range(min = -100, max = 100))]
        pub offset: i64,
        #[garde(length(min = 3, max = 32))]
        pub username: String,
        #[garde(length(min = 8, max = 128))]
        pub password: String,
        #[garde(email)]
        pub email: String,
        #[garde(range(min = 1, max = 10))]
        pub retries: Option<u32>,
        #[garde(range(min = 0.0, max = 1.0))]
        pub ratio: f64,
    }

    /// Every rule passes.
    pub fn valid() -> Signup {
        from_palisade!(Signup)
    }

    /// `age`, `email` and `ratio` fail.
    pub fn invalid() -> Signup {
        Signup {
            age: 12,
            email: "not-an-email".into(),
            ratio: 1.5,
            ..valid()
        }
    }
}

#[path = "../../../tests/common/builder_workload.rs"]
pub mod palisade_builder;

/// The builder workload for bon.
pub mod with_bon {
    #[derive(Debug, Clone, Copy, PartialEq, bon::Builder)]
    pub struct Order {
        pub id: u64,
        pub customer: u32,
        pub quantity: u16,
        pub price: f64,
        pub express: bool,
        pub coupon: Option<u32>,
        pub lines: [u64; 8],
        #[builder(default)]
        pub note: u8,
    }
}

/// The builder workload for typed-builder.
pub mod with_typed_builder {
    #[derive(Debug, Clone, Copy, PartialEq, typed_builder::TypedBuilder)]
    pub struct Order {
        pub id: u64,
        pub customer: u32,
        pub quantity: u16,
        pub price: f64,
        pub express: bool,
        #[builder(default, setter(strip_option))]
        pub coupon: Option<u32>,
        pub lines: [u64; 8],
        #[builder(default)]
        pub note: u8,
    }
}

#[path = "../../../tests/common/audit_workload.rs"]
mod audit_palisade_side;

/// The audit workload: palisade's bare and audited function, plus the same function
/// under `tracing::instrument`.
pub mod audit_workload {
    pub use super::audit_palisade_side::{audited, bare};

    /// The function under `tracing::instrument`, its span closing as one JSON line.
    ///
    /// # Errors
    /// When `amount` is zero.
    #[tracing::instrument(name = "transfer", err)]
    #[inline(never)]
    pub fn traced(from: u32, to: u32, amount: u64) -> Result<u64, String> {
        if amount == 0 {
            return Err("nothing to transfer".into());
        }
        Ok(amount + u64::from(from ^ to))
    }
}

/// Function arguments: the same function with its arguments checked by
/// `#[validated]`, by hand, and not at all.
pub mod fn_args {
    use palisade::{validated, ValidationErrors};

    /// What the body does with valid arguments, the same in all three.
    #[inline(always)]
    fn body(amount: u64, to: &str, hops: &[u16]) -> u64 {
        amount + to.len() as u64 + hops.iter().map(|&hop| u64::from(hop)).sum::<u64>()
    }

    /// Checked by `#[validated]`.
    #[validated]
    #[inline(never)]
    pub fn validated(
        #[validate(range(1..=10_000))] amount: u64,
        #[validate(chars(1..=34), alphanumeric)] to: &str,
        #[validate(length(..=8), each(range(1..)))] hops: &[u16],
    ) -> Result<u64, ValidationErrors> {
        Ok(body(amount, to, hops))
    }

    /// The same checks, written by hand, stopping at the first failure.
    #[inline(never)]
    pub fn by_hand(amount: u64, to: &str, hops: &[u16]) -> Result<u64, &'static str> {
        if !(1..=10_000).contains(&amount) {
            return Err("amount");
        }
        let chars = to.chars().count();
        if !(1..=34).contains(&chars) || !to.chars().all(char::is_alphanumeric) {
            return Err("to");
        }
        if hops.len() > 8 || hops.iter().any(|&hop| hop < 1) {
            return Err("hops");
        }
        Ok(body(amount, to, hops))
    }

    /// No checks at all.
    #[inline(never)]
    pub fn bare(amount: u64, to: &str, hops: &[u16]) -> Result<u64, &'static str> {
        Ok(body(amount, to, hops))
    }
}
