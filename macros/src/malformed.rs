//! Malformed input never panics a macro: each case yields `compile_error!`.

use proc_macro2::TokenStream;
use quote::quote;

fn assert_reports(name: &str, output: &TokenStream) {
    assert!(
        output.to_string().contains("compile_error"),
        "{name}: expected a compile_error!, got\n{output}"
    );
}

#[test]
fn derive_validate_reports_malformed_attributes() {
    let cases: Vec<(&str, TokenStream)> = vec![
        (
            "truncated",
            quote!(
                struct A {
                    #[validate(range(1..=))]
                    a: u8,
                }
            ),
        ),
        (
            "range of strings",
            quote!(
                struct A {
                    #[validate(range("a".."b"))]
                    a: u8,
                }
            ),
        ),
        (
            "range as name-value",
            quote!(
                struct A {
                    #[validate(range = 5)]
                    a: u8,
                }
            ),
        ),
        (
            "pattern not a string",
            quote!(
                struct A {
                    #[validate(pattern = 5)]
                    a: String,
                }
            ),
        ),
        (
            "email with value",
            quote!(
                struct A {
                    #[validate(email = "x")]
                    a: String,
                }
            ),
        ),
        (
            "duplicate key",
            quote!(
                struct A {
                    #[validate(range(1..), range(2..))]
                    a: u8,
                }
            ),
        ),
        (
            "huge bound",
            quote!(
                struct A {
                    #[validate(range(0..=999999999999999999999999999999999999999999))]
                    a: u128,
                }
            ),
        ),
        (
            "each not a list",
            quote!(
                struct A {
                    #[validate(each = 1)]
                    a: Vec<u8>,
                }
            ),
        ),
        (
            "each empty rule",
            quote!(
                struct A {
                    #[validate(each(rnage(1..)))]
                    a: Vec<u8>,
                }
            ),
        ),
        (
            "custom not a path",
            quote!(
                struct A {
                    #[validate(custom = 1 + 1)]
                    a: u8,
                }
            ),
        ),
        (
            "message not a string",
            quote!(
                struct A {
                    #[validate(range(1..), message = 5)]
                    a: u8,
                }
            ),
        ),
        (
            "invariant garbage",
            quote!(
                #[invariant(,,)]
                struct A {
                    a: u8,
                }
            ),
        ),
        (
            "invariant bad option",
            quote!(
                #[invariant(true, message)]
                struct A {
                    a: u8,
                }
            ),
        ),
        (
            "container rule",
            quote!(
                #[validate(range(1..))]
                struct A {
                    a: u8,
                }
            ),
        ),
        (
            "crate not a path",
            quote!(
                #[validate(crate = "not a path")]
                struct A {
                    a: u8,
                }
            ),
        ),
        ("union", quote!(union U { a: u8, b: f32 })),
        (
            "not an item",
            quote!(
                fn f() {}
            ),
        ),
        ("empty input", TokenStream::new()),
        (
            "unbounded length",
            quote!(
                struct A {
                    #[validate(length(..))]
                    a: String,
                }
            ),
        ),
        (
            "float length",
            quote!(
                struct A {
                    #[validate(length(1.5..))]
                    a: String,
                }
            ),
        ),
        (
            "each on option of int",
            quote!(
                struct A {
                    #[validate(each(range(1..)))]
                    a: Option<u8>,
                }
            ),
        ),
        (
            "nested each required",
            quote!(
                struct A {
                    #[validate(each(required))]
                    a: Vec<u8>,
                }
            ),
        ),
        (
            "regex lookaround",
            quote!(
                struct A {
                    #[validate(pattern = "(?=a)")]
                    a: String,
                }
            ),
        ),
        (
            "enum variant attrs",
            quote!(
                enum E {
                    #[invariant(true)]
                    A,
                }
            ),
        ),
    ];
    for (name, input) in cases {
        assert_reports(name, &crate::validate::expand(input));
    }
}

#[test]
fn validated_reports_malformed_input() {
    let cases: Vec<(&str, TokenStream, TokenStream)> = vec![
        (
            "unknown argument",
            quote!(serd),
            quote!(
                struct A(u8);
            ),
        ),
        (
            "argument with value",
            quote!(serde = 1),
            quote!(
                struct A(u8);
            ),
        ),
        (
            "garbage arguments",
            quote!(,,,),
            quote!(
                struct A(u8);
            ),
        ),
        (
            "enum",
            TokenStream::new(),
            quote!(
                enum E {
                    A,
                }
            ),
        ),
        (
            "trait",
            TokenStream::new(),
            quote!(
                trait T {}
            ),
        ),
        ("union", TokenStream::new(), quote!(union U { a: u8 })),
        ("not an item", TokenStream::new(), quote!(let x = 1;)),
        ("empty", TokenStream::new(), TokenStream::new()),
        (
            "unit",
            TokenStream::new(),
            quote!(
                struct A;
            ),
        ),
        (
            "two tuple fields",
            TokenStream::new(),
            quote!(
                struct A(u8, u8);
            ),
        ),
        (
            "pub field",
            TokenStream::new(),
            quote!(
                struct A {
                    pub a: u8,
                }
            ),
        ),
        (
            "bad rule",
            TokenStream::new(),
            quote!(
                struct A {
                    #[validate(range(2..1))]
                    a: u8,
                }
            ),
        ),
    ];
    for (name, args, input) in cases {
        assert_reports(name, &crate::validated::expand(args, input));
    }
}

