//! Generated code under the harshest user settings: no implicit prelude, every
//! warning and clippy's pedantic group denied, and user items that shadow the names
//! generated code could otherwise reach for.
#![no_implicit_prelude]
#![deny(warnings, clippy::pedantic, unused_qualifications)]
#![allow(dead_code)] // the shadowing items below exist only to be in scope

extern crate palisade as renamed_palisade;
extern crate std;

mod shadows {
    pub struct Result;
    pub struct Option;
    pub struct Some;
    pub struct None;
    pub struct Ok;
    pub struct Err;
    pub struct String;
    pub struct Vec;
    pub struct Box;
    pub mod core {}
    pub mod std {}
    pub mod palisade {}
}

// Every shadowing item is in scope for the generated code below.
#[allow(unused_imports)]
use shadows::*;

mod rules {
    use ::palisade::ValidationError;
    use ::std::result::Result;

    pub fn no_spaces(value: &str) -> Result<(), ValidationError> {
        if value.contains(' ') {
            Result::Err(ValidationError::new("no_spaces", "must not contain spaces"))
        } else {
            Result::Ok(())
        }
    }
}

#[derive(::palisade::Validate)]
#[invariant(self.low <= self.high, message = "low must not exceed high")]
pub struct Everything {
    #[validate(range(1..=65535))]
    port: u32,
    #[validate(range(-1.0..1.0), finite)]
    ratio: f64,
    #[validate(length(1..=16), chars(1..=8), ascii, alphanumeric)]
    name: ::std::string::String,
    #[validate(non_empty, prefix = "a", suffix = "z", contains = "m")]
    word: &'static str,
    #[validate(pattern = "[a-z]+[0-9]*")]
    handle: ::std::string::String,
    #[validate(email)]
    email: ::std::string::String,
    #[validate(url)]
    homepage: ::std::string::String,
    #[validate(required, range(1..), message = "give a retry count", code = "retries")]
    retries: ::std::option::Option<u8>,
    #[validate(range(..=10))]
    optional: ::std::option::Option<i64>,
    #[validate(each(range(1..=5)), length(..=4))]
    levels: ::std::vec::Vec<u8>,
    #[validate(each(nested))]
    servers: ::std::vec::Vec<Server>,
    #[validate(nested)]
    primary: Server,
    #[validate(custom = rules::no_spaces)]
    slug: ::std::string::String,
    #[validate(one_of = ["eur", "usd"], none_of = ["xxx"], message = "pick a currency")]
    currency: ::std::string::String,
    #[validate(multiple_of = 5, one_of = [5, 10, 15], none_of = [0])]
    minutes: u16,
    #[validate(credit_card, code = "card")]
    card: ::std::string::String,
    low: u8,
    high: u8,
}

#[derive(::palisade::Validate)]
pub struct Server {
    #[validate(range(1..=65535))]
    port: u16,
}

