use palisade::audit_log;

#[audit_log]
fn maintenance<R>(op: impl FnOnce() -> R) -> R {
    op()
}

fn main() {}
