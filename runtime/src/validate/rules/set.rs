//! `one_of`, `none_of`, `multiple_of` and `credit_card`.

use super::{plain, Integer, Outcome, Text};

/// `one_of = [..]`: the value equals one of `set`. `listed` is the set as written
/// (`"eur", "usd"`), for the message and the `one_of` parameter.
///
/// # Errors
/// A [`Failure::Listed`](super::Failure::Listed) otherwise.
#[inline]
pub fn one_of<T: PartialEq<U> + ?Sized, U>(value: &T, set: &[U], listed: &'static str) -> Outcome {
    super::listed(
        set.iter().any(|item| value == item),
        "one_of",
        "must be one of",
        listed,
    )
}

/// `none_of = [..]`: the value equals none of `set`.
///
/// # Errors
/// A [`Failure::Listed`](super::Failure::Listed) otherwise.
#[inline]
pub fn none_of<T: PartialEq<U> + ?Sized, U>(value: &T, set: &[U], listed: &'static str) -> Outcome {
    super::listed(
        !set.iter().any(|item| value == item),
        "none_of",
        "must not be one of",
        listed,
    )
}

/// `multiple_of = N`: the integer divides by `of` with no remainder (`of` is never 0:
/// the macro refuses it). `written` is `of` as written, for the message.
///
/// # Errors
/// A [`Failure::Listed`](super::Failure::Listed) otherwise.
#[inline]
pub fn multiple_of<T: Integer>(value: &T, of: T, written: &'static str) -> Outcome {
    super::listed(
        value.is_multiple(of),
        "multiple_of",
        "must be a multiple of",
        written,
    )
}

/// `credit_card`: a payment card number as people type it: 12 to 19 digits, with
/// single spaces or dashes between groups allowed, whose Luhn check digit is right.
/// This catches typing mistakes; it says nothing of whether the card exists.
///
/// # Errors
/// A [`Failure::Plain`](super::Failure::Plain) otherwise.
#[inline]
pub fn credit_card<T: Text + ?Sized>(value: &T) -> Outcome {
    plain(
        luhn_card(value.text()),
        "credit_card",
        "must be a valid card number",
    )
}

fn luhn_card(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut digits = 0_usize;
    let mut sum = 0_u32;
    let mut previous_separator = true;
    // Walk from the check digit leftwards, doubling every second digit.
    for (index, &byte) in bytes.iter().enumerate().rev() {
        match byte {
            b'0'..=b'9' => {
                let mut digit = u32::from(byte - b'0');
                if digits % 2 == 1 {
                    digit *= 2;
                    if digit > 9 {
                        digit -= 9;
                    }
                }
                sum += digit;
                digits += 1;
                previous_separator = false;
            }
            // A separator sits between two digits, never at either end or twice.
            b' ' | b'-' if !previous_separator && index != 0 => previous_separator = true,
            _ => return false,
        }
    }
    !previous_separator && (12..=19).contains(&digits) && sum.is_multiple_of(10)
}

#[cfg(test)]
mod tests {
    use super::luhn_card;

    #[test]
    fn card_numbers() {
        for valid in [
            "4111111111111111",
            "4111 1111 1111 1111",
            "4111-1111-1111-1111",
            "378282246310005",
            "6011111111111117",
            "4222222222222",
        ] {
            assert!(luhn_card(valid), "{valid}");
        }
        for invalid in [
            "4111111111111112",
            "4111  1111 1111 1111",
            " 4111111111111111",
            "4111111111111111-",
            "41111111111",
            "41111111111111111111",
            "4111a11111111111",
            "",
            "0000 0000 000",
        ] {
            assert!(!luhn_card(invalid), "{invalid:?}");
        }
    }
}
