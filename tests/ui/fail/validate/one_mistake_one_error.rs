// One mistake in a rule gives one error: the `Validate` impl is still emitted.
use palisade::Validate;

#[derive(Validate)]
pub struct Signup {
    #[validate(lenght(1..=20))]
    name: String,
}

fn main() {
    let signup = Signup { name: String::new() };
    let _ = (signup.validate(), signup.into_valid());
}
