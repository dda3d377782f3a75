//! Every visibility a struct can have keeps its meaning through the hidden module.
mod outer {
    pub mod inner {
        use palisade::validated;

        #[validated]
        pub(in super) struct Up(#[validate(range(1..))] u8);

        #[validated]
        pub(super) struct AlsoUp(#[validate(range(1..))] u8);

        #[validated]
        pub(in crate::outer) struct ByPath(#[validate(range(1..))] u8);

        #[validated]
        pub(self) struct Here(#[validate(range(1..))] u8);

        #[validated]
        pub(crate) struct Crate(#[validate(range(1..))] u8);

        pub fn here() -> bool {
            Here::try_new(1).is_ok()
        }
    }

    pub fn make() -> bool {
        inner::Up::try_new(1).is_ok()
            && inner::AlsoUp::try_new(1).is_ok()
            && inner::ByPath::try_new(1).is_ok()
            && inner::here()
    }
}

fn main() {
    assert!(outer::make());
    assert!(outer::inner::Crate::try_new(0).is_err());
}
