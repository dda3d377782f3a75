// One mistake in `#[audit_log(...)]` gives one error: the function is still emitted
// as written, so its calls add none of their own.
use palisade::audit_log;

#[audit_log(opertion = "accounts.open")]
fn open(id: u32) -> Result<u32, String> {
    Ok(id)
}

fn main() {
    let _ = open(1);
    let _ = open(2).map(|id| id + 1);
}
