//! Expansion snapshots: each macro's output for representative inputs, pretty-printed
//! and compared with `macros/tests/expand/*.expected.rs`, so any change to generated
//! code shows up as a reviewed diff. `PALISADE_BLESS=1 cargo test -p palisade-macros`
//! rewrites the files.

use std::path::PathBuf;

use proc_macro2::TokenStream;
use quote::quote;

fn check(name: &str, output: TokenStream) {
    let file = syn::parse2::<syn::File>(output.clone()).unwrap_or_else(|error| {
        panic!("{name}: the expansion does not parse as Rust: {error}\n{output}")
    });
    let pretty = prettyplease::unparse(&file);
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("tests/expand/{name}.expected.rs"));
    if std::env::var_os("PALISADE_BLESS").is_some() {
        std::fs::write(&path, &pretty).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "missing {}; run with PALISADE_BLESS=1 to create it",
            path.display()
        )
    });
    assert!(
        expected == pretty,
        "{name}: the expansion changed; review it and run with PALISADE_BLESS=1 to accept\n--- \
            expected\n{expected}\n--- actual\n{pretty}"
    );
}

#[test]
fn derive_validate_struct() {
    check(
        "derive_validate_struct",
        crate::derive_validate::expand(quote! {
            #[invariant(self.low <= self.high, message = "low above high")]
            struct Config {
                #[validate(range(1..=65535))]
                port: u16,
                #[validate(length(1..=64), pattern = "[a-z]+", message = "bad name")]
                name: String,
                #[validate(required, email)]
                contact: Option<String>,
                #[validate(each(nested))]
                servers: Vec<Server>,
                low: u8,
                high: u8,
            }
        }),
    );
}

#[test]
fn derive_validate_enum() {
    check(
        "derive_validate_enum",
        crate::derive_validate::expand(quote! {
            enum Shape {
                Circle { #[validate(range(0.0..), finite)] radius: f64 },
                Rect(#[validate(range(1..))] u32, u32),
                Empty,
            }
        }),
    );
}

#[test]
fn validated_newtype() {
    check(
        "validated_newtype",
        crate::validated::expand(
            TokenStream::new(),
            quote! {
                #[derive(Debug)]
                pub struct Port(#[validate(range(1..=65535))] u32);
            },
        ),
    );
}

#[test]
fn validated_named_with_serde() {
    check(
        "validated_named_with_serde",
        crate::validated::expand(
            quote!(serde),
            quote! {
                #[invariant(self.min <= self.max)]
                pub struct Window {
                    /// The lower edge.
                    #[validate(range(0..=100))]
                    min: u8,
                    #[serde(rename = "maximum")]
                    #[validate(range(0..=100))]
                    max: u8,
                }
            },
        ),
    );
}

#[test]
fn errors_come_with_a_fallback_item() {
    check(
        "errors_come_with_a_fallback_item",
        crate::validated::expand(
            quote!(serd),
            quote! {
                pub struct Port(#[validate(range(10..=1))] pub u8);
            },
        ),
    );
}

#[test]
fn derive_builder() {
    check(
        "derive_builder",
        crate::builder::expand(quote! {
            pub struct Request<'a, T: Clone> {
                /// Where to send it.
                url: &'a str,
                body: T,
                timeout_ms: Option<u64>,
                #[builder(default = 3, into)]
                retries: u8,
            }
        }),
    );
}

#[test]
fn ffi_safe_struct() {
    check(
        "ffi_safe_struct",
        crate::ffi::expand(
            quote!(size = 8, no_padding),
            quote! {
                #[repr(C)]
                pub struct Header {
                    #[ffi(offset = 0)]
                    kind: u32,
                    length: u32,
                }
            },
        ),
    );
}

#[test]
fn ffi_safe_enum_and_fn() {
    let mut output = crate::ffi::expand(
        TokenStream::new(),
        quote! {
            #[repr(u8)]
            pub enum Color { Red = 1, Green = 2 }
        },
    );
    output.extend(crate::ffi::expand(
        quote!(on_panic = -1),
        quote! {
            pub extern "C" fn double(value: i32) -> i32 { value * 2 }
        },
    ));
    check("ffi_safe_enum_and_fn", output);
}

#[test]
fn audit_log_fn() {
    check(
        "audit_log_fn",
        crate::audit::expand(
            quote!(operation = "accounts.transfer", resources(from), start),
            quote! {
                pub fn transfer(from: u32, to: u32, password: &str) -> Result<u64, String> {
                    let _ = password;
                    Ok(u64::from(from + to))
                }
            },
        ),
    );
}
