//! Generics, lifetimes, where-clauses, const generics and defaults carry over.
use std::fmt::Debug;

use palisade::{validated, Builder};

/// A window of readings.
#[derive(Debug, Builder)]
pub struct Window<'a, T: Clone + Debug, U = u8, const N: usize = 4>
where
    U: Copy,
{
    /// The readings.
    readings: [T; N],
    label: &'a str,
    unit: U,
    #[builder(default = "none")]
    note: &'static str,
    #[builder(into)]
    title: Option<String>,
    #[builder(default, into)]
    owner: String,
}

#[validated]
#[derive(Debug, Builder)]
pub struct Port {
    #[validate(range(1..=65535))]
    port: u32,
}

#[derive(Builder)]
struct Empty {}

fn main() {
    let window: Window<'_, i32, u16, 2> = Window::builder()
        .readings([1, 2])
        .label("t")
        .unit(3u16)
        .title("x")
        .owner("me")
        .build();
    let _ = (window.readings, window.label, window.unit, window.note, window.title, window.owner);
    let _ = Window::<'_, u8>::builder().readings([0; 4]).label("").unit(0).maybe_title(None::<String>).build();
    let _: Result<Port, palisade::ValidationErrors> = Port::builder().port(80).build();
    let _ = Empty::builder().build();
}
