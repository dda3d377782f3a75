//! Only tests: see `tests/features_off.rs`.
