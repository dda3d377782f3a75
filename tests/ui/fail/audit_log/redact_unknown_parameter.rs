use palisade::audit_log;

#[audit_log(redact(pasword))]
fn login(user: &str, password: &str) -> bool {
    user != password
}

fn main() {}
