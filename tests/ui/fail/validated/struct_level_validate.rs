use palisade::validated;

#[validated]
#[validate(crate = "palisade")]
pub struct Invite {
    #[validate(email)]
    email: String,
}

fn main() {}
