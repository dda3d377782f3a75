use palisade::Validate;

#[derive(Validate)]
struct Sku {
    #[validate(pattern = "[A-Z]{3}-[0-9]{4}")]
    code: String,
}

fn main() {
    let _ = Sku { code: String::new() }.validate();
}
