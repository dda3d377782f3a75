use palisade::validated;

struct Tenant;

#[validated]
#[validate(context = Tenant)]
pub struct Invite {
    #[validate(email)]
    email: String,
}

fn main() {}
