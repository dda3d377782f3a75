//! Where events go and who they name, however the program is shaped: the actor across
//! `.await` and threads, `#[ffi_safe(on_panic)]` in either order, a sink that audits,
//! an error hook that replaces itself, scoped sinks dropped out of order.

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll, Waker};

use palisade::audit::{self, AuditEvent, AuditSink, MemorySink, ScopedSink, SinkError};
use palisade::{audit_log, ffi_safe};
use serde_json::Value;

static_assertions::assert_not_impl_any!(ScopedSink: Send, Sync);
static_assertions::assert_impl_all!(MemorySink: AuditSink, Send, Sync);
static_assertions::assert_impl_all!(audit::WithActor<std::future::Ready<()>>: Send, Future);

fn events(sink: &MemorySink) -> Vec<Value> {
    sink.lines()
        .iter()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

/// Pending once, then ready.
struct YieldOnce(bool);

impl Future for YieldOnce {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.0 {
            Poll::Ready(())
        } else {
            self.0 = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}

#[audit_log]
async fn step(n: u32) -> u32 {
    YieldOnce(false).await;
    n
}

#[audit_log]
fn later(n: u32) -> impl Future<Output = u32> + Send {
    async move { n }
}

async fn job() -> u32 {
    let a = step(1).await;
    YieldOnce(false).await;
    let b = later(2).await;
    a + b + step(3).await
}

#[test]
fn the_actor_holds_across_awaits_and_threads() {
    let sink = Arc::new(MemorySink::new());
    let mut task = Box::pin(audit::with_actor_async("alice", job()));
    // Each poll on a new thread, as a work-stealing executor may do.
    let result = loop {
        let (polled, returned) = std::thread::scope(|scope| {
            let sink = sink.clone();
            scope
                .spawn(move || {
                    let _scope = audit::scoped_sink(sink);
                    let mut context = Context::from_waker(Waker::noop());
                    let polled = task.as_mut().poll(&mut context);
                    (polled, task)
                })
                .join()
                .unwrap()
        });
        task = returned;
        if let Poll::Ready(value) = polled {
            break value;
        }
    };
    assert_eq!(result, 6);
    let events = events(&sink);
    assert_eq!(events.len(), 3);
    for event in &events {
        assert_eq!(event["actor"], "alice", "{event}");
    }
    assert_eq!(
        audit::actor(),
        None,
        "the actor does not leak out of the future"
    );
}

#[ffi_safe(on_panic = -1)]
#[audit_log]
extern "C" fn guard_above(code: i32) -> i32 {
    if code < 0 {
        panic!("negative code {code}");
    }
    code
}

#[audit_log]
#[ffi_safe(on_panic = -1)]
extern "C" fn guard_below(code: i32) -> i32 {
    if code < 0 {
        panic!("negative code {code}");
    }
    code
}

#[test]
fn ffi_safe_on_panic_in_either_order_records_the_panic() {
    let sink = Arc::new(MemorySink::new());
    let scope = audit::scoped_sink(sink.clone());
    assert_eq!(guard_above(-5), -1);
    assert_eq!(guard_below(-5), -1);
    assert_eq!(guard_above(5), 5);
    assert_eq!(guard_below(5), 5);
    drop(scope);
    let events = events(&sink);
    let outcomes = events
        .iter()
        .map(|e| {
            (
                e["operation"].as_str().unwrap(),
                e["outcome"].as_str().unwrap(),
            )
        })
        .collect::<Vec<_>>();
    assert_eq!(
        outcomes,
        [
            ("guard_above", "panic"),
            ("guard_below", "panic"),
            ("guard_above", "success"),
            ("guard_below", "success")
        ]
    );
    assert_eq!(events[0]["error_detail"], "negative code -5");
    assert_eq!(events[1]["error_detail"], "negative code -5");
}

#[audit_log]
fn inner_operation(n: u32) -> u32 {
    n
}

/// A sink that audits something itself while recording.
struct AuditingSink {
    lines: MemorySink,
    calls: AtomicUsize,
}

impl AuditSink for AuditingSink {
    fn record(&self, event: &AuditEvent<'_>) -> Result<(), SinkError> {
        self.calls.fetch_add(1, Ordering::SeqCst);
        inner_operation(1);
        self.lines.record(event)
    }
}

#[test]
fn a_sink_that_audits_does_not_recurse() {
    let sink = Arc::new(AuditingSink {
        lines: MemorySink::new(),
        calls: AtomicUsize::new(0),
    });
    let failures = audit::sink_failures();
    {
        let _scope = audit::scoped_sink(sink.clone());
        for n in 0..3 {
            assert_eq!(inner_operation(n), n);
        }
    }
    assert_eq!(sink.calls.load(Ordering::SeqCst), 3);
    assert_eq!(sink.lines.lines().len(), 3);
    // Each nested event was dropped and counted.
    assert!(audit::sink_failures() >= failures + 3);
}

struct Failing;

impl AuditSink for Failing {
    fn record(&self, _: &AuditEvent<'_>) -> Result<(), SinkError> {
        Err(SinkError::Other("down".into()))
    }
}

#[test]
fn an_error_hook_may_replace_itself_and_audit() {
    static SECOND: AtomicUsize = AtomicUsize::new(0);
    audit::set_error_hook(|_| {
        // Replacing the hook from inside it, and auditing from inside it.
        audit::set_error_hook(|_| {
            SECOND.fetch_add(1, Ordering::SeqCst);
        });
        inner_operation(2);
    });
    let _scope = audit::scoped_sink(Arc::new(Failing));
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _scope = audit::scoped_sink(Arc::new(Failing));
        inner_operation(1);
        inner_operation(1);
        tx.send(()).unwrap();
    });
    rx.recv_timeout(std::time::Duration::from_secs(10))
        .expect("the audited call finished: the hook did not deadlock");
    assert!(SECOND.load(Ordering::SeqCst) >= 1);
}

