const _: () = {
    #[automatically_derived]
    impl ::palisade::__private::Validate for Shape {
        fn validate_into(
            &self,
            __palisade_at: &::palisade::__private::PathNode<'_>,
            __palisade_errors: &mut ::palisade::__private::ValidationErrors,
        ) {
            match self {
                Self::Circle { radius: __palisade_field_radius, .. } => {
                    let __palisade_value = __palisade_field_radius;
                    let __palisade_at_0 = __palisade_at.field("radius");
                    ::palisade::__private::rules::report(
                        __palisade_errors,
                        &__palisade_at_0,
                        ::palisade::__private::rules::range(
                            __palisade_value,
                            ::palisade::__private::Bound::Included(0.0),
                            ::palisade::__private::Bound::Unbounded,
                        ),
                        ::palisade::__private::rules::Overrides::NONE,
                    );
                    ::palisade::__private::rules::report(
                        __palisade_errors,
                        &__palisade_at_0,
                        ::palisade::__private::rules::finite(__palisade_value),
                        ::palisade::__private::rules::Overrides::NONE,
                    );
                }
                Self::Rect(__palisade_field_0, _) => {
                    let __palisade_value = __palisade_field_0;
                    let __palisade_at_0 = __palisade_at.field("0");
                    ::palisade::__private::rules::report(
                        __palisade_errors,
                        &__palisade_at_0,
                        ::palisade::__private::rules::range(
                            __palisade_value,
                            ::palisade::__private::Bound::Included(1),
                            ::palisade::__private::Bound::Unbounded,
                        ),
                        ::palisade::__private::rules::Overrides::NONE,
                    );
                }
                Self::Empty => {}
            }
        }
    }
};
