use palisade::audit_log;

#[audit_log(skip_all, args(user))]
fn login(user: &str) -> bool {
    !user.is_empty()
}

fn main() {}
