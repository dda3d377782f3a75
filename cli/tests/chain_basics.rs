//! The writer and the verifier agree: logs written through `Chain` and through the
//! chained `JsonLinesFile` verify, from many threads, across restarts.

mod common;

use std::sync::Arc;

use palisade::audit::{self, JsonLinesFile, SigningKey};
use palisade_audit::{Status, TamperKind, VerifyOptions};

fn trusted(key: &SigningKey) -> VerifyOptions {
    VerifyOptions {
        key: Some(key.verifying_key()),
        allow_missing_head: false,
    }
}

#[test]
fn a_generated_rotated_log_verifies_with_its_key() {
    let key = SigningKey::generate().unwrap();
    let files = common::generate(&key, 2_000, 3, 100);
    assert_eq!(files.len(), 3);
    let report = common::verify(&files, &trusted(&key));
    assert_eq!(report.broken, None);
    assert_eq!(report.status, Status::Intact);
    // 1 chain line, 2000 events, 20 periodic checkpoints less the ones that fell on a
    // rotation, 2 rotation checkpoints + 2 rotation lines, 1 final.
    assert!(report.lines > 2_000 + 20, "{}", report.lines);
    assert!(report.checkpoints >= 21, "{}", report.checkpoints);
    assert!(report.key_trusted);
}

#[test]
fn the_file_sink_writes_one_valid_chain_from_many_threads() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("audit.jsonl");
    let key = SigningKey::generate().unwrap();
    let sink = Arc::new(
        JsonLinesFile::open(&path)
            .unwrap()
            .chained(key.clone())
            .unwrap()
            .checkpoint_every(50),
    );
    std::thread::scope(|scope| {
        for thread in 0..8 {
            let sink = sink.clone();
            scope.spawn(move || {
                let _scope = audit::scoped_sink(sink);
                for call in 0..250 {
                    record(thread, call);
                }
            });
        }
    });
    drop(sink);
    let report =
        palisade_audit::verify_files(std::slice::from_ref(&path), &trusted(&key), &mut |_| {})
            .unwrap();
    assert_eq!(report.broken, None);
    let text = std::fs::read_to_string(&path).unwrap();
    let events = text
        .lines()
        .filter(|line| line.starts_with("{\"timestamp\""))
        .count();
    assert_eq!(events, 2_000);
    assert!(report.checkpoints >= 40, "{}", report.checkpoints);
}

#[test]
fn a_chained_file_rotated_by_size_verifies_across_every_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("audit.jsonl");
    let key = SigningKey::generate().unwrap();
    let sink = Arc::new(
        JsonLinesFile::open(&path)
            .unwrap()
            .rotate(audit::Rotation::size(16 * 1024))
            .chained(key.clone())
            .unwrap()
            .checkpoint_every(40),
    );
    std::thread::scope(|scope| {
        for thread in 0..4 {
            let sink = sink.clone();
            scope.spawn(move || {
                let _scope = audit::scoped_sink(sink);
                for call in 0..250 {
                    record(thread, call);
                }
            });
        }
    });
    drop(sink);
    let mut files = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect::<Vec<_>>();
    files.sort();
    assert!(files.len() >= 5, "{files:?}");
    let report = palisade_audit::verify_files(&files, &trusted(&key), &mut |_| {}).unwrap();
    assert_eq!(report.broken, None);
    assert_eq!(report.status, Status::Intact);
    // Each rotated file ends with a rotation checkpoint and the next starts by naming it.
    let rotations = files
        .iter()
        .map(|file| std::fs::read_to_string(file).unwrap())
        .filter(|text| {
            text.lines()
                .next()
                .is_some_and(|line| line.contains("\"phase\":\"rotated\""))
        })
        .count();
    assert_eq!(rotations, files.len() - 1);
    // Without the middle file the chain is broken.
    let mut missing = files.clone();
    missing.remove(files.len() / 2);
    let report = palisade_audit::verify_files(&missing, &trusted(&key), &mut |_| {}).unwrap();
    assert_ne!(report.status, Status::Intact);
}

#[palisade::audit_log(operation = "record")]
fn record(thread: u32, call: u32) -> u32 {
    thread * call
}

