//! The built `palisade-audit` binary: exit codes, the `--json` schema, bad input of
//! every kind, `keygen`, `show`, and a handful of tampered logs.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use palisade::audit::SigningKey;
use serde_json::Value;

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(args: &[&dyn AsRef<std::ffi::OsStr>]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_palisade-audit"))
        .args(args.iter().map(|arg| arg.as_ref()))
        .output()
        .expect("the binary runs");
    Run {
        code: output.status.code().expect("exited, not killed"),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

/// A key pair made by `keygen`, and a rotated log signed with it, in `dir`.
fn setup(dir: &Path, events: usize) -> (PathBuf, Vec<PathBuf>) {
    let secret = dir.join("audit.key");
    let made = run(&[&"keygen", &"--out", &secret]);
    assert_eq!(made.code, 0, "{}", made.stderr);
    let key = SigningKey::from_file(&secret).unwrap();
    let files = common::generate(&key, events, 3, 100);
    (dir.join("audit.key.pub"), common::write_to(dir, &files))
}

fn json(run: &Run) -> Value {
    serde_json::from_str(&run.stdout).unwrap_or_else(|error| panic!("{error}: {}", run.stdout))
}

#[test]
fn keygen_writes_a_secret_only_its_owner_reads_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let secret = dir.path().join("k");
    let made = run(&[&"keygen", &"--out", &secret]);
    assert_eq!(made.code, 0);
    let key = SigningKey::from_file(&secret).unwrap();
    let public = palisade::audit::VerifyingKey::from_file(dir.path().join("k.pub")).unwrap();
    assert_eq!(key.verifying_key(), public);
    assert!(made.stdout.contains(&public.key_id()), "{}", made.stdout);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(&secret).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let again = run(&[&"keygen", &"--out", &secret]);
    assert_eq!(again.code, 2);
    assert!(again.stderr.contains("exists"), "{}", again.stderr);
    assert_eq!(
        SigningKey::from_file(&secret).unwrap().verifying_key(),
        public
    );
    let forced = run(&[&"keygen", &"--out", &secret, &"--force"]);
    assert_eq!(forced.code, 0);
    assert_ne!(
        SigningKey::from_file(&secret).unwrap().verifying_key(),
        public
    );
}

#[test]
fn an_intact_log_exits_0_in_any_file_order_and_reports_the_json_schema() {
    let dir = tempfile::tempdir().unwrap();
    let (public, files) = setup(dir.path(), 1_000);
    let plain = run(&[
        &"verify", &files[2], &files[0], &files[1], &"--key", &public,
    ]);
    assert_eq!(plain.code, 0, "{}{}", plain.stdout, plain.stderr);
    assert!(
        plain.stdout.starts_with("intact: 3 file(s)"),
        "{}",
        plain.stdout
    );
    assert!(
        plain.stderr.is_empty(),
        "no progress bar when piped: {}",
        plain.stderr
    );

    let report = run(&[
        &"verify", &"--json", &files[1], &files[2], &files[0], &"--key", &public,
    ]);
    assert_eq!(report.code, 0);
    let report = json(&report);
    assert_eq!(report["status"], "intact");
    assert_eq!(report["broken"], Value::Null);
    assert_eq!(report["key_trusted"], true);
    assert_eq!(report["key_id"].as_str().unwrap().len(), 32);
    assert!(report["checkpoints"].as_u64().unwrap() >= 10);
    let files_seen = report["files"].as_array().unwrap();
    assert_eq!(files_seen.len(), 3);
    // Put in chain order, whatever the order given.
    assert_eq!(files_seen[0]["first_seq"], 0);
    assert!(files_seen[0]["file"]
        .as_str()
        .unwrap()
        .ends_with("audit.jsonl.2"));
    assert!(files_seen[2]["file"]
        .as_str()
        .unwrap()
        .ends_with("audit.jsonl"));
    let lines: u64 = files_seen
        .iter()
        .map(|file| file["lines"].as_u64().unwrap())
        .sum();
    assert_eq!(report["lines"].as_u64().unwrap(), lines);
    assert_eq!(report["last_seq"].as_u64().unwrap(), lines - 1);
    let keys: Vec<&str> = report
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "broken",
            "checkpoints",
            "files",
            "key_id",
            "key_trusted",
            "last_seq",
            "lines",
            "status"
        ]
    );
}

#[test]
fn without_a_key_the_log_is_checked_against_the_key_it_names_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let (_, files) = setup(dir.path(), 300);
    let plain = run(&[&"verify", &files[0], &files[1], &files[2]]);
    assert_eq!(plain.code, 0);
    assert!(
        plain.stdout.contains("named by the log itself"),
        "{}",
        plain.stdout
    );
    let report = json(&run(&[
        &"verify", &"--json", &files[0], &files[1], &files[2],
    ]));
    assert_eq!(report["key_trusted"], false);
}

