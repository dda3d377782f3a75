#[repr(u8)]
pub enum Color {
    Red = 1,
    Green = 2,
}
const _: () = {
    ::palisade::__private::impl_ffi_safe!([] Color, [], 0);
    ::palisade::__private::impl_checked_enum!(Color, u8, "Color");
    #[automatically_derived]
    impl ::palisade::__private::TryFrom<u8> for Color {
        type Error = ::palisade::__private::ffi::InvalidDiscriminant<u8>;
        fn try_from(value: u8) -> ::palisade::__private::Result<Self, Self::Error> {
            const __PALISADE_0: u8 = Color::Red as u8;
            const __PALISADE_1: u8 = Color::Green as u8;
            match value {
                __PALISADE_0 => ::palisade::__private::Ok(Self::Red),
                __PALISADE_1 => ::palisade::__private::Ok(Self::Green),
                _ => {
                    ::palisade::__private::Err(::palisade::__private::ffi::InvalidDiscriminant {
                        type_name: "Color",
                        value,
                    })
                }
            }
        }
    }
    #[automatically_derived]
    impl Color {
        ///The C integer of this `Color` (its discriminant as `u8`).
        #[must_use]
        pub const fn to_raw(self) -> u8 {
            self as u8
        }
    }
    #[automatically_derived]
    impl ::palisade::__private::ffi::CType for Color {
        fn c_type() -> ::palisade::__private::ffi::CTypeRef {
            ::palisade::__private::ffi::CTypeRef::named("Color")
        }
        fn define(header: &mut ::palisade::__private::ffi::CHeader) {
            if !header.claim("Color", ::palisade::__private::type_name::<Self>()) {
                return;
            }
            header
                .define_enum(
                    "Color",
                    &<u8 as ::palisade::__private::ffi::CType>::c_type(),
                    ::palisade::__private::size_of::<Self>(),
                    ::palisade::__private::align_of::<Self>(),
                    &[
                        (
                            "Red",
                            ::palisade::__private::ffi::Discriminant::widen(
                                Self::Red as u8,
                            ),
                        ),
                        (
                            "Green",
                            ::palisade::__private::ffi::Discriminant::widen(
                                Self::Green as u8,
                            ),
                        ),
                    ],
                );
        }
    }
};
pub extern "C" fn double(value: i32) -> i32 {
    const _: () = {
        fn must_come_from_c<T: ::palisade::__private::ffi::FromC>() {}
        let _: fn() = must_come_from_c::<i32>;
    };
    const _: () = {
        fn must_be_ffi_safe<T: ::palisade::__private::ffi::FfiSafe>() {}
        let _: fn() = must_be_ffi_safe::<i32>;
    };
    match ::palisade::__private::catch_unwind(
        ::palisade::__private::AssertUnwindSafe(move || { value * 2 }),
    ) {
        ::palisade::__private::Ok(value) => value,
        ::palisade::__private::Err(_) => {
            let __palisade_on_panic: i32 = -1;
            __palisade_on_panic
        }
    }
}
///The C prototype of [`double()`], for `CHeader::function::<double>()`.
#[doc(hidden)]
#[allow(non_camel_case_types, dead_code)]
pub struct double {}