#[test]
fn a_restarted_writer_goes_on_with_the_chain_and_a_second_writer_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("audit.jsonl");
    let key = SigningKey::generate().unwrap();
    for run in 0..3 {
        let sink = Arc::new(
            JsonLinesFile::open(&path)
                .unwrap()
                .chained(key.clone())
                .unwrap(),
        );
        let second = JsonLinesFile::open(&path).unwrap().chained(key.clone());
        let error = second.expect_err("the file is held by the first sink");
        assert_eq!(error.kind(), std::io::ErrorKind::WouldBlock);
        let _scope = audit::scoped_sink(sink.clone());
        record(run, 1);
        record(run, 2);
    }
    let report =
        palisade_audit::verify_files(std::slice::from_ref(&path), &trusted(&key), &mut |_| {})
            .unwrap();
    assert_eq!(report.broken, None);
    // 1 chain line + 3 × (2 events + 1 final checkpoint).
    assert_eq!(report.lines, 10);
    assert_eq!(report.checkpoints, 3);
}

#[test]
fn seal_writes_a_final_checkpoint_for_an_installed_sink() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("audit.jsonl");
    let key = SigningKey::generate().unwrap();
    let sink = Arc::new(
        JsonLinesFile::open(&path)
            .unwrap()
            .chained(key.clone())
            .unwrap(),
    );
    {
        let _scope = audit::scoped_sink(sink.clone());
        record(1, 1);
    }
    let before =
        palisade_audit::verify_files(std::slice::from_ref(&path), &trusted(&key), &mut |_| {})
            .unwrap();
    assert_eq!(
        before.broken.map(|broken| broken.kind),
        Some(TamperKind::Truncated)
    );
    sink.seal().unwrap();
    let after =
        palisade_audit::verify_files(std::slice::from_ref(&path), &trusted(&key), &mut |_| {})
            .unwrap();
    assert_eq!(after.broken, None);
    // Sealing twice writes nothing more.
    let len = std::fs::metadata(&path).unwrap().len();
    sink.seal().unwrap();
    assert_eq!(std::fs::metadata(&path).unwrap().len(), len);
    // The sink's flush, which `audit::flush()` and the exit guard call, seals too.
    {
        let _scope = audit::scoped_sink(sink.clone());
        record(2, 2);
    }
    let open =
        palisade_audit::verify_files(std::slice::from_ref(&path), &trusted(&key), &mut |_| {})
            .unwrap();
    assert_eq!(
        open.broken.map(|broken| broken.kind),
        Some(TamperKind::Truncated)
    );
    audit::AuditSink::flush(&*sink).unwrap();
    let flushed =
        palisade_audit::verify_files(std::slice::from_ref(&path), &trusted(&key), &mut |_| {})
            .unwrap();
    assert_eq!(flushed.broken, None);
}

#[test]
fn a_file_that_is_not_chained_cannot_be_chained() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plain.jsonl");
    std::fs::write(&path, "{\"operation\":\"x\"}\n").unwrap();
    let error = JsonLinesFile::open(&path)
        .unwrap()
        .chained(SigningKey::generate().unwrap())
        .unwrap_err();
    assert_eq!(error.kind(), std::io::ErrorKind::InvalidData);
    // A line cut short (a crash mid-write) is ended when the file is opened, and is
    // then a line that is not part of any chain.
    std::fs::write(&path, "{\"operation\":\"x\",\"seq\":0,\"prev\":\"00").unwrap();
    let error = JsonLinesFile::open(&path)
        .unwrap()
        .chained(SigningKey::generate().unwrap())
        .unwrap_err();
    assert_eq!(error.kind(), std::io::ErrorKind::InvalidData);
    assert!(error.to_string().contains("chain a new file"), "{error}");
}

#[palisade::audit_log(operation = "transfer")]
fn transfer(from: u64, to: u64, amount: u64) -> Result<u64, String> {
    if amount.is_multiple_of(7) {
        return Err("insufficient funds".into());
    }
    Ok(from ^ to ^ amount)
}

/// The file-size cost of the chain, for BENCHMARKS.md: the same 10,000 audited calls
/// to a plain and to a chained file (default cadence: a checkpoint every 1000).
#[test]
fn the_chain_adds_seq_prev_and_checkpoints_to_the_file_size() {
    let dir = tempfile::tempdir().unwrap();
    let plain = dir.path().join("plain.jsonl");
    let chained = dir.path().join("chained.jsonl");
    let key = SigningKey::generate().unwrap();
    for (path, chain) in [(&plain, false), (&chained, true)] {
        let mut sink = JsonLinesFile::open(path).unwrap();
        if chain {
            sink = sink.chained(key.clone()).unwrap();
        }
        let sink = Arc::new(sink);
        let _scope = audit::scoped_sink(sink.clone());
        for call in 0..10_000 {
            let _ = transfer(call, call + 1, call * 13);
        }
    }
    let report =
        palisade_audit::verify_files(std::slice::from_ref(&chained), &trusted(&key), &mut |_| {})
            .unwrap();
    assert_eq!(report.broken, None);
    assert_eq!(report.checkpoints, 11);
    let plain = std::fs::metadata(&plain).unwrap().len() as f64;
    let chained = std::fs::metadata(&chained).unwrap().len() as f64;
    let overhead = (chained - plain) / plain * 100.0;
    println!(
        "10,000 events: plain {plain} bytes, chained {chained} bytes, overhead {overhead:.1}% \
         ({:.1} bytes per event)",
        (chained - plain) / 10_000.0
    );
    // seq and prev are about 90 bytes a line; a checkpoint every 1000 lines adds little.
    assert!(overhead > 5.0 && overhead < 40.0, "{overhead}");
}

