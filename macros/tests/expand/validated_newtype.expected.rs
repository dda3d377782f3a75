#[derive(Debug)]
pub struct Port(u32);
const _: () = {
    #[automatically_derived]
    impl ::palisade::__private::Validate for Port {
        fn validate_into(
            &self,
            __palisade_at: &::palisade::__private::PathNode<'_>,
            __palisade_errors: &mut ::palisade::__private::ValidationErrors,
        ) {
            {
                let __palisade_value = &self.0;
                let __palisade_at_0 = *__palisade_at;
                ::palisade::__private::rules::report(
                    __palisade_errors,
                    &__palisade_at_0,
                    ::palisade::__private::rules::range(
                        __palisade_value,
                        ::palisade::__private::Bound::Included(1),
                        ::palisade::__private::Bound::Included(65535),
                    ),
                    ::palisade::__private::rules::Overrides::NONE,
                );
            }
        }
    }
    #[automatically_derived]
    impl ::palisade::__private::builder::Validated for Port {}
    #[automatically_derived]
    impl Port {
        ///Builds a `Port`, checking every rule and invariant.
        ///
        /// # Errors
        ///
        /// Every rule that fails, each with its path.
        pub fn try_new(
            value: u32,
        ) -> ::palisade::__private::Result<
            Self,
            ::palisade::__private::ValidationErrors,
        > {
            let __palisade_value = Self(value);
            match ::palisade::__private::Validate::validate(&__palisade_value) {
                ::palisade::__private::Ok(()) => {
                    ::palisade::__private::Ok(__palisade_value)
                }
                ::palisade::__private::Err(__palisade_errors) => {
                    ::palisade::__private::Err(__palisade_errors)
                }
            }
        }
        ///Returns `0`.
        #[must_use]
        pub fn get(&self) -> &u32 {
            &self.0
        }
        /// Returns the wrapped value, giving up the guarantee.
        #[must_use]
        pub fn into_inner(self) -> u32 {
            self.0
        }
        ///Replaces `0`, checking every rule and invariant again; on failure `self` is left unchanged.
        ///
        /// # Errors
        ///
        /// Every rule that fails with the new value.
        pub fn set(
            &mut self,
            value: u32,
        ) -> ::palisade::__private::Result<(), ::palisade::__private::ValidationErrors> {
            let __palisade_previous = ::palisade::__private::replace(&mut self.0, value);
            match ::palisade::__private::Validate::validate(self) {
                ::palisade::__private::Ok(()) => ::palisade::__private::Ok(()),
                ::palisade::__private::Err(__palisade_errors) => {
                    self.0 = __palisade_previous;
                    ::palisade::__private::Err(__palisade_errors)
                }
            }
        }
        ///Builds a `Port` in a const context. `palisade::valid!(Port, ...)` calls it inside `const { }`, so an invalid constant is a compile error.
        ///
        /// # Panics
        ///
        /// When a rule fails, naming the type, the field and the rule; in a `const`
        /// this is a compile error.
        #[must_use]
        pub const fn new_const(value: u32) -> Self {
            if value < 1 {
                ::palisade::__private::panic!(
                    "invalid `Port`: field `0` breaks `range(1..=65535)`"
                )
            }
            if value > 65535 {
                ::palisade::__private::panic!(
                    "invalid `Port`: field `0` breaks `range(1..=65535)`"
                )
            }
            Self(value)
        }
    }
    #[automatically_derived]
    impl ::palisade::__private::AsRef<u32> for Port {
        fn as_ref(&self) -> &u32 {
            &self.0
        }
    }
    #[automatically_derived]
    impl ::palisade::__private::TryFrom<u32> for Port {
        type Error = ::palisade::__private::ValidationErrors;
        fn try_from(value: u32) -> ::palisade::__private::Result<Self, Self::Error> {
            Self::try_new(value)
        }
    }
};
