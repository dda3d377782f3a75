use palisade::Validate;

#[derive(Validate)]
struct Hook {
    #[validate(url)]
    target: String,
}

fn main() {
    let _ = Hook { target: String::new() }.validate();
}
