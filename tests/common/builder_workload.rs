//! The builder benchmark's struct: 8 fields of plain data (6 required, 1 optional,
//! 1 defaulted), so the measurement is the builder, not allocation.

use palisade::Builder;

#[derive(Debug, Clone, Copy, PartialEq, Builder)]
pub struct Order {
    pub id: u64,
    pub customer: u32,
    pub quantity: u16,
    pub price: f64,
    pub express: bool,
    pub coupon: Option<u32>,
    pub lines: [u64; 8],
    #[builder(default)]
    pub note: u8,
}

/// The values every variant builds from.
#[derive(Debug, Clone, Copy)]
pub struct Inputs {
    pub id: u64,
    pub customer: u32,
    pub quantity: u16,
    pub price: f64,
    pub express: bool,
    pub coupon: u32,
    pub lines: [u64; 8],
}

impl Inputs {
    /// Arbitrary values.
    #[must_use]
    pub fn sample() -> Self {
        Inputs {
            id: 42,
            customer: 7,
            quantity: 3,
            price: 19.99,
            express: true,
            coupon: 5,
            lines: [1, 2, 3, 4, 5, 6, 7, 8],
        }
    }
}

/// The order as a struct literal: what the builder must cost no more than.
#[must_use]
pub fn literal(i: &Inputs) -> Order {
    Order {
        id: i.id,
        customer: i.customer,
        quantity: i.quantity,
        price: i.price,
        express: i.express,
        coupon: Some(i.coupon),
        lines: i.lines,
        note: 0,
    }
}

/// The same order through palisade's builder.
#[must_use]
pub fn built(i: &Inputs) -> Order {
    Order::builder()
        .id(i.id)
        .customer(i.customer)
        .quantity(i.quantity)
        .price(i.price)
        .express(i.express)
        .coupon(i.coupon)
        .lines(i.lines)
        .build()
}
