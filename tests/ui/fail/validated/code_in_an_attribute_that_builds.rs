// palisade pastes the expressions of its attributes into the module that owns the
// private fields. Code there that defines items, calls an unknown macro, or builds the
// type in place could make an invalid value without the checks: each is refused.
use palisade::validated;
use std::sync::Mutex;

static LEAKED: Mutex<Option<Level>> = Mutex::new(None);

macro_rules! sneak {
    () => {{
        impl Level {
            pub fn force(&mut self, value: u8) {
                self.0 = value;
            }
        }
        true
    }};
}

#[validated]
#[invariant({ impl Level { fn zero() -> Self { Self(0) } } true })]
#[invariant(sneak!())]
#[invariant(self.0 > 0)]
#[invariant({ *LEAKED.lock().unwrap() = Some(Level(0)); true })]
#[invariant(matches!(self.0, 1..=9) && format!("{}", self.0).len() == 1)]
pub struct Level(#[validate(range(1..=9))] u8);

fn main() {
    let _ = Level::try_new(3);
}
