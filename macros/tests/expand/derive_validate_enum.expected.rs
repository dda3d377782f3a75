const _: () = {
    use ::palisade::__private as __palisade;
    #[automatically_derived]
    impl __palisade::Validate for Shape {
        fn validate_into(
            &self,
            __palisade_at: &__palisade::PathNode<'_>,
            __palisade_errors: &mut __palisade::ValidationErrors,
        ) {
            match self {
                Self::Circle { radius: __palisade_field_radius, .. } => {
                    let __palisade_value = __palisade_field_radius;
                    let __palisade_at_0 = __palisade_at.field("radius");
                    __palisade::rules::report(
                        __palisade_errors,
                        &__palisade_at_0,
                        __palisade::rules::range(
                            __palisade_value,
                            __palisade::Bound::Included(0.0),
                            __palisade::Bound::Unbounded,
                        ),
                        __palisade::rules::Overrides::NONE,
                    );
                    __palisade::rules::report(
                        __palisade_errors,
                        &__palisade_at_0,
                        __palisade::rules::finite(__palisade_value),
                        __palisade::rules::Overrides::NONE,
                    );
                }
                Self::Rect(__palisade_field_0, _) => {
                    let __palisade_value = __palisade_field_0;
                    let __palisade_at_0 = __palisade_at.field("0");
                    __palisade::rules::report(
                        __palisade_errors,
                        &__palisade_at_0,
                        __palisade::rules::range(
                            __palisade_value,
                            __palisade::Bound::Included(1),
                            __palisade::Bound::Unbounded,
                        ),
                        __palisade::rules::Overrides::NONE,
                    );
                }
                Self::Empty => {}
            }
        }
    }
};
