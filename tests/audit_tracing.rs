//! The `tracing` bridge (feature `tracing`): each event reaches a tracing subscriber,
//! with its fields and its JSON line.

use std::io::Write;
use std::sync::{Arc, Mutex};

use palisade::audit::{self, Secret, TracingSink};
use palisade::audit_log;

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[audit_log(operation = "vault.open")]
fn open_vault(user: &str, passphrase: Secret<String>) -> Result<(), String> {
    let _ = passphrase;
    Err(format!("{user} is locked out"))
}

#[test]
fn events_reach_tracing_with_their_fields() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .finish();
    tracing::subscriber::with_default(subscriber, || {
        let _scope = audit::scoped_sink(Arc::new(TracingSink));
        assert!(open_vault("bob", Secret::new("correct horse 7741".into())).is_err());
    });
    let output = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    assert!(output.contains("INFO palisade::audit:"), "{output}");
    assert!(output.contains("operation=\"vault.open\""), "{output}");
    assert!(output.contains("outcome=\"failure\""), "{output}");
    assert!(output.contains("bob is locked out"), "{output}");
    assert!(!output.contains("correct horse 7741"), "{output}");
}
