//! The bounds of `range`, `length` and `chars`: literal arithmetic at expansion time,
//! so an empty, reversed or out-of-type range, or a float bound the type cannot hold,
//! is a compile error on the bound.

use super::model::Bounds;
use super::table::RuleKind;
use crate::util::attr::{error, Errors};
use crate::util::shape::{IntType, Shape};

/// Lengths are counted in `usize`.
pub const USIZE: Shape = Shape::Int(IntType {
    name: "usize",
    min: 0,
    max: u64::MAX as u128,
});

/// A literal bound's value.
#[derive(Clone, Copy)]
enum Number {
    Int(Integer),
    Float(f64),
}

/// An integer literal of any sign and size, ordered by value.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Integer {
    /// `false` sorts first: negative values, ordered by `u128::MAX - magnitude`.
    non_negative: bool,
    /// For negative values `u128::MAX - |value|`, else `value`, so that the derived
    /// order is the numeric order.
    key: u128,
}

impl Integer {
    fn new(negative: bool, magnitude: u128) -> Self {
        if negative && magnitude != 0 {
            Integer {
                non_negative: false,
                key: u128::MAX - magnitude,
            }
        } else {
            Integer {
                non_negative: true,
                key: magnitude,
            }
        }
    }

    fn magnitude(self) -> u128 {
        if self.non_negative {
            self.key
        } else {
            u128::MAX - self.key
        }
    }
}

impl Number {
    #[allow(clippy::cast_precision_loss)] // only used to order a float against an integer
    fn as_f64(self) -> f64 {
        match self {
            Number::Int(int) if int.non_negative => int.key as f64,
            Number::Int(int) => -(int.magnitude() as f64),
            Number::Float(float) => float,
        }
    }

    fn cmp(self, other: Number) -> Option<std::cmp::Ordering> {
        match (self, other) {
            (Number::Int(low), Number::Int(high)) => Some(low.cmp(&high)),
            (low, high) => low.as_f64().partial_cmp(&high.as_f64()),
        }
    }
}

/// The value of a literal bound (`5`, `-5`, `1.5`), or `None` for any other expression.
fn literal(expr: &syn::Expr) -> Option<Result<Number, syn::Error>> {
    match expr {
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Int(int),
            ..
        }) => Some(
            int.base10_parse::<u128>()
                .map(|magnitude| Number::Int(Integer::new(false, magnitude))),
        ),
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Float(float),
            ..
        }) => Some(float.base10_parse::<f64>().map(|value| {
            // A literal too small even for `f64` parses as 0: keep it apart from a
            // written zero, as the smallest `f64` above zero.
            let mantissa = float.base10_digits().split(['e', 'E']).next().unwrap_or("");
            let written_zero = !mantissa.chars().any(|digit| ('1'..='9').contains(&digit));
            if value == 0.0 && !written_zero {
                Number::Float(f64::from_bits(1))
            } else {
                Number::Float(value)
            }
        })),
        syn::Expr::Unary(syn::ExprUnary {
            op: syn::UnOp::Neg(_),
            expr,
            ..
        }) => literal(expr).map(|inner| {
            inner.map(|number| match number {
                Number::Int(int) => Number::Int(Integer::new(int.non_negative, int.magnitude())),
                Number::Float(float) => Number::Float(-float),
            })
        }),
        syn::Expr::Lit(syn::ExprLit { lit, .. }) => Some(Err(syn::Error::new_spanned(
            lit,
            format!(
                "`{}` is not a number: range bounds are integers or floats, such as `1..=10`",
                crate::util::source_text(lit)
            ),
        ))),
        syn::Expr::Group(group) => literal(&group.expr),
        syn::Expr::Paren(paren) => literal(&paren.expr),
        _ => None,
    }
}