#[derive(::palisade::Validate)]
pub enum Shape {
    Circle {
        #[validate(range(0.0..))]
        radius: f64,
    },
    Pair(#[validate(range(0..))] i32, #[validate(range(0..))] i32),
    Square(f64),
    Empty,
}

#[derive(::palisade::Validate)]
#[validate(crate = "renamed_palisade")]
pub struct Renamed(#[validate(range(1..))] u8);

/// What `Account`'s rules are checked with.
pub struct Registry {
    taken: &'static str,
}

fn not_taken(
    value: &str,
    registry: &Registry,
) -> ::std::result::Result<(), ::palisade::ValidationError> {
    if value == registry.taken {
        ::std::result::Result::Err(::palisade::ValidationError::new("taken", "is taken"))
    } else {
        ::std::result::Result::Ok(())
    }
}

#[derive(::palisade::Validate)]
#[validate(context = Registry)]
#[invariant(self.server.port != 1, message = "port 1 is reserved")]
pub struct Account {
    #[validate(chars(1..=8), custom = not_taken)]
    name: ::std::string::String,
    #[validate(nested)]
    server: Server,
    #[validate(each(nested))]
    servers: ::std::vec::Vec<Server>,
}

/// A validated type whose rules take the context.
#[::palisade::validated]
#[validate(context = Registry)]
pub struct Login {
    #[validate(custom = not_taken)]
    name: ::std::string::String,
    #[validate(range(1..=9))]
    context: u8,
}

/// Rules that apply only when a condition holds.
#[derive(::palisade::Validate)]
pub struct Conditional {
    business: bool,
    #[validate(required, chars(2..=14), when = self.business)]
    vat_id: ::std::option::Option<::std::string::String>,
    #[validate(each(nested), length(..=4), when = !self.business)]
    servers: ::std::vec::Vec<Server>,
}

/// Arguments checked before the body.
#[::palisade::validated]
pub fn send(
    #[validate(range(1..=10_000))] amount: u64,
    #[validate(nested)] to: &Server,
    #[validate(each(range(1..)), length(..=3))] hops: &[u16],
) -> ::std::result::Result<u64, ::palisade::ValidationErrors> {
    let _ = (to, hops);
    ::std::result::Result::Ok(amount)
}

impl Server {
    /// A method whose arguments are checked.
    #[::palisade::validated(crate = "renamed_palisade")]
    pub fn moved(
        &self,
        #[validate(range(1..=65535))] port: u16,
    ) -> ::std::result::Result<Server, ::palisade::ValidationErrors> {
        ::std::result::Result::Ok(Server { port })
    }
}

/// A context none of the rules use.
#[derive(::palisade::Validate)]
#[validate(context = Registry)]
pub struct Unused {
    #[validate(range(1..))]
    level: u8,
}

#[derive(::palisade::Validate)]
pub struct NoRules {
    anything: u8,
}

#[derive(::palisade::Validate)]
pub struct Generic<T: ::palisade::Validate, const N: usize> {
    #[validate(nested)]
    inner: T,
    #[validate(length(1..=N))]
    items: ::std::vec::Vec<u8>,
}

/// A port.
#[::palisade::validated]
#[derive(Debug)]
pub struct Port(#[validate(range(1..=65535))] u32);

/// A range of ports.
#[cfg_attr(feature = "serde", ::palisade::validated(serde))]
#[cfg_attr(not(feature = "serde"), ::palisade::validated)]
#[invariant(self.low <= self.high)]
pub struct PortRange {
    /// The first port.
    #[validate(range(1..=65535))]
    low: u32,
    #[validate(range(1..=65535))]
    high: u32,
}

/// Port ranges read from a document: nested failures are reported with their paths.
#[cfg_attr(feature = "serde", ::palisade::validated(serde))]
#[cfg_attr(not(feature = "serde"), ::palisade::validated)]
pub struct Plan {
    #[validate(nested)]
    main: PortRange,
    #[validate(nested)]
    spare: ::std::option::Option<PortRange>,
    #[validate(each(nested), length(..=4))]
    others: ::std::vec::Vec<PortRange>,
}

#[::palisade::validated]
pub struct Label {
    #[validate(chars(1..=8))]
    text: &'static str,
    #[validate(range(0..=255))]
    weight: u8,
}

#[::palisade::validated(crate = "renamed_palisade")]
pub struct Wrapped<T> {
    value: T,
}

/// A request, built field by field.
#[derive(::palisade::Builder)]
pub struct Request<'a, T: ::std::clone::Clone, const N: usize> {
    /// Where to send it.
    url: &'a str,
    retries: u8,
    timeout: ::std::option::Option<u64>,
    #[builder(default)]
    headers: ::std::vec::Vec<::std::string::String>,
    #[builder(default = 3, into)]
    weight: u32,
    payload: [T; N],
}

#[::palisade::validated]
#[derive(::palisade::Builder)]
pub struct Checked {
    #[validate(range(1..=10))]
    level: u8,
}

#[derive(::palisade::Builder)]
#[builder(crate = "renamed_palisade")]
struct RenamedBuilder {
    value: u8,
}

/// A wire header.
#[::palisade::ffi_safe(size = 8, align = 4, no_padding)]
#[repr(C)]
pub struct WireHeader {
    #[ffi(offset = 0)]
    kind: u32,
    length: u32,
}

#[repr(C)]
#[::palisade::ffi_safe(crate = "renamed_palisade")]
pub struct WithPointers<'a, T> {
    data: *const T,
    name: ::palisade::ffi::FfiStr<'a>,
    header: WireHeader,
}

/// A C-side status.
#[::palisade::ffi_safe]
#[repr(u8)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WireStatus {
    Ready = 1,
    Busy = 2,
}

