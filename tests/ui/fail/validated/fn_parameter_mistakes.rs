use palisade::{validated, ValidationErrors};

pub struct Meter;

impl Meter {
    // Rules need a named parameter, `self`'s rules belong on its type, and a rule
    // must fit its parameter: three mistakes, three errors.
    #[validated]
    pub fn read(
        #[validate(nested)] &self,
        #[validate(range(1..=9))] (low, high): (u8, u8),
        #[validate(email)] count: u32,
    ) -> Result<u8, ValidationErrors> {
        let _ = (low, high, count);
        Ok(0)
    }
}

fn main() {
    let _ = Meter.read((1, 2), 3);
}
