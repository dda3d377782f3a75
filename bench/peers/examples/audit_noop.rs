//! The audited call with a no-op sink, N times, for instruction counts under
//! callgrind (`benches/audit.rs` measures time):
//!
//!     valgrind --tool=callgrind target/release/examples/audit_noop 100000

use std::hint::black_box;
use std::sync::Arc;

use palisade::audit::{self, NoopSink};
use palisade_peers::audit_workload::audited;

fn main() {
    let runs: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(100_000);
    let _scope = audit::scoped_sink(Arc::new(NoopSink));
    let mut total = 0;
    for _ in 0..runs {
        total += audited(black_box(1), black_box(2), black_box(300)).unwrap_or(0);
    }
    println!("{total}");
}
