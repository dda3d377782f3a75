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
