use palisade::audit_log;

#[audit_log(resources(acount))]
fn close(account: u32) -> bool {
    account > 0
}

fn main() {}