/// Checks the bounds of `rule(A..B)` against the value's shape.
pub fn check_bounds(
    field: &str,
    kind: RuleKind,
    range: &syn::ExprRange,
    shape: &Shape,
    errors: &mut Errors,
) -> Option<Bounds> {
    let rule = kind.keyword();
    let inclusive = matches!(range.limits, syn::RangeLimits::Closed(_));
    let start = range.start.as_deref();
    let end = range.end.as_deref();
    if start.is_none() && end.is_none() {
        errors.push(
            error(format!(
                "`{rule}(..)` has no bounds and accepts everything: give a lower bound, an upper \
                 bound or both, such as `{rule}(1..=10)`"
            ))
            .at(range),
        );
        return None;
    }
    let mut ok = true;
    let mut values = [None, None];
    for (slot, bound) in values.iter_mut().zip([start, end]) {
        let Some(bound) = bound else { continue };
        match literal(bound) {
            None => {}
            Some(Err(error)) => {
                errors.push(error);
                ok = false;
            }
            Some(Ok(number)) => match check_literal(field, kind, bound, number, shape) {
                Ok(()) => *slot = Some(number),
                Err(error) => {
                    errors.push(error);
                    ok = false;
                }
            },
        }
    }
    if let [Some(low), Some(high)] = values {
        let texts = || {
            (
                crate::util::source_text(&start),
                crate::util::source_text(&end),
            )
        };
        let order = low.cmp(high);
        if order == Some(std::cmp::Ordering::Greater) {
            let (low_text, high_text) = texts();
            let fixed = if inclusive {
                format!("{high_text}..={low_text}")
            } else {
                format!("{high_text}..{low_text}")
            };
            errors.push(
                error(format!(
                    "this range is reversed: `{low_text}` is greater than `{high_text}`, so no \
                     value passes; write `{rule}({fixed})`"
                ))
                .at(range),
            );
            ok = false;
        } else if order == Some(std::cmp::Ordering::Equal) && !inclusive {
            let (low_text, high_text) = texts();
            errors.push(
                error(format!(
                    "this range is empty: `{low_text}..{high_text}` excludes its only value; \
                     write `{rule}({low_text}..={high_text})`"
                ))
                .at(range),
            );
            ok = false;
        }
    }
    if let ([_, Some(Number::Int(high))], Shape::Int(int), false) = (values, shape, inclusive) {
        let at_min = if high.non_negative {
            high.key == 0 && int.min == 0
        } else {
            int.min < 0 && high.magnitude() == int.min.unsigned_abs()
        };
        if at_min && ok {
            errors.push(
                error(format!(
                    "this range is empty: no `{}` is less than `{}`; raise the upper bound",
                    int.name,
                    crate::util::source_text(&end)
                ))
                .at(range),
            );
            ok = false;
        }
    }
    if !ok {
        return None;
    }
    let typed = |bound: Option<&syn::Expr>| bound.map(|bound| typed_bound(bound, shape));
    let (start_is_trivial, end_is_trivial) = match (shape, values) {
        (Shape::Int(int), [low, high]) => (
            matches!(low, Some(Number::Int(low)) if low == Integer::new(int.min < 0,
                int.min.unsigned_abs())),
            inclusive
                && matches!(high, Some(Number::Int(high)) if high == Integer::new(false, int.max)),
        ),
        _ => (false, false),
    };
    Some(Bounds {
        start: typed(start),
        end: typed(end),
        inclusive,
        start_is_trivial,
        end_is_trivial,
    })
}

