use palisade::audit_log;

#[audit_log]
const fn answer() -> u32 {
    42
}

fn main() {}
