::core::compile_error! {
    "unknown option `serd` in `#[validated(...)]`: did you mean `serde`?"
}
::core::compile_error! {
    "fields of a `#[validated]` type must be private: a visible field lets code skip the checks; remove `pub` and read it through the generated `get()`"
}
::core::compile_error! {
    "this range is reversed: `10` is greater than `1`, so no value passes; write `range(1..=10)`"
}
#[doc(hidden)]
#[allow(non_snake_case)]
mod __palisade_Port {
    #[allow(unused_imports, clippy::wildcard_imports)]
    use super::*;
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
        #[automatically_derived]
        impl __palisade::builder::Validated for Port {}
        #[allow(drop_bounds)]
        trait ValidatedTypesCannotImplementDrop {}
        impl<T: __palisade::Drop> ValidatedTypesCannotImplementDrop for T {}
        impl ValidatedTypesCannotImplementDrop for Port {}
        #[automatically_derived]
        impl Port {
            ///Builds a `Port`, checking every rule and invariant.
            ///
            /// # Errors
            ///
            /// Every rule that fails, each with its path.
            pub fn try_new(
                value: u8,
            ) -> __palisade::Result<Self, __palisade::ValidationErrors> {
                let __palisade_value = Self(value);
                match __palisade::Validate::validate(&__palisade_value) {
                    __palisade::Ok(()) => __palisade::Ok(__palisade_value),
                    __palisade::Err(__palisade_errors) => {
                        __palisade::Err(__palisade_errors)
                    }
                }
            }
            ///Returns `0`.
            #[must_use]
            pub fn get(&self) -> &u8 {
                &self.0
            }
            /// Returns the wrapped value, giving up the guarantee.
            #[must_use]
            pub fn into_inner(self) -> u8 {
                self.0
            }
            ///Replaces `0`, checking every rule and invariant again; on failure `self` is left unchanged.
            ///
            /// # Errors
            ///
            /// Every rule that fails with the new value.
            pub fn set(
                &mut self,
                value: u8,
            ) -> __palisade::Result<(), __palisade::ValidationErrors> {
                __palisade::replace_checked(
                    self,
                    |__palisade_self| &mut __palisade_self.0,
                    value,
                )
            }
            ///Builds a `Port` in a const context. `palisade::valid!(Port, ...)` calls it inside `const { }`, so an invalid constant is a compile error.
            ///
            /// # Panics
            ///
            /// When a rule fails, naming the type, the field and the rule; in a `const`
            /// this is a compile error.
            #[must_use]
            pub const fn new_const(value: u8) -> Self {
                Self(value)
            }
        }
        #[automatically_derived]
        impl __palisade::AsRef<u8> for Port {
            fn as_ref(&self) -> &u8 {
                &self.0
            }
        }
        #[automatically_derived]
        impl __palisade::TryFrom<u8> for Port {
            type Error = __palisade::ValidationErrors;
            fn try_from(value: u8) -> __palisade::Result<Self, Self::Error> {
                Self::try_new(value)
            }
        }
    };
}
#[allow(unused_imports)]
pub use __palisade_Port::Port;
