::core::compile_error! {
    "unknown option `serd` in `#[validated(...)]`: did you mean `serde`?"
}
::core::compile_error! {
    "fields of a `#[validated]` type must be private: a visible field lets code skip the checks; remove `pub` and read it through the generated `get()`"
}
::core::compile_error! {
    "this range is reversed: `10` is greater than `1`, so no value passes; write `range(1..=10)`"
}
pub struct Port(pub u8);
const _: () = {
    use ::palisade::__private as __palisade;
    #[automatically_derived]
    impl __palisade::Validate for Port {
        fn validate_into(
            &self,
            _: &__palisade::PathNode<'_>,
            _: &mut __palisade::ValidationErrors,
        ) {}
    }
};
