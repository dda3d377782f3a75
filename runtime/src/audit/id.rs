//! Event ids: UUIDv7 (RFC 9562) — 48 bits of Unix milliseconds, then 74 random bits
//! from a per-thread generator seeded from the operating system's random source
//! (through `uuid`), and seeded again in the child after a `fork()`, so parent and
//! child never share a stream. One call of the OS random source per thread, not per
//! id: the id costs a few nanoseconds on the audited call.

// The runtime is `no_std`; auditing needs the standard library.
use std::prelude::rust_2021::*;
use std::thread_local;

use std::cell::Cell;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant, SystemTime};

/// How many times this process is a `fork()` child of the process that started it.
static FORKS: AtomicU64 = AtomicU64::new(0);

thread_local! {
    /// The generator's state, and the value of `FORKS` it was seeded under.
    static STATE: Cell<Option<(u64, u64)>> = const { Cell::new(None) };
    /// The wall clock (Unix microseconds) read at an instant, so ids and event
    /// timestamps come from the monotonic clock the call reads anyway; read again
    /// every second, so a step of the wall clock shows within a second.
    static ANCHOR: Cell<Option<(Instant, u64)>> = const { Cell::new(None) };
}

/// Unix microseconds at `now`.
fn unix_micros(now: Instant) -> u64 {
    ANCHOR.with(|anchor| {
        if let Some((at, micros)) = anchor.get() {
            // `now` may be a little before the anchor (a call that began before it
            // was set): then the difference counts backwards.
            if let Some(since) = now.checked_duration_since(at) {
                if since < Duration::from_secs(1) {
                    #[allow(clippy::cast_possible_truncation)]
                    return micros + since.as_micros() as u64;
                }
            } else if let Some(before) = at.checked_duration_since(now) {
                if before < Duration::from_secs(1) {
                    #[allow(clippy::cast_possible_truncation)]
                    return micros.saturating_sub(before.as_micros() as u64);
                }
            }
        }
        let wall = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .unwrap_or_default();
        // 64 bits of microseconds last for 584,000 years.
        #[allow(clippy::cast_possible_truncation)]
        let micros = wall.as_micros() as u64;
        anchor.set(Some((now, micros)));
        micros
    })
}

/// Unix milliseconds at `now`.
fn unix_millis(now: Instant) -> u64 {
    unix_micros(now) / 1000
}

/// The wall-clock time at `now`, without reading the wall clock on every call.
pub(crate) fn wall_time(now: Instant) -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_micros(unix_micros(now))
}

// Miri runs no foreign functions, and cannot fork.
#[cfg(all(unix, not(miri)))]
mod fork {
    use std::sync::atomic::Ordering;
    use std::sync::Once;

    extern "C" {
        fn pthread_atfork(
            prepare: Option<extern "C" fn()>,
            parent: Option<extern "C" fn()>,
            child: Option<extern "C" fn()>,
        ) -> i32;
    }

    extern "C" fn in_child() {
        super::FORKS.fetch_add(1, Ordering::Relaxed);
    }

    /// Counts forks from now on (once per process).
    pub(super) fn watch() {
        static WATCH: Once = Once::new();
        WATCH.call_once(|| {
            // SAFETY: `pthread_atfork` is POSIX, provided by the C library std links;
            // the handler is a plain `extern "C" fn` that only bumps an atomic, which
            // is async-signal-safe as a fork handler must be.
            let _ = unsafe { pthread_atfork(None, None, Some(in_child)) };
        });
    }
}

#[cfg(not(all(unix, not(miri))))]
mod fork {
    /// No `fork()` here.
    pub(super) fn watch() {}
}

/// Which `fork()` generation this process is (0 in the process that started); from
/// the first call on, every later fork is counted.
pub(crate) fn fork_generation() -> u64 {
    fork::watch();
    FORKS.load(Ordering::Relaxed)
}

/// [`fork_generation`] without starting to watch: for a caller that started before.
pub(crate) fn forks() -> u64 {
    FORKS.load(Ordering::Relaxed)
}

/// A fresh seed: the random bits of a UUIDv7 from the OS random source, mixed with
/// the clock.
fn seed() -> u64 {
    fork::watch();
    let random = uuid::Uuid::now_v7().as_u128();
    let nanos = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap_or_default()
        .as_nanos();
    // Truncating keeps the random low bits and the fast-changing nanoseconds.
    #[allow(clippy::cast_possible_truncation)]
    let mixed = (random as u64) ^ ((random >> 64) as u64).rotate_left(17) ^ (nanos as u64);
    mixed
}

/// SplitMix64: a full-period 64-bit generator whose outputs are well mixed.
fn next(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A new UUIDv7 as a `u128`, for a call started at `now`.
pub(crate) fn new_v7(now: Instant) -> u128 {
    let forks = FORKS.load(Ordering::Relaxed);
    let random = STATE.with(|cell| {
        let mut state = match cell.get() {
            Some((state, seen)) if seen == forks => state,
            _ => seed(),
        };
        let high = next(&mut state);
        let low = next(&mut state);
        cell.set(Some((state, forks)));
        (u128::from(high) << 64) | u128::from(low)
    });
    let millis = unix_millis(now);
    let mut bytes = [0; 10];
    bytes.copy_from_slice(&random.to_be_bytes()[..10]);
    uuid::Builder::from_unix_timestamp_millis(millis, &bytes)
        .into_uuid()
        .as_u128()
}

#[cfg(test)]
mod tests {
    #[test]
    fn ids_are_version_7_and_distinct() {
        let ids = (0..10_000)
            .map(|_| super::new_v7(std::time::Instant::now()))
            .collect::<std::collections::HashSet<_>>();
        assert_eq!(ids.len(), 10_000);
        for id in ids.iter().take(10) {
            let id = uuid::Uuid::from_u128(*id);
            assert_eq!(id.get_version_num(), 7);
            assert_eq!(id.get_variant(), uuid::Variant::RFC4122);
        }
    }
}
