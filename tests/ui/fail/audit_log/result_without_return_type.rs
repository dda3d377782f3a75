use palisade::audit_log;

#[audit_log(result)]
fn log_in(user: &str) {
    let _ = user;
}

fn main() {}
