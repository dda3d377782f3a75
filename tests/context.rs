//! Validation context: `#[validate(context = Ctx)]`, `custom` functions that take
//! `(&T, &Ctx)`, `validate_with`, `into_valid_with`, and nested values checked with
//! their container's context.

use palisade::{Validate, ValidateWith, ValidationError};

/// What the checks need besides the value: here a tenant's limits and the names
/// already taken, as a repository would give them.
struct Tenant {
    max_items: usize,
    taken: Vec<&'static str>,
}

fn within_plan(items: &[Item], tenant: &Tenant) -> Result<(), ValidationError> {
    if items.len() <= tenant.max_items {
        Ok(())
    } else {
        Err(
            ValidationError::new("plan", "has more items than the plan allows")
                .with_param("max", tenant.max_items),
        )
    }
}

fn not_taken(name: &str, tenant: &Tenant) -> Result<(), ValidationError> {
    if tenant.taken.contains(&name) {
        Err(ValidationError::new("taken", "is already taken"))
    } else {
        Ok(())
    }
}

#[derive(Debug, Validate)]
#[validate(context = Tenant)]
struct Item {
    #[validate(chars(1..=16), custom = not_taken)]
    name: String,
}

/// A type without a context, nested in one with a context: checked as usual.
#[derive(Debug, Validate)]
struct Price {
    #[validate(range(1..=1_000_000))]
    cents: u64,
}

#[derive(Debug, Validate)]
#[validate(context = Tenant)]
#[invariant(!self.items.is_empty() || self.price.cents == 0, message = "an empty order costs nothing")]
struct Order {
    #[validate(custom = within_plan, each(nested))]
    items: Vec<Item>,
    #[validate(nested)]
    price: Price,
    #[validate(nested)]
    gift: Option<Item>,
}

/// A context whose rules use none of it: the context is still required.
#[derive(Debug, Validate)]
#[validate(context = Tenant)]
struct Plain {
    #[validate(range(1..=9))]
    level: u8,
}

fn tenant() -> Tenant {
    Tenant {
        max_items: 2,
        taken: vec!["admin"],
    }
}

fn item(name: &str) -> Item {
    Item { name: name.into() }
}

#[test]
fn custom_functions_get_the_context() {
    let tenant = tenant();
    assert!(item("alice").validate_with(&tenant).is_ok());
    let errors = item("admin").validate_with(&tenant).unwrap_err();
    assert_eq!(errors.to_string(), "name: is already taken");
    let lenient = Tenant {
        max_items: 2,
        taken: vec![],
    };
    assert!(item("admin").validate_with(&lenient).is_ok());
}

#[test]
fn nested_values_are_checked_with_the_same_context_and_their_paths() {
    let tenant = tenant();
    let order = Order {
        items: vec![item("a"), item("admin"), item("")],
        price: Price { cents: 0 },
        gift: Some(item("admin")),
    };
    let errors = order.validate_with(&tenant).unwrap_err();
    let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        [
            "items: has more items than the plan allows",
            "items[1].name: is already taken",
            "items[2].name: must be between 1 and 16 characters long",
            "price.cents: must be between 1 and 1000000",
            "gift.name: is already taken",
        ]
    );
    assert_eq!(
        errors.iter().next().unwrap().params.get("max"),
        Some(&palisade::ParamValue::UInt(2))
    );
}

#[test]
fn into_valid_with_gives_the_proof_or_the_value_back() {
    let tenant = tenant();
    let order = Order {
        items: vec![item("a")],
        price: Price { cents: 500 },
        gift: None,
    };
    let valid = order.into_valid_with(&tenant).unwrap();
    assert_eq!(valid.items[0].name, "a");

    let order = Order {
        items: vec![],
        price: Price { cents: 500 },
        gift: None,
    };
    let invalid = order.into_valid_with(&tenant).unwrap_err();
    assert_eq!(invalid.errors().to_string(), "an empty order costs nothing");
    assert_eq!(invalid.into_inner().price.cents, 500);
}

#[test]
fn a_context_the_rules_do_not_use_is_still_the_way_in() {
    assert!(Plain { level: 3 }.validate_with(&tenant()).is_ok());
    assert_eq!(
        Plain { level: 0 }
            .validate_with(&tenant())
            .unwrap_err()
            .to_string(),
        "level: must be between 1 and 9"
    );
}

/// Types without a context take any context, which they ignore.
#[test]
fn a_type_without_context_validates_with_any() {
    let price = Price { cents: 0 };
    assert_eq!(
        price.validate_with(&tenant()).unwrap_err(),
        price.validate().unwrap_err()
    );
    assert!(Price { cents: 5 }.validate_with(&()).is_ok());
}

/// A `#[validated]` type whose rules need the context: built and changed only with
/// it.
#[palisade::validated]
#[validate(context = Tenant)]
#[derive(Debug)]
pub struct Username {
    #[validate(chars(1..=16), custom = not_taken)]
    name: String,
    #[validate(range(1..=3))]
    level: u8,
}

/// A newtype with a context: `get`, `into_inner`, `AsRef`, and no `TryFrom`.
#[palisade::validated]
#[validate(context = Tenant)]
#[derive(Debug)]
pub struct Handle(#[validate(custom = not_taken)] String);

// Every way in takes the context: no `Validate` (so no `nested` in a type without the
// context, no `Checked<T>`), no `TryFrom`.
static_assertions::assert_not_impl_any!(Username: Validate);
static_assertions::assert_not_impl_any!(Handle: Validate, TryFrom<String>);
static_assertions::assert_impl_all!(Username: ValidateWith<Tenant>);

#[test]
fn a_validated_type_with_a_context_is_built_and_changed_with_it() {
    let tenant = tenant();
    let mut user = Username::try_new_with(&tenant, "alice".into(), 1).unwrap();
    assert_eq!((user.name().as_str(), *user.level()), ("alice", 1));
    let errors = Username::try_new_with(&tenant, "admin".into(), 9).unwrap_err();
    assert_eq!(
        errors.to_string(),
        "name: is already taken\nlevel: must be between 1 and 3"
    );

    let refused = user.set_name_with(&tenant, "admin".into()).unwrap_err();
    assert_eq!(refused.to_string(), "name: is already taken");
    assert_eq!(
        user.name(),
        "alice",
        "a refused change leaves the value as it was"
    );
    user.set_level_with(&tenant, 3).unwrap();
    assert_eq!(*user.level(), 3);
    assert!(user.validate_with(&tenant).is_ok());

    let handle = Handle::try_new_with(&tenant, "bob".into()).unwrap();
    assert_eq!(handle.get(), "bob");
    assert_eq!(AsRef::<String>::as_ref(&handle), "bob");
    assert!(Handle::try_new_with(&tenant, "admin".into()).is_err());
}

/// A `#[validated]` type with a context nests in a type with the same context.
#[derive(Debug, Validate)]
#[validate(context = Tenant)]
struct Team {
    #[validate(each(nested))]
    members: Vec<Username>,
}

#[test]
fn a_validated_type_with_a_context_nests_with_it() {
    let tenant = tenant();
    let team = Team {
        members: vec![Username::try_new_with(&tenant, "alice".into(), 1).unwrap()],
    };
    assert!(team.validate_with(&tenant).is_ok());
    // Checked again with a stricter context, the value that passed may not.
    let stricter = Tenant {
        max_items: 2,
        taken: vec!["alice"],
    };
    assert_eq!(
        team.validate_with(&stricter).unwrap_err().to_string(),
        "members[0].name: is already taken"
    );
}
