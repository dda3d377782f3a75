use palisade::{validated, Builder};

#[validated]
#[derive(Debug, Builder)]
pub struct Window {
    #[validate(range(1..=60))]
    #[builder(default = 0)]
    size: u32,
    #[validate(chars(1..=8))]
    #[builder(default = "")]
    name: &'static str,
}

fn main() {
    let _ = Window::builder().build();
}
