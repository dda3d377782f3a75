//! A literal builder default that keeps the field's rules compiles, and `build()`
//! still goes through `try_new`.
use palisade::{validated, Builder};

#[validated]
#[derive(Debug, Builder)]
pub struct Window {
    #[validate(range(1..=60))]
    #[builder(default = 30)]
    size: u32,
    #[validate(range(-10..=10))]
    #[builder(default = -5)]
    offset: i8,
}

fn main() {
    let window = Window::builder().build().unwrap();
    assert_eq!((*window.size(), *window.offset()), (30, -5));
    assert!(Window::builder().size(61).build().is_err());
}