#[test]
fn keys_are_pem_files_openssl_reads_and_writes() {
    let dir = tempfile::tempdir().unwrap();
    // A key made by OpenSSL signs a chain that verifies with the public key OpenSSL
    // derives.
    let secret = dir.path().join("openssl.key");
    let public = dir.path().join("openssl.key.pub");
    let status = std::process::Command::new("openssl")
        .args(["genpkey", "-algorithm", "ed25519", "-out"])
        .arg(&secret)
        .status()
        .expect("openssl runs (.ci/run installs it)");
    assert!(status.success());
    let status = std::process::Command::new("openssl")
        .args(["pkey", "-pubout", "-in"])
        .arg(&secret)
        .arg("-out")
        .arg(&public)
        .status()
        .unwrap();
    assert!(status.success());
    let key = SigningKey::from_file(&secret).unwrap();
    let trusted_key = palisade::audit::VerifyingKey::from_file(&public).unwrap();
    assert_eq!(key.verifying_key(), trusted_key);
    // And OpenSSL reads what `SigningKey` writes.
    let ours = SigningKey::generate().unwrap();
    let ours_path = dir.path().join("ours.key");
    std::fs::write(&ours_path, ours.to_pem()).unwrap();
    let derived = std::process::Command::new("openssl")
        .args(["pkey", "-pubout", "-in"])
        .arg(&ours_path)
        .output()
        .unwrap();
    assert!(derived.status.success());
    assert_eq!(
        String::from_utf8(derived.stdout).unwrap(),
        ours.verifying_key().to_pem()
    );
}

#[test]
fn a_key_comes_from_an_environment_variable_or_fails_clearly() {
    let key = SigningKey::generate().unwrap();
    // SAFETY-free in edition 2021; no other test reads these variables.
    std::env::set_var("PALISADE_TEST_AUDIT_KEY", key.to_pem());
    let read = SigningKey::from_env("PALISADE_TEST_AUDIT_KEY").unwrap();
    assert_eq!(read.verifying_key(), key.verifying_key());
    let missing = SigningKey::from_env("PALISADE_TEST_NO_SUCH_KEY").unwrap_err();
    assert!(
        matches!(missing, palisade::audit::KeyError::MissingEnv(_)),
        "{missing}"
    );
    std::env::set_var("PALISADE_TEST_BAD_AUDIT_KEY", key.verifying_key().to_pem());
    let wrong_kind = SigningKey::from_env("PALISADE_TEST_BAD_AUDIT_KEY").unwrap_err();
    assert!(
        wrong_kind.to_string().contains("secret key (PKCS#8)"),
        "{wrong_kind}"
    );
    // Debug never shows the secret.
    let shown = format!("{key:?}");
    assert!(
        shown.contains(&key.verifying_key().key_id()) && !shown.contains("PRIVATE"),
        "{shown}"
    );
}

