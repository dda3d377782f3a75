//! `#[validated]` types: the only ways in check the rules, and nothing leaves them
//! invalid.

use palisade::{valid, validated, Validate, ValidationErrors};

#[validated]
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Port(#[validate(range(1..=65535))] u32);

#[validated]
#[derive(Debug, Clone, PartialEq)]
#[invariant(self.min <= self.max, message = "min must not exceed max")]
pub struct Window {
    #[validate(range(0..=100))]
    min: u8,
    #[validate(range(0..=100))]
    max: u8,
}

#[validated]
#[derive(Debug)]
pub struct Service {
    #[validate(chars(1..=16))]
    name: String,
    #[validate(nested)]
    port: Port,
    #[validate(nested)]
    window: Window,
}

fn codes(errors: &ValidationErrors) -> Vec<String> {
    errors
        .iter()
        .map(|error| format!("{}:{}", error.path, error.code))
        .collect()
}

#[test]
fn try_new_accepts_valid_values_and_reports_every_failure() {
    let window = Window::try_new(10, 20).unwrap();
    assert_eq!((*window.min(), *window.max()), (10, 20));
    let errors = Window::try_new(101, 102).unwrap_err();
    assert_eq!(codes(&errors), ["min:range", "max:range"]);
    let errors = Window::try_new(30, 20).unwrap_err();
    assert_eq!(codes(&errors), [":invariant"]);
    assert_eq!(errors.to_string(), "min must not exceed max");
}

#[test]
fn setters_recheck_and_leave_the_value_unchanged_on_failure() {
    let mut window = Window::try_new(10, 20).unwrap();
    let errors = window.set_min(30).unwrap_err();
    assert_eq!(codes(&errors), [":invariant"]);
    assert_eq!(window, Window::try_new(10, 20).unwrap());
    assert_eq!(codes(&window.set_max(200).unwrap_err()), ["max:range"]);
    assert_eq!(*window.max(), 20);
    window.set_max(90).unwrap();
    window.set_min(90).unwrap();
    assert_eq!((*window.min(), *window.max()), (90, 90));
}

#[test]
fn newtypes_have_get_set_into_inner_as_ref_and_try_from() {
    let mut port = Port::try_new(8080).unwrap();
    assert_eq!(*port.get(), 8080);
    assert_eq!(*port.as_ref(), 8080);
    assert!(port.set(0).is_err());
    assert_eq!(*port.get(), 8080);
    port.set(443).unwrap();
    assert_eq!(port.into_inner(), 443);
    assert_eq!(Port::try_from(22).unwrap(), Port::try_new(22).unwrap());
    let errors = Port::try_from(70000).unwrap_err();
    // A newtype's errors sit at its own path, not under `.0`.
    assert_eq!(codes(&errors), [":range"]);
    assert!(Port::try_new(65535).is_ok() && Port::try_new(65536).is_err());
}

#[test]
fn validated_types_nest_with_full_paths() {
    let service = Service::try_new(
        "api".into(),
        Port::try_new(80).unwrap(),
        Window::try_new(1, 2).unwrap(),
    )
    .unwrap();
    assert!(service.validate().is_ok());
    assert_eq!(service.name(), "api");
    assert!(Service::try_new(
        String::new(),
        Port::try_new(1).unwrap(),
        Window::try_new(0, 0).unwrap()
    )
    .is_err());
}

const HTTPS: Port = valid!(Port, 443);

#[validated]
#[derive(Debug)]
pub struct Code {
    #[validate(chars(2..=3), non_empty)]
    text: &'static str,
    #[validate(length(..=9))] // "français" is 9 bytes
    label: &'static str,
    #[validate(range(-10..10))]
    offset: i16,
}

const FRENCH: Code = valid!(Code, "fré", "français", -10);

#[test]
fn constants_are_built_by_new_const() {
    assert_eq!(*HTTPS.get(), 443);
    assert_eq!(
        (*FRENCH.text(), *FRENCH.label(), *FRENCH.offset()),
        ("fré", "français", -10)
    );
    assert!(FRENCH.validate().is_ok());
}

#[test]
fn new_const_panics_outside_const_with_the_type_field_and_rule() {
    let panic = std::panic::catch_unwind(|| Code::new_const("toolong", "", 0)).unwrap_err();
    let message = panic.downcast_ref::<&str>().copied().unwrap_or_default();
    assert_eq!(
        message,
        "invalid `Code`: field `text` breaks `chars(2..=3)`"
    );
    let panic = std::panic::catch_unwind(|| Code::new_const("ab", "", 10)).unwrap_err();
    let message = panic.downcast_ref::<&str>().copied().unwrap_or_default();
    assert_eq!(
        message,
        "invalid `Code`: field `offset` breaks `range(-10..10)`"
    );
    let panic = std::panic::catch_unwind(|| Port::new_const(0)).unwrap_err();
    let message = panic.downcast_ref::<&str>().copied().unwrap_or_default();
    assert_eq!(
        message,
        "invalid `Port`: field `0` breaks `range(1..=65535)`"
    );
}

/// A type with a rule checked only at run time has no real `new_const`: the hidden
/// stand-in that makes `valid!` say why never returns a value, even for good input.
#[validated]
#[derive(Debug)]
pub struct Tag {
    #[validate(ascii)]
    tag: &'static str,
}

#[test]
fn the_stand_in_new_const_never_returns_a_value() {
    let panic = std::panic::catch_unwind(|| Tag::new_const("fine")).unwrap_err();
    let message = panic.downcast_ref::<String>().cloned().unwrap_or_default();
    assert_eq!(
        message,
        "`valid!` cannot build a `Tag` at compile time: rule `ascii` on `tag` is checked at \
         run time; build it with `Tag::try_new(..)`"
    );
    assert_eq!(*Tag::try_new("fine").unwrap().tag(), "fine");
}

#[validated]
#[derive(Debug)]
pub struct Pair<T: Validate, U> {
    #[validate(nested)]
    checked: T,
    unchecked: U,
}

#[test]
fn generic_validated_types_bound_their_nested_parameters() {
    let pair = Pair::try_new(Port::try_new(1).unwrap(), "anything").unwrap();
    assert_eq!(*pair.unchecked(), "anything");
    assert_eq!(pair.checked().get(), &1);
}

fn odd(value: &u32) -> Result<(), palisade::ValidationError> {
    assert!(*value != 13, "unlucky");
    if value % 2 == 1 {
        Ok(())
    } else {
        Err(palisade::ValidationError::new("odd", "must be odd"))
    }
}

#[validated]
#[derive(Debug)]
pub struct Odd(#[validate(custom = odd)] u32);

#[test]
fn a_setter_whose_rule_panics_leaves_the_value_unchanged() {
    let mut value = Odd::try_new(3).unwrap();
    let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| value.set(13)));
    assert!(caught.is_err());
    assert_eq!(*value.get(), 3);
    assert!(value.set(4).is_err());
    assert_eq!(*value.get(), 3);
    value.set(5).unwrap();
    assert_eq!(*value.get(), 5);
}
