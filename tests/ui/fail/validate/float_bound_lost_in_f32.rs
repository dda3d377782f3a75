use palisade::Validate;

#[derive(Validate)]
pub struct Reading {
    #[validate(range(1e-50..))]
    above_zero: f32,
    #[validate(range(..=1e39))]
    below_huge: f32,
    #[validate(range(1e-400..))]
    tiny: f64,
    #[validate(range(0.1..=0.9))]
    fine: f32,
}

fn main() {}
