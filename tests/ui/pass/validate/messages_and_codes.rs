use palisade::Validate;

const MAX: u32 = 100;

#[derive(Validate)]
#[invariant(self.low <= self.high, message = "low above high", code = "order")]
#[invariant(self.high - self.low < MAX)]
struct Window {
    #[validate(range(1..=MAX), message = "low out of range", code = "low")]
    #[validate(range(..=50))]
    low: u32,
    #[validate(range(1..=MAX), code = "high")]
    high: u32,
    #[validate(each(range(1..=5)), message = "bad level")]
    levels: Vec<u8>,
}

fn main() {
    let _ = Window { low: 1, high: 2, levels: vec![] }.validate();
}
