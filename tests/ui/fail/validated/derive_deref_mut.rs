use palisade::validated;

#[validated]
#[derive(Debug, derive_more::DerefMut)]
pub struct Count(#[validate(range(..=10))] u32);

fn main() {
    let _ = Count::try_new(5);
}
