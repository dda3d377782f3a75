//! The canary: unique secrets planted everywhere a secret can hide in a call — a
//! parameter, nested struct fields, `Option`, `Vec`, map values, enum variants,
//! `Secret<T>` in containers, an `AsRef<str>` type, `resources(..)`, error messages
//! and panic messages — never appear in any sink's output: memory, a file, `tracing`
//! and stderr, over many calls on 8 threads.

use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::process::Command;
use std::sync::{Arc, Mutex};

use palisade::audit::{self, FanOut, JsonLinesFile, MemorySink, Secret, TracingSink};
use palisade::audit_log;
use serde::Serialize;

/// Every planted secret starts with this; nothing else in the test does.
const MARK: &str = "CANARY";

const THREADS: usize = 8;
const CALLS: usize = 250;

#[derive(Serialize)]
struct LoginRequest {
    user: String,
    password: String,
    otp: Option<String>,
    profile: Profile,
}

#[derive(Serialize)]
struct Profile {
    display_name: String,
    recovery: Vec<Secret<String>>,
    #[serde(rename = "apiKey")]
    api_key: String,
}

#[derive(Serialize)]
enum Auth {
    Password(String),
    Bearer { token: String },
    Anonymous,
}

/// Redacts itself in `Debug`, but hands its text out through `AsRef<str>`.
struct Masked(String);

impl std::fmt::Debug for Masked {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Masked(..)")
    }
}

impl AsRef<str> for Masked {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

#[audit_log(operation = "canary.login", resources(account, api_key))]
#[allow(clippy::too_many_arguments, clippy::needless_pass_by_value)]
fn login(
    account: &str,
    pwd: &str,
    api_key: Option<String>,
    request: LoginRequest,
    auth: Auth,
    headers: HashMap<String, String>,
    vault: BTreeMap<String, Secret<String>>,
    pins: Vec<Secret<u32>>,
    label: Masked,
    fail: u8,
) -> Result<usize, String> {
    let _ = (&api_key, &auth, &headers, &vault, &pins, &label);
    match fail {
        1 => Err(format!("bad password {pwd} for {account}")),
        2 => Err(format!("user {} sent {}", request.user, request.password)),
        3 => panic!("crashed on {pwd}"),
        _ => Ok(account.len()),
    }
}

fn call(thread: usize, n: usize) {
    let secret = |kind: &str| format!("{MARK}-{kind}-{thread}-{n}");
    let mut headers = HashMap::new();
    headers.insert("session_id".to_owned(), secret("map"));
    headers.insert("Cookie".to_owned(), secret("cookie"));
    headers.insert("region".to_owned(), "eu-west".to_owned());
    let mut vault = BTreeMap::new();
    vault.insert("primary".to_owned(), Secret::new(secret("vault")));
    let auth = match n % 3 {
        0 => Auth::Password(secret("variant")),
        1 => Auth::Bearer {
            token: secret("bearer"),
        },
        _ => Auth::Anonymous,
    };
    let request = LoginRequest {
        user: format!("user{n}"),
        password: secret("field"),
        otp: Some(secret("option")),
        profile: Profile {
            display_name: "Ann".into(),
            recovery: vec![Secret::new(secret("vec"))],
            api_key: secret("nested-key"),
        },
    };
    let fail = u8::try_from(n % 4).unwrap();
    let run = || {
        login(
            &format!("acct{n}"),
            &secret("param"),
            Some(secret("resource")),
            request,
            auth,
            headers,
            vault,
            vec![Secret::new(4242)],
            Masked(secret("asref")),
            fail,
        )
    };
    if fail == 3 {
        let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(run));
    } else {
        let _ = run();
    }
}

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

fn assert_clean(what: &str, output: &str) {
    if let Some(at) = output.find(MARK) {
        let start = output[..at].rfind('\n').map_or(0, |line| line + 1);
        let end = output[at..]
            .find('\n')
            .map_or(output.len(), |line| at + line);
        panic!("a secret reached {what}: {}", &output[start..end]);
    }
}