/// Doubles `value`, or answers `-1` if that panics.
#[::palisade::ffi_safe(on_panic = -1)]
pub extern "C" fn double(value: i32) -> i32 {
    value.checked_mul(2).unwrap_or(-1)
}

/// A frame C fills in: values C can get wrong arrive as `Checked`.
#[::palisade::ffi_safe(c_name = "WireFrame")]
#[repr(C)]
pub struct Frame<T> {
    status: ::palisade::ffi::Checked<WireStatus>,
    ready: ::palisade::ffi::Checked<bool>,
    payload: T,
}

/// The status C sent, or `-1` when it is not one; C links to it by name.
#[::palisade::ffi_safe]
#[unsafe(no_mangle)]
pub extern "C" fn hygiene_frame_status(frame: Frame<u32>) -> i32 {
    frame.status.get().map_or(-1, |status| {
        <i32 as ::std::convert::From<u8>>::from(status.to_raw())
    })
}

/// Transfers money.
///
/// # Errors
/// When `amount` is zero.
#[::palisade::audit_log(
    operation = "transfer",
    resources(from),
    start,
    fields(route = from ^ to, secret_pin = 1234_u16)
)]
pub fn transfer(
    from: u32,
    to: u32,
    amount: u64,
    password: &str,
) -> ::std::result::Result<u64, ::std::string::String> {
    let _ = (to, password);
    if amount == 0 {
        return ::std::result::Result::Err(::std::borrow::ToOwned::to_owned("nothing to transfer"));
    }
    ::std::result::Result::Ok(amount)
}

/// Waits, audited.
#[::palisade::audit_log(skip_all, crate = "renamed_palisade")]
pub async fn wait(milliseconds: u64) -> u64 {
    milliseconds
}

/// A future returned, audited when it completes.
#[::palisade::audit_log(debug(label))]
pub fn later(
    (first, second): (u32, u32),
    label: &str,
) -> impl ::std::future::Future<Output = ::std::result::Result<u32, ::std::string::String>> {
    let label = ::std::borrow::ToOwned::to_owned(label);
    async move {
        if first == 0 {
            return ::std::result::Result::Err(label);
        }
        ::std::result::Result::Ok(first + second)
    }
}

/// A boxed future, as `#[async_trait]` writes them.
#[::palisade::audit_log]
pub fn boxed(
    value: u32,
) -> ::std::pin::Pin<::std::boxed::Box<dyn ::std::future::Future<Output = u32> + ::std::marker::Send>>
{
    ::std::boxed::Box::pin(async move { value })
}

/// Never returns.
#[::palisade::audit_log]
pub fn halt(code: i32) -> ! {
    ::std::panic!("halt {code}")
}

/// Generic, through `AuditOutcome`.
#[::palisade::audit_log]
pub fn through<R: ::palisade::audit::AuditOutcome>(value: R) -> R {
    value
}

const HTTP: Port = ::palisade::valid!(Port, 80);
const LABEL: Label = ::palisade::valid!(Label, "ok", 3);