#[test]
fn scoped_sinks_dropped_out_of_order_leave_no_stale_override() {
    let outer = Arc::new(MemorySink::new());
    let middle = Arc::new(MemorySink::new());
    let inner = Arc::new(MemorySink::new());
    let outer_scope = audit::scoped_sink(outer.clone());
    let middle_scope = audit::scoped_sink(middle.clone());
    let inner_scope = audit::scoped_sink(inner.clone());
    drop(middle_scope);
    inner_operation(1); // inner is still the innermost alive
    drop(inner_scope);
    inner_operation(2); // middle is gone: outer
    drop(outer_scope);
    assert_eq!(inner.lines().len(), 1);
    assert_eq!(middle.lines().len(), 0);
    assert_eq!(outer.lines().len(), 1);
    // And with no scope left, nothing reaches them.
    let global = Arc::new(MemorySink::new());
    let after = audit::scoped_sink(global.clone());
    inner_operation(3);
    drop(after);
    assert_eq!(outer.lines().len(), 1);
    assert_eq!(global.lines().len(), 1);
}

#[audit_log(start)]
fn deferred(n: u32) -> impl Future<Output = u32> {
    async move {
        YieldOnce(false).await;
        n
    }
}

#[test]
fn a_returned_future_starts_at_its_first_poll_with_the_actor_around_it() {
    let sink = Arc::new(MemorySink::new());
    let _scope = audit::scoped_sink(sink.clone());
    let future = deferred(1);
    assert!(
        sink.lines().is_empty(),
        "no start event before the first poll"
    );
    let mut task = std::pin::pin!(audit::with_actor_async("carol", future));
    let mut context = Context::from_waker(Waker::noop());
    while task.as_mut().poll(&mut context).is_pending() {}
    let events = events(&sink);
    assert_eq!(events.len(), 2);
    assert_eq!(events[0]["phase"], "start");
    assert_eq!(events[1]["phase"], "finish");
    assert_eq!(events[0]["id"], events[1]["id"]);
    assert!(events.iter().all(|event| event["actor"] == "carol"));
}
