//! Validation that passes does not touch the heap.

use palisade::Validate;

#[path = "common/workload.rs"]
mod workload;

#[test]
fn the_valid_path_makes_no_heap_allocation() {
    let signup = workload::valid();
    // The first call may initialise lazily compiled patterns; measure steady state.
    assert!(signup.validate().is_ok());
    let info = allocation_counter::measure(|| {
        for _ in 0..1000 {
            assert!(std::hint::black_box(&signup).validate().is_ok());
        }
    });
    assert_eq!(info.count_total, 0);
}

#[test]
fn the_failing_path_allocates_only_for_its_report() {
    // Proves the counter sees validation: reporting errors needs the heap.
    let signup = workload::invalid();
    let info = allocation_counter::measure(|| {
        assert_eq!(signup.validate().unwrap_err().len(), 3);
    });
    assert!(info.count_total > 0);
    assert_eq!(info.count_current, 0, "the report is freed with the errors");
}

/// The failing path's allocations, counted: the workload's 3 failures (`age` out of
/// range, `email` malformed, `ratio` out of range) cost 8, and a rule whose failure
/// has no parameters (`email`) costs one.
///
/// - one box per failed rule (the failure leaves the rule's check as a pointer, so
///   the passing path moves only a null one): 3;
/// - a message and a parameter list per range failure (`min`, `max`, `value`): 4;
/// - the list of errors: 1;
/// - the paths (`age`, `email`, `ratio`) are one field deep and held inline: 0.
///
/// Before this was counted (issue 15) the same report cost 14: each path was built
/// twice, and the parameters went into a `BTreeMap`.
#[test]
fn the_failing_path_allocates_eight_times_for_three_errors() {
    let signup = workload::invalid();
    let info = allocation_counter::measure(|| {
        assert_eq!(signup.validate().unwrap_err().len(), 3);
    });
    assert_eq!(info.count_total, 8);
}

/// A `#[validated]` function with valid arguments allocates nothing either.
#[palisade::validated]
fn transfer(
    #[validate(range(1..=10_000))] amount: u64,
    #[validate(chars(1..=34), alphanumeric)] to: &str,
    #[validate(each(range(1..)), length(..=8))] hops: &[u16],
) -> Result<u64, palisade::ValidationErrors> {
    let _ = (to, hops);
    Ok(amount)
}

#[test]
fn a_validated_function_with_valid_arguments_makes_no_heap_allocation() {
    let info = allocation_counter::measure(|| {
        for _ in 0..1000 {
            let amount = std::hint::black_box(500);
            assert!(transfer(amount, "DE89370400440532013000", &[1, 2, 3]).is_ok());
        }
    });
    assert_eq!(info.count_total, 0);
    assert!(transfer(0, "", &[]).is_err());
}
