//! The production syslog sink's throughput: one audited call (the workload of
//! `benches/audit.rs`) sent to a real `rsyslogd` over UDP, TCP and a unix datagram
//! socket, per event and in events/s. rsyslogd receives and discards (no file), so
//! the figure is the sink's and the transport's, end to end.

use std::hint::black_box;
use std::sync::Arc;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use palisade::audit::{self, SyslogSink};

#[path = "../tests/common/rsyslog.rs"]
#[allow(dead_code)] // The tests' helper; the bench reads no output.
mod rsyslog;
#[path = "../tests/common/servers.rs"]
mod servers;
#[path = "../tests/common/audit_workload.rs"]
#[allow(dead_code)] // `bare` is `benches/audit.rs`'s baseline.
mod workload;

fn syslog(c: &mut Criterion) {
    let server = rsyslog::Rsyslog::start_writing(false);
    let mut group = c.benchmark_group("syslog_sink");
    group.throughput(Throughput::Elements(1));
    let sinks = [
        ("udp", SyslogSink::udp(("127.0.0.1", server.udp_port))),
        ("tcp", SyslogSink::tcp(("127.0.0.1", server.tcp_port))),
        ("unix", SyslogSink::unix(&server.socket)),
    ];
    for (name, sink) in sinks {
        let sink = Arc::new(sink.expect("rsyslogd listens"));
        let _scope = audit::scoped_sink(sink.clone());
        group.bench_function(name, |b| {
            b.iter(|| workload::audited(black_box(1), black_box(2), black_box(300)));
        });
        assert_eq!(sink.dropped(), 0, "{name}: nothing dropped");
    }
    group.finish();
}

criterion_group!(benches, syslog);
criterion_main!(benches);
