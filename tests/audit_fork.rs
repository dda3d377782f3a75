//! Event ids stay unique after `fork()`: parent and child both emit events right
//! after the fork, and no id repeats. Alone in its test binary, so the fork happens
//! with no other test thread holding a lock.

use std::collections::HashSet;
use std::io::{Read as _, Write as _};
use std::sync::Arc;

use palisade::audit::{self, MemorySink};
use palisade::audit_log;

#[audit_log]
fn tick(n: u32) -> u32 {
    n
}

fn ids(sink: &MemorySink) -> Vec<String> {
    sink.lines()
        .iter()
        .map(|line| {
            let event: serde_json::Value = serde_json::from_str(line).unwrap();
            event["id"].as_str().unwrap().to_owned()
        })
        .collect()
}

#[test]
fn ids_are_unique_in_parent_and_forked_child() {
    const EACH: u32 = 200;
    let sink = Arc::new(MemorySink::new());
    let _scope = audit::scoped_sink(sink.clone());
    // Warm every lazy state (the id generator included) before forking.
    tick(0);
    sink.clear();
    let mut pipe = [0; 2];
    // SAFETY: `pipe` points at two writable `c_int`s.
    assert_eq!(unsafe { libc::pipe(pipe.as_mut_ptr()) }, 0);
    // SAFETY: the child only audits, writes to the pipe and `_exit`s.
    let pid = unsafe { libc::fork() };
    assert!(pid >= 0, "fork failed");
    for n in 0..EACH {
        tick(n);
    }
    if pid == 0 {
        // SAFETY: the write end of the pipe is open; the child owns it now.
        let mut out = unsafe { <std::fs::File as std::os::fd::FromRawFd>::from_raw_fd(pipe[1]) };
        let _ = out.write_all(ids(&sink).join("\n").as_bytes());
        drop(out);
        // SAFETY: ends the child at once, without running the parent's test harness.
        unsafe { libc::_exit(0) };
    }
    // SAFETY: the parent closes its copy of the write end and owns the read end.
    unsafe { libc::close(pipe[1]) };
    // SAFETY: see above.
    let mut input = unsafe { <std::fs::File as std::os::fd::FromRawFd>::from_raw_fd(pipe[0]) };
    let mut child = String::new();
    input.read_to_string(&mut child).unwrap();
    let mut status = 0;
    // SAFETY: `pid` is our child.
    unsafe { libc::waitpid(pid, &mut status, 0) };
    let parent = ids(&sink);
    let child = child.lines().map(str::to_owned).collect::<Vec<_>>();
    assert_eq!(parent.len(), EACH as usize);
    assert_eq!(child.len(), EACH as usize);
    let all = parent.iter().chain(&child).collect::<HashSet<_>>();
    assert_eq!(
        all.len(),
        2 * EACH as usize,
        "an id repeated across the fork"
    );
}
