//! A short write (here forced by a file-size limit, as a full disk would) never
//! leaves a torn line in a `JsonLinesFile`: the part written is cut off again, the
//! failure is counted, and the next event starts on a line of its own. The limit is
//! set in a child process (this test binary run again), so no other test sees it.

use std::process::Command;
use std::sync::Arc;

use palisade::audit::{self, JsonLinesFile};
use palisade::audit_log;

#[audit_log]
fn record_event(text: &str) -> usize {
    text.len()
}

fn limit_file_size(bytes: u64) {
    let limit = libc::rlimit {
        rlim_cur: bytes,
        rlim_max: libc::RLIM_INFINITY,
    };
    // SAFETY: `limit` is a valid `rlimit` for the duration of the call.
    assert_eq!(unsafe { libc::setrlimit(libc::RLIMIT_FSIZE, &limit) }, 0);
}

/// The child: four events, a limit that cuts the fifth short and refuses the sixth,
/// the limit lifted, four more.
fn child(path: &str) {
    // SAFETY: ignoring SIGXFSZ turns writes past the limit into short writes/EFBIG.
    unsafe { libc::signal(libc::SIGXFSZ, libc::SIG_IGN) };
    let sink = Arc::new(JsonLinesFile::open(path).unwrap());
    let _scope = audit::scoped_sink(sink);
    let before = audit::sink_failures();
    for _ in 0..4 {
        record_event("before the limit");
    }
    let len = std::fs::metadata(path).unwrap().len();
    limit_file_size(len + 100);
    record_event("cut short");
    record_event("refused");
    limit_file_size(libc::RLIM_INFINITY);
    for _ in 0..4 {
        record_event("after the limit");
    }
    println!("failures={}", audit::sink_failures() - before);
}

#[test]
fn a_short_write_never_tears_a_line() {
    if let Ok(path) = std::env::var("PALISADE_SHORT_WRITE_FILE") {
        child(&path);
        return;
    }
    let path = std::env::temp_dir().join(format!("palisade-short-{}.jsonl", std::process::id()));
    let _ = std::fs::remove_file(&path);
    let output = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "a_short_write_never_tears_a_line", "--nocapture"])
        .env("PALISADE_SHORT_WRITE_FILE", &path)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains("failures=2"), "{stdout}");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::remove_file(&path).unwrap();
    assert!(text.ends_with('\n'));
    let lines = text.lines().collect::<Vec<_>>();
    assert_eq!(lines.len(), 8, "{text}");
    for line in &lines {
        let event: serde_json::Value =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("torn line ({e}): {line}"));
        assert_eq!(event["outcome"], "success");
    }
    assert!(!text.contains("cut short") && !text.contains("refused"));
}
