use palisade::Validate;

// validator's `min`/`max`/`equal` spelling: every mistake is one error that says
// what to write, and the checks of the range spelling apply to it.
#[derive(Validate)]
struct Signup {
    #[validate(range(minimum = 1))]
    a: u8,
    #[validate(range(min = 1, 5..9))]
    b: u8,
    #[validate(length(equal = 3, min = 1))]
    c: String,
    #[validate(range(exclusive_min = 0))]
    d: u8,
    #[validate(range(max = 300))]
    e: u8,
    #[validate(length(min = 5, max = 2))]
    f: String,
}

fn main() {}
