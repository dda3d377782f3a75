use palisade::Validate;

#[derive(Validate)]
struct Signup {
    business: bool,
    // `when` needs a rule beside it: `required` for "required if".
    #[validate(when = self.business)]
    vat_id: Option<String>,
}

fn main() {}