#[test]
fn another_key_is_an_unknown_key() {
    let dir = tempfile::tempdir().unwrap();
    let (_, files) = setup(dir.path(), 300);
    let other = dir.path().join("other.key");
    assert_eq!(run(&[&"keygen", &"--out", &other]).code, 0);
    let report = run(&[
        &"verify",
        &"--json",
        &files[0],
        &files[1],
        &files[2],
        &"--key",
        &dir.path().join("other.key.pub"),
    ]);
    assert_eq!(report.code, 1);
    let report = json(&report);
    assert_eq!(report["status"], "tampered");
    assert_eq!(report["broken"]["kind"], "unknown_key");
    assert_eq!(report["broken"]["line"], 1);
}

#[test]
fn tampered_logs_exit_1_and_name_the_place() {
    let dir = tempfile::tempdir().unwrap();
    let (public, files) = setup(dir.path(), 900);
    let original: Vec<Vec<u8>> = files
        .iter()
        .map(|file| std::fs::read(file).unwrap())
        .collect();
    let restore = || {
        for (file, bytes) in files.iter().zip(&original) {
            std::fs::write(file, bytes).unwrap();
        }
    };
    let verify = |files: &[&PathBuf]| {
        let mut args: Vec<&dyn AsRef<std::ffi::OsStr>> =
            vec![&"verify", &"--json", &"--key", &public];
        for file in files {
            args.push(*file);
        }
        let run = run(&args);
        assert_eq!(run.code, 1, "{}", run.stdout);
        json(&run)["broken"].clone()
    };
    let all = [&files[0], &files[1], &files[2]];
    let edit_lines = |file: usize, edit: &dyn Fn(&mut Vec<Vec<u8>>)| {
        let mut lines = common::lines(&original[file]);
        edit(&mut lines);
        std::fs::write(&files[file], lines.concat()).unwrap();
    };

    // An edited event: the link after it breaks.
    edit_lines(1, &|lines| {
        let line = String::from_utf8(lines[10].clone())
            .unwrap()
            .replace("\"alice\"", "\"mallory\"")
            .replace("\"bob\"", "\"mallory\"")
            .replace("\"carol\"", "\"mallory\"")
            .replace("\"dave\"", "\"mallory\"");
        lines[10] = line.into_bytes();
    });
    let broken = verify(&all);
    assert_eq!(broken["kind"], "edited");
    assert_eq!(broken["line"], 12);
    assert_eq!(broken["linked_to"]["line"], 11);
    assert!(broken["file"].as_str().unwrap().ends_with("audit.jsonl.1"));
    restore();

    // A deleted line.
    edit_lines(0, &|lines| {
        lines.remove(40);
    });
    let broken = verify(&all);
    assert_eq!(
        (broken["kind"].as_str(), broken["line"].as_u64()),
        (Some("missing"), Some(41))
    );
    restore();

    // The final checkpoint deleted: the tail is cut.
    edit_lines(2, &|lines| {
        lines.pop();
    });
    let broken = verify(&all);
    assert_eq!(broken["kind"], "truncated");
    restore();

    // Truncated exactly after a periodic checkpoint.
    edit_lines(2, &|lines| {
        let last = lines
            .iter()
            .rposition(|line| {
                line.starts_with(b"{\"phase\":\"checkpoint\"")
                    && line.windows(10).any(|w| w == b"\"periodic\"")
            })
            .unwrap();
        lines.truncate(last + 1);
    });
    let broken = verify(&all);
    assert_eq!(broken["kind"], "truncated");
    restore();

    // A duplicated checkpoint.
    edit_lines(0, &|lines| {
        let at = lines
            .iter()
            .position(|line| line.starts_with(b"{\"phase\":\"checkpoint\""))
            .unwrap();
        lines.insert(at + 1, lines[at].clone());
    });
    let broken = verify(&all);
    assert_eq!(broken["kind"], "duplicated");
    restore();

    // The middle file missing.
    let broken = verify(&[&files[0], &files[2]]);
    assert_eq!(broken["kind"], "missing_file");
    assert!(
        broken["message"]
            .as_str()
            .unwrap()
            .contains("audit.jsonl.1"),
        "{broken}"
    );
    // The last file missing.
    let broken = verify(&[&files[0], &files[1]]);
    assert_eq!(broken["kind"], "missing_file");

    // The human report names the place too.
    edit_lines(0, &|lines| lines.swap(5, 9));
    let human = run(&[
        &"verify", &files[0], &files[1], &files[2], &"--key", &public,
    ]);
    assert_eq!(human.code, 1);
    assert!(
        human.stdout.starts_with("TAMPERED: reordered at "),
        "{}",
        human.stdout
    );
    assert!(
        human.stdout.contains("audit.jsonl.2 line 6 (seq 9)"),
        "{}",
        human.stdout
    );
    restore();
}

