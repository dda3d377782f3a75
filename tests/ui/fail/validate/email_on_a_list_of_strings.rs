use palisade::Validate;

#[derive(Validate)]
struct Invite {
    // A rule on a collection checks the collection; `each(email)` checks its elements.
    #[validate(email)]
    emails: Vec<String>,
}

fn main() {}
