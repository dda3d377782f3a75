use palisade::Validate;

#[derive(Validate)]
#[validate(context)]
struct Invite {
    #[validate(email)]
    email: String,
}

fn main() {}
