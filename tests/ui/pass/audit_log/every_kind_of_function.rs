//! `#[audit_log]` on free, generic, `async`, `unsafe`, `impl Trait`, and every receiver.
use palisade::audit::Secret;
use palisade::audit_log;

#[audit_log(operation = "accounts.open", skip(notes), redact(owner), resources(id), start, result)]
pub fn open(id: u64, owner: &str, notes: Vec<String>, pin: Secret<u16>) -> std::io::Result<u64> {
    let _ = (owner, notes, pin);
    Ok(id)
}

// A bare type parameter could be a `Result`: `AuditOutcome` says how to read it.
#[audit_log(args(value))]
pub fn generic<T: std::fmt::Debug + Clone + palisade::audit::AuditOutcome>(value: T, password: &str) -> T {
    let _ = password;
    value.clone()
}

#[audit_log]
pub fn iterate(limit: u32) -> impl Iterator<Item = u32> {
    0..limit
}

#[audit_log(skip_all)]
pub async fn later(delay: u64) -> u64 {
    delay
}

/// # Safety
/// None needed; this only shows `unsafe fn` can be audited.
#[audit_log]
pub unsafe fn raw(value: *const u8) -> bool {
    value.is_null()
}

#[audit_log]
pub fn never(code: i32) -> u8 {
    panic!("code {code}")
}

pub struct Store(Vec<u8>);

impl Store {
    #[audit_log]
    pub fn len(&self) -> usize {
        self.0.len()
    }

    #[audit_log]
    pub fn push(&mut self, byte: u8) {
        self.0.push(byte);
    }

    #[audit_log(crate = "palisade")]
    pub fn into_bytes(self) -> Vec<u8> {
        self.0
    }
}

fn main() {
    let _ = open(1, "ann", Vec::new(), Secret::new(1234));
    let _ = (generic(3, "pw"), iterate(2).count(), later(1));
    let mut store = Store(Vec::new());
    store.push(1);
    let _ = (store.len(), store.into_bytes());
    // SAFETY: `raw` only checks the pointer for null.
    let _ = unsafe { raw(std::ptr::null()) };
    let _ = std::panic::catch_unwind(|| never(1));
}
