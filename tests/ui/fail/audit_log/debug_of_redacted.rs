use palisade::audit_log;

#[audit_log(debug(password))]
fn login(user: &str, password: &str) -> bool {
    !user.is_empty() && !password.is_empty()
}

fn main() {}
