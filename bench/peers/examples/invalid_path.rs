//! Runs one library's invalid path N times, for instruction counts under callgrind:
//!
//!     valgrind --tool=callgrind target/release/examples/invalid_path palisade 10000
//!
//! Criterion measures time (`benches/validate.rs`); this shows where it goes.

use std::hint::black_box;

use palisade_peers::{palisade_workload, with_garde, with_validator};

fn main() {
    let mut args = std::env::args().skip(1);
    let library = args.next().unwrap_or_else(|| "palisade".into());
    let runs: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(10_000);
    let mut errors = 0;
    match library.as_str() {
        "palisade" => {
            let value = palisade_workload::invalid();
            for _ in 0..runs {
                errors += palisade::Validate::validate(black_box(&value))
                    .unwrap_err()
                    .len();
            }
        }
        "validator" => {
            let value = with_validator::invalid();
            for _ in 0..runs {
                errors += validator::Validate::validate(black_box(&value))
                    .unwrap_err()
                    .errors()
                    .len();
            }
        }
        "garde" => {
            let value = with_garde::invalid();
            for _ in 0..runs {
                errors += garde::Validate::validate(black_box(&value))
                    .unwrap_err()
                    .iter()
                    .count();
            }
        }
        other => panic!("unknown library {other}: palisade, validator or garde"),
    }
    println!("{library}: {errors} errors over {runs} runs");
}
