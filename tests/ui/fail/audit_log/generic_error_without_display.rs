use palisade::audit_log;

#[audit_log]
fn first<T, E>(items: Vec<T>, error: E) -> Result<T, E> {
    items.into_iter().next().ok_or(error)
}

fn main() {}