#[test]
fn derive_builder_reports_malformed_input() {
    let cases: Vec<(&str, TokenStream)> = vec![
        (
            "tuple struct",
            quote!(
                struct A(u8);
            ),
        ),
        (
            "unit struct",
            quote!(
                struct A;
            ),
        ),
        (
            "enum",
            quote!(
                enum E {
                    A,
                }
            ),
        ),
        ("union", quote!(union U { a: u8 })),
        (
            "unknown option",
            quote!(
                struct A {
                    #[builder(defualt)]
                    a: u8,
                }
            ),
        ),
        (
            "into with value",
            quote!(
                struct A {
                    #[builder(into = 1)]
                    a: u8,
                }
            ),
        ),
        (
            "unknown container option",
            quote!(
                #[builder(crat = "x")]
                struct A {
                    a: u8,
                }
            ),
        ),
        (
            "validated with value",
            quote!(
                #[builder(validated = "yes")]
                struct A {
                    a: u8,
                }
            ),
        ),
        (
            "field named build",
            quote!(
                struct A {
                    build: u8,
                }
            ),
        ),
        ("empty input", TokenStream::new()),
        (
            "a function",
            quote!(
                fn f() {}
            ),
        ),
    ];
    for (name, input) in cases {
        assert_reports(name, &crate::builder::expand(input));
    }
}

#[test]
fn ffi_safe_reports_malformed_input() {
    let cases: Vec<(&str, TokenStream, TokenStream)> = vec![
        (
            "no repr",
            TokenStream::new(),
            quote!(
                struct A {
                    a: u8,
                }
            ),
        ),
        (
            "repr Rust",
            TokenStream::new(),
            quote!(
                #[repr(Rust)]
                struct A {
                    a: u8,
                }
            ),
        ),
        (
            "empty struct",
            TokenStream::new(),
            quote!(
                #[repr(C)]
                struct A {}
            ),
        ),
        ("unknown option", quote!(sise = 1), TokenStream::new()),
        (
            "size not an expression",
            quote!(size = ),
            quote!(
                #[repr(C)]
                struct A {
                    a: u8,
                }
            ),
        ),
        (
            "garbage arguments",
            quote!(,,),
            quote!(
                #[repr(C)]
                struct A {
                    a: u8,
                }
            ),
        ),
        (
            "string field",
            TokenStream::new(),
            quote!(
                #[repr(C)]
                struct A {
                    a: String,
                }
            ),
        ),
        (
            "tuple field",
            TokenStream::new(),
            quote!(
                #[repr(C)]
                struct A((u8, u8));
            ),
        ),
        (
            "bad field option",
            TokenStream::new(),
            quote!(
                #[repr(C)]
                struct A {
                    #[ffi(ofset = 1)]
                    a: u8,
                }
            ),
        ),
        (
            "enum with data",
            TokenStream::new(),
            quote!(
                #[repr(u8)]
                enum E {
                    A(u8),
                }
            ),
        ),
        (
            "enum without repr",
            TokenStream::new(),
            quote!(
                enum E {
                    A,
                }
            ),
        ),
        (
            "size on enum",
            quote!(size = 1),
            quote!(
                #[repr(u8)]
                enum E {
                    A,
                }
            ),
        ),
        (
            "plain fn",
            TokenStream::new(),
            quote!(
                fn f() {}
            ),
        ),
        (
            "async extern fn",
            TokenStream::new(),
            quote!(
                async extern "C" fn f() {}
            ),
        ),
        (
            "on_panic on struct",
            quote!(on_panic = 0),
            quote!(
                #[repr(C)]
                struct A {
                    a: u8,
                }
            ),
        ),
        (
            "generic with size",
            quote!(size = 8),
            quote!(
                #[repr(C)]
                struct A<T> {
                    a: T,
                }
            ),
        ),
        (
            "a trait",
            TokenStream::new(),
            quote!(
                trait T {}
            ),
        ),
        ("empty input", TokenStream::new(), TokenStream::new()),
    ];
    for (name, args, input) in cases {
        assert_reports(name, &crate::ffi::expand(args, input));
    }
}

#[test]
fn audit_log_reports_malformed_input() {
    let cases: Vec<(&str, TokenStream, TokenStream)> = vec![
        (
            "unknown key",
            quote!(operaton = "x"),
            quote!(
                fn f() {}
            ),
        ),
        (
            "skip unknown",
            quote!(skip(b)),
            quote!(
                fn f(a: u8) {}
            ),
        ),
        (
            "redact unknown",
            quote!(redact(b)),
            quote!(
                fn f(a: u8) {}
            ),
        ),
        (
            "resources unknown",
            quote!(resources(b)),
            quote!(
                fn f(a: u8) {}
            ),
        ),
        (
            "args unknown",
            quote!(args(b)),
            quote!(
                fn f(a: u8) {}
            ),
        ),
        (
            "skip_all and args",
            quote!(skip_all, args(a)),
            quote!(
                fn f(a: u8) {}
            ),
        ),
        (
            "operation not a string",
            quote!(operation = 5),
            quote!(
                fn f() {}
            ),
        ),
        (
            "skip not a list",
            quote!(skip = "a"),
            quote!(
                fn f(a: u8) {}
            ),
        ),
        (
            "garbage",
            quote!(,,),
            quote!(
                fn f() {}
            ),
        ),
        (
            "const fn",
            TokenStream::new(),
            quote!(
                const fn f() {}
            ),
        ),
        (
            "struct",
            TokenStream::new(),
            quote!(
                struct A;
            ),
        ),
        ("empty", TokenStream::new(), TokenStream::new()),
        (
            "result on unit fn",
            quote!(result),
            quote!(
                fn f() {}
            ),
        ),
    ];
    for (name, args, input) in cases {
        assert_reports(name, &crate::audit::expand(args, input));
    }
}