#[test]
fn generated_code_works_without_the_prelude() {
    use ::palisade::Validate;
    ::std::assert_eq!(*HTTP.get(), 80);
    ::std::assert_eq!(*LABEL.text(), "ok");
    ::std::assert!(Renamed(0).validate().is_err());
    ::std::assert_eq!(send(5, &Server { port: 1 }, &[1, 2]).unwrap(), 5);
    ::std::assert_eq!(
        send(0, &Server { port: 0 }, &[0, 1, 2, 3])
            .unwrap_err()
            .len(),
        4
    );
    ::std::assert!(Server { port: 1 }.moved(0).is_err());
    let conditional = Conditional {
        business: true,
        vat_id: ::std::option::Option::None,
        servers: ::std::vec::Vec::new(),
    };
    ::std::assert_eq!(conditional.validate().unwrap_err().len(), 1);
    let registry = Registry { taken: "root" };
    let account = Account {
        name: ::std::borrow::ToOwned::to_owned("root"),
        server: Server { port: 1 },
        servers: ::std::vec![Server { port: 0 }],
    };
    ::std::assert_eq!(
        ::palisade::ValidateWith::validate_with(&account, &registry)
            .unwrap_err()
            .len(),
        2
    );
    ::std::assert!(
        ::palisade::ValidateWith::validate_with(&Unused { level: 1 }, &registry).is_ok()
    );
    ::std::assert!(PortRange::try_new(10, 5).is_err());
    ::std::assert!(NoRules { anything: 1 }.validate().is_ok());
    ::std::assert!(Wrapped::try_new(1).is_ok());
    ::std::assert!(Shape::Square(1.0).validate().is_ok());
    ::std::assert!(Shape::Pair(1, -1).validate().is_err());
    let generic = Generic::<Server, 2> {
        inner: Server { port: 0 },
        items: ::std::vec![1, 2, 3],
    };
    ::std::assert_eq!(generic.validate().unwrap_err().len(), 2);
    let request = Request::builder()
        .url("u")
        .retries(1)
        .payload([0u8; 2])
        .maybe_timeout(::std::option::Option::None)
        .build();
    ::std::assert_eq!((request.url, request.retries, request.weight), ("u", 1, 3));
    ::std::assert!(
        request.timeout.is_none() && request.headers.is_empty() && request.payload.len() == 2
    );
    ::std::assert!(Checked::builder().level(0).build().is_err());
    ::std::assert_eq!(RenamedBuilder::builder().value(1).build().value, 1);
    ::std::assert_eq!(
        <WireStatus as ::std::convert::TryFrom<u8>>::try_from(2),
        ::std::result::Result::Ok(WireStatus::Busy)
    );
    ::std::assert!(<WireStatus as ::std::convert::TryFrom<u8>>::try_from(3).is_err());
    ::std::assert_eq!(WireStatus::Ready.to_raw(), 1);
    ::std::assert_eq!(double(21), 42);
    let header = ::palisade::ffi::CHeader::new("wire.h")
        .with::<WireHeader>()
        .with::<WithPointers<'_, u8>>()
        .with::<WireStatus>()
        .with::<Frame<u32>>()
        .function::<hygiene_frame_status>()
        .render()
        .expect("unique C names");
    ::std::assert!(header.contains("typedef struct WireHeader"));
    ::std::assert!(header.contains("int32_t hygiene_frame_status(WireFrame_uint32_t frame);"));
    let frame = Frame {
        status: ::palisade::ffi::Checked::from_raw(9),
        ready: ::palisade::ffi::Checked::new(true),
        payload: 1,
    };
    ::std::assert_eq!(hygiene_frame_status(frame), -1);
    let sink = ::std::sync::Arc::new(::palisade::audit::MemorySink::new());
    {
        let _scope =
            ::palisade::audit::scoped_sink(::std::clone::Clone::clone(&sink)
                as ::std::sync::Arc<dyn ::palisade::audit::AuditSink>);
        ::std::assert_eq!(transfer(1, 2, 3, "pw"), ::std::result::Result::Ok(3));
        ::std::assert!(transfer(1, 2, 0, "pw").is_err());
        let runtime = ::tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        ::std::assert_eq!(runtime.block_on(wait(1)), 1);
        ::std::assert_eq!(
            runtime.block_on(later((1, 2), "l")),
            ::std::result::Result::Ok(3)
        );
        ::std::assert_eq!(runtime.block_on(boxed(4)), 4);
        ::std::assert_eq!(through(5_u32), 5);
        ::std::assert!(::std::panic::catch_unwind(|| halt(1)).is_err());
    }
    ::std::assert_eq!(sink.lines().len(), 9);
}
