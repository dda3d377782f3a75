//! A real `systemd-journald` for the journald tests, in a journal namespace of its
//! own (`systemd-journald NAMESPACE`: socket `/run/systemd/journal.NAMESPACE/socket`,
//! files in `/var/log/journal/MACHINE-ID.NAMESPACE`), so it never meets the
//! system's journal or another test's; started as a child, killed on drop, its
//! directories removed. Read back with `journalctl --namespace`.

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use serde_json::Value;

use super::servers::{wait_for, Server};

const JOURNALD: &str = "/lib/systemd/systemd-journald";

/// A running journald in its own namespace.
pub struct Journald {
    /// The namespace.
    pub namespace: String,
    /// Its native socket.
    pub socket: PathBuf,
    server: Server,
    dirs: Vec<PathBuf>,
}

impl Journald {
    /// Starts journald in a new namespace; returns once its socket exists.
    pub fn start() -> Self {
        static NEXT: AtomicU32 = AtomicU32::new(0);
        let namespace = format!(
            "palisade-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        let run = PathBuf::from(format!("/run/systemd/journal.{namespace}"));
        let machine = std::fs::read_to_string("/etc/machine-id").unwrap_or_default();
        let machine = machine.trim();
        let dirs = vec![
            run.clone(),
            PathBuf::from(format!("/var/log/journal/{machine}.{namespace}")),
            PathBuf::from(format!("/run/log/journal/{machine}.{namespace}")),
        ];
        for dir in &dirs {
            let _ = std::fs::remove_dir_all(dir);
        }
        let child = Command::new(JOURNALD)
            .arg(&namespace)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("systemd-journald runs (Debian package `systemd`)");
        let socket = run.join("socket");
        let journald = Journald {
            namespace,
            socket,
            server: Server(Some(child)),
            dirs,
        };
        wait_for("journald's socket", Duration::from_secs(10), || {
            journald.socket.exists().then_some(())
        });
        journald
    }

    /// Every entry of the namespace, as `journalctl -o json --all` prints it.
    pub fn entries(&self) -> Vec<Value> {
        let output = Command::new("journalctl")
            .arg(format!("--namespace={}", self.namespace))
            .args(["-o", "json", "--all", "--no-pager"])
            .output()
            .expect("journalctl runs");
        String::from_utf8_lossy(&output.stdout)
            .lines()
            .filter_map(|line| serde_json::from_str(line).ok())
            .collect()
    }

    /// Waits until `count` entries have `MESSAGE_ID=message_id`, and returns them.
    pub fn wait_entries(&self, message_id: &str, count: usize) -> Vec<Value> {
        wait_for(
            &format!("{count} journal entries"),
            Duration::from_secs(10),
            || {
                let entries: Vec<Value> = self
                    .entries()
                    .into_iter()
                    .filter(|entry| entry["MESSAGE_ID"] == message_id)
                    .collect();
                (entries.len() >= count).then_some(entries)
            },
        )
    }

    /// Kills journald and waits for it to be gone.
    pub fn kill(&mut self) {
        self.server.kill();
    }
}

impl Drop for Journald {
    fn drop(&mut self) {
        self.kill();
        for dir in &self.dirs {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

/// A field as `journalctl -o json` prints it: a string, or, for a value that is not
/// printable text (one with a newline, say), an array of its bytes.
pub fn field(entry: &Value, name: &str) -> Option<String> {
    match &entry[name] {
        Value::String(text) => Some(text.clone()),
        Value::Array(bytes) => Some(
            String::from_utf8(
                bytes
                    .iter()
                    .map(|byte| u8::try_from(byte.as_u64().unwrap()).unwrap())
                    .collect(),
            )
            .unwrap(),
        ),
        Value::Null => None,
        other => panic!("{name} is {other}"),
    }
}
