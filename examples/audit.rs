//! `#[audit_log]`: a successful, a failing and a panicking operation, audited to stderr
//! (the default sink) and to a JSON-lines file, which is printed at the end.
//!
//! Run it with `cargo run --example audit`.

use std::sync::Arc;

use palisade::audit::{self, FanOut, JsonLinesFile, Secret, StderrSink};
use palisade::audit_log;

#[derive(Debug)]
pub struct Account {
    pub id: u32,
    pub balance: i64,
}

impl palisade::audit::AuditValue for Account {
    fn write_audit(&self, out: &mut palisade::audit::ValueWriter<'_>) {
        out.object(&[("id", &self.id), ("balance", &self.balance)]);
    }
}

/// Moves money. `password` is redacted by its name, `resources(from)` lists the
/// account touched, and `start` adds an event before the body runs. `Account` is
/// logged through its `AuditValue` impl above; `debug(from)` would log its `Debug`
/// text instead (palisade never dumps `Debug` unless asked).
#[audit_log(operation = "accounts.transfer", resources(from), start)]
pub fn transfer(from: &mut Account, to: u32, amount: i64, password: &str) -> Result<i64, String> {
    let _ = password;
    if amount > from.balance {
        return Err(format!("insufficient funds: {} < {amount}", from.balance));
    }
    from.balance -= amount;
    let _ = to;
    Ok(from.balance)
}

/// Rotates a key; a `Secret` argument is redacted whatever its name.
#[audit_log(operation = "keys.rotate")]
pub fn rotate(service: &str, replacement: Secret<String>) -> usize {
    if service.is_empty() {
        panic!("no service named");
    }
    replacement.expose().len()
}

fn main() -> std::io::Result<()> {
    let path = std::env::temp_dir().join(format!(
        "palisade-audit-example-{}.jsonl",
        std::process::id()
    ));
    let file = JsonLinesFile::open(&path)?;
    // Every event goes to stderr and to the file.
    let _scope = audit::scoped_sink(Arc::new(FanOut::new(vec![
        Box::new(StderrSink),
        Box::new(file),
    ])));

    let mut account = Account {
        id: 7,
        balance: 100,
    };
    audit::with_actor("alice@example.com", || {
        println!(
            "transfer 30 -> {:?}",
            transfer(&mut account, 9, 30, "hunter2")
        );
        println!(
            "transfer 500 -> {:?}",
            transfer(&mut account, 9, 500, "hunter2")
        );
    });
    println!(
        "rotate -> {}",
        rotate("billing", Secret::new("new-key-0001".into()))
    );
    std::panic::set_hook(Box::new(|_| {}));
    let panicked = std::panic::catch_unwind(|| rotate("", Secret::new("k".into())));
    println!("rotate(\"\") panicked: {}", panicked.is_err());

    println!("\n{} holds:", path.display());
    print!("{}", std::fs::read_to_string(&path)?);
    std::fs::remove_file(&path)
}