#[test]
fn a_checkpoint_is_written_when_the_interval_has_passed() {
    let key = SigningKey::generate().unwrap();
    let mut log = Vec::new();
    let mut write = |line: &[u8]| -> std::io::Result<()> {
        log.extend_from_slice(line);
        Ok(())
    };
    let mut chain = palisade::audit::Chain::start(key.clone(), &mut write)
        .unwrap()
        .checkpoint_every(0)
        .checkpoint_interval(std::time::Duration::from_millis(100));
    for _ in 0..50 {
        chain.append(br#"{"operation":"a"}"#, &mut write).unwrap();
    }
    std::thread::sleep(std::time::Duration::from_millis(150));
    chain.append(br#"{"operation":"b"}"#, &mut write).unwrap();
    chain.append(br#"{"operation":"c"}"#, &mut write).unwrap();
    let text = String::from_utf8(log).unwrap();
    let kinds: Vec<&str> = text
        .lines()
        .map(|line| {
            if line.contains("\"phase\":\"checkpoint\"") {
                "checkpoint"
            } else {
                "line"
            }
        })
        .collect();
    // No checkpoint by count; one after the first event past the interval.
    assert_eq!(
        kinds.iter().filter(|kind| **kind == "checkpoint").count(),
        1
    );
    assert_eq!(kinds[52], "checkpoint", "{text}");
    assert!(text
        .lines()
        .nth(51)
        .unwrap()
        .contains("\"operation\":\"b\""));
}

#[test]
fn after_a_crash_the_log_reads_as_truncated_and_a_restarted_writer_seals_it_again() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("audit.jsonl");
    let key = SigningKey::generate().unwrap();
    // A writer that dies without its final checkpoint (what `kill -9` leaves).
    let mut log = Vec::new();
    let mut write = |line: &[u8]| -> std::io::Result<()> {
        log.extend_from_slice(line);
        Ok(())
    };
    let mut chain = palisade::audit::Chain::start(key.clone(), &mut write).unwrap();
    for i in 0..30 {
        chain
            .append(common::event(i).as_bytes(), &mut write)
            .unwrap();
    }
    std::mem::forget(chain);
    std::fs::write(&path, &log).unwrap();
    let crashed =
        palisade_audit::verify_files(std::slice::from_ref(&path), &trusted(&key), &mut |_| {})
            .unwrap();
    let broken = crashed.broken.unwrap();
    assert_eq!(broken.kind, TamperKind::Truncated);
    assert_eq!(broken.line, 32);
    // The restarted service goes on with the chain; its final checkpoint seals all.
    let sink = Arc::new(
        JsonLinesFile::open(&path)
            .unwrap()
            .chained(key.clone())
            .unwrap(),
    );
    {
        let _scope = audit::scoped_sink(sink.clone());
        record(9, 9);
    }
    drop(sink);
    let report =
        palisade_audit::verify_files(std::slice::from_ref(&path), &trusted(&key), &mut |_| {})
            .unwrap();
    assert_eq!(report.broken, None);
    assert_eq!(report.lines, 1 + 30 + 1 + 1);
}

/// A chained file is held by its sink until the sink is dropped. Run as a child
/// process by the next test (with `PALISADE_HOLD_CHAIN` naming the file), it chains
/// that file, says so, and holds it until its stdin closes; run alone, it checks the
/// hold within this process.
#[test]
fn a_chained_file_is_held_until_its_sink_is_dropped() {
    if let Ok(path) = std::env::var("PALISADE_HOLD_CHAIN") {
        let sink = JsonLinesFile::open(&path)
            .unwrap()
            .chained(SigningKey::generate().unwrap())
            .unwrap();
        println!("HOLDING");
        let mut rest = String::new();
        let _ = std::io::stdin().read_line(&mut rest);
        drop(sink);
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("audit.jsonl");
    let first = JsonLinesFile::open(&path)
        .unwrap()
        .chained(SigningKey::generate().unwrap())
        .unwrap();
    let refused = JsonLinesFile::open(&path)
        .unwrap()
        .chained(SigningKey::generate().unwrap())
        .unwrap_err();
    assert_eq!(refused.kind(), std::io::ErrorKind::WouldBlock);
    drop(first);
    assert!(JsonLinesFile::open(&path)
        .unwrap()
        .chained(SigningKey::generate().unwrap())
        .is_ok());
}

#[test]
fn a_second_process_cannot_chain_a_file_another_process_writes() {
    use std::io::{BufRead as _, Write as _};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("audit.jsonl");
    let mut child = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "a_chained_file_is_held_until_its_sink_is_dropped",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("PALISADE_HOLD_CHAIN", &path)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    while !line.contains("HOLDING") {
        line.clear();
        assert_ne!(
            stdout.read_line(&mut line).unwrap(),
            0,
            "the child ended before holding the file"
        );
    }
    let refused = JsonLinesFile::open(&path)
        .unwrap()
        .chained(SigningKey::generate().unwrap())
        .unwrap_err();
    assert_eq!(refused.kind(), std::io::ErrorKind::WouldBlock);
    assert!(refused.to_string().contains("another writer"), "{refused}");
    // Once the other process is gone, this one may go on with the chain.
    child.stdin.take().unwrap().write_all(b"\n").unwrap();
    assert!(child.wait().unwrap().success());
    let _ = std::io::copy(&mut stdout, &mut std::io::sink());
    assert!(JsonLinesFile::open(&path)
        .unwrap()
        .chained(SigningKey::generate().unwrap())
        .is_ok());
}
