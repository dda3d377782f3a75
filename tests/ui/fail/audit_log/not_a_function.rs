use palisade::audit_log;

#[audit_log]
struct Login {
    user: String,
}

fn main() {}
