use palisade::Validate;

#[derive(Validate)]
struct Handle {
    // validator's spelling takes `pattern = ".."` inside the parentheses.
    #[validate(contains(text = "@"))]
    handle: String,
}

fn main() {}
