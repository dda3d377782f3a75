pub fn transfer(from: u32, to: u32, password: &str) -> Result<u64, String> {
    static __PALISADE_SITE: ::palisade::__private::audit::CallSite = ::palisade::__private::audit::CallSite {
        operation: "accounts.transfer",
        module: ::palisade::__private::module_path!(),
        start: true,
        returns_future: false,
        crate_name: ::palisade::__private::env!("CARGO_PKG_NAME"),
        version: ::palisade::__private::env!("CARGO_PKG_VERSION"),
        profile: if ::palisade::__private::cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        },
    };
    let __palisade_call = ::palisade::__private::audit::Call::begin(
        &__PALISADE_SITE,
        |__palisade_args| {
            use ::palisade::__private::audit::{
                KnownText as _, NoText as _, OpaqueArg as _, SerializeArg as _,
                StructuredArg as _,
            };
            __palisade_args
                .remember(
                    (&&::palisade::__private::audit::ScrubProbe(&password)).text(),
                );
            if __palisade_args.key("from") {
                (&&&::palisade::__private::audit::ArgProbe(&from))
                    .write_value(__palisade_args);
            }
            if __palisade_args.key("to") {
                (&&&::palisade::__private::audit::ArgProbe(&to))
                    .write_value(__palisade_args);
            }
            __palisade_args.redacted("password");
            __palisade_args.resources();
            __palisade_args.item();
            (&&&::palisade::__private::audit::ArgProbe(&from))
                .write_value(__palisade_args);
        },
    );
    let __palisade_value: Result<u64, String> = __palisade_call
        .run(move || {
            let _ = password;
            Ok(u64::from(from + to))
        });
    __palisade_call
        .finish({
            use ::palisade::__private::audit::{
                Declared as _, ResultDebug as _, ResultDisplay as _, ResultOpaque as _,
                Success as _, UnobservedFuture as _,
            };
            (&&&&&&::palisade::__private::audit::OutcomeProbe(&__palisade_value))
                .outcome()
        });
    __palisade_value
}
