///Builds a [`Request`] field by field; start with [`Request::builder`].
#[must_use = "a builder does nothing until `.build()` is called"]
pub struct RequestBuilder<'a, T: Clone, __Url, __Body, __TimeoutMs, __Retries> {
    url: __Url,
    body: __Body,
    timeout_ms: __TimeoutMs,
    retries: __Retries,
    __palisade_target: ::palisade::__private::PhantomData<fn() -> Request<'a, T>>,
}
///Names the fields of `Request` in builder errors.
#[doc(hidden)]
#[allow(non_snake_case, non_camel_case_types)]
pub mod Request_fields {
    ///The field `url` of `Request`.
    pub struct url {}
    ///The field `body` of `Request`.
    pub struct body {}
    ///The field `timeout_ms` of `Request`.
    pub struct timeout_ms {}
    ///The field `retries` of `Request`.
    pub struct retries {}
}
const _: () = {
    #[automatically_derived]
    impl<'a, T: Clone> Request<'a, T> {
        ///Starts building a `Request`: call a setter per field, then `build()`. A required field left unset, or a field set twice, is a compile error that names it.
        #[inline]
        pub fn builder() -> RequestBuilder<
            'a,
            T,
            ::palisade::__private::builder::Unset,
            ::palisade::__private::builder::Unset,
            ::palisade::__private::builder::Unset,
            ::palisade::__private::builder::Unset,
        > {
            RequestBuilder {
                url: ::palisade::__private::builder::Unset,
                body: ::palisade::__private::builder::Unset,
                timeout_ms: ::palisade::__private::builder::Unset,
                retries: ::palisade::__private::builder::Unset,
                __palisade_target: ::palisade::__private::PhantomData,
            }
        }
    }
    #[automatically_derived]
    impl<
        'a,
        T: Clone,
        __Url,
        __Body,
        __TimeoutMs,
        __Retries,
    > RequestBuilder<'a, T, __Url, __Body, __TimeoutMs, __Retries> {
        /// Where to send it.
        #[inline]
        pub fn url(
            self,
            value: &'a str,
        ) -> RequestBuilder<
            'a,
            T,
            ::palisade::__private::builder::Set<&'a str>,
            __Body,
            __TimeoutMs,
            __Retries,
        >
        where
            __Url: ::palisade::__private::builder::IsUnset<
                Request<'a, T>,
                Request_fields::url,
            >,
        {
            RequestBuilder {
                url: ::palisade::__private::builder::Set::new(value),
                body: self.body,
                timeout_ms: self.timeout_ms,
                retries: self.retries,
                __palisade_target: ::palisade::__private::PhantomData,
            }
        }
        ///Sets `body`.
        #[inline]
        pub fn body(
            self,
            value: T,
        ) -> RequestBuilder<
            'a,
            T,
            __Url,
            ::palisade::__private::builder::Set<T>,
            __TimeoutMs,
            __Retries,
        >
        where
            __Body: ::palisade::__private::builder::IsUnset<
                Request<'a, T>,
                Request_fields::body,
            >,
        {
            RequestBuilder {
                body: ::palisade::__private::builder::Set::new(value),
                url: self.url,
                timeout_ms: self.timeout_ms,
                retries: self.retries,
                __palisade_target: ::palisade::__private::PhantomData,
            }
        }
        ///Sets `timeout_ms`.
        #[inline]
        pub fn timeout_ms(
            self,
            value: u64,
        ) -> RequestBuilder<
            'a,
            T,
            __Url,
            __Body,
            ::palisade::__private::builder::Set<Option<u64>>,
            __Retries,
        >
        where
            __TimeoutMs: ::palisade::__private::builder::IsUnset<
                Request<'a, T>,
                Request_fields::timeout_ms,
            >,
        {
            RequestBuilder {
                timeout_ms: ::palisade::__private::builder::Set::new(
                    ::palisade::__private::Some(value),
                ),
                url: self.url,
                body: self.body,
                retries: self.retries,
                __palisade_target: ::palisade::__private::PhantomData,
            }
        }
        ///Sets `timeout_ms` from an `Option`: `None` leaves it unset.
        #[inline]
        pub fn maybe_timeout_ms(
            self,
            value: ::palisade::__private::Option<u64>,
        ) -> RequestBuilder<
            'a,
            T,
            __Url,
            __Body,
            ::palisade::__private::builder::Set<Option<u64>>,
            __Retries,
        >
        where
            __TimeoutMs: ::palisade::__private::builder::IsUnset<
                Request<'a, T>,
                Request_fields::timeout_ms,
            >,
        {
            RequestBuilder {
                timeout_ms: ::palisade::__private::builder::Set::new(value),
                url: self.url,
                body: self.body,
                retries: self.retries,
                __palisade_target: ::palisade::__private::PhantomData,
            }
        }
        ///Sets `retries`.
        #[inline]
        pub fn retries(
            self,
            value: impl ::palisade::__private::Into<u8>,
        ) -> RequestBuilder<
            'a,
            T,
            __Url,
            __Body,
            __TimeoutMs,
            ::palisade::__private::builder::Set<u8>,
        >
        where
            __Retries: ::palisade::__private::builder::IsUnset<
                Request<'a, T>,
                Request_fields::retries,
            >,
        {
            RequestBuilder {
                retries: ::palisade::__private::builder::Set::new(
                    ::palisade::__private::Into::into(value),
                ),
                url: self.url,
                body: self.body,
                timeout_ms: self.timeout_ms,
                __palisade_target: ::palisade::__private::PhantomData,
            }
        }
        ///Builds the `Request`.
        #[inline]
        pub fn build(self) -> Request<'a, T>
        where
            __Url: ::palisade::__private::builder::IsSet<
                Request<'a, T>,
                Request_fields::url,
                &'a str,
            >,
            __Body: ::palisade::__private::builder::IsSet<
                Request<'a, T>,
                Request_fields::body,
                T,
            >,
            __TimeoutMs: ::palisade::__private::builder::OrDefault<Option<u64>>,
            __Retries: ::palisade::__private::builder::OrDefault<u8>,
        {
            let __palisade_field_0 = <__Url as ::palisade::__private::builder::IsSet<
                Request<'a, T>,
                Request_fields::url,
                &'a str,
            >>::into_value(self.url);
            let __palisade_field_1 = <__Body as ::palisade::__private::builder::IsSet<
                Request<'a, T>,
                Request_fields::body,
                T,
            >>::into_value(self.body);
            let __palisade_field_2 = ::palisade::__private::builder::OrDefault::or_else(
                self.timeout_ms,
                || ::palisade::__private::None,
            );
            let __palisade_field_3 = ::palisade::__private::builder::OrDefault::or_else(
                self.retries,
                || 3,
            );
            Request {
                url: __palisade_field_0,
                body: __palisade_field_1,
                timeout_ms: __palisade_field_2,
                retries: __palisade_field_3,
            }
        }
    }
    #[automatically_derived]
    impl<'a, T: Clone> ::palisade::__private::builder::BuildsWithoutChecks
    for Request<'a, T> {}
};
