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
                    __palisade::rules::check::range(
                        __palisade_errors,
                        &__palisade_at_0,
                        __palisade_value,
                        0.0..,
                    );
                    __palisade::rules::check::finite(
                        __palisade_errors,
                        &__palisade_at_0,
                        __palisade_value,
                    );
                }
                Self::Rect(__palisade_field_0, _) => {
                    let __palisade_value = __palisade_field_0;
                    let __palisade_at_0 = __palisade_at.field("0");
                    __palisade::rules::check::range(
                        __palisade_errors,
                        &__palisade_at_0,
                        __palisade_value,
                        1..,
                    );
                }
                Self::Empty => {}
            }
        }
    }
};
