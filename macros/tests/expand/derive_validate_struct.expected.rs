const _: () = {
    use ::palisade::__private as __palisade;
    #[automatically_derived]
    impl __palisade::Validate for Config {
        fn validate_into(
            &self,
            __palisade_at: &__palisade::PathNode<'_>,
            __palisade_errors: &mut __palisade::ValidationErrors,
        ) {
            let __palisade_before = __palisade_errors.len();
            {
                let __palisade_value = &self.port;
                let __palisade_at_0 = __palisade_at.field("port");
                __palisade::rules::check::range(
                    __palisade_errors,
                    &__palisade_at_0,
                    __palisade_value,
                    1..=65535,
                );
            }
            {
                let __palisade_value = &self.name;
                let __palisade_at_0 = __palisade_at.field("name");
                __palisade::rules::report(
                    __palisade_errors,
                    &__palisade_at_0,
                    __palisade::rules::length(
                        __palisade_value,
                        __palisade::Bound::Included(1),
                        __palisade::Bound::Included(64),
                    ),
                    __palisade::rules::Overrides::NONE.message("bad name"),
                );
                __palisade::rules::report(
                    __palisade_errors,
                    &__palisade_at_0,
                    {
                        static __PALISADE_PATTERN: __palisade::rules::Pattern = __palisade::rules::Pattern::new(
                            "[a-z]+",
                        );
                        __palisade::rules::pattern(__palisade_value, &__PALISADE_PATTERN)
                    },
                    __palisade::rules::Overrides::NONE.message("bad name"),
                );
            }
            {
                let __palisade_value = &self.contact;
                let __palisade_at_0 = __palisade_at.field("contact");
                if let __palisade::Some(__palisade_some_0) = __palisade_value {
                    __palisade::rules::check::email(
                        __palisade_errors,
                        &__palisade_at_0,
                        __palisade_some_0,
                    );
                } else {
                    __palisade::rules::report(
                        __palisade_errors,
                        &__palisade_at_0,
                        __palisade::rules::missing(),
                        __palisade::rules::Overrides::NONE,
                    );
                }
            }
            {
                let __palisade_value = &self.servers;
                let __palisade_at_0 = __palisade_at.field("servers");
                for (__palisade_index_0, __palisade_item_0) in __palisade::enumerate(
                    __palisade_value,
                ) {
                    let __palisade_at_1 = __palisade_at_0.index(__palisade_index_0);
                    __palisade::Validate::validate_into(
                        __palisade_item_0,
                        &__palisade_at_1,
                        __palisade_errors,
                    );
                }
            }
            if __palisade_errors.len() == __palisade_before {
                #[allow(clippy::redundant_closure_call)]
                let __palisade_holds: bool = (|| -> bool { self.low <= self.high })();
                __palisade::rules::report(
                    __palisade_errors,
                    __palisade_at,
                    __palisade::rules::invariant(__palisade_holds, "low above high"),
                    __palisade::rules::Overrides::NONE,
                );
            }
        }
    }
};
