#[doc(hidden)]
#[allow(non_snake_case)]
mod __palisade_Window {
    #[allow(unused_imports, clippy::wildcard_imports)]
    use super::*;
    pub struct Window {
        /// The lower edge.
        min: u8,
        max: u8,
    }
    const _: () = {
        use ::palisade::__private as __palisade;
        #[automatically_derived]
        impl __palisade::Validate for Window {
            fn validate_into(
                &self,
                __palisade_at: &__palisade::PathNode<'_>,
                __palisade_errors: &mut __palisade::ValidationErrors,
            ) {
                let __palisade_before = __palisade_errors.len();
                {
                    let __palisade_value = &self.min;
                    let __palisade_at_0 = __palisade_at.field("min");
                    __palisade::rules::check::range(
                        __palisade_errors,
                        &__palisade_at_0,
                        __palisade_value,
                        0..=100,
                    );
                }
                {
                    let __palisade_value = &self.max;
                    let __palisade_at_0 = __palisade_at.field("max");
                    __palisade::rules::check::range(
                        __palisade_errors,
                        &__palisade_at_0,
                        __palisade_value,
                        0..=100,
                    );
                }
                if __palisade_errors.len() == __palisade_before {
                    #[allow(clippy::redundant_closure_call)]
                    let __palisade_holds: bool = (|| -> bool { self.min <= self.max })();
                    __palisade::rules::report(
                        __palisade_errors,
                        __palisade_at,
                        __palisade::rules::invariant(
                            __palisade_holds,
                            "invariant `self.min <= self.max` does not hold",
                        ),
                        __palisade::rules::Overrides::NONE,
                    );
                }
            }
        }
        #[automatically_derived]
        impl __palisade::builder::Validated for Window {}
        #[allow(drop_bounds)]
        trait ValidatedTypesCannotImplementDrop {}
        impl<T: __palisade::Drop> ValidatedTypesCannotImplementDrop for T {}
        impl ValidatedTypesCannotImplementDrop for Window {}
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
            ) -> __palisade::Result<Self, __palisade::ValidationErrors> {
                let __palisade_value = Self { min: min, max: max };
                match __palisade::Validate::validate(&__palisade_value) {
                    __palisade::Ok(()) => __palisade::Ok(__palisade_value),
                    __palisade::Err(__palisade_errors) => {
                        __palisade::Err(__palisade_errors)
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
            ) -> __palisade::Result<(), __palisade::ValidationErrors> {
                __palisade::replace_checked(
                    self,
                    |__palisade_self| &mut __palisade_self.min,
                    min,
                )
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
            ) -> __palisade::Result<(), __palisade::ValidationErrors> {
                __palisade::replace_checked(
                    self,
                    |__palisade_self| &mut __palisade_self.max,
                    max,
                )
            }
            /// Stands in for `new_const`, which this type cannot have: says why.
            ///
            /// # Panics
            ///
            /// Always; in the `const` of `valid!`, as a compile error.
            #[doc(hidden)]
            #[must_use]
            pub const fn new_const(min: u8, max: u8) -> Self {
                let _ = __palisade::ManuallyDrop::new(min);
                let _ = __palisade::ManuallyDrop::new(max);
                __palisade::panic!(
                    "{}",
                    "`valid!` cannot build a `Window` at compile time: its invariants are checked at run time; build it with `Window::try_new(..)`"
                )
            }
        }
        __palisade::with_serde! {
            #[derive(__palisade::serde::Serialize)] #[serde(crate =
            "::palisade::__private::serde")] #[serde(rename = "Window")] struct
            __PalisadeSerialize < '__palisade > { min : & '__palisade u8, #[serde(rename
            = "maximum")] max : & '__palisade u8 } #[automatically_derived] impl
            __palisade::serde::Serialize for Window { fn serialize < __S > (& self,
            serializer : __S) -> __palisade::Result < __S::Ok, __S::Error > where __S :
            __palisade::serde::Serializer, { __palisade::serde::Serialize::serialize(&
            __PalisadeSerialize { min : & self.min, max : & self.max }, serializer) } }
            #[derive(__palisade::serde::Deserialize)] #[serde(crate =
            "::palisade::__private::serde")] #[serde(rename = "Window")] struct
            __PalisadeDeserialize { min : u8, #[serde(rename = "maximum")] max : u8 }
            #[automatically_derived] impl < 'de > __palisade::serde::Deserialize < 'de >
            for Window where __PalisadeDeserialize : __palisade::serde::Deserialize < 'de
            > { fn deserialize < __D > (deserializer : __D) -> __palisade::Result < Self,
            __D::Error > where __D : __palisade::serde::Deserializer < 'de >, { let
            __palisade_level = __palisade::Level::enter(); let __palisade_read = <
            __PalisadeDeserialize as __palisade::serde::Deserialize < 'de >>
            ::deserialize(deserializer) ?; match Self::try_new(__palisade_read.min,
            __palisade_read.max) { __palisade::Ok(__palisade_value) =>
            __palisade::Ok(__palisade_value), __palisade::Err(__palisade_found) => { let
            __palisade_error = < __D::Error as __palisade::serde::de::Error >
            ::custom(__palisade::Failed { type_name : "Window", errors : &
            __palisade_found, }); __palisade_level.fail(__palisade_found);
            __palisade::Err(__palisade_error) } } } }
        }
    };
}
#[allow(unused_imports)]
pub use __palisade_Window::Window;
