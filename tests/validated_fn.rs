//! `#[validated]` on functions, methods and `async fn`: every annotated parameter is
//! checked before the body runs, all failures together, paths named by parameter.

use std::sync::Arc;

use palisade::audit::{self, MemorySink};
use palisade::{audit_log, validated, Validate, ValidationErrors};

#[derive(Debug, Validate)]
pub struct Account {
    #[validate(length(15..=34), alphanumeric)]
    iban: String,
}

#[derive(Debug, PartialEq)]
pub struct Receipt {
    amount: u64,
}

#[derive(Debug, PartialEq)]
pub enum TransferError {
    Invalid(ValidationErrors),
    Funds,
}

impl From<ValidationErrors> for TransferError {
    fn from(errors: ValidationErrors) -> Self {
        TransferError::Invalid(errors)
    }
}

impl std::fmt::Display for TransferError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TransferError::Invalid(errors) => write!(f, "invalid transfer: {errors}"),
            TransferError::Funds => f.write_str("insufficient funds"),
        }
    }
}

#[validated]
fn transfer(
    #[validate(range(1..=10_000))] amount: u64,
    #[validate(nested)] to: &Account,
    #[validate(length(..=140), each(ascii))] memo: Vec<String>,
    note: &str,
) -> Result<Receipt, TransferError> {
    if note == "broke" {
        return Err(TransferError::Funds);
    }
    let _ = (to, memo);
    Ok(Receipt { amount })
}

fn account(iban: &str) -> Account {
    Account { iban: iban.into() }
}

fn messages(errors: &ValidationErrors) -> Vec<String> {
    errors.iter().map(ToString::to_string).collect()
}

#[test]
fn valid_arguments_reach_the_body() {
    let to = account("DE89370400440532013000");
    assert_eq!(
        transfer(500, &to, vec!["rent".into()], "ok"),
        Ok(Receipt { amount: 500 })
    );
    assert_eq!(
        transfer(500, &to, vec![], "broke"),
        Err(TransferError::Funds)
    );
}

#[test]
fn every_invalid_argument_is_reported_with_its_path_and_the_body_never_runs() {
    let to = account("DE-short");
    let Err(TransferError::Invalid(errors)) =
        transfer(0, &to, vec!["ok".into(), "naïve".into()], "broke")
    else {
        panic!("the call must be rejected before the body, which would say `Funds`");
    };
    assert_eq!(
        messages(&errors),
        [
            "amount: must be between 1 and 10000",
            "to.iban: length must be between 15 and 34",
            "to.iban: must contain only letters and digits",
            "memo[1]: must contain only ASCII characters",
        ]
    );
}

pub struct Ledger {
    limit: u64,
}

impl Ledger {
    /// A method: `self` is not checked, its parameters are.
    #[validated]
    pub fn credit(
        &mut self,
        #[validate(range(1..=1_000))] amount: u64,
    ) -> Result<u64, ValidationErrors> {
        self.limit -= amount;
        Ok(self.limit)
    }

    /// An `async fn`: the checks run when the future is first polled, before its body.
    #[validated]
    pub async fn debit(
        &self,
        #[validate(range(1..=1_000), custom = even)] amount: u64,
    ) -> Result<u64, ValidationErrors> {
        Ok(self.limit + amount)
    }
}

fn even(value: &u64) -> Result<(), palisade::ValidationError> {
    if value.is_multiple_of(2) {
        Ok(())
    } else {
        Err(palisade::ValidationError::new("even", "must be even"))
    }
}

#[test]
fn methods_check_their_parameters() {
    let mut ledger = Ledger { limit: 5_000 };
    assert_eq!(ledger.credit(1_000), Ok(4_000));
    let errors = ledger.credit(0).unwrap_err();
    assert_eq!(messages(&errors), ["amount: must be between 1 and 1000"]);
    assert_eq!(ledger.limit, 4_000, "a rejected call never ran its body");
}

#[tokio::test]
async fn async_functions_check_before_their_body() {
    let ledger = Ledger { limit: 10 };
    assert_eq!(ledger.debit(4).await, Ok(14));
    let errors = ledger.debit(3).await.unwrap_err();
    assert_eq!(messages(&errors), ["amount: must be even"]);
    let errors = ledger.debit(2_001).await.unwrap_err();
    assert_eq!(
        messages(&errors),
        ["amount: must be between 1 and 1000", "amount: must be even"]
    );
}

/// Optional parameters, `required`, `when` over another parameter.
#[validated]
fn register(
    business: bool,
    #[validate(required, chars(10..=14), when = business)] vat_id: Option<&str>,
    #[validate(email)] contact: &str,
) -> Result<(), ValidationErrors> {
    Ok(())
}

#[test]
fn when_reads_the_other_parameters() {
    assert!(register(false, None, "a@example.com").is_ok());
    let errors = register(true, None, "nope").unwrap_err();
    assert_eq!(
        messages(&errors),
        [
            "vat_id: is required",
            "contact: must be a valid email address"
        ]
    );
    assert!(register(true, Some("DE123456789"), "a@example.com").is_ok());
}

/// `#[validated]` written above `#[audit_log]` expands first and puts its checks in
/// the body that `#[audit_log]` then wraps: a rejected call is audited as a failure
/// with the errors.
#[validated]
#[audit_log(operation = "payments.refund")]
fn refund(#[validate(range(1..=500))] cents: u32) -> Result<u32, ValidationErrors> {
    Ok(cents)
}

/// `#[audit_log]` written above `#[validated]`: the checks run first, outside the
/// audited body, so a rejected call is not audited (it never started).
#[audit_log(operation = "payments.charge")]
#[validated]
fn charge(#[validate(range(1..=500))] cents: u32) -> Result<u32, ValidationErrors> {
    Ok(cents)
}

fn audited<R>(call: impl FnOnce() -> R) -> (R, Vec<serde_json::Value>) {
    let sink = Arc::new(MemorySink::new());
    let scope = audit::scoped_sink(sink.clone());
    let result = call();
    drop(scope);
    let events = sink
        .lines()
        .iter()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    (result, events)
}

#[test]
fn with_audit_log_the_order_says_whether_a_rejected_call_is_audited() {
    let (result, events) = audited(|| refund(0));
    assert!(result.is_err());
    let finish = events.last().expect("the rejected call is audited");
    assert_eq!(finish["operation"], "payments.refund");
    assert_eq!(finish["outcome"], "failure");
    assert_eq!(
        finish["error_detail"], "cents: must be between 1 and 500",
        "{finish}"
    );

    let (result, events) = audited(|| charge(0));
    assert!(result.is_err());
    assert!(events.is_empty(), "{events:?}");
    let (result, events) = audited(|| charge(5));
    assert_eq!(result, Ok(5));
    assert_eq!(events.last().unwrap()["outcome"], "success");
}
