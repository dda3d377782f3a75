use palisade::audit_log;

#[audit_log]
fn later(value: u32) -> std::future::Ready<Result<u32, String>> {
    std::future::ready(Ok(value))
}

fn main() {}
