use palisade::audit_log;

#[audit_log(fields(tenant))]
fn without_value(tenant: u32) -> u32 {
    tenant
}

#[audit_log(fields(region = "eu", region = "us"))]
fn twice() {}

fn main() {
    let _ = without_value(1);
    twice();
}
