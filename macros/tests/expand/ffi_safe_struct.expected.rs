#[repr(C)]
pub struct Header {
    kind: u32,
    length: u32,
}
const _: () = {
    ::palisade::__private::impl_ffi_safe!(
        [] Header, [u32 : ::palisade::__private::ffi::FromC,],
        ::palisade::__private::size_of:: < Self > () - (0 +
        ::palisade::__private::size_of:: < u32 > () + ::palisade::__private::size_of:: <
        u32 > ()) + < u32 as ::palisade::__private::ffi::FfiSafe > ::PADDING + < u32 as
        ::palisade::__private::ffi::FfiSafe > ::PADDING
    );
    ::palisade::__private::impl_from_c!(
        [] Header, [u32 : ::palisade::__private::ffi::FromC,]
    );
    const _: () = {
        fn runs_no_checks() {
            #[allow(unused_imports)]
            use ::palisade::__private::ffi::{Plain as _, Validated as _};
            fn must_run_no_checks<T: ::palisade::__private::ffi::NoChecksIn<Header>>(
                _: T,
            ) {}
            must_run_no_checks(
                (&&::palisade::__private::ffi::Probe::<Header>::NEW).checks(),
            );
        }
        let _: fn() = runs_no_checks;
    };
    const _: () = {
        if ::palisade::__private::size_of::<Header>() != 8 {
            let message = ::palisade::__private::ffi::Message::new()
                .text("`Header` is ")
                .number(::palisade::__private::size_of::<Header>())
                .text(" bytes, but `#[ffi_safe(size = ")
                .number(8)
                .text(")]` expects ")
                .number(8);
            ::palisade::__private::panic!("{}", message.as_str());
        }
    };
    const _: () = {
        if ::palisade::__private::offset_of!(Header, kind) != 0 {
            let message = ::palisade::__private::ffi::Message::new()
                .text("`Header.kind` is at offset ")
                .number(::palisade::__private::offset_of!(Header, kind))
                .text(", but `#[ffi(offset = ")
                .number(0)
                .text(")]` expects ")
                .number(0);
            ::palisade::__private::panic!("{}", message.as_str());
        }
    };
    const _: () = {
        if <u32 as ::palisade::__private::ffi::FfiSafe>::PADDING != 0 {
            let message = ::palisade::__private::ffi::Message::new()
                .text("`Header` has ")
                .number(<u32 as ::palisade::__private::ffi::FfiSafe>::PADDING)
                .text(
                    " bytes of padding inside `kind` (a `u32`); `no_padding` counts padding at every depth: reorder or pad the fields of that type",
                );
            ::palisade::__private::panic!("{}", message.as_str());
        }
    };
    const _: () = {
        if <u32 as ::palisade::__private::ffi::FfiSafe>::PADDING != 0 {
            let message = ::palisade::__private::ffi::Message::new()
                .text("`Header` has ")
                .number(<u32 as ::palisade::__private::ffi::FfiSafe>::PADDING)
                .text(
                    " bytes of padding inside `length` (a `u32`); `no_padding` counts padding at every depth: reorder or pad the fields of that type",
                );
            ::palisade::__private::panic!("{}", message.as_str());
        }
    };
    const _: () = {
        if ::palisade::__private::offset_of!(Header, length)
            != ::palisade::__private::offset_of!(Header, kind)
                + ::palisade::__private::size_of::<u32>()
        {
            let message = ::palisade::__private::ffi::Message::new()
                .text("`Header` has ")
                .number(
                    ::palisade::__private::offset_of!(Header, length)
                        - (::palisade::__private::offset_of!(Header, kind)
                            + ::palisade::__private::size_of::<u32>()),
                )
                .text(
                    " bytes of padding between `kind` and `length`; reorder the fields or add explicit padding fields",
                );
            ::palisade::__private::panic!("{}", message.as_str());
        }
    };
    const _: () = {
        if ::palisade::__private::size_of::<Header>()
            != ::palisade::__private::offset_of!(Header, length)
                + ::palisade::__private::size_of::<u32>()
        {
            let message = ::palisade::__private::ffi::Message::new()
                .text("`Header` has ")
                .number(
                    ::palisade::__private::size_of::<Header>()
                        - (::palisade::__private::offset_of!(Header, length)
                            + ::palisade::__private::size_of::<u32>()),
                )
                .text(
                    " bytes of padding at the end, after `length`; reorder the fields or add an explicit padding field",
                );
            ::palisade::__private::panic!("{}", message.as_str());
        }
    };
    #[automatically_derived]
    impl ::palisade::__private::ffi::CType for Header {
        fn c_type() -> ::palisade::__private::ffi::CTypeRef {
            ::palisade::__private::ffi::CTypeRef::named("Header")
        }
        fn define(header: &mut ::palisade::__private::ffi::CHeader) {
            #[allow(unused_imports)]
            use ::palisade::__private::ffi::{Described as _, Fallback as _};
            let c_type = <Self as ::palisade::__private::ffi::CType>::c_type();
            let name = c_type.name().unwrap_or("Header");
            let rust_path = ::palisade::__private::concat!(
                ::palisade::__private::module_path!(), "::", "Header"
            );
            if !header.claim(name, rust_path) {
                return;
            }
            (&&::palisade::__private::ffi::Probe::<u32>::NEW).define_in(header);
            (&&::palisade::__private::ffi::Probe::<u32>::NEW).define_in(header);
            header
                .define_struct(
                    name,
                    ::palisade::__private::size_of::<Self>(),
                    ::palisade::__private::align_of::<Self>(),
                    ::palisade::__private::vec![
                        ::palisade::__private::ffi::CField::new("kind", (&&
                        ::palisade::__private::ffi::Probe:: < u32 > ::NEW).describe(),
                        ::palisade::__private::offset_of!(Self, kind),
                        ::palisade::__private::size_of:: < u32 > (),
                        ::palisade::__private::align_of:: < u32 > (),),
                        ::palisade::__private::ffi::CField::new("length", (&&
                        ::palisade::__private::ffi::Probe:: < u32 > ::NEW).describe(),
                        ::palisade::__private::offset_of!(Self, length),
                        ::palisade::__private::size_of:: < u32 > (),
                        ::palisade::__private::align_of:: < u32 > (),)
                    ],
                );
        }
    }
};
