//! Calls one of the function-argument variants N times, for instruction counts under
//! callgrind (`benches/validate.rs` measures time):
//!
//!     valgrind --tool=callgrind target/release/examples/fn_arguments validated 100000

use std::hint::black_box;

use palisade_peers::fn_args;

fn main() {
    let mut args = std::env::args().skip(1);
    let which = args.next().unwrap_or_else(|| "validated".into());
    let runs: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(100_000);
    let (amount, to, hops) = (500_u64, "DE89370400440532013000", [3_u16, 7, 1]);
    let mut total = 0;
    for _ in 0..runs {
        total += match which.as_str() {
            "validated" => fn_args::validated(black_box(amount), black_box(to), black_box(&hops))
                .unwrap_or(0),
            "by_hand" => fn_args::by_hand(black_box(amount), black_box(to), black_box(&hops))
                .unwrap_or(0),
            "bare" => {
                fn_args::bare(black_box(amount), black_box(to), black_box(&hops)).unwrap_or(0)
            }
            other => panic!("unknown variant {other}: validated, by_hand or bare"),
        };
    }
    println!("{which}: {total}");
}
