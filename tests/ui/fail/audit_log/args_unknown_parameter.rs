use palisade::audit_log;

#[audit_log(args(user, role))]
fn login(user: &str) -> bool {
    !user.is_empty()
}

fn main() {}
