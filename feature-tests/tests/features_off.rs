//! A rule or option whose feature is off is one compile error, on the rule, naming
//! the feature to turn on. Regenerate the `.stderr` files with `TRYBUILD=overwrite`.

#[test]
fn features_off() {
    trybuild::TestCases::new().compile_fail("tests/ui/*.rs");
}
