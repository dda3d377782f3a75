use palisade::validated;

#[validated]
struct Contact {
    #[validate(email)]
    email: String,
}

fn main_() {
    let _ = palisade::valid!(Contact, String::new());
}

fn main() {}