#[test]
fn bad_input_of_every_kind() {
    let dir = tempfile::tempdir().unwrap();
    let (public, files) = setup(dir.path(), 300);

    // A missing file: unreadable.
    let missing = run(&[&"verify", &"--json", &dir.path().join("nope.jsonl")]);
    assert_eq!(missing.code, 2);
    let report = json(&missing);
    assert_eq!(report["status"], "unreadable");
    assert!(report["file"].as_str().unwrap().ends_with("nope.jsonl"));
    assert!(
        report["error"].as_str().unwrap().contains("No such file"),
        "{report}"
    );
    let human = run(&[&"verify", &dir.path().join("nope.jsonl")]);
    assert_eq!(human.code, 2);
    assert!(human.stderr.contains("cannot read"), "{}", human.stderr);
    // A directory: unreadable.
    assert_eq!(run(&[&"verify", &dir.path()]).code, 2);
    // A key file that is not a key: unreadable.
    assert_eq!(run(&[&"verify", &files[0], &"--key", &files[0]]).code, 2);
    // Usage errors.
    assert_eq!(run(&[&"verify"]).code, 2);
    assert_eq!(run(&[&"frobnicate"]).code, 2);

    // An empty file.
    let empty = dir.path().join("empty.jsonl");
    std::fs::write(&empty, "").unwrap();
    let report = run(&[&"verify", &"--json", &empty]);
    assert_eq!(report.code, 1);
    assert_eq!(json(&report)["broken"]["kind"], "truncated");

    // A non-JSON line inside a chained log.
    let mut lines = common::lines(&std::fs::read(&files[0]).unwrap());
    lines.insert(7, b"hello, I am not JSON\n".to_vec());
    let odd = dir.path().join("odd.jsonl");
    std::fs::write(&odd, lines.concat()).unwrap();
    let report = run(&[
        &"verify", &"--json", &odd, &files[1], &files[2], &"--key", &public,
    ]);
    assert_eq!(report.code, 1);
    let report = json(&report);
    assert_eq!(
        (
            report["broken"]["kind"].as_str(),
            report["broken"]["line"].as_u64()
        ),
        (Some("malformed"), Some(8))
    );

    // A huge line (16 MiB) inside a chained log.
    let mut lines = common::lines(&std::fs::read(&files[0]).unwrap());
    let mut huge = vec![b'x'; 16 << 20];
    huge.push(b'\n');
    lines.insert(3, huge);
    let big = dir.path().join("big.jsonl");
    std::fs::write(&big, lines.concat()).unwrap();
    let report = run(&[
        &"verify", &"--json", &big, &files[1], &files[2], &"--key", &public,
    ]);
    assert_eq!(report.code, 1);
    assert_eq!(json(&report)["broken"]["line"], 4);

    // A line over the 64 MiB limit is refused without reading it whole.
    let mut lines = common::lines(&std::fs::read(&files[0]).unwrap());
    let mut endless = vec![b'{'; (64 << 20) + 10];
    endless.push(b'\n');
    lines.insert(2, endless);
    std::fs::write(&big, lines.concat()).unwrap();
    let report = run(&[
        &"verify", &"--json", &big, &files[1], &files[2], &"--key", &public,
    ]);
    assert_eq!(report.code, 1);
    let broken = json(&report)["broken"].clone();
    assert_eq!(
        (broken["kind"].as_str(), broken["line"].as_u64()),
        (Some("malformed"), Some(3))
    );
    assert!(
        broken["message"]
            .as_str()
            .unwrap()
            .contains("longer than 64 MiB"),
        "{broken}"
    );

    // Files of another format: an unchained JSON-lines log, and binary bytes.
    let plain = dir.path().join("plain.jsonl");
    std::fs::write(
        &plain,
        "{\"operation\":\"login\"}\n{\"operation\":\"logout\"}\n",
    )
    .unwrap();
    let report = run(&[&"verify", &"--json", &plain]);
    assert_eq!(report.code, 1);
    assert_eq!(json(&report)["broken"]["kind"], "malformed");
    let binary = dir.path().join("image.png");
    std::fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01").unwrap();
    let report = run(&[&"verify", &"--json", &binary]);
    assert_eq!(report.code, 1);
    assert_eq!(json(&report)["broken"]["kind"], "not_chained");
}

