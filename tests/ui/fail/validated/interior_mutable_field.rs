use std::cell::Cell;
use std::sync::atomic::AtomicI16;
use std::sync::{Arc, Mutex};

use palisade::validated;

#[validated]
pub struct Limits {
    #[validate(range(0..=100))]
    limit: AtomicI16,
    #[validate(custom = small)]
    shared: Arc<Mutex<u8>>,
}

#[validated]
pub struct Counter(#[validate(custom = positive)] Cell<i32>);

fn small(_: &Arc<Mutex<u8>>) -> Result<(), palisade::ValidationError> {
    Ok(())
}

fn positive(_: &Cell<i32>) -> Result<(), palisade::ValidationError> {
    Ok(())
}

fn main() {
    let _ = Counter::try_new(Cell::new(1));
}