fn check_literal(
    field: &str,
    kind: RuleKind,
    bound: &syn::Expr,
    number: Number,
    shape: &Shape,
) -> Result<(), syn::Error> {
    let rule = kind.keyword();
    // Rendered only for a message: reading tokens back into text is not free.
    let text = || crate::util::source_text(&bound);
    match (shape, number) {
        (Shape::Int(int), Number::Float(_)) => Err(error(format!(
            "`{}` is not an integer, but `{field}` is `{}`: write an integer bound",
            text(),
            int.name
        ))
        .at(bound)),
        (Shape::Int(int), Number::Int(value)) => {
            let fits = if value.non_negative {
                value.magnitude() <= int.max
            } else {
                int.min < 0 && value.magnitude() <= int.min.unsigned_abs()
            };
            if fits {
                Ok(())
            } else if kind == RuleKind::Range {
                Err(error(format!(
                    "`{}` does not fit in `{}`, the type of `{field}` ({}..={}): use a bound \
                     within that range",
                    text(),
                    int.name,
                    int.min,
                    int.max
                ))
                .at(bound))
            } else {
                Err(error(format!(
                    "`{rule}` counts from 0, so `{}` is not a valid bound: use a non-negative \
                     integer",
                    text()
                ))
                .at(bound))
            }
        }
        (Shape::Float { bits }, Number::Float(value)) => {
            float_rounding(*bits, value).map_or(Ok(()), |(problem, hint)| {
                Err(error(format!(
                    "`{}` {problem} as `f{bits}`, the type of `{field}`, so the bound would \
                     not be the one written: {hint}",
                    text()
                ))
                .at(bound))
            })
        }
        _ => Ok(()),
    }
}

/// How a float literal's value is lost in a float of `bits` bits, if it is, and what
/// to write instead: it overflows to infinity, or underflows to zero or to a
/// subnormal, whose few bits of precision move the bound far from the one written.
/// (Rounding within the normal range is the ordinary last-bit rounding of every float
/// literal, and keeps order.)
fn float_rounding(bits: u8, value: f64) -> Option<(&'static str, &'static str)> {
    const SMALL_32: &str =
        "the smallest normal `f32` above zero is `1.1754944e-38` (`f32::MIN_POSITIVE`)";
    const SMALL_64: &str =
        "the smallest normal `f64` above zero is `2.2250738585072014e-308` (`f64::MIN_POSITIVE`)";
    const LARGE_32: &str = "the largest `f32` is `3.4028235e38` (`f32::MAX`)";
    const LARGE_64: &str = "the largest `f64` is `1.7976931348623157e308` (`f64::MAX`)";
    #[allow(clippy::cast_possible_truncation)]
    let (infinite, zero, subnormal, small, large) = if bits == 32 {
        let rounded = value as f32;
        let zero = rounded == 0.0 && value != 0.0;
        (
            rounded.is_infinite(),
            zero,
            rounded.is_subnormal(),
            SMALL_32,
            LARGE_32,
        )
    } else {
        // The literal reader keeps a literal too small for `f64` as its smallest value.
        let zero = value.to_bits() == 1;
        (
            value.is_infinite(),
            zero,
            value.is_subnormal(),
            SMALL_64,
            LARGE_64,
        )
    };
    if infinite {
        Some(("is too large and becomes infinity", large))
    } else if zero {
        Some(("is too small and rounds to 0", small))
    } else if subnormal {
        Some((
            "is too small to be held exactly (a subnormal number)",
            small,
        ))
    } else {
        None
    }
}

/// An integer literal bound on a float field becomes a float literal, so `range(0..=1)`
/// works on an `f64` as it reads.
fn typed_bound(bound: &syn::Expr, shape: &Shape) -> syn::Expr {
    match (shape, bound) {
        (
            Shape::Float { .. },
            syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Int(int),
                attrs,
            }),
        ) if int.suffix().is_empty() => {
            let float = syn::LitFloat::new(&format!("{}.0", int.base10_digits()), int.span());
            syn::Expr::Lit(syn::ExprLit {
                attrs: attrs.clone(),
                lit: syn::Lit::Float(float),
            })
        }
        (Shape::Float { .. }, syn::Expr::Unary(unary)) => {
            let mut unary = unary.clone();
            *unary.expr = typed_bound(&unary.expr, shape);
            syn::Expr::Unary(unary)
        }
        _ => bound.clone(),
    }
}
