use palisade::{valid, validated, Validate};

#[validated]
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Port(#[validate(range(1..=65535))] u32);

#[validated]
#[derive(Debug)]
pub(crate) struct Percent(#[validate(range(0..=100), finite)] f64);

#[validated]
#[derive(Debug)]
#[invariant(self.min <= self.max, message = "min above max")]
pub struct Bounds {
    /// The lower bound.
    #[validate(range(0..=100))]
    min: u8,
    #[validate(range(0..=100))]
    max: u8,
}

#[validated]
pub struct Code {
    #[validate(chars(2..=3), non_empty)]
    text: &'static str,
    #[validate(length(..=4))]
    short: &'static str,
    #[validate(range(-5..=5))]
    level: i8,
    note: String,
}

#[validated]
pub struct Wrapper<T> {
    value: T,
}

#[validated]
pub struct Inner<T: Validate>(#[validate(nested)] T);

const HTTP: Port = valid!(Port, 80);
const CODE_FR: Code = valid!(Code, "fr", "ab", -1, String::new());

fn main() {
    let mut port = Port::try_new(8080).unwrap();
    port.set(443).unwrap();
    let _: &u32 = port.as_ref();
    let _: Port = Port::try_from(22).unwrap();
    let _: u32 = port.into_inner();
    let mut bounds = Bounds::try_new(1, 2).unwrap();
    bounds.set_min(2).unwrap();
    let _: (&u8, &u8) = (bounds.min(), bounds.max());
    let _ = (HTTP.get(), CODE_FR.text(), CODE_FR.level(), CODE_FR.note());
    let _ = Percent::try_new(0.5);
    let _ = Wrapper::try_new(String::new()).unwrap().value();
    let _ = Inner::try_new(HTTP).unwrap().get();
}
