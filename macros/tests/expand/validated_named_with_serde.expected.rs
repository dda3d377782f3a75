pub struct Window {
    /// The lower edge.
    min: u8,
    max: u8,
}
const _: () = {
    #[automatically_derived]
    impl ::palisade::__private::Validate for Window {
        fn validate_into(
            &self,
            __palisade_at: &::palisade::__private::PathNode<'_>,
            __palisade_errors: &mut ::palisade::__private::ValidationErrors,
        ) {
            let __palisade_before = __palisade_errors.len();
            {
                let __palisade_value = &self.min;
                let __palisade_at_0 = __palisade_at.field("min");
                ::palisade::__private::rules::report(
                    __palisade_errors,
                    &__palisade_at_0,
                    ::palisade::__private::rules::range(
                        __palisade_value,
                        ::palisade::__private::Bound::Included(0),
                        ::palisade::__private::Bound::Included(100),
                    ),
                    ::palisade::__private::rules::Overrides::NONE,
                );
            }
            {
                let __palisade_value = &self.max;
                let __palisade_at_0 = __palisade_at.field("max");
                ::palisade::__private::rules::report(
                    __palisade_errors,
                    &__palisade_at_0,
                    ::palisade::__private::rules::range(
                        __palisade_value,
                        ::palisade::__private::Bound::Included(0),
                        ::palisade::__private::Bound::Included(100),
                    ),
                    ::palisade::__private::rules::Overrides::NONE,
                );
            }
            if __palisade_errors.len() == __palisade_before {
                ::palisade::__private::rules::report(
                    __palisade_errors,
                    __palisade_at,
                    ::palisade::__private::rules::invariant(
                        self.min <= self.max,
                        "invariant `self.min <= self.max` does not hold",
                    ),
                    ::palisade::__private::rules::Overrides::NONE,
                );
            }
        }
    }
    #[automatically_derived]
    impl ::palisade::__private::builder::Validated for Window {}
    #[automatically_derived]
    impl Window {
        ///Builds a `Window`, checking every rule and invariant.
        ///
        /// # Errors
        ///
        /// Every rule that fails, each with its path.
        pub fn try_new(
            min: u8,
            max: u8,
        ) -> ::palisade::__private::Result<
            Self,
            ::palisade::__private::ValidationErrors,
        > {
            let __palisade_value = Self { min: min, max: max };
            match ::palisade::__private::Validate::validate(&__palisade_value) {
                ::palisade::__private::Ok(()) => {
                    ::palisade::__private::Ok(__palisade_value)
                }
                ::palisade::__private::Err(__palisade_errors) => {
                    ::palisade::__private::Err(__palisade_errors)
                }
            }
        }
        /// The lower edge.
        #[must_use]
        pub fn min(&self) -> &u8 {
            &self.min
        }
        ///Replaces `min`, checking every rule and invariant again; on failure `self` is left unchanged.
        ///
        /// # Errors
        ///
        /// Every rule that fails with the new value.
        pub fn set_min(
            &mut self,
            min: u8,
        ) -> ::palisade::__private::Result<(), ::palisade::__private::ValidationErrors> {
            let __palisade_previous = ::palisade::__private::replace(&mut self.min, min);
            match ::palisade::__private::Validate::validate(self) {
                ::palisade::__private::Ok(()) => ::palisade::__private::Ok(()),
                ::palisade::__private::Err(__palisade_errors) => {
                    self.min = __palisade_previous;
                    ::palisade::__private::Err(__palisade_errors)
                }
            }
        }
        ///Returns `max`.
        #[must_use]
        pub fn max(&self) -> &u8 {
            &self.max
        }
        ///Replaces `max`, checking every rule and invariant again; on failure `self` is left unchanged.
        ///
        /// # Errors
        ///
        /// Every rule that fails with the new value.
        pub fn set_max(
            &mut self,
            max: u8,
        ) -> ::palisade::__private::Result<(), ::palisade::__private::ValidationErrors> {
            let __palisade_previous = ::palisade::__private::replace(&mut self.max, max);
            match ::palisade::__private::Validate::validate(self) {
                ::palisade::__private::Ok(()) => ::palisade::__private::Ok(()),
                ::palisade::__private::Err(__palisade_errors) => {
                    self.max = __palisade_previous;
                    ::palisade::__private::Err(__palisade_errors)
                }
            }
        }
    }
    ::palisade::__private::with_serde! {
        #[derive(::palisade::__private::serde::Serialize)] #[serde(crate =
        "::palisade::__private::serde")] #[serde(rename = "Window")] struct
        __PalisadeSerialize < '__palisade > { min : & '__palisade u8, #[serde(rename =
        "maximum")] max : & '__palisade u8 } #[automatically_derived] impl
        ::palisade::__private::serde::Serialize for Window { fn serialize < __S > (&
        self, serializer : __S) -> ::palisade::__private::Result < __S::Ok, __S::Error >
        where __S : ::palisade::__private::serde::Serializer, {
        ::palisade::__private::serde::Serialize::serialize(& __PalisadeSerialize { min :
        & self.min, max : & self.max }, serializer) } }
        #[derive(::palisade::__private::serde::Deserialize)] #[serde(crate =
        "::palisade::__private::serde")] #[serde(rename = "Window")] struct
        __PalisadeDeserialize { min : u8, #[serde(rename = "maximum")] max : u8 }
        #[automatically_derived] impl < 'de > ::palisade::__private::serde::Deserialize <
        'de > for Window where __PalisadeDeserialize :
        ::palisade::__private::serde::Deserialize < 'de > { fn deserialize < __D >
        (deserializer : __D) -> ::palisade::__private::Result < Self, __D::Error > where
        __D : ::palisade::__private::serde::Deserializer < 'de >, { let __palisade_value
        = < __PalisadeDeserialize as ::palisade::__private::serde::Deserialize < 'de >>
        ::deserialize(deserializer) ?; match Self::try_new(__palisade_value.min,
        __palisade_value.max) { ::palisade::__private::Ok(__palisade_value) =>
        ::palisade::__private::Ok(__palisade_value),
        ::palisade::__private::Err(__palisade_errors) => { ::palisade::__private::Err(<
        __D::Error as ::palisade::__private::serde::de::Error >
        ::custom(__palisade_errors)) } } } }
    }
};
