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
    #[automatically_derived]
    impl ::palisade::__private::Validate for Port {
        fn validate_into(
            &self,
            _: &::palisade::__private::PathNode<'_>,
            _: &mut ::palisade::__private::ValidationErrors,
        ) {}
    }
};
