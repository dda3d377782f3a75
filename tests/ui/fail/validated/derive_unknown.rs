use palisade::validated;

#[validated]
#[derive(Clone, Sparkle)]
pub struct Name(#[validate(chars(1..=20))] String);

fn main() {
    let _ = Name::try_new("a".into());
}
