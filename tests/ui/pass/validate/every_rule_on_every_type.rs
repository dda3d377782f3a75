//! Every rule on each field type it supports.
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};

use palisade::{Validate, ValidationError};

fn check_str(_: &str) -> Result<(), ValidationError> {
    Ok(())
}

fn check_any<T>(_: &T) -> Result<(), ValidationError> {
    Ok(())
}

#[derive(Validate)]
struct Sets {
    #[validate(multiple_of = 5, one_of = [5, 10], none_of = [0])]
    a: u8,
    #[validate(multiple_of = -3, one_of = [-3, 3])]
    b: i64,
    #[validate(multiple_of = 2)]
    c: u128,
    #[validate(multiple_of = 4, none_of = [1])]
    d: Option<usize>,
    #[validate(each(multiple_of = 2))]
    e: Vec<i16>,
}

#[derive(Validate)]
struct Numbers {
    #[validate(range(1..=10))]
    a: u8,
    #[validate(range(1..10))]
    b: u16,
    #[validate(range(1..))]
    c: u32,
    #[validate(range(..=10))]
    d: u64,
    #[validate(range(..10))]
    e: u128,
    #[validate(range(1..=10))]
    f: usize,
    #[validate(range(-10..=10))]
    g: i8,
    #[validate(range(-10..10))]
    h: i16,
    #[validate(range(-10..))]
    i: i32,
    #[validate(range(..=-1))]
    j: i64,
    #[validate(range(-170141183460469231731687303715884105728..=170141183460469231731687303715884105727))]
    k: i128,
    #[validate(range(-5..=5))]
    l: isize,
    #[validate(range(0.0..=1.0), finite)]
    m: f32,
    #[validate(range(0..=1), finite)]
    n: f64,
    #[validate(range(-1.5..), custom = check_any)]
    o: f64,
    #[validate(range(0..=18446744073709551615))]
    p: u64,
    #[validate(range(1..=10))]
    q: Option<u8>,
    #[validate(required, range(1..=10))]
    r: Option<i64>,
}

#[derive(Validate)]
struct Strings<'a> {
    #[validate(length(1..=10), chars(1..=5), non_empty)]
    a: String,
    #[validate(length(1..), chars(..=5), non_empty)]
    b: &'static str,
    #[validate(length(..10), chars(1..))]
    c: &'a str,
    #[validate(length(1..=10), chars(1..=10))]
    d: Cow<'a, str>,
    #[validate(length(1..=10), chars(1..=10))]
    e: Box<str>,
    #[validate(pattern = r"^\d{3}-\d{4}$", email, url, ascii, alphanumeric)]
    f: String,
    #[validate(prefix = "a", suffix = "z", contains = "m", custom = check_str)]
    g: String,
    #[validate(email)]
    h: Option<String>,
    #[validate(required, url)]
    i: Option<String>,
    #[validate(ip, ipv4)]
    ipv4_text: &'static str,
    #[validate(ipv6)]
    ipv6_text: Box<str>,
    #[validate(credit_card, one_of = ["4111111111111111"], none_of = ["0"])]
    card_str: &'static str,
    #[validate(one_of = ["a", "b"], none_of = ["c"])]
    set_box: Box<str>,
    #[validate(one_of = ["a"], credit_card)]
    set_cow: Cow<'static, str>,
    #[validate(one_of = ["a"])]
    set_option: Option<String>,
    #[validate(each(one_of = ["a"]))]
    set_each: Vec<String>,
    #[validate(each(length(1..=3), email))]
    j: Vec<String>,
}

#[derive(Validate)]
struct Collections {
    #[validate(length(1..=10), non_empty)]
    a: Vec<u8>,
    #[validate(length(1..=10))]
    b: [u8; 4],
    #[validate(length(1..=10))]
    c: &'static [u8],
    #[validate(length(1..=10))]
    d: VecDeque<u8>,
    #[validate(length(1..=10))]
    e: HashMap<String, u8>,
    #[validate(length(1..=10))]
    f: BTreeMap<String, u8>,
    #[validate(length(1..=10))]
    g: HashSet<u8>,
    #[validate(length(1..=10))]
    h: BTreeSet<u8>,
    #[validate(length(1..=10))]
    i: Box<[u8]>,
    #[validate(each(range(1..=5)))]
    j: Vec<u8>,
    #[validate(each(range(1..=5)))]
    k: [u16; 3],
    #[validate(each(each(range(1..=5))))]
    l: Vec<Vec<u8>>,
    #[validate(each(required, range(1..)))]
    m: Vec<Option<u8>>,
    #[validate(each(nested))]
    n: Vec<Numbers>,
    #[validate(length(..=3), each(chars(1..=3)))]
    o: Option<Vec<String>>,
    #[validate(each(range(1..=5)))]
    p: BTreeSet<u8>,
}

#[derive(Validate)]
struct Nesting {
    #[validate(nested)]
    a: Numbers,
    #[validate(nested)]
    b: Option<Collections>,
    #[validate(nested)]
    c: Box<Numbers>,
    #[validate(each(nested))]
    d: Vec<Numbers>,
}

#[derive(Validate)]
struct Tuple(#[validate(range(1..))] u8, #[validate(email)] String, u8);

#[derive(Validate)]
struct Unit;

#[derive(Validate)]
enum Event {
    Login {
        #[validate(email)]
        email: String,
    },
    Score(#[validate(range(0..=100))] u8),
    Pair(#[validate(range(0..))] i32, #[validate(range(0..))] i32),
    Logout,
}

#[derive(Validate)]
enum Never {}

fn main() {
    let _ = (
        Unit.validate(),
        Event::Logout.validate(),
        Tuple(1, String::new(), 0).validate(),
    );
    let _ = |never: &Never| never.validate();
}
