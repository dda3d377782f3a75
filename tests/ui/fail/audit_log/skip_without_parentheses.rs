use palisade::audit_log;

#[audit_log(skip = "password")]
fn log_in(user: &str, password: &str) {
    let _ = (user, password);
}

fn main() {}