#[test]
fn a_huge_event_verifies() {
    let dir = tempfile::tempdir().unwrap();
    let key = SigningKey::generate().unwrap();
    let path = dir.path().join("audit.jsonl");
    let mut log = Vec::new();
    let mut write = |line: &[u8]| -> std::io::Result<()> {
        log.extend_from_slice(line);
        Ok(())
    };
    let mut chain = palisade::audit::Chain::start(key.clone(), &mut write).unwrap();
    let event = format!(
        "{{\"operation\":\"upload\",\"args\":{{\"body\":\"{}\"}}}}",
        "y".repeat(4 << 20)
    );
    chain.append(event.as_bytes(), &mut write).unwrap();
    chain
        .checkpoint(palisade::audit::CheckpointEnd::Final, &mut write)
        .unwrap();
    std::fs::write(&path, &log).unwrap();
    let public = dir.path().join("k.pub");
    std::fs::write(&public, key.verifying_key().to_pem()).unwrap();
    let report = run(&[&"verify", &path, &"--key", &public]);
    assert_eq!(report.code, 0, "{}", report.stdout);
}

#[test]
fn show_prints_events_filtered() {
    let dir = tempfile::tempdir().unwrap();
    let (_, files) = setup(dir.path(), 200);
    let all = run(&[&"show", &files[0], &files[1], &files[2]]);
    assert_eq!(all.code, 0);
    assert_eq!(
        all.stdout
            .lines()
            .filter(|line| !line.starts_with("---"))
            .count(),
        200
    );
    assert!(all
        .stdout
        .lines()
        .next()
        .unwrap()
        .starts_with("--- chain starts at"));
    assert!(all.stdout.contains("--- checkpoint (final)"));

    let refunds = run(&[
        &"show",
        &files[0],
        &files[1],
        &files[2],
        &"--operation",
        &"refund",
        &"--actor",
        &"bob",
    ]);
    assert_eq!(refunds.code, 0);
    // Operation i % 5 == 1 and actor i % 4 == 1: i % 20 == 1, 10 of 200.
    assert_eq!(refunds.stdout.lines().count(), 10, "{}", refunds.stdout);
    assert!(refunds
        .stdout
        .lines()
        .all(|line| line.contains("  refund  actor=bob  ")));

    let failures = run(&[&"show", &files[0], &"--outcome", &"failure"]);
    assert!(failures
        .stdout
        .lines()
        .all(|line| line.contains("failure") && line.contains("error=")));
    assert!(failures.stdout.lines().count() > 0);

    // Events of minute 15:01 only (i in 60..120).
    let window = run(&[
        &"show",
        &files[0],
        &files[1],
        &files[2],
        &"--since",
        &"2026-12-02T15:01:00Z",
        &"--until",
        &"2026-12-02T15:02:00Z",
    ]);
    assert_eq!(window.stdout.lines().count(), 60, "{}", window.stdout);

    let bad_time = run(&[&"show", &files[0], &"--since", &"yesterday"]);
    assert_eq!(bad_time.code, 2);
    assert_eq!(run(&[&"show", &dir.path().join("nope")]).code, 2);
}

#[test]
fn a_log_whose_oldest_file_retention_deleted_verifies_only_when_allowed() {
    let dir = tempfile::tempdir().unwrap();
    let (public, files) = setup(dir.path(), 600);
    let strict = run(&[
        &"verify", &"--json", &files[1], &files[2], &"--key", &public,
    ]);
    assert_eq!(strict.code, 1);
    let broken = json(&strict)["broken"].clone();
    assert_eq!(broken["kind"], "missing_file");
    assert_eq!(broken["line"], 1);
    assert!(
        broken["message"]
            .as_str()
            .unwrap()
            .contains("audit.jsonl.2"),
        "{broken}"
    );
    let allowed = run(&[
        &"verify",
        &files[1],
        &files[2],
        &"--key",
        &public,
        &"--allow-missing-head",
    ]);
    assert_eq!(allowed.code, 0, "{}", allowed.stdout);
    // Still checked: an edit in what is left is found.
    let mut lines = common::lines(&std::fs::read(&files[2]).unwrap());
    lines.remove(3);
    std::fs::write(&files[2], lines.concat()).unwrap();
    let edited = run(&[
        &"verify",
        &files[1],
        &files[2],
        &"--key",
        &public,
        &"--allow-missing-head",
    ]);
    assert_eq!(edited.code, 1);
}

#[test]
fn a_large_log_verified_through_a_pipe_prints_no_progress_bar() {
    let dir = tempfile::tempdir().unwrap();
    let (public, files) = setup(dir.path(), 20_000);
    let total: u64 = files
        .iter()
        .map(|file| std::fs::metadata(file).unwrap().len())
        .sum();
    assert!(
        total > 8 << 20,
        "large enough for the bar on a terminal: {total}"
    );
    let report = run(&[
        &"verify", &files[0], &files[1], &files[2], &"--key", &public,
    ]);
    assert_eq!(report.code, 0);
    assert_eq!(report.stderr, "");
    assert_eq!(report.stdout.lines().count(), 1);
}
