//! `palisade-audit`: `verify` tamper-evident audit logs, `show` their events, `keygen`.
//! Exit codes: 0 intact, 1 tampered, 2 unreadable input or usage error.

use std::io::IsTerminal as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use palisade::audit::VerifyingKey;
use palisade_audit::show::Filter;
use palisade_audit::{Report, Status, VerifyOptions};

/// Verify palisade's tamper-evident audit logs, print their events, make signing keys.
///
/// Exit codes: 0 intact, 1 tampered, 2 unreadable input or usage error.
#[derive(Parser)]
#[command(name = "palisade-audit", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Make a new Ed25519 key pair: KEY (secret, PKCS#8 PEM, mode 0600) and KEY.pub.
    Keygen {
        /// Where to write the secret key; the public key goes to the same path + `.pub`.
        #[arg(long, value_name = "KEY")]
        out: PathBuf,
        /// Overwrite existing files.
        #[arg(long)]
        force: bool,
    },
    /// Verify chained log files (all files of a rotation, in any order).
    Verify {
        /// The log files.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// The public key (KEY.pub) the checkpoints must be signed with. Without it the
        /// key named in the log is used: that proves consistency, not authorship.
        #[arg(long, value_name = "KEY.pub")]
        key: Option<PathBuf>,
        /// Print the report as one JSON object (schema in the README).
        #[arg(long)]
        json: bool,
        /// Accept a first file that continues a rotation whose older files retention
        /// deleted.
        #[arg(long)]
        allow_missing_head: bool,
    },
    /// Print the events of log files, one per line, filtered.
    Show {
        /// The log files, oldest first.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Only events of this operation.
        #[arg(long)]
        operation: Option<String>,
        /// Only events with this outcome (success, failure, panic, pending).
        #[arg(long)]
        outcome: Option<String>,
        /// Only events of this actor.
        #[arg(long)]
        actor: Option<String>,
        /// Only events at or after this time (RFC 3339, e.g. 2026-12-02T15:00:00Z).
        #[arg(long, value_parser = parse_time)]
        since: Option<std::time::SystemTime>,
        /// Only events before this time (RFC 3339).
        #[arg(long, value_parser = parse_time)]
        until: Option<std::time::SystemTime>,
    },
}

fn parse_time(text: &str) -> Result<std::time::SystemTime, String> {
    humantime::parse_rfc3339_weak(text).map_err(|error| format!("not an RFC 3339 time: {error}"))
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Keygen { out, force } => match palisade_audit::keygen::keygen(&out, force) {
            Ok((key_id, public)) => {
                println!(
                    "wrote {} (secret) and {} (public), key id {key_id}",
                    out.display(),
                    public.display()
                );
                ExitCode::SUCCESS
            }
            Err(error) => {
                eprintln!("palisade-audit: {error}");
                ExitCode::from(2)
            }
        },
        Command::Verify {
            files,
            key,
            json,
            allow_missing_head,
        } => verify(&files, key.as_deref(), json, allow_missing_head),
        Command::Show {
            files,
            operation,
            outcome,
            actor,
            since,
            until,
        } => {
            let filter = Filter {
                operation,
                outcome,
                actor,
                since,
                until,
            };
            let mut out = std::io::stdout().lock();
            match palisade_audit::show::show(&files, &filter, &mut out) {
                Ok(shown) => {
                    if shown.unreadable_lines > 0 {
                        eprintln!(
                            "palisade-audit: {} line(s) are not JSON objects and were skipped",
                            shown.unreadable_lines
                        );
                    }
                    ExitCode::SUCCESS
                }
                Err(error) => {
                    eprintln!("palisade-audit: {error}");
                    ExitCode::from(2)
                }
            }
        }
    }
}

fn verify(
    files: &[PathBuf],
    key: Option<&std::path::Path>,
    json: bool,
    allow_missing_head: bool,
) -> ExitCode {
    let unreadable = |file: String, error: String| {
        if json {
            println!(
                "{}",
                serde_json::json!({"status": "unreadable", "file": file, "error": error})
            );
        } else {
            eprintln!("palisade-audit: {error}");
        }
        ExitCode::from(2)
    };
    let key = match key.map(VerifyingKey::from_file).transpose() {
        Ok(key) => key,
        Err(error) => {
            let file = key.map(|key| key.display().to_string()).unwrap_or_default();
            return unreadable(file, error.to_string());
        }
    };
    let total: u64 = files
        .iter()
        .filter_map(|file| std::fs::metadata(file).ok())
        .map(|meta| meta.len())
        .sum();
    let bar = if !json && std::io::stderr().is_terminal() && total > 8 << 20 {
        indicatif::ProgressBar::new(total)
    } else {
        indicatif::ProgressBar::hidden()
    };
    let options = VerifyOptions {
        key,
        allow_missing_head,
    };
    let outcome =
        palisade_audit::verify_files(files, &options, &mut |bytes| bar.set_position(bytes));
    bar.finish_and_clear();
    match outcome {
        Err(error) => unreadable(error.path.display().to_string(), error.to_string()),
        Ok(report) => {
            if json {
                println!(
                    "{}",
                    serde_json::to_string(&report).unwrap_or_else(|error| format!(
                        "{{\"status\":\"unreadable\",\"error\":\"{error}\"}}"
                    ))
                );
            } else {
                print_report(&report);
            }
            match report.status {
                Status::Intact => ExitCode::SUCCESS,
                Status::Tampered => ExitCode::from(1),
            }
        }
    }
}

fn print_report(report: &Report) {
    let key = match (&report.key_id, report.key_trusted) {
        (Some(id), true) => format!("key {id} (given)"),
        (Some(id), false) => {
            format!("key {id} (named by the log itself: pass --key KEY.pub to prove who signed)")
        }
        (None, _) => "no key".into(),
    };
    match &report.broken {
        None => println!(
            "intact: {} file(s), {} lines, {} checkpoints verified, last seq {}, {key}",
            report.files.len(),
            report.lines,
            report.checkpoints,
            report
                .last_seq
                .map_or_else(|| "-".into(), |seq| seq.to_string()),
        ),
        Some(broken) => {
            let seq = broken
                .seq
                .map(|seq| format!(" (seq {seq})"))
                .unwrap_or_default();
            println!(
                "TAMPERED: {} at {} line {}{seq}: {}",
                broken.kind.as_str(),
                broken.file.display(),
                broken.line,
                broken.message
            );
        }
    }
}
