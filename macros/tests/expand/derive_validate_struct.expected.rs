const _: () = {
    #[automatically_derived]
    impl ::palisade::__private::Validate for Config {
        fn validate_into(
            &self,
            __palisade_at: &::palisade::__private::PathNode<'_>,
            __palisade_errors: &mut ::palisade::__private::ValidationErrors,
        ) {
            let __palisade_before = __palisade_errors.len();
            {
                let __palisade_value = &self.port;
                let __palisade_at_0 = __palisade_at.field("port");
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
            {
                let __palisade_value = &self.name;
                let __palisade_at_0 = __palisade_at.field("name");
                ::palisade::__private::rules::report(
                    __palisade_errors,
                    &__palisade_at_0,
                    ::palisade::__private::rules::length(
                        __palisade_value,
                        ::palisade::__private::Bound::Included(1),
                        ::palisade::__private::Bound::Included(64),
                    ),
                    ::palisade::__private::rules::Overrides::NONE.message("bad name"),
                );
                ::palisade::__private::rules::report(
                    __palisade_errors,
                    &__palisade_at_0,
                    {
                        static __PALISADE_PATTERN: ::palisade::__private::rules::Pattern = ::palisade::__private::rules::Pattern::new(
                            "[a-z]+",
                        );
                        ::palisade::__private::rules::pattern(
                            __palisade_value,
                            &__PALISADE_PATTERN,
                        )
                    },
                    ::palisade::__private::rules::Overrides::NONE.message("bad name"),
                );
            }
            {
                let __palisade_value = &self.contact;
                let __palisade_at_0 = __palisade_at.field("contact");
                if let ::palisade::__private::Some(__palisade_some_0) = __palisade_value {
                    ::palisade::__private::rules::report(
                        __palisade_errors,
                        &__palisade_at_0,
                        ::palisade::__private::rules::email(__palisade_some_0),
                        ::palisade::__private::rules::Overrides::NONE,
                    );
                } else {
                    ::palisade::__private::rules::report(
                        __palisade_errors,
                        &__palisade_at_0,
                        ::palisade::__private::rules::missing(),
                        ::palisade::__private::rules::Overrides::NONE,
                    );
                }
            }
            {
                let __palisade_value = &self.servers;
                let __palisade_at_0 = __palisade_at.field("servers");
                for (__palisade_index_0, __palisade_item_0) in ::palisade::__private::enumerate(
                    __palisade_value,
                ) {
                    let __palisade_at_1 = __palisade_at_0.index(__palisade_index_0);
                    ::palisade::__private::Validate::validate_into(
                        __palisade_item_0,
                        &__palisade_at_1,
                        __palisade_errors,
                    );
                }
            }
            if __palisade_errors.len() == __palisade_before {
                ::palisade::__private::rules::report(
                    __palisade_errors,
                    __palisade_at,
                    ::palisade::__private::rules::invariant(
                        self.low <= self.high,
                        "low above high",
                    ),
                    ::palisade::__private::rules::Overrides::NONE,
                );
            }
        }
    }
};
