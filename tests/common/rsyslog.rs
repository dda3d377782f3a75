//! A real `rsyslogd` for the syslog tests: its own configuration in a temporary
//! directory (UDP and TCP inputs on free ports of 127.0.0.1, a unix datagram input on
//! a socket in the directory, every message written raw, one per line, to a file),
//! started in the foreground as a child and killed on drop.

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::Duration;

use super::servers::{bound, free_port, wait_for, Server, TempDir};

/// A running (or stopped) rsyslogd and where it writes.
pub struct Rsyslog {
    /// The UDP input's port.
    pub udp_port: u16,
    /// The TCP input's port.
    pub tcp_port: u16,
    /// The unix datagram input's socket.
    pub socket: PathBuf,
    /// The file every message goes to, raw.
    pub output: PathBuf,
    config: PathBuf,
    pid_file: PathBuf,
    server: Server,
    // Last: removed after the server is killed.
    _dir: TempDir,
}

impl Rsyslog {
    /// Writes the configuration and starts rsyslogd; returns once its inputs listen.
    pub fn start() -> Self {
        Self::start_writing(true)
    }

    /// [`start`](Self::start), with the messages written to the file, or (for
    /// benchmarks, which send millions) written to `/dev/null`.
    pub fn start_writing(write: bool) -> Self {
        let dir = TempDir::new("palisade-rsyslog");
        let udp_port = free_port();
        let tcp_port = free_port();
        let socket = dir.join("log.sock");
        let output = dir.join("messages.log");
        let config = dir.join("rsyslog.conf");
        let work = dir.join("work");
        std::fs::create_dir_all(&work).expect("rsyslog work directory");
        let written = if write {
            output.as_path()
        } else {
            std::path::Path::new("/dev/null")
        };
        let action = format!(
            r#"action(type="omfile" file="{}" template="raw")"#,
            written.display()
        );
        std::fs::write(
            &config,
            format!(
                r#"global(workDirectory="{work}" maxMessageSize="64k")
module(load="imudp")
module(load="imtcp")
module(load="imuxsock" SysSock.Use="off")
input(type="imudp" address="127.0.0.1" port="{udp_port}")
input(type="imtcp" address="127.0.0.1" port="{tcp_port}")
input(type="imuxsock" Socket="{socket}" UseSpecialParser="off" ParseHostname="on" RateLimit.Interval="0")
template(name="raw" type="string" string="%rawmsg%\n")
*.* {action}
"#,
                work = work.display(),
                socket = socket.display(),
            ),
        )
        .expect("write rsyslog.conf");
        let pid_file = dir.join("rsyslogd.pid");
        let mut rsyslog = Rsyslog {
            udp_port,
            tcp_port,
            socket,
            output,
            config,
            pid_file,
            server: Server(None),
            _dir: dir,
        };
        rsyslog.restart();
        rsyslog
    }

    /// Starts rsyslogd again (after [`kill`](Self::kill)) with the same ports and
    /// file; returns once its inputs listen.
    pub fn restart(&mut self) {
        self.kill();
        let _ = std::fs::remove_file(&self.pid_file);
        let child = Command::new("rsyslogd")
            .arg("-n")
            .arg("-f")
            .arg(&self.config)
            .arg("-i")
            .arg(&self.pid_file)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("rsyslogd runs (Debian package `rsyslog`; .ci/run installs it)");
        self.server = Server(Some(child));
        let (udp, tcp) = (self.udp_port, self.tcp_port);
        wait_for("rsyslogd's inputs", Duration::from_secs(10), || {
            (bound("udp", udp) && bound("tcp", tcp) && self.socket.exists()).then_some(())
        });
    }

    /// Kills rsyslogd with SIGKILL and waits for it to be gone.
    pub fn kill(&mut self) {
        self.server.kill();
    }

    /// The lines written so far that carry `marker`.
    pub fn lines_with(&self, marker: &str) -> Vec<String> {
        std::fs::read_to_string(&self.output)
            .unwrap_or_default()
            .lines()
            .filter(|line| line.contains(marker))
            .map(str::to_owned)
            .collect()
    }

    /// Waits until at least `count` lines carry `marker`, then returns them all.
    pub fn wait_lines(&self, marker: &str, count: usize) -> Vec<String> {
        wait_for(
            &format!("{count} lines with {marker} from rsyslogd"),
            Duration::from_secs(10),
            || {
                let lines = self.lines_with(marker);
                (lines.len() >= count).then_some(lines)
            },
        )
    }
}
