//! The malformed-input corpus: every macro gets truncated attributes, wrong literal
//! kinds, repeated keys, keys on the wrong item, empty structs, every kind of generic
//! parameter, odd string literals, huge integers and nested attributes. Each input must
//! give a `compile_error!` (or, where marked, valid code) and never a panic.

use proc_macro2::TokenStream;

#[derive(Clone, Copy, Debug)]
enum Macro {
    Validate,
    Validated,
    Builder,
    FfiSafe,
    AuditLog,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Expect {
    /// A `compile_error!`.
    Error,
    /// Valid code, no error.
    Valid,
}

use Expect::{Error, Valid};
use Macro::{AuditLog, Builder, FfiSafe, Validate, Validated};

/// `(macro, attribute arguments, item, expectation)`.
const CORPUS: &[(Macro, &str, &str, Expect)] = &[
    // #[derive(Validate)]
    (
        Validate,
        "",
        "struct A { #[validate(range(1..=))] a: u8 }",
        Error,
    ),
    (
        Validate,
        "",
        "struct A { #[validate(range(..))] a: u8 }",
        Error,
    ),
    (Validate, "", "struct A { #[validate(range)] a: u8 }", Error),
    (
        Validate,
        "",
        "struct A { #[validate(range = 5)] a: u8 }",
        Error,
    ),
    (
        Validate,
        "",
        "struct A { #[validate(range(\"a\"..\"b\"))] a: u8 }",
        Error,
    ),
    (
        Validate,
        "",
        "struct A { #[validate(range('a'..='z'))] a: u8 }",
        Error,
    ),
    (
        Validate,
        "",
        "struct A { #[validate(range(true..))] a: u8 }",
        Error,
    ),
    (
        Validate,
        "",
        "struct A { #[validate(range(b\"x\"..))] a: u8 }",
        Error,
    ),
    (
        Validate,
        "",
        "struct A { #[validate(range(1.5..))] a: u8 }",
        Error,
    ),
    (
        Validate,
        "",
        "struct A { #[validate(range(0..=99999999999999999999999999999999999999999))] a: u128 }",
        Error,
    ),
    (
        Validate,
        "",
        "struct A { #[validate(range(-340282366920938463463374607431768211456..))] a: i128 }",
        Error,
    ),
    (
        Validate,
        "",
        "struct A { #[validate(range(0..=340282366920938463463374607431768211455))] a: u128 }",
        Valid,
    ),
    (
        Validate,
        "",
        "struct A { #[validate(range(1..), range(2..))] a: u8 }",
        Error,
    ),
    (
        Validate,
        "",
        "struct A { #[validate(range(1..))] #[validate(range(..=9))] a: u8 }",
        Valid,
    ),
    (
        Validate,
        "",
        "struct A { #[validate(pattern = 5)] a: String }",
        Error,
    ),
    (
        Validate,
        "",
        "struct A { #[validate(pattern = \"(?=a)\")] a: String }",
        Error,
    ),
    (
        Validate,
        "",
        "struct A { #[validate(pattern = \"\\u{0}\\x7f[\")] a: String }",
        Error,
    ),
    (
        Validate,
        "",
        "struct A { #[validate(pattern = \"\\\\p{Greek}+\")] a: String }",
        Valid,
    ),
    (
        Validate,
        "",
        "struct A { #[validate(pattern = r#\"[\"]\"#)] a: String }",
        Valid,
    ),
    (
        Validate,
        "",
        "struct A { #[validate(prefix = b\"x\")] a: String }",
        Error,
    ),
    (
        Validate,
        "",
        "struct A { #[validate(email = \"x\")] a: String }",
        Error,
    ),
    (
        Validate,
        "",
        "struct A { #[validate(email(strict))] a: String }",
        Error,
    ),
    (
        Validate,
        "",
        "struct A { #[validate(each = 1)] a: Vec<u8> }",
        Error,
    ),
    (
        Validate,
        "",
        "struct A { #[validate(each(rnage(1..)))] a: Vec<u8> }",
        Error,
    ),
    (
        Validate,
        "",
        "struct A { #[validate(each(each(each(range(1..)))))] a: Vec<Vec<Vec<u8>>> }",
        Valid,
    ),
    (
        Validate,
        "",
        "struct A { #[validate(each(required))] a: Vec<u8> }",
        Error,
    ),
    (
        Validate,
        "",
        "struct A { #[validate(custom = 1 + 1)] a: u8 }",
        Error,
    ),
    (
        Validate,
        "",
        "struct A { #[validate(custom)] a: u8 }",
        Error,
    ),
    (
        Validate,
        "",
        "struct A { #[validate(range(1..), message = 5)] a: u8 }",
        Error,
    ),
    (
        Validate,
        "",
        "struct A { #[validate(code = \"x\")] a: u8 }",
        Error,
    ),
    (Validate, "", "struct A { #[validate] a: u8 }", Error),
    (
        Validate,
        "",
        "struct A { #[validate = \"x\"] a: u8 }",
        Error,
    ),
    (Validate, "", "struct A { #[validate()] a: u8 }", Valid),
    (Validate, "", "#[invariant(,,)] struct A { a: u8 }", Error),
    (
        Validate,
        "",
        "#[invariant(true, message)] struct A { a: u8 }",
        Error,
    ),
    (
        Validate,
        "",
        "#[invariant(true, message = \"m\", message = \"n\")] struct A { a: u8 }",
        Error,
    ),
    (Validate, "", "#[invariant] struct A { a: u8 }", Error),
    (Validate, "", "#[invariant()] struct A { a: u8 }", Error),
    (
        Validate,
        "",
        "#[validate(range(1..))] struct A { a: u8 }",
        Error,
    ),
    (
        Validate,
        "",
        "#[validate(crate = \"not a path\")] struct A { a: u8 }",
        Error,
    ),
    (
        Validate,
        "",
        "#[validate(crate = 5)] struct A { a: u8 }",
        Error,
    ),
    (Validate, "", "union U { a: u8, b: f32 }", Error),
    (Validate, "", "enum E { #[invariant(true)] A }", Error),
    (
        Validate,
        "",
        "enum E { #[validate(range(1..))] A(u8) }",
        Error,
    ),
    (Validate, "", "enum E {}", Valid),
    (Validate, "", "struct A;", Valid),
    (Validate, "", "struct A {}", Valid),
    (
        Validate,
        "",
        "struct A<'a, T: Clone, const N: usize> where T: Copy { #[validate(length(1..=N))] a: &'a \
            [T] }",
        Valid,
    ),
    (
        Validate,
        "",
        "struct A { #[validate(length(..))] a: String }",
        Error,
    ),
    (
        Validate,
        "",
        "struct A { #[validate(length(1.5..))] a: String }",
        Error,
    ),
    (
        Validate,
        "",
        "struct A { #[validate(length(-1..))] a: String }",
        Error,
    ),
    (
        Validate,
        "",
        "struct A { #[validate(each(range(1..)))] a: Option<u8> }",
        Error,
    ),
    (
        Validate,
        "",
        "struct A { #[validate(nested)] a: Vec<u8> }",
        Error,
    ),
    (
        Validate,
        "",
        "struct A { #[validate(finite)] a: u8 }",
        Error,
    ),
    (
        Validate,
        "",
        "struct A { #[validate(required)] a: u8 }",
        Error,
    ),
    (
        Validate,
        "",
        "struct A { #[validate(r#range(1..))] a: u8 }",
        Error,
    ),
    (
        Validate,
        "",
        "struct A { #[validate(range(1..))] r#type: u8 }",
        Valid,
    ),
    // #[validated]
    (Validated, "serd", "struct A(u8);", Error),
    (Validated, "serde = 1", "struct A(u8);", Error),
    (Validated, "serde, serde", "struct A(u8);", Error),
    (Validated, ",,,", "struct A(u8);", Error),
    (Validated, "crate", "struct A(u8);", Error),
    (Validated, "", "enum E { A }", Error),
    (Validated, "", "trait T {}", Error),
    (Validated, "", "union U { a: u8 }", Error),
    (Validated, "", "fn f() {}", Error),
    (Validated, "", "mod m {}", Error),
    (Validated, "", "struct A;", Error),
    (Validated, "", "struct A {}", Valid),
    (Validated, "", "struct A(u8, u8);", Error),
    (Validated, "", "struct A { pub a: u8 }", Error),
    (Validated, "", "struct A { pub(crate) a: u8 }", Error),
    (
        Validated,
        "",
        "struct A { #[validate(range(2..1))] a: u8 }",
        Error,
    ),
    (
        Validated,
        "",
        "#[invariant(self.a > 0)] struct A { a: u8 }",
        Valid,
    ),
    (
        Validated,
        "",
        "struct A<'a, T, const N: usize> { a: &'a [T; N] }",
        Valid,
    ),
    (
        Validated,
        "",
        "struct A { #[validate(range(1..))] #[serde(rename = \"b\")] a: u8 }",
        Valid,
    ),
    // #[derive(Builder)]
    (Builder, "", "struct A(u8);", Error),
    (Builder, "", "struct A;", Error),
    (Builder, "", "enum E { A }", Error),
    (Builder, "", "union U { a: u8 }", Error),
    (Builder, "", "struct A { #[builder(defualt)] a: u8 }", Error),
    (
        Builder,
        "",
        "struct A { #[builder(into = 1)] a: u8 }",
        Error,
    ),
    (
        Builder,
        "",
        "struct A { #[builder(default, default)] a: u8 }",
        Error,
    ),
    (
        Builder,
        "",
        "#[builder(crat = \"x\")] struct A { a: u8 }",
        Error,
    ),
    (
        Builder,
        "",
        "#[builder(validated = \"yes\")] struct A { a: u8 }",
        Error,
    ),
    (Builder, "", "struct A { build: u8 }", Error),
    (
        Builder,
        "",
        "struct A { x: Option<u8>, maybe_x: u8 }",
        Error,
    ),
    (Builder, "", "struct A {}", Valid),
    (
        Builder,
        "",
        "struct A<'a, T: Clone = u8, const N: usize = 3> where T: Copy { a: &'a [T; N] }",
        Valid,
    ),
    (
        Builder,
        "",
        "struct A { #[builder(default = \"x\")] a: &'static str }",
        Valid,
    ),
    // The attribute reader (`util::attr`): every shape of a key that is not the
    // expected one.
    (
        Builder,
        "",
        "struct A { #[builder(default(3))] a: u8 }",
        Error,
    ),
    (
        Builder,
        "",
        "struct A { #[builder(default = )] a: u8 }",
        Error,
    ),
    (Builder, "", "struct A { #[builder = 1] a: u8 }", Error),
    (Builder, "", "struct A { #[builder] a: u8 }", Valid),
    (
        Builder,
        "",
        "struct A { #[builder(default)] #[builder(default)] a: u8 }",
        Error,
    ),
    (Builder, "", "struct A { #[builder(a::b)] a: u8 }", Error),
    (Builder, "", "#[builder(crate)] struct A { a: u8 }", Error),
    (
        Builder,
        "",
        "#[builder(crate = \"not a path!\")] struct A { a: u8 }",
        Error,
    ),
    (
        Builder,
        "",
        "#[builder(crate = 5)] struct A { a: u8 }",
        Error,
    ),
    (
        Builder,
        "",
        "#[builder(crate = ::p)] struct A { a: u8 }",
        Valid,
    ),
    (
        Validate,
        "",
        "struct A { #[validate(each)] a: Vec<u8> }",
        Error,
    ),
    (
        Validate,
        "",
        "struct A { #[validate(each = 1)] a: Vec<u8> }",
        Error,
    ),
    (
        Validate,
        "",
        "struct A { #[validate(custom = 1 + 2)] a: u8 }",
        Error,
    ),
    (
        Validate,
        "",
        "struct A { #[validate(custom)] a: u8 }",
        Error,
    ),
    (
        Validate,
        "",
        "struct A { #[validate(email = \"yes\")] a: String }",
        Error,
    ),
    (
        Validate,
        "",
        "struct A { #[validate(prefix(\"a\"))] a: String }",
        Error,
    ),
    (
        Validate,
        "",
        "struct A { #[validate(prefix = 1)] a: String }",
        Error,
    ),
    (
        Validate,
        "",
        "struct A { #[validate(range(-)) ] a: i8 }",
        Error,
    ),
    (
        Validate,
        "",
        "struct A { #[validate(range(1..=2, 3))] a: u8 }",
        Error,
    ),
    (
        Validate,
        "",
        "struct A { #[validate(zzzz, range(1..))] a: u8 }",
        Error,
    ),
    (
        Validate,
        "",
        "#[invariant(self.a > 0, message)] struct A { a: u8 }",
        Error,
    ),
    (
        Validate,
        "",
        "#[invariant(self.a > 0, mesage = \"m\")] struct A { a: u8 }",
        Error,
    ),
    (Validate, "", "#[validate(crate)] struct A { a: u8 }", Error),
    (AuditLog, "skip", "fn f(a: u8) {}", Error),
    (AuditLog, "skip(a = 1)", "fn f(a: u8) {}", Error),
    (AuditLog, "crate = 5", "fn f() {}", Error),
    (AuditLog, "operation(\"x\")", "fn f() {}", Error),
    (FfiSafe, "size", "#[repr(C)] struct A { a: u8 }", Error),
    (
        FfiSafe,
        "no_padding = true",
        "#[repr(C)] struct A { a: u8 }",
        Error,
    ),
    (
        FfiSafe,
        "",
        "#[repr(C)] struct A { #[ffi(offset)] a: u8 }",
        Error,
    ),
    (
        FfiSafe,
        "",
        "#[repr(C)] struct A { #[ffi = 1] a: u8 }",
        Error,
    ),
    // #[ffi_safe]
    (FfiSafe, "", "struct A { a: u8 }", Error),
    (FfiSafe, "", "#[repr(Rust)] struct A { a: u8 }", Error),
    (FfiSafe, "", "#[repr(C)] struct A {}", Error),
    (FfiSafe, "", "#[repr(C)] struct A;", Error),
    (FfiSafe, "sise = 1", "#[repr(C)] struct A { a: u8 }", Error),
    (FfiSafe, "size = ", "#[repr(C)] struct A { a: u8 }", Error),
    (
        FfiSafe,
        "size = \"8\"",
        "#[repr(C)] struct A { a: u8 }",
        Valid,
    ),
    (
        FfiSafe,
        "size = 1, size = 2",
        "#[repr(C)] struct A { a: u8 }",
        Error,
    ),
    (FfiSafe, ",,", "#[repr(C)] struct A { a: u8 }", Error),
    (FfiSafe, "", "#[repr(C)] struct A { a: String }", Error),
    (FfiSafe, "", "#[repr(C)] struct A((u8, u8));", Error),
    (
        FfiSafe,
        "",
        "#[repr(C)] struct A { #[ffi(ofset = 1)] a: u8 }",
        Error,
    ),
    (
        FfiSafe,
        "",
        "#[repr(C)] struct A { #[ffi(offset)] a: u8 }",
        Error,
    ),
    (FfiSafe, "", "#[repr(u8)] enum E { A(u8) }", Error),
    (FfiSafe, "", "enum E { A }", Error),
    (FfiSafe, "", "#[repr(C)] enum E { A }", Error),
    (FfiSafe, "size = 1", "#[repr(u8)] enum E { A }", Error),
    (FfiSafe, "", "fn f() {}", Error),
    (FfiSafe, "", "async extern \"C\" fn f() {}", Error),
    (
        FfiSafe,
        "on_panic = 0",
        "#[repr(C)] struct A { a: u8 }",
        Error,
    ),
    (
        FfiSafe,
        "size = 8",
        "#[repr(C)] struct A<T> { a: T }",
        Error,
    ),
    (FfiSafe, "", "trait T {}", Error),
    (FfiSafe, "", "union U { a: u8 }", Error),
    (
        FfiSafe,
        "",
        "#[repr(C)] struct A<'a, T, const N: usize> { a: Option<&'a [T; N]> }",
        Valid,
    ),
    (
        FfiSafe,
        "",
        "#[repr(C)] struct A { a: [[u8; 4]; 2], b: *const *mut u8 }",
        Valid,
    ),
    // #[audit_log]
    (AuditLog, "operaton = \"x\"", "fn f() {}", Error),
    (AuditLog, "skip(b)", "fn f(a: u8) {}", Error),
    (AuditLog, "redact(b)", "fn f(a: u8) {}", Error),
    (AuditLog, "resources(b)", "fn f(a: u8) {}", Error),
    (AuditLog, "args(b)", "fn f(a: u8) {}", Error),
    (AuditLog, "skip_all, args(a)", "fn f(a: u8) {}", Error),
    (AuditLog, "operation = 5", "fn f() {}", Error),
    (
        AuditLog,
        "operation = \"a\", operation = \"b\"",
        "fn f() {}",
        Error,
    ),
    (AuditLog, "skip = \"a\"", "fn f(a: u8) {}", Error),
    (AuditLog, ",,", "fn f() {}", Error),
    (AuditLog, "start = true", "fn f() {}", Error),
    (AuditLog, "", "const fn f() {}", Error),
    (AuditLog, "", "struct A;", Error),
    (AuditLog, "result", "fn f() {}", Error),
    (
        AuditLog,
        "",
        "fn f<'a, T: Clone, const N: usize>(a: &'a [T; N]) -> usize where T: Copy { N }",
        Valid,
    ),
    (AuditLog, "skip((a, b))", "fn f((a, b): (u8, u8)) {}", Error),
    (
        AuditLog,
        "",
        "fn f((a, b): (u8, u8)) -> u8 { a + b }",
        Valid,
    ),
];

/// Deep nesting, as the fuzzer's `impl<<<<…` finding suggested: the macros recurse
/// into types, and 50 levels must neither overflow nor be refused.
fn deeply_nested() -> Vec<(Macro, String)> {
    let ty = format!("{}u8{}", "Option<".repeat(50), ">".repeat(50));
    vec![
        (
            Validate,
            format!("struct A {{ #[validate(required)] a: {ty} }}"),
        ),
        (Builder, format!("struct A {{ a: {ty} }}")),
        (AuditLog, format!("fn f(a: {ty}) -> usize {{ 0 }}")),
    ]
}

#[test]
fn syn_alone_needs_a_deep_stack_for_deep_nesting() {
    // What overflows a 2 MiB debug test thread at ~45 levels is syn's own parser:
    // parsing the item alone, with no palisade code involved.
    let item = deeply_nested().remove(0).1;
    let parsed = std::thread::Builder::new()
        .stack_size(8 << 20)
        .spawn(move || syn::parse_str::<syn::DeriveInput>(&item).is_ok())
        .unwrap()
        .join()
        .unwrap();
    assert!(parsed);
}

/// rustc runs procedural macros on a thread with at least 8 MiB of stack; the test
/// gives the expansion the same.
#[test]
fn deeply_nested_types_expand() {
    std::thread::Builder::new()
        .stack_size(8 << 20)
        .spawn(expand_deeply_nested)
        .unwrap()
        .join()
        .unwrap();
}

fn expand_deeply_nested() {
    for (which, item) in deeply_nested() {
        let output = expand(which, TokenStream::new(), item.parse().unwrap());
        let text = output.to_string();
        assert!(!text.contains("compile_error"), "{which:?}: {text}");
        assert!(syn::parse2::<syn::File>(output).is_ok());
    }
}

fn expand(which: Macro, args: TokenStream, item: TokenStream) -> TokenStream {
    match which {
        Validate => crate::derive_validate::expand(item),
        Validated => crate::validated::expand(args, item),
        Builder => crate::builder::expand(item),
        FfiSafe => crate::ffi::expand(args, item),
        AuditLog => crate::audit::expand(args, item),
    }
}

#[test]
fn the_corpus_gives_errors_or_valid_code_and_never_panics() {
    assert!(
        CORPUS.len() >= 100,
        "the corpus has {} inputs",
        CORPUS.len()
    );
    for &(which, args, item, expect) in CORPUS {
        let args: TokenStream = args
            .parse()
            .unwrap_or_else(|_| panic!("corpus args do not lex: {args}"));
        let item_tokens: TokenStream = item
            .parse()
            .unwrap_or_else(|_| panic!("corpus item does not lex: {item}"));
        let output = std::panic::catch_unwind(|| expand(which, args, item_tokens))
            .unwrap_or_else(|_| panic!("{which:?} panicked on `{item}`"));
        let text = output.to_string();
        match expect {
            Error => assert!(
                text.contains("compile_error"),
                "{which:?} `{item}`: expected an error, got\n{text}"
            ),
            Valid => {
                assert!(
                    !text.contains("compile_error"),
                    "{which:?} `{item}`: expected valid code, got\n{text}"
                );
                assert!(
                    syn::parse2::<syn::File>(output).is_ok(),
                    "{which:?} `{item}`: output does not parse"
                );
            }
        }
    }
}
