use palisade::audit_log;

#[audit_log(operaton = "login")]
fn login(user: &str) -> bool {
    !user.is_empty()
}

fn main() {}
