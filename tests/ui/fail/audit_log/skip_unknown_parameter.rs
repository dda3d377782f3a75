use palisade::audit_log;

#[audit_log(skip(usr))]
fn login(user: &str) -> bool {
    !user.is_empty()
}

fn main() {}