#[test]
fn no_secret_reaches_memory_a_file_or_tracing() {
    // Panic messages hold the secret on purpose; the default hook would print them.
    std::panic::set_hook(Box::new(|_| {}));
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .finish();
    tracing::subscriber::set_global_default(subscriber).unwrap();
    let path = std::env::temp_dir().join(format!("palisade-canary-{}.jsonl", std::process::id()));
    let _ = std::fs::remove_file(&path);
    let memory = Arc::new(MemorySink::new());
    let file = Arc::new(JsonLinesFile::open(&path).unwrap());
    std::thread::scope(|scope| {
        for thread in 0..THREADS {
            let (memory, file) = (memory.clone(), file.clone());
            scope.spawn(move || {
                let _scope = audit::scoped_sink(Arc::new(FanOut::new(vec![
                    Box::new(memory),
                    Box::new(file),
                    Box::new(TracingSink),
                ])));
                for n in 0..CALLS {
                    call(thread, n);
                }
            });
        }
    });
    let _ = std::panic::take_hook();
    let lines = memory.lines();
    assert_eq!(lines.len(), THREADS * CALLS);
    let memory_text = lines.join("\n");
    assert_clean("the memory sink", &memory_text);
    let file_text = std::fs::read_to_string(&path).unwrap();
    std::fs::remove_file(&path).unwrap();
    assert_eq!(file_text.lines().count(), THREADS * CALLS);
    assert_clean("the file", &file_text);
    let tracing_text = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    assert!(tracing_text.lines().count() >= THREADS * CALLS);
    assert_clean("tracing", &tracing_text);

    // What was logged is still useful: outcomes, the non-secret parts, the error text
    // around the scrubbed secret.
    let events = lines
        .iter()
        .map(|line| serde_json::from_str::<serde_json::Value>(line).unwrap())
        .collect::<Vec<_>>();
    let first = events
        .iter()
        .find(|e| e["args"]["account"] == "acct1")
        .unwrap();
    assert_eq!(first["outcome"], "failure");
    assert_eq!(first["error_detail"], "bad password [REDACTED] for acct1");
    assert_eq!(first["args"]["pwd"], "[REDACTED]");
    assert_eq!(first["args"]["request"]["user"], "user1");
    assert_eq!(first["args"]["request"]["password"], "[REDACTED]");
    assert_eq!(first["args"]["request"]["profile"]["display_name"], "Ann");
    assert_eq!(first["args"]["request"]["profile"]["apiKey"], "[REDACTED]");
    assert_eq!(first["args"]["headers"]["region"], "eu-west");
    assert_eq!(first["args"]["auth"], "[REDACTED]");
    assert_eq!(
        first["resources_affected"],
        serde_json::json!(["acct1", "[REDACTED]"])
    );
    let nested = events
        .iter()
        .find(|e| e["args"]["account"] == "acct2")
        .unwrap();
    assert_eq!(nested["error_detail"], "user user2 sent [REDACTED]");
    let panicked = events
        .iter()
        .find(|e| e["args"]["account"] == "acct3")
        .unwrap();
    assert_eq!(panicked["outcome"], "panic");
    assert_eq!(panicked["error_detail"], "crashed on [REDACTED]");
}

#[test]
fn no_secret_reaches_stderr() {
    if std::env::var_os("PALISADE_CANARY_STDERR").is_some() {
        std::panic::set_hook(Box::new(|_| {}));
        // No sink installed: events go to stderr.
        std::thread::scope(|scope| {
            for thread in 0..THREADS {
                scope.spawn(move || {
                    for n in 0..CALLS / 5 {
                        call(thread, n);
                    }
                });
            }
        });
        return;
    }
    let output = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "no_secret_reaches_stderr", "--nocapture"])
        .env("PALISADE_CANARY_STDERR", "1")
        .output()
        .unwrap();
    assert!(output.status.success());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(
        stderr
            .lines()
            .filter(|line| line.starts_with("{\"timestamp\""))
            .count(),
        THREADS * (CALLS / 5)
    );
    assert_clean("stderr", &stderr);
}
