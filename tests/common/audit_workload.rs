//! The audit benchmark's function, bare and under `#[audit_log]`. `bench/peers/` adds
//! the same function under `tracing::instrument`.

/// The function without instrumentation.
///
/// # Errors
/// When `amount` is zero.
#[inline(never)]
pub fn bare(from: u32, to: u32, amount: u64) -> Result<u64, String> {
    if amount == 0 {
        return Err("nothing to transfer".into());
    }
    Ok(amount + u64::from(from ^ to))
}

/// The function under palisade's audit log.
///
/// # Errors
/// When `amount` is zero.
#[palisade::audit_log(operation = "transfer", resources(from, to))]
#[inline(never)]
pub fn audited(from: u32, to: u32, amount: u64) -> Result<u64, String> {
    if amount == 0 {
        return Err("nothing to transfer".into());
    }
    Ok(amount + u64::from(from ^ to))
}
